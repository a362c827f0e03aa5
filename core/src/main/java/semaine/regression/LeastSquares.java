package semaine.regression;

import java.util.Arrays;
import semaine.util.Sums;

/**
 * The minimum-norm least-squares solution of {@code (X - xOffset) w = y - yOffset}, like
 * {@code scipy.linalg.lstsq(X, y, cond=cond)} with LAPACK's {@code gelsd}.
 *
 * <p>Singular values {@code s_i <= cond * s_max} count as zero: their directions are dropped, which
 * gives the minimum-norm solution when X is rank-deficient or wide (more features than samples).
 * With several features, X is reduced by {@link TallQr} to its triangular factor R, and R is
 * decomposed by {@link JacobiSvd}: {@code Rᵀ = U S Vᵀ}, so {@code w = U S⁺ Vᵀ (Qᵀ y)}. With one
 * feature the solution is the closed form {@code Σ xc yc / Σ xc²} with NumPy's pairwise sums, which
 * equals {@code gelsd}'s result to the last bit on the book's listing.
 *
 * @param coef solution, shape (t, d): one row per target
 * @param rank number of singular values above the cutoff ({@code rank_})
 * @param singular singular values of the centred X, decreasing, shape (min(n, d),) ({@code singular_})
 */
record LeastSquares(double[][] coef, int rank, double[] singular) {

  /**
   * Solves for each target column.
   *
   * @param X samples, shape (n, d), validated
   * @param targets target columns, shape (t, n)
   * @param xOffset subtracted from the rows of X, shape (d,)
   * @param yOffset subtracted from each target column, shape (t,)
   * @param cond relative cutoff on the singular values
   */
  static LeastSquares solve(
      double[][] X, double[][] targets, double[] xOffset, double[] yOffset, double cond) {
    return xOffset.length == 1
        ? oneFeature(X, targets, xOffset[0], yOffset)
        : severalFeatures(X, targets, xOffset, yOffset, cond);
  }

  private static LeastSquares oneFeature(
      double[][] X, double[][] targets, double xOffset, double[] yOffset) {
    int n = X.length;
    double[] xc = new double[n];
    double[] squares = new double[n];
    for (int i = 0; i < n; i++) {
      xc[i] = X[i][0] - xOffset;
      squares[i] = xc[i] * xc[i];
    }
    double sxx = Sums.pairwise(squares);
    double[][] coef = new double[targets.length][1];
    double[] products = new double[n];
    for (int c = 0; c < targets.length && sxx > 0; c++) {
      for (int i = 0; i < n; i++) {
        products[i] = xc[i] * (targets[c][i] - yOffset[c]);
      }
      coef[c][0] = Sums.pairwise(products) / sxx;
    }
    return new LeastSquares(coef, sxx > 0 ? 1 : 0, new double[] {Math.sqrt(sxx)});
  }

  private static LeastSquares severalFeatures(
      double[][] X, double[][] targets, double[] xOffset, double[] yOffset, double cond) {
    int d = xOffset.length;
    int t = targets.length;
    int k = d + t;
    double[] reduced = TallQr.reduce(X, targets, xOffset, yOffset);  // [R | Qᵀy], (d, k)
    double[] rt = new double[d * d];                                  // Rᵀ, (d, d) column-major
    for (int i = 0; i < d; i++) {
      System.arraycopy(reduced, i * k, rt, i * d, d);
    }
    JacobiSvd svd = JacobiSvd.of(rt, d);
    double[] s = svd.s();
    int rank = 0;
    while (rank < d && s[rank] > cond * s[0]) {
      rank++;
    }
    double[][] coef = new double[t][d];
    double[] z = new double[d];
    for (int c = 0; c < t; c++) {
      for (int i = 0; i < d; i++) {
        z[i] = reduced[i * k + d + c];                                // (Qᵀy)_i
      }
      for (int i = 0; i < rank; i++) {
        double projection = Blas.dot(svd.v(), i * d, z, 0, d) / s[i];
        for (int j = 0; j < d; j++) {
          coef[c][j] += svd.u()[i * d + j] * projection;
        }
      }
    }
    return new LeastSquares(coef, rank, Arrays.copyOf(s, Math.min(X.length, d)));
  }
}
