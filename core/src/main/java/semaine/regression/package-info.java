/**
 * Day 2 of the book, regression: {@link semaine.regression.LinearRegression} (ordinary least
 * squares, scikit-learn 1.9's {@code sklearn.linear_model.LinearRegression}, the same numbers),
 * {@link semaine.regression.GradientDescentRegressor} (the book's batch gradient descent, with the
 * history of every step), and {@link semaine.regression.LossSurface} (the mean squared loss as a
 * function of (w, b), for the figures). Every regressor follows the {@link semaine.base.Regressor}
 * role of the estimator contract.
 * {@link semaine.regression.KNeighborsRegressor} (day 3's k nearest neighbours for a number) lives
 * here too: scikit-learn puts it in {@code sklearn.neighbors}, semaine groups models by the book's
 * chapters.
 *
 * <p>The least-squares solver is our own: a blocked Householder QR (TSQR, parallel over row chunks)
 * followed by a one-sided Jacobi SVD of the small triangular factor, which reproduces
 * {@code scipy.linalg.lstsq}'s minimum-norm solution and its singular-value cutoff without LAPACK.
 * Sparse input, sample weights and {@code positive=True} are not supported.
 *
 * <p>A split package, on purpose: {@code MLPRegressor} is in this package too, but in the
 * {@code semaine-nn} module, beside the network it trains, so that core carries no neural-network
 * code and a reader of {@code semaine.regression} still finds every regressor. The same holds for
 * {@code MLPClassifier} in {@code semaine.classification}.
 */
package semaine.regression;
