package semaine.regression;

import java.util.Arrays;
import semaine.util.DenseKernels;
import semaine.util.Parallel;
import semaine.util.Sums;

/**
 * The centred data of coordinate descent as products, scikit-learn's {@code precompute=True}
 * inputs: the Gram matrix {@code G = XcᵀXc}, {@code Xcᵀyc} and {@code ycᵀyc}, with
 * {@code Xc = X − x̄} and {@code yc = y − ȳ}. For many more samples than features a sweep then
 * costs p² operations instead of two passes over X, and the fit reads X twice: once for the
 * means ({@link CenteredColumns#means}, which also proves X finite), once for the products.
 *
 * <p>The products are formed from blocks of {@value #BLOCK} rows, centred and turned to columns
 * in cache (y rides along as one more column, zero columns pad the count to a multiple of four),
 * by {@link DenseKernels#addBlockGramTiled} (eight partial sums per entry, sixteen entries at
 * a time). The rows are cut into chunks of {@value #CHUNK} whose sums are added in order at the
 * end, so the answer does not depend on how many cores share the chunks.
 *
 * @param gram (p, p) {@code XcᵀXc}
 * @param xy (p,) {@code Xcᵀyc}
 * @param yNorm2 {@code ycᵀyc}
 * @param xOffset (p,) the column means (0 without intercept)
 * @param yOffset the mean of y (0 without intercept)
 */
record TiledGram(double[][] gram, double[] xy, double yNorm2, double[] xOffset, double yOffset)
    implements CoordinateDescent.CentredData {

  private static final int BLOCK = 256;
  private static final int CHUNK = 4096;

  /** Checks X and y (finite, same length) and forms the products, centred when fitIntercept. */
  static TiledGram of(double[][] X, double[] y, boolean fitIntercept) {
    CenteredColumns.checkXy(X, y, false);   // X's values: by their sums
    int n = X.length;
    int p = X[0].length;
    double[] xOffset = CenteredColumns.means(X, fitIntercept);
    double yOffset = fitIntercept ? Sums.pairwise(y) / n : 0;
    int m = (p + 4) & -4;   // p features, y, zero columns up to a multiple of four
    int tiles = m / 4;
    int chunks = (n + CHUNK - 1) / CHUNK;
    int entries = (p + 1) * (p + 2) / 2;
    double[][] parts = new double[chunks][];   // each chunk's entries (j, l ≤ j), packed
    Parallel.forRange(chunks, 1, (from, to) -> {
      double[] block = new double[m * BLOCK];
      double[] acc = new double[tiles * (tiles + 1) / 2 * 128];
      for (int c = from; c < to; c++) {
        Arrays.fill(acc, 0);
        int end = Math.min(n, (c + 1) * CHUNK);
        for (int start = c * CHUNK; start < end; start += BLOCK) {
          int rows = Math.min(BLOCK, end - start);
          centreBlock(X, y, start, rows, xOffset, yOffset, block);
          DenseKernels.addBlockGramTiled(block, BLOCK, m, acc);
        }
        double[] part = new double[entries];
        for (int j = 0, e = 0; j <= p; j++) {
          for (int l = 0; l <= j; l++) {
            part[e++] = DenseKernels.tiledGramEntry(acc, j, l);
          }
        }
        parts[c] = part;
      }
    });
    double[] total = CenteredColumns.sumInOrder(parts);
    double[][] gram = new double[p][p];
    double[] xy = new double[p];
    for (int j = 0, e = 0; j <= p; j++) {
      for (int l = 0; l <= j; l++, e++) {
        if (j < p) {
          gram[j][l] = total[e];
          gram[l][j] = total[e];
        } else if (l < p) {
          xy[l] = total[e];
        }
      }
    }
    return new TiledGram(gram, xy, total[entries - 1], xOffset, yOffset);
  }

  /**
   * Writes rows [start, start + rows) minus the means into the block's columns (y minus its mean
   * as column p), eight rows at a time so that each write fills a cache line; a short last block
   * is completed with zeros, which add nothing.
   */
  private static void centreBlock(double[][] X, double[] y, int start, int rows, double[] mean,
      double yMean, double[] block) {
    int p = mean.length;
    int k = 0;
    for (; k + 8 <= rows; k += 8) {
      double[] x0 = X[start + k];
      double[] x1 = X[start + k + 1];
      double[] x2 = X[start + k + 2];
      double[] x3 = X[start + k + 3];
      double[] x4 = X[start + k + 4];
      double[] x5 = X[start + k + 5];
      double[] x6 = X[start + k + 6];
      double[] x7 = X[start + k + 7];
      for (int j = 0; j < p; j++) {
        double c = mean[j];
        int at = j * BLOCK + k;
        block[at] = x0[j] - c;
        block[at + 1] = x1[j] - c;
        block[at + 2] = x2[j] - c;
        block[at + 3] = x3[j] - c;
        block[at + 4] = x4[j] - c;
        block[at + 5] = x5[j] - c;
        block[at + 6] = x6[j] - c;
        block[at + 7] = x7[j] - c;
      }
    }
    for (; k < rows; k++) {
      double[] x = X[start + k];
      for (int j = 0; j < p; j++) {
        block[j * BLOCK + k] = x[j] - mean[j];
      }
    }
    for (k = 0; k < rows; k++) {
      block[p * BLOCK + k] = y[start + k] - yMean;
    }
    if (rows < BLOCK) {
      for (int j = 0; j <= p; j++) {
        Arrays.fill(block, j * BLOCK + rows, (j + 1) * BLOCK, 0);
      }
    }
  }

  /**
   * The duality gap of w with R = yc − Xc w formed from the rows of X, as the sweeps on the
   * columns form it: {@code RᵀR}, {@code Rᵀy} and {@code XᵀR} from the products are differences
   * of numbers of the order of {@code yᵀy}, exact to {@code ε yᵀy}, which is all the sweeps'
   * stopping test needs, but not the last digits of a small gap ({@code dual_gap_}). One pass
   * over the rows, centred and turned to columns by blocks as for the products, both cores
   * sharing chunks of {@value #CHUNK} rows whose sums are added in order.
   */
  double rowGap(CoordinateDescent cd, double[][] X, double[] y, double[] w) {
    int n = X.length;
    int p = w.length;
    int m = (p + 4) & -4;
    int chunks = (n + CHUNK - 1) / CHUNK;
    double[][] parts = new double[chunks][p + 2];   // XᵀR, RᵀR, Rᵀy
    Parallel.forRange(chunks, 1, (from, to) -> {
      double[] block = new double[m * BLOCK];
      double[] r = new double[BLOCK];
      for (int c = from; c < to; c++) {
        double[] s = parts[c];
        int end = Math.min(n, (c + 1) * CHUNK);
        for (int start = c * CHUNK; start < end; start += BLOCK) {
          centreBlock(X, y, start, Math.min(BLOCK, end - start), xOffset, yOffset, block);
          System.arraycopy(block, p * BLOCK, r, 0, BLOCK);   // yc (zeros past the rows)
          for (int j = 0; j < p; j++) {   // r = yc − Xc w, feature after feature
            double wj = w[j];
            for (int k = 0, at = j * BLOCK; k < BLOCK; k++) {
              r[k] -= block[at + k] * wj;
            }
          }
          for (int j = 0; j < p; j++) {
            s[j] += DenseKernels.dot(block, j * BLOCK, r, 0, BLOCK);
          }
          s[p] += DenseKernels.dot(r, r, BLOCK);
          s[p + 1] += DenseKernels.dot(r, 0, block, p * BLOCK, BLOCK);
        }
      }
    });
    double[] xtr = CenteredColumns.sumInOrder(parts);
    return cd.gap(w, xtr[p], xtr[p + 1], Arrays.copyOf(xtr, p))[0];
  }

  /** The diagonal of the Gram matrix. */
  @Override
  public double[] norms() {
    double[] norms = new double[xy.length];
    for (int j = 0; j < norms.length; j++) {
      norms[j] = gram[j][j];
    }
    return norms;
  }

  @Override
  public CoordinateDescent.Residual residual(double[] w) {
    return new GramResidual(w);
  }

  /**
   * R through its products: with v the weights R was made from, {@code XᵀR = Xᵀy − G v},
   * {@code Rᵀy = yᵀy − vᵀXᵀy} and {@code RᵀR = Rᵀy − vᵀXᵀR} (scikit-learn's
   * {@code enet_coordinate_descent_gram} forms the same quantities). Each correlation is formed afresh from v (p
   * products, as many as an update of {@code G v} would take): an updated {@code G v} would
   * carry the rounding of every past update into the small difference {@code X_jᵀR}, which on an
   * ill-conditioned problem (diabetes, tol 1e-8, 766 sweeps) moves the weights by 2e-11; formed
   * afresh they stay within 1e-13 of the sweeps on the columns.
   */
  private final class GramResidual implements CoordinateDescent.Residual {
    private final double[] v;

    GramResidual(double[] w) {
      v = w.clone();
    }

    @Override
    public double correlation(int j) {
      return xy[j] - DenseKernels.dot(gram[j], v, v.length);
    }

    @Override
    public void add(int j, double delta) {
      v[j] -= delta;
    }

    @Override
    public void correlations(double[] out) {
      for (int j = 0; j < out.length; j++) {
        out[j] = correlation(j);
      }
    }

    /**
     * {@code Rᵀy − vᵀXᵀR}: the rounding of {@code Rᵀy} (of the order of ε yᵀy) is then the
     * same in both, and cancels in the duality gap, which subtracts them.
     */
    @Override
    public double norm2() {
      double vc = 0;
      for (int j = 0; j < v.length; j++) {
        vc += v[j] * correlation(j);
      }
      return dotY() - vc;
    }

    @Override
    public double dotY() {
      return yNorm2 - DenseKernels.dot(v, xy, v.length);
    }
  }

  /** {@code ȳ − x̄ · w}. */
  @Override
  public double intercept(double[] w) {
    return CenteredColumns.intercept(yOffset, xOffset, w);
  }
}
