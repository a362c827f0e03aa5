/**
 * Numerical solvers the linear models share: {@link semaine.optimize.Lbfgs}, the limited-memory
 * quasi-Newton minimiser scikit-learn reaches through {@code scipy.optimize.minimize(method=
 * "L-BFGS-B")}, and {@link semaine.optimize.Cholesky}, the symmetric positive definite solve of
 * {@code scipy.linalg.solve(assume_a="pos")}. Written from the algorithms' published descriptions
 * (Nocedal and Wright, Numerical Optimization, 2nd ed., chapters 3, 7), not from SciPy's code, so
 * iterates differ from SciPy's while the optimum they reach is the same.
 */
package semaine.optimize;
