/**
 * Day 2 of the book, regression: {@link semaine.regression.LinearRegression} (ordinary least
 * squares, scikit-learn 1.9's {@code sklearn.linear_model.LinearRegression}, the same numbers),
 * {@link semaine.regression.GradientDescentRegressor} (the book's batch gradient descent, with the
 * history of every step), and {@link semaine.regression.LossSurface} (the mean squared loss as a
 * function of (w, b), for the figures). {@link semaine.regression.Regressor} is the small interface
 * they share.
 * {@link semaine.regression.KNeighborsRegressor} (day 3's k nearest neighbours for a number) lives
 * here too: scikit-learn puts it in {@code sklearn.neighbors}, semaine groups models by the book's
 * chapters.
 *
 * <p>The least-squares solver is our own: a blocked Householder QR (TSQR, parallel over row chunks)
 * followed by a one-sided Jacobi SVD of the small triangular factor, which reproduces
 * {@code scipy.linalg.lstsq}'s minimum-norm solution and its singular-value cutoff without LAPACK.
 * Sparse input, sample weights and {@code positive=True} are not supported.
 */
package semaine.regression;
