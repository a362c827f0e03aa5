/**
 * Anomaly detection, day 5 of the book: {@link semaine.anomaly.LocalOutlierFactor} (scikit-learn
 * 1.9's {@code sklearn.neighbors.LocalOutlierFactor}, same scores and labels) and
 * {@link semaine.anomaly.IsolationForest} (scikit-learn's {@code sklearn.ensemble.IsolationForest},
 * the same trees and scores for the same seed, its tree splitter's xorshift generator included),
 * behind the small {@link semaine.base.OutlierDetector} role. Labels are +1 for an inlier
 * and −1 for an outlier, as in scikit-learn. The neighbour search LOF needs lives in
 * {@code semaine.neighbors}.
 */
package semaine.anomaly;
