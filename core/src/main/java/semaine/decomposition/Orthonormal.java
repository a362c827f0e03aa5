package semaine.decomposition;

import java.util.Arrays;

/**
 * An orthonormal basis Q of the columns of a tall matrix Y, shape (rows, w), with
 * {@code Y = Q R} and R upper triangular with a positive diagonal: the Q of a QR decomposition,
 * which is unique, so any stable method gives it to rounding.
 *
 * <p>Cholesky QR applied twice (CholeskyQR2, Fukaya et al. 2014): {@code R = chol(Yᵀ Y)},
 * {@code Q = Y R⁻¹}, and once more on Q to restore orthogonality to working precision. Two passes
 * of {@link Products} over Y each time, split between the cores. When a column of Y is (nearly)
 * in the span of the columns before it, or Y has fewer rows than columns, the Gram matrix is too
 * ill-conditioned for it, and Gram-Schmidt (modified, applied twice per column) does the work
 * instead; it replaces a column that vanishes exactly by the next unit vector that does not,
 * and keeps at most {@code rows} columns.
 */
final class Orthonormal {

  /**
   * A pivot of the Cholesky factorisation smaller than this fraction of its diagonal entry of
   * {@code Yᵀ Y} (the column keeps less than 1e-4 of its norm once the others are removed) sends
   * Y to Gram-Schmidt: CholeskyQR2 needs {@code cond(Y)² eps} well below 1.
   */
  private static final double PIVOT = 1e-8;

  private Orthonormal() {}

  /**
   * The basis of the columns of Y, (rows, w) row-major, as a (rows, min(rows, w)) row-major
   * array.
   */
  static double[] of(double[] y, int rows, int w) {
    double[] q = rows >= w ? choleskyStep(y, rows, w) : null;
    double[] again = q == null ? null : choleskyStep(q, rows, w);
    return again != null ? again : gramSchmidt(y, rows, w);
  }

  /**
   * A well-conditioned basis of the span of Y's columns, what the power iterations need between
   * two products (scikit-learn's LU is not orthonormal either): one Cholesky QR step, whose columns
   * are orthonormal to about {@code cond(Y)² eps} and span Y's to rounding; Gram-Schmidt when the
   * pivots are too small for it.
   */
  static double[] spanning(double[] y, int rows, int w) {
    double[] q = rows >= w ? choleskyStep(y, rows, w) : null;
    return q != null ? q : gramSchmidt(y, rows, w);
  }

  /** {@code Y R⁻¹} with {@code Rᵀ R = Yᵀ Y}, or null when a pivot is below {@link #PIVOT}. */
  private static double[] choleskyStep(double[] y, int rows, int w) {
    MatrixRows Y = MatrixRows.of(y, rows, w);
    double[] gram = Products.transposeTimes(Y, new double[w], y, w);
    double[] r = new double[w * w];        // upper triangular, row-major
    for (int j = 0; j < w; j++) {
      double pivot = gram[j * w + j];
      for (int l = 0; l < j; l++) {
        pivot -= r[l * w + j] * r[l * w + j];
      }
      if (!(pivot > PIVOT * gram[j * w + j])) {
        return null;
      }
      double d = Math.sqrt(pivot);
      r[j * w + j] = d;
      for (int c = j + 1; c < w; c++) {
        double sum = gram[j * w + c];
        for (int l = 0; l < j; l++) {
          sum -= r[l * w + j] * r[l * w + c];
        }
        r[j * w + c] = sum / d;
      }
    }
    return Products.times(Y, new double[w], upperInverse(r, w), w);
  }

  /** The inverse of an upper triangular (w, w) row-major matrix, by back substitution. */
  private static double[] upperInverse(double[] r, int w) {
    double[] inv = new double[w * w];
    for (int c = 0; c < w; c++) {
      inv[c * w + c] = 1 / r[c * w + c];
      for (int i = c - 1; i >= 0; i--) {
        double sum = 0;
        for (int l = i + 1; l <= c; l++) {
          sum += r[i * w + l] * inv[l * w + c];
        }
        inv[i * w + c] = -sum / r[i * w + i];
      }
    }
    return inv;
  }

  /** Gram-Schmidt, twice per column, on the columns of Y; at most {@code rows} columns. */
  static double[] gramSchmidt(double[] y, int rows, int w) {
    int c = Math.min(rows, w);
    double[][] basis = new double[c][];
    int unit = 0;
    for (int j = 0; j < c; j++) {
      double[] v = new double[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = y[i * w + j];
      }
      double norm = project(v, basis, j);
      while (norm == 0 && unit < rows) {
        Arrays.fill(v, 0);
        v[unit++] = 1;
        norm = project(v, basis, j);
      }
      for (int i = 0; i < rows; i++) {
        v[i] /= norm;
      }
      basis[j] = v;
    }
    double[] out = new double[rows * c];
    for (int j = 0; j < c; j++) {
      for (int i = 0; i < rows; i++) {
        out[i * c + j] = basis[j][i];
      }
    }
    return out;
  }

  /** Removes from v its parts along the first j basis vectors, twice; returns its norm. */
  private static double project(double[] v, double[][] basis, int j) {
    for (int pass = 0; pass < 2; pass++) {
      for (int l = 0; l < j; l++) {
        double dot = 0;
        for (int i = 0; i < v.length; i++) {
          dot += basis[l][i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
          v[i] -= dot * basis[l][i];
        }
      }
    }
    double sum = 0;
    for (double x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }
}
