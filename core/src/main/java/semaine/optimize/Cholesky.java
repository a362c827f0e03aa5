package semaine.optimize;

/**
 * Solves A x = b for a symmetric positive definite A through its Cholesky factor A = L Lᵀ, as
 * {@code scipy.linalg.solve(A, b, assume_a="pos")} does (LAPACK's posv).
 *
 * <p>Cost O(n³/3) for the factor and O(n²) per right-hand side. Only the lower triangle of A is
 * read.
 */
public final class Cholesky {

  private final double[][] lower;   // (n, n) L, lower triangle

  private Cholesky(double[][] lower) {
    this.lower = lower;
  }

  /**
   * The factor of A, shape (n, n), or null when A is not (numerically) positive definite: a pivot
   * that is not strictly positive and finite, which is where posv reports "not positive definite".
   */
  public static Cholesky factor(double[][] A) {
    int n = A.length;
    double[][] L = new double[n][n];
    for (int j = 0; j < n; j++) {
      double pivot = A[j][j];
      for (int k = 0; k < j; k++) {
        pivot -= L[j][k] * L[j][k];
      }
      if (!(pivot > 0) || !Double.isFinite(pivot)) {
        return null;
      }
      double root = Math.sqrt(pivot);
      L[j][j] = root;
      for (int i = j + 1; i < n; i++) {
        double s = A[i][j];
        double[] Li = L[i];
        double[] Lj = L[j];
        for (int k = 0; k < j; k++) {
          s -= Li[k] * Lj[k];
        }
        Li[j] = s / root;
      }
    }
    return new Cholesky(L);
  }

  /** x with A x = b, shape (n,): forward substitution with L, then back substitution with Lᵀ. */
  public double[] solve(double[] b) {
    int n = lower.length;
    double[] x = b.clone();
    for (int i = 0; i < n; i++) {
      double s = x[i];
      for (int k = 0; k < i; k++) {
        s -= lower[i][k] * x[k];
      }
      x[i] = s / lower[i][i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = x[i];
      for (int k = i + 1; k < n; k++) {
        s -= lower[k][i] * x[k];
      }
      x[i] = s / lower[i][i];
    }
    return x;
  }
}
