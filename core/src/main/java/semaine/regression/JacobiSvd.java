package semaine.regression;

import java.util.Arrays;

/**
 * Singular value decomposition {@code A = U S Vᵀ} of a matrix with at least as many rows as
 * columns by one-sided Jacobi rotations (Hestenes' method).
 *
 * <p>Pairs of columns of A are rotated until every pair is orthogonal to working precision; the
 * rotations, accumulated, form V, the final column norms are the singular values and the normalised
 * columns are U. One-sided Jacobi computes small singular values to high relative accuracy, which
 * is what the rank cutoff needs. In least squares A is the (d, d) factor from {@link TallQr}, so a
 * sweep costs O(d³) and d is the number of features; PCA uses it on R as well, and on the
 * transposed, tall small matrices of its randomized and wide cases.
 *
 * @param u left singular vectors, (rows, cols) column-major; a column whose singular value is 0 is 0
 * @param s singular values in decreasing order, shape (cols,)
 * @param v right singular vectors, (cols, cols) column-major
 */
public record JacobiSvd(double[] u, double[] s, double[] v) {

  /** Sweeps allowed; Jacobi converges quadratically and needs well under 20 in practice. */
  private static final int MAX_SWEEPS = 60;

  /** Columns count as orthogonal when |a_p · a_q| <= EPS ‖a_p‖ ‖a_q‖. */
  private static final double EPS = 0x1.0p-52;

  /** Decomposes {@code a}, an (m, m) column-major matrix; {@code a} is left unchanged. */
  public static JacobiSvd of(double[] a, int m) {
    return of(a, m, m);
  }

  /**
   * Decomposes {@code a}, a (rows, cols) column-major matrix with {@code rows >= cols}; {@code a}
   * is left unchanged.
   */
  public static JacobiSvd of(double[] a, int rows, int cols) {
    if (rows < cols || a.length != rows * cols) {
      throw new IllegalArgumentException("JacobiSvd needs a (rows, cols) matrix with rows >= cols:"
          + " got " + a.length + " values for (" + rows + ", " + cols + ")");
    }
    double[] w = a.clone();
    double[] v = new double[cols * cols];
    for (int i = 0; i < cols; i++) {
      v[i * cols + i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      boolean rotated = false;
      for (int p = 0; p < cols - 1; p++) {
        for (int q = p + 1; q < cols; q++) {
          rotated |= orthogonalise(w, rows, v, cols, p, q);
        }
      }
      if (!rotated) {
        break;
      }
    }
    return sorted(w, rows, v, cols);
  }

  /** Rotates columns p and q of w (and of v) so that they become orthogonal; false if they were. */
  private static boolean orthogonalise(double[] w, int m, double[] v, int k, int p, int q) {
    double alpha = Blas.dot(w, p * m, w, p * m, m);
    double beta = Blas.dot(w, q * m, w, q * m, m);
    double gamma = Blas.dot(w, p * m, w, q * m, m);
    if (alpha == 0 || beta == 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha) * Math.sqrt(beta)) {
      return false;
    }
    // The angle that zeroes the off-diagonal entry of the 2x2 Gram matrix [[alpha, gamma],
    // [gamma, beta]]; t is the smaller root of t² + 2 zeta t - 1 = 0, for stability.
    double zeta = (beta - alpha) / (2 * gamma);
    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
    if (zeta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(1 + t * t);
    double s = c * t;
    rotate(w, m, p, q, c, s);
    rotate(v, k, p, q, c, s);
    return true;
  }

  private static void rotate(double[] x, int m, int p, int q, double c, double s) {
    int op = p * m;
    int oq = q * m;
    for (int i = 0; i < m; i++) {
      double xp = x[op + i];
      double xq = x[oq + i];
      x[op + i] = c * xp - s * xq;
      x[oq + i] = s * xp + c * xq;
    }
  }

  /** Column norms as singular values, sorted decreasingly with their vectors. */
  private static JacobiSvd sorted(double[] w, int m, double[] v, int k) {
    double[] norms = new double[k];
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      norms[i] = Math.sqrt(Blas.dot(w, i * m, w, i * m, m));
      order[i] = i;
    }
    Arrays.sort(order, (i, j) -> Double.compare(norms[j], norms[i]));
    double[] u = new double[m * k];
    double[] s = new double[k];
    double[] vs = new double[k * k];
    for (int rank = 0; rank < k; rank++) {
      int col = order[rank];
      s[rank] = norms[col];
      System.arraycopy(v, col * k, vs, rank * k, k);
      if (norms[col] > 0) {
        for (int i = 0; i < m; i++) {
          u[rank * m + i] = w[col * m + i] / norms[col];
        }
      }
    }
    return new JacobiSvd(u, s, vs);
  }
}
