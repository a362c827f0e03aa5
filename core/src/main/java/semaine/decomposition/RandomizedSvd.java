package semaine.decomposition;

import java.util.Arrays;
import semaine.random.RandomState;
import semaine.regression.JacobiSvd;

/**
 * The truncated SVD of Halko, Martinsson and Tropp, as scikit-learn 1.9's
 * {@code _randomized_svd} with its {@code _randomized_range_finder}: a Gaussian test matrix Ω,
 * shape (n_features, k + n_oversamples), drawn from the {@code RandomState} row by row
 * ({@code random_state.normal(size=...)}), {@code n_iter} power iterations
 * {@code Q = norm(M Q); Q = norm(Mᵀ Q)}, an orthonormal basis Q of {@code M Q}, and the exact SVD of
 * the small matrix {@code B = Qᵀ M}. A wide M (fewer rows than columns) is transposed first.
 *
 * <p>The answer depends on Ω and {@code n_iter} only through the subspace spanned by
 * {@code M (MᵀM)^n_iter Ω}, not on how each iterate is normalised: scipy's LU ({@code 'LU'},
 * the default from 3 iterations) and a QR ({@code 'QR'}) span the same columns. Both are done here
 * by Gram-Schmidt applied twice, which keeps that span and orthonormality to rounding;
 * {@code 'none'} leaves the iterates as they are, as scikit-learn does. The same draws therefore
 * give scikit-learn's components to rounding, even when the approximation itself is coarse.
 */
final class RandomizedSvd {

  /**
   * The leading singular triplets.
   *
   * @param s singular values, shape (k,)
   * @param vt right singular vectors as rows, shape (k, n_features)
   * @param u left singular vectors as rows of U, shape (n_samples, k)
   */
  record Result(double[] s, double[][] vt, double[][] u) {}

  private RandomizedSvd() {}

  /**
   * The k leading singular triplets' values and right vectors of M, shape (n, p), row-major.
   *
   * @param normalizer "LU", "QR" or "none" (already resolved from "auto")
   */
  static Result of(double[] m, int n, int p, int k, int oversamples, int nIter,
      String normalizer, RandomState random) {
    boolean transpose = n < p;
    double[] a = transpose ? transposed(m, n, p) : m;
    int rows = transpose ? p : n;
    int cols = transpose ? n : p;
    int size = k + oversamples;
    double[][] omega = random.randn(cols, size);
    double[] q = new double[cols * size];       // (cols, size) row-major
    for (int i = 0; i < cols; i++) {
      System.arraycopy(omega[i], 0, q, i * size, size);
    }
    int width = size;
    for (int it = 0; it < nIter; it++) {
      double[] y = times(a, rows, cols, q, width);             // (rows, width)
      if (!normalizer.equals("none")) {
        y = orthonormal(y, rows, width);
        width = Math.min(rows, width);
      }
      q = transposeTimes(a, rows, cols, y, width);             // (cols, width)
      if (!normalizer.equals("none")) {
        q = orthonormal(q, cols, width);
        width = Math.min(cols, width);
      }
    }
    double[] basis = orthonormal(times(a, rows, cols, q, width), rows, width);
    int c = Math.min(rows, width);
    double[] b = transposeTimes(basis, rows, c, a, cols);     // Qᵀ A: (c, cols) row-major
    // SVD of B: right vectors of B (for A's rows) and left vectors mapped back by Q.
    double[][] right;
    double[][] left;
    double[] s;
    if (c <= cols) {
      JacobiSvd svd = JacobiSvd.of(b, cols, c);                // Bᵀ, (cols, c) column-major
      s = svd.s();
      right = columns(svd.u(), cols, c);                       // rows of Vt
      left = columns(svd.v(), c, c);                           // Û's columns
    } else {
      JacobiSvd svd = JacobiSvd.of(transposed(b, c, cols), c, cols);   // B, column-major
      s = svd.s();
      right = columns(svd.v(), cols, cols);
      left = columns(svd.u(), c, cols);
    }
    int kept = Math.min(k, s.length);
    double[] values = Arrays.copyOf(s, kept);
    double[][] aLeft = new double[kept][];     // A's left vectors Q Û, as columns
    for (int j = 0; j < kept; j++) {
      double[] u = new double[rows];
      for (int i = 0; i < rows; i++) {
        double sum = 0;
        for (int l = 0; l < c; l++) {
          sum += basis[i * c + l] * left[j][l];
        }
        u[i] = sum;
      }
      aLeft[j] = u;
    }
    // for A = Mᵀ, M's right vectors are A's left ones and the other way round
    double[][] mRight = transpose ? aLeft : Arrays.copyOf(right, kept);
    double[][] mLeft = transpose ? Arrays.copyOf(right, kept) : aLeft;
    double[][] u = new double[n][kept];
    for (int j = 0; j < kept; j++) {
      for (int i = 0; i < n; i++) {
        u[i][j] = mLeft[j][i];
      }
    }
    return new Result(values, mRight, u);
  }

  /**
   * An orthonormal basis of the columns of y, shape (rows, width) row-major, by classical
   * Gram-Schmidt applied twice per column; at most {@code rows} columns. A column that vanishes
   * exactly is replaced by the next unit vector that does not.
   */
  static double[] orthonormal(double[] y, int rows, int width) {
    int c = Math.min(rows, width);
    double[][] basis = new double[c][];
    int unit = 0;
    for (int j = 0; j < c; j++) {
      double[] v = new double[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = y[i * width + j];
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

  /** A (rows, cols) times Q (cols, width), both row-major. */
  private static double[] times(double[] a, int rows, int cols, double[] q, int width) {
    double[] out = new double[rows * width];
    semaine.util.Parallel.forRange(rows, 256, (from, to) -> {
      for (int i = from; i < to; i++) {
        for (int l = 0; l < cols; l++) {
          double x = a[i * cols + l];
          int o = l * width;
          for (int j = 0; j < width; j++) {
            out[i * width + j] += x * q[o + j];
          }
        }
      }
    });
    return out;
  }

  /** Aᵀ Y for A (rows, cols) and Y (rows, width), row-major: shape (cols, width). */
  private static double[] transposeTimes(double[] a, int rows, int cols, double[] y, int width) {
    double[] out = new double[cols * width];
    for (int i = 0; i < rows; i++) {
      for (int l = 0; l < cols; l++) {
        double x = a[i * cols + l];
        int o = l * width;
        for (int j = 0; j < width; j++) {
          out[o + j] += x * y[i * width + j];
        }
      }
    }
    return out;
  }

  /** The (rows, cols) row-major matrix transposed, row-major (cols, rows). */
  static double[] transposed(double[] a, int rows, int cols) {
    double[] out = new double[a.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[j * rows + i] = a[i * cols + j];
      }
    }
    return out;
  }

  /** The columns of a (length, count) column-major matrix as arrays. */
  static double[][] columns(double[] a, int length, int count) {
    double[][] out = new double[count][];
    for (int j = 0; j < count; j++) {
      out[j] = Arrays.copyOfRange(a, j * length, (j + 1) * length);
    }
    return out;
  }
}
