/**
 * How good a model is: {@link semaine.metrics.ClassificationMetrics} (accuracy, confusion matrix),
 * {@link semaine.metrics.RegressionMetrics} (mean squared and absolute error, R²) and
 * {@link semaine.metrics.ClusteringMetrics} (silhouette), the book's evaluation steps, mirroring
 * the functions of {@code sklearn.metrics} of the same names for one output and no sample weights.
 */
package semaine.metrics;
