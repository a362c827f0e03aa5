/**
 * Filling in missing values, as scikit-learn's {@code sklearn.impute}:
 * {@link semaine.impute.SimpleImputer} replaces each missing entry by its column's mean, median,
 * most frequent value or a constant learned at fit.
 */
package semaine.impute;
