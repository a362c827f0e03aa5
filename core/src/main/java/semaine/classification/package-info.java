/**
 * Classification, day 3 of the book: {@link semaine.classification.KNeighborsClassifier}
 * (scikit-learn 1.9's {@code sklearn.neighbors.KNeighborsClassifier}). Every classifier follows
 * the {@link semaine.base.Classifier} role of the estimator contract, which model selection uses.
 * The neighbour search itself lives in {@code semaine.neighbors}; scores are in
 * {@code semaine.metrics}.
 *
 * <p>A split package, on purpose: {@code MLPClassifier} is in this package too, but in the
 * {@code semaine-nn} module, beside the network it trains, so that core carries no neural-network
 * code and a reader of {@code semaine.classification} still finds every classifier. The same holds
 * for {@code MLPRegressor} in {@code semaine.regression}.
 */
package semaine.classification;
