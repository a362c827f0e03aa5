package semaine.regression;

import java.util.Arrays;
import semaine.util.Checks;
import semaine.util.DenseKernels;
import semaine.util.Parallel;

/**
 * The normal equations of centred data, {@code XcᵀXc} and {@code Xcᵀyc} with
 * {@code Xc = X − x̄} and {@code yc = y − ȳ}, formed from the rows of X without a centred copy
 * (scikit-learn's {@code _preprocess_data} makes one, then BLAS forms {@code XᵀX}). One pass over
 * the rows: they are shifted by a {@link ProvisionalCentre} block by block (128 rows at a time,
 * in cache), their products accumulated in sixteen interleaved partial sums per entry
 * ({@link DenseKernels#addBlockGram}) and their sums alongside, which give the means and correct
 * the products ({@code − S_j S_l / n}). A second pass, centred on the means, runs only when the
 * first rows were far from the rest. The rows are cut into chunks of 8192 whose sums are added in
 * order at the end, so the answer does not depend on how many cores share the chunks. X's values
 * are proved finite by the sums, not by a pass of their own: a NaN or an infinity makes one of
 * them non-finite, and only then is X searched for it.
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
    CenteredColumns.checkXy(X, y, false);   // X's values: by the sums
    Pass pass = Pass.around(X, y, ProvisionalCentre.of(X, y, fitIntercept));
    pass.checkFinite(X);
    if (fitIntercept && pass.tooFar()) {
      pass = Pass.around(X, y, pass.means(true));
    }
    return pass.normalEquations(fitIntercept);
  }

  /**
   * The products and sums of the rows of {@code [X y]} shifted by {@code centre}: each chunk's
   * (m, m) products as sixteen partial sums per entry, and the total of each column.
   */
  private record Pass(double[] centre, double[][] acc, double[] sums, int n) {

    static Pass around(double[][] X, double[] y, double[] centre) {
      int n = X.length;
      int p = X[0].length;
      int m = p + 1;   // y rides along as one more column
      int chunks = (n + CHUNK - 1) / CHUNK;
      double[][] acc = new double[chunks][];
      double[][] shifted = new double[chunks][m];   // Σ of the shifted values, per chunk
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
      return new Pass(centre, acc, CenteredColumns.sumInOrder(shifted), n);
    }

    /** Entry (j, l) of the shifted products, its chunks' sums added in order. */
    double shifted(int j, int l) {
      int m = centre.length;
      double g = 0;
      for (double[] a : acc) {
        g += DenseKernels.gramEntry(a, m, j, l);
      }
      return g;
    }

    /**
     * A NaN or an infinity in X makes a sum non-finite ({@link Checks#checkMatrix} then names
     * it; y was checked before); so do finite values whose sum overflows.
     */
    void checkFinite(double[][] X) {
      if (!DenseKernels.allFinite(sums)) {
        Checks.checkMatrix("X", X);
        throw tooLarge();
      }
    }

    /** Whether a column's shift was too far from its mean ({@link ProvisionalCentre#tooFar}). */
    boolean tooFar() {
      for (int j = 0; j < centre.length; j++) {
        double shifted = shifted(j, j);
        if (ProvisionalCentre.tooFar(shifted, shifted - sums[j] * sums[j] / n)) {
          return true;
        }
      }
      return false;
    }

    double[] means(boolean fitIntercept) {
      return ProvisionalCentre.means(centre, sums, n, fitIntercept);
    }

    /** The centred products ({@code − S_j S_l / n} when centred) and the means. */
    CenteredGram normalEquations(boolean fitIntercept) {
      int p = centre.length - 1;
      double[][] gram = new double[p][p];
      double[] xy = new double[p];
      for (int j = 0; j < p; j++) {
        for (int l = j; l <= p; l++) {
          double g = shifted(j, l);
          if (fitIntercept) {
            g -= sums[j] * sums[l] / n;
          }
          if (!Double.isFinite(g)) {
            throw tooLarge();
          }
          if (l < p) {
            gram[j][l] = g;
            gram[l][j] = g;
          } else {
            xy[j] = g;
          }
        }
      }
      double[] means = means(fitIntercept);
      return new CenteredGram(gram, xy, Arrays.copyOf(means, p), means[p]);
    }

    private static IllegalArgumentException tooLarge() {
      return new IllegalArgumentException("X's values are too large: the products XᵀX overflow a"
          + " double (more than 1.8e308); scale X, e.g. with StandardScaler");
    }
  }

  /** {@code ȳ − x̄ · w}. */
  double intercept(double[] w) {
    return CenteredColumns.intercept(yOffset, xOffset, w);
  }
}
