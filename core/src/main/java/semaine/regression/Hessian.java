package semaine.regression;

import java.util.Arrays;

/**
 * The Hessian of the mean squared loss, {@code H = [X 1]ᵀ[X 1] / m}, shape (d + 1, d + 1): constant,
 * since the loss is quadratic. Its largest eigenvalue bounds the learning rates for which gradient
 * descent converges (η < 2 / λmax).
 */
final class Hessian {

  private Hessian() {}

  /** λmax of H by power iteration (H is symmetric positive semi-definite). */
  static double largestEigenvalue(double[][] X) {
    int m = X.length;
    int k = X[0].length + 1;
    double[] h = new double[k * k];
    double[] row = new double[k];
    for (double[] x : X) {
      System.arraycopy(x, 0, row, 0, k - 1);
      row[k - 1] = 1;
      for (int p = 0; p < k; p++) {
        for (int q = 0; q < k; q++) {
          h[p * k + q] += row[p] * row[q];
        }
      }
    }
    double[] v = new double[k];
    Arrays.fill(v, 1 / Math.sqrt(k));
    double lambda = 0;
    for (int iteration = 0; iteration < 1000; iteration++) {
      double[] next = new double[k];
      for (int p = 0; p < k; p++) {
        next[p] = Blas.dot(h, p * k, v, 0, k) / m;
      }
      double norm = Math.sqrt(Blas.dot(next, 0, next, 0, k));
      if (norm == 0) {
        return 0;
      }
      for (int p = 0; p < k; p++) {
        next[p] /= norm;
      }
      boolean converged = Math.abs(norm - lambda) <= 1e-12 * norm;
      lambda = norm;
      v = next;
      if (converged) {
        break;
      }
    }
    return lambda;
  }
}
