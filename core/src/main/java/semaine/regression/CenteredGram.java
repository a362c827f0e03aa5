package semaine.regression;

import java.util.Arrays;
import semaine.util.Checks;
import semaine.util.DenseKernels;
import semaine.util.Parallel;

/**
 * The normal equations of centred data, {@code XcᵀXc} and {@code Xcᵀyc} with
 * {@code Xc = X − x̄} and {@code yc = y − ȳ}, formed from the rows of X without a centred copy
 * (scikit-learn's {@code _preprocess_data} makes one, then BLAS forms {@code XᵀX}). Two passes
 * over the rows: the means, then the products of the centred rows, centred block by block (128
 * rows at a time, in cache) and accumulated in sixteen interleaved partial sums per entry
 * ({@link DenseKernels#addBlockGram}). The rows are cut into chunks of 8192 whose sums are added
 * in order at the end, so the answer does not depend on how many cores share the chunks. The
 * products of the centred columns' sums, {@code s_j s_l / n} (zero but for the rounding of the
 * means), are subtracted. X's values are proved finite by the products, not by a pass of their
 * own: a NaN or an infinity makes one of them non-finite, and only then is X searched for it.
 *
 * @param gram (p, p) {@code XcᵀXc}
 * @param xy (p,) {@code Xcᵀyc}
 * @param xOffset (p,) the column means (0 without intercept)
 * @param yOffset the mean of y (0 without intercept)
 */
record CenteredGram(double[][] gram, double[] xy, double[] xOffset, double yOffset) {

  /** The largest number of features this route takes: sixteen sums per entry stay small. */
  static final int MAX_FEATURES = 127;

  private static final int BLOCK = 128;
  private static final int CHUNK = 8192;

  /**
   * Checks X and y (finite, same length) and forms the products, centred when fitIntercept.
   *
   * @throws IllegalArgumentException naming a non-finite value of X or y, or when X's finite
   *     values are so large that their products overflow
   */
  static CenteredGram of(double[][] X, double[] y, boolean fitIntercept) {
    CenteredColumns.checkXy(X, y, false);   // X's values: by the products
    int n = X.length;
    int p = X[0].length;
    int m = p + 1;   // y rides along as one more column
    int chunks = (n + CHUNK - 1) / CHUNK;
    double[] centre = new double[m];
    if (fitIntercept) {
      double[][] sums = new double[chunks][m];
      Parallel.forRange(chunks, 1, (from, to) -> {
        for (int c = from; c < to; c++) {
          double[] s = sums[c];
          for (int i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++) {
            double[] x = X[i];
            for (int j = 0; j < p; j++) {
              s[j] += x[j];
            }
            s[p] += y[i];
          }
        }
      });
      for (double[] s : sums) {
        for (int j = 0; j < m; j++) {
          centre[j] += s[j];
        }
      }
      for (int j = 0; j < m; j++) {
        centre[j] /= n;
      }
    }
    double[][] acc = new double[chunks][];
    double[][] shifted = new double[chunks][m];   // Σ of the centred values, per chunk
    Parallel.forRange(chunks, 1, (from, to) -> {
      double[] block = new double[m * BLOCK];
      for (int c = from; c < to; c++) {
        double[] a = new double[m * m * 16];
        double[] s = shifted[c];
        int end = Math.min(n, (c + 1) * CHUNK);
        for (int start = c * CHUNK; start < end; start += BLOCK) {
          int rows = Math.min(BLOCK, end - start);
          for (int k = 0; k < rows; k++) {
            double[] x = X[start + k];
            for (int j = 0; j < p; j++) {
              double v = x[j] - centre[j];
              block[j * BLOCK + k] = v;
              s[j] += v;
            }
            double v = y[start + k] - centre[p];
            block[p * BLOCK + k] = v;
            s[p] += v;
          }
          if (rows < BLOCK) {   // the last block: zeros add nothing
            for (int j = 0; j < m; j++) {
              Arrays.fill(block, j * BLOCK + rows, (j + 1) * BLOCK, 0);
            }
          }
          DenseKernels.addBlockGram(block, BLOCK, m, a);
        }
        acc[c] = a;
      }
    });
    double[] s1 = new double[m];
    for (double[] s : shifted) {
      for (int j = 0; j < m; j++) {
        s1[j] += s[j];
      }
    }
    double[][] gram = new double[p][p];
    double[] xy = new double[p];
    for (int j = 0; j < p; j++) {
      for (int l = j; l < m; l++) {
        double g = 0;
        for (double[] a : acc) {
          g += DenseKernels.gramEntry(a, m, j, l);
        }
        if (fitIntercept) {
          g -= s1[j] * s1[l] / n;
        }
        if (l < p) {
          gram[j][l] = g;
          gram[l][j] = g;
        } else {
          xy[j] = g;
        }
      }
    }
    checkFinite(X, gram, xy, centre);
    return new CenteredGram(gram, xy, Arrays.copyOf(centre, p), centre[p]);
  }

  /**
   * Every product and mean is finite when X is (y was checked before): a non-finite one means a
   * NaN or an infinity in X, which {@link Checks#checkMatrix} then names, or finite values whose
   * products overflow.
   */
  private static void checkFinite(double[][] X, double[][] gram, double[] xy, double[] centre) {
    boolean finite = DenseKernels.allFinite(xy) && DenseKernels.allFinite(centre);
    for (double[] row : gram) {
      finite &= DenseKernels.allFinite(row);
    }
    if (!finite) {
      Checks.checkMatrix("X", X);
      throw new IllegalArgumentException("X's values are too large: the products XᵀX overflow a"
          + " double (more than 1.8e308); scale X, e.g. with StandardScaler");
    }
  }

  /** {@code ȳ − x̄ · w}. */
  double intercept(double[] w) {
    return CenteredColumns.intercept(yOffset, xOffset, w);
  }
}
