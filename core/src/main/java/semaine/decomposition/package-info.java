/**
 * Dimensionality reduction, as scikit-learn's {@code sklearn.decomposition}: {@link
 * semaine.decomposition.PCA} (day 1's digits in two dimensions, the scree plot) with the full,
 * covariance and randomized solvers of scikit-learn 1.9 and its sign convention, so components
 * and projections match scikit-learn's to rounding.
 */
package semaine.decomposition;
