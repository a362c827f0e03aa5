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
 * the small matrix {@code B = Qᵀ M}. M is the centred data {@code X - mean}, never formed
 * ({@link Products} centres each value where it is used); a wide M (fewer rows than columns) is
 * transposed first.
 *
 * <p>The answer depends on Ω and {@code n_iter} only through the subspace spanned by
 * {@code M (MᵀM)^n_iter Ω}, not on how each iterate is normalised: scipy's LU ({@code 'LU'},
 * the default from 3 iterations) and a QR ({@code 'QR'}) span the same columns. Both are done here
 * by {@link Orthonormal#spanning} (one Cholesky QR step), which keeps that span to rounding, and
 * the last basis by {@link Orthonormal#of}, orthonormal to rounding; {@code 'none'} leaves the
 * iterates as they are, as scikit-learn does. The same draws
 * therefore give scikit-learn's components to rounding, even when the approximation itself is
 * coarse.
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
   * The k leading singular triplets of {@code M = X - mean}, X of shape (n, p).
   *
   * @param normalizer "LU", "QR" or "none" (already resolved from "auto")
   */
  static Result of(double[][] X, double[] mean, int k, int oversamples, int nIter,
      String normalizer, RandomState random) {
    int n = X.length;
    int p = mean.length;
    boolean transpose = n < p;
    // A = M, or Mᵀ for a wide M: (rows, cols), centred by Products
    MatrixRows a = transpose ? MatrixRows.of(centredTranspose(X, mean), p, n)
        : MatrixRows.of(X, p);
    double[] offset = transpose ? new double[n] : mean;
    int rows = a.n();
    int cols = a.p();
    boolean normalize = !normalizer.equals("none");
    int width = k + oversamples;
    double[] q = flat(random.randn(cols, width));              // Ω, (cols, width)
    for (int it = 0; it < nIter; it++) {
      double[] y = Products.times(a, offset, q, width);        // (rows, width)
      if (normalize) {
        y = Orthonormal.spanning(y, rows, width);
        width = y.length / rows;
      }
      q = Products.transposeTimes(a, offset, y, width);        // (cols, width)
      if (normalize) {
        q = Orthonormal.spanning(q, cols, width);
        width = q.length / cols;
      }
    }
    double[] basis = Orthonormal.of(Products.times(a, offset, q, width), rows, width);
    int c = basis.length / rows;
    double[] bt = Products.transposeTimes(a, offset, basis, c);   // Bᵀ = Aᵀ Q: (cols, c)
    // SVD of B: right vectors of B (for A's rows) and left vectors mapped back by Q.
    double[][] right;
    double[][] left;
    double[] s;
    if (c <= cols) {
      JacobiSvd svd = JacobiSvd.of(transposed(bt, cols, c), cols, c);   // Bᵀ, column-major
      s = svd.s();
      right = columns(svd.u(), cols, c);                       // rows of Vt
      left = columns(svd.v(), c, c);                           // Û's columns
    } else {
      JacobiSvd svd = JacobiSvd.of(bt, c, cols);               // B, column-major
      s = svd.s();
      right = columns(svd.v(), cols, cols);
      left = columns(svd.u(), c, cols);
    }
    int kept = Math.min(k, s.length);
    double[] leftRows = new double[c * kept];                  // Û, (c, kept) row-major
    for (int j = 0; j < kept; j++) {
      for (int l = 0; l < c; l++) {
        leftRows[l * kept + j] = left[j][l];
      }
    }
    // A's left vectors Q Û, (rows, kept) row-major
    double[] aLeft = Products.times(MatrixRows.of(basis, rows, c), new double[c], leftRows,
        kept);
    // for A = Mᵀ, M's right vectors are A's left ones and the other way round
    double[][] mRight = transpose ? rows(transposed(aLeft, rows, kept), kept, rows)
        : Arrays.copyOf(right, kept);
    double[][] u = transpose ? rows(transposed(flat(Arrays.copyOf(right, kept)), kept, n), n, kept)
        : rows(aLeft, rows, kept);
    return new Result(Arrays.copyOf(s, kept), mRight, u);
  }

  /** {@code (X - mean)ᵀ}, (p, n) row-major. */
  private static double[] centredTranspose(double[][] X, double[] mean) {
    int n = X.length;
    double[] out = new double[mean.length * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < mean.length; j++) {
        out[j * n + i] = X[i][j] - mean[j];
      }
    }
    return out;
  }

  /** Rows of equal length, row-major in one array. */
  private static double[] flat(double[][] rows) {
    int w = rows[0].length;
    double[] out = new double[rows.length * w];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * w, w);
    }
    return out;
  }

  /** A (count, w) row-major matrix as rows. */
  private static double[][] rows(double[] a, int count, int w) {
    double[][] out = new double[count][];
    for (int i = 0; i < count; i++) {
      out[i] = Arrays.copyOfRange(a, i * w, (i + 1) * w);
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
