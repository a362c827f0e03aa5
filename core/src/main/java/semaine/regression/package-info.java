/**
 * Regression, day 2 of the book (linear models) and its k-nearest-neighbours variant
 * {@link semaine.regression.KNeighborsRegressor} (scikit-learn puts that one in
 * {@code sklearn.neighbors}; semaine groups models by the book's chapters).
 */
package semaine.regression;
