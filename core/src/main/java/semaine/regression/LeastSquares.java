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
 * equals {@code gelsd}'s result to the last bit on the book's listing. Data whose centred values
 * are far from 1 (beyond 2^±400, e.g. near 1e160 or 1e-170) are first scaled by a power of two, as
 * {@code gelsd} scales into its safe range; coefficients that the double range cannot hold are an
 * error, never a printed 0.
 *
 * @param coef solution, shape (t, d): one row per target
 * @param rank number of singular values above the cutoff ({@code rank_})
 * @param singular singular values of the centred X, decreasing, shape (min(n, d),) ({@code singular_})
 */
record LeastSquares(double[][] coef, int rank, double[] singular) {

  /**
   * Solves for each target column.
   *
   * @param rows X, shape (n, d), and its target columns, shape (t, n), validated
   * @param summary the rows' {@link RowChunks#summary()}
   * @param xOffset subtracted from the rows of X, shape (d,)
   * @param yOffset subtracted from each target column, shape (t,)
   * @param cond relative cutoff on the singular values
   */
  static LeastSquares solve(RowChunks rows, RowChunks.Summary summary, double[] xOffset,
      double[] yOffset, double cond) {
    double[] max = summary.maxAbsCentred(xOffset, yOffset); // max |x - xOffset|, |y - yOffset|
    int xShift = Sums.safeScaleExponent(max[0]);
    int yShift = Sums.safeScaleExponent(max[1]);
    if (xShift == 0 && yShift == 0) {
      return solveInRange(rows, xOffset, yOffset, cond);
    }
    // The closed form and the Householder norms square entries (LAPACK's dnrm2 does not): far from
    // 1 they overflow or underflow, so solve X 2^xShift w' = y 2^yShift and w = w' 2^(xShift - yShift).
    LeastSquares scaled = solveInRange(rows.scaled(xOffset, xShift, yOffset, yShift),
        new double[xOffset.length], new double[yOffset.length], cond);
    int shift = xShift - yShift;
    double largest = 0;
    double[][] coef = scaled.coef();
    for (double[] row : coef) {
      for (int j = 0; j < row.length; j++) {
        largest = Math.max(largest, Math.abs(row[j]));
        row[j] = Math.scalb(row[j], shift);
      }
    }
    double unscaled = Math.scalb(largest, shift);
    if (largest > 0 && (Double.isInfinite(unscaled) || unscaled < Double.MIN_NORMAL)) {
      throw new IllegalArgumentException("the least-squares coefficients are out of the double range"
          + " (about 2^" + (Math.getExponent(largest) + shift) + "): the centred X reaches "
          + max[0] + " and the centred y " + max[1] + "; rescale X or y");
    }
    double[] singular = scaled.singular().clone();
    for (int i = 0; i < singular.length; i++) {
      singular[i] = Math.scalb(singular[i], -xShift);
    }
    return new LeastSquares(coef, scaled.rank(), singular);
  }

  private static LeastSquares solveInRange(
      RowChunks rows, double[] xOffset, double[] yOffset, double cond) {
    return xOffset.length == 1
        ? oneFeature(rows, xOffset[0], yOffset)
        : severalFeatures(rows, xOffset, yOffset, cond);
  }

  /** {@code Σ xc yc / Σ xc²} per target, the sums in NumPy's pairwise order over all rows. */
  private static LeastSquares oneFeature(RowChunks rows, double xOffset, double[] yOffset) {
    int t = yOffset.length;
    double[] sums = new double[1 + t]; // Σ xc², then Σ xc yc per target
    rows.forEach(chunk -> chunk, chunk -> {
      int n = chunk.to() - chunk.from();
      double[] xc = new double[n];
      double[] squares = new double[n];
      for (int i = 0; i < n; i++) {
        xc[i] = chunk.X()[chunk.from() + i][0] - xOffset;
        squares[i] = xc[i] * xc[i];
      }
      sums[0] = Sums.pairwise(sums[0], squares, 0, n);
      double[] products = new double[n];
      for (int c = 0; c < t; c++) {
        for (int i = 0; i < n; i++) {
          products[i] = xc[i] * (chunk.targets()[c][chunk.from() + i] - yOffset[c]);
        }
        sums[1 + c] = Sums.pairwise(sums[1 + c], products, 0, n);
      }
    });
    double sxx = sums[0];
    double[][] coef = new double[t][1];
    for (int c = 0; c < t && sxx > 0; c++) {
      coef[c][0] = sums[1 + c] / sxx;
    }
    return new LeastSquares(coef, sxx > 0 ? 1 : 0, new double[] {Math.sqrt(sxx)});
  }

  private static LeastSquares severalFeatures(
      RowChunks rows, double[] xOffset, double[] yOffset, double cond) {
    int d = xOffset.length;
    int t = yOffset.length;
    int k = d + t;
    double[] reduced = TallQr.reduce(rows, xOffset, yOffset);  // [R | Qᵀy], (d, k)
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
    return new LeastSquares(coef, rank, Arrays.copyOf(s, Math.min(rows.rows(), d)));
  }
}
