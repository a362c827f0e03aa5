package semaine.regression;

import java.util.Arrays;
import semaine.util.Parallel;
import semaine.util.Sums;

/**
 * The centred data of coordinate descent as products, scikit-learn's {@code precompute=True}
 * inputs: the Gram matrix {@code G = XcᵀXc}, {@code Xcᵀyc} and {@code ycᵀyc}, with
 * {@code Xc = X − x̄} and {@code yc = y − ȳ}. For many more samples than features a sweep then
 * costs p² operations instead of two passes over X, and the fit reads X twice, never copying
 * it: for the means ({@link CenteredColumns#means}, which also prove X finite), then for the
 * products. The duality gap comes from the products too ({@link GramResidual}): its rounding is
 * of the order of {@code ε ycᵀyc} where the columns' is of the order of {@code ε ‖R‖ ‖yc‖}; the
 * stopping test compares it with {@code tol ycᵀyc}, so the sweeps stop where scikit-learn's do,
 * and {@code dual_gap_} agrees with the gap of R formed from the rows within about
 * {@code 1e-15 ycᵀyc} (measured on 10^5 x 100, noise-free to noisy targets: some 1e-8 of the
 * gap; every reference case is within 1e-12 of the variance of scikit-learn's).
 *
 * <p>The products are formed from groups of {@value #ROWS} rows, centred into a small buffer
 * (y − ȳ rides along as column p), as rank-{@value #ROWS} updates of the upper triangle of
 * {@code [Xc yc]ᵀ[Xc yc]}: {@code g[j][l] += c0[j] c0[l] + … + c7[j] c7[l]}, one chain of fused
 * multiply-adds per entry in row order, a plain loop over l that C2 compiles to vector
 * instructions (no Vector API, whose code runs interpreted for a fresh JVM's first calls; no
 * centred copy, nothing subtracted afterwards: the rows are centred before their products are
 * taken). The rows are cut into at most {@value #MAX_CHUNKS} chunks ({@link #chunkSize}) whose
 * sums are added in order at the end, so the answer does not depend on how many cores share
 * the chunks.
 *
 * @param gram (p, p) {@code XcᵀXc}
 * @param xy (p,) {@code Xcᵀyc}
 * @param yNorm2 {@code ycᵀyc}
 * @param xOffset (p,) the column means (0 without intercept)
 * @param yOffset the mean of y (0 without intercept)
 */
record CenteredProducts(double[][] gram, double[] xy, double yNorm2, double[] xOffset,
    double yOffset) implements CoordinateDescent.CentredData {

  private static final int ROWS = 8;
  private static final int CHUNK = 4096;
  private static final int MAX_CHUNKS = 16;

  /** Checks X and y (finite, same length) and forms the products, centred when fitIntercept. */
  static CenteredProducts of(double[][] X, double[] y, boolean fitIntercept) {
    CenteredColumns.checkXy(X, y, false);   // X's values: by their sums
    int n = X.length;
    int p = X[0].length;
    int m = p + 1;   // p features and y
    double[] centre = Arrays.copyOf(CenteredColumns.means(X, fitIntercept), m);
    centre[p] = fitIntercept ? Sums.pairwise(y) / n : 0;
    int size = chunkSize(n);
    int chunks = (n + size - 1) / size;
    double[][] parts = new double[chunks][];   // each chunk's upper triangle, packed by rows
    Parallel.forRange(chunks, 1, (from, to) -> {
      double[][] rows = new double[ROWS][m];
      double[][] g = new double[m][m];
      for (int c = from; c < to; c++) {
        for (double[] gj : g) {
          Arrays.fill(gj, 0);
        }
        int end = Math.min(n, (c + 1) * size);
        for (int start = c * size; start < end; start += ROWS) {
          centre(X, y, start, Math.min(ROWS, end - start), centre, rows);
          addProducts(rows, g);
        }
        double[] part = new double[m * (m + 1) / 2];
        for (int j = 0, e = 0; j < m; e += m - j, j++) {
          System.arraycopy(g[j], j, part, e, m - j);
        }
        parts[c] = part;
      }
    });
    double[] total = CenteredColumns.sumInOrder(parts);
    double[][] gram = new double[p][p];
    double[] xy = new double[p];
    for (int j = 0, e = 0; j < m; j++) {
      for (int l = j; l < m; l++, e++) {
        if (l < p) {
          gram[j][l] = total[e];
          gram[l][j] = total[e];
        } else if (j < p) {
          xy[j] = total[e];
        }
      }
    }
    return new CenteredProducts(gram, xy, total[total.length - 1], Arrays.copyOf(centre, p),
        centre[p]);
  }

  /**
   * Rows per chunk: {@value #CHUNK}, more when that would make over {@value #MAX_CHUNKS} chunks
   * (each keeps its own sums until they are added in order), a multiple of {@value #ROWS}. It
   * depends on n only, so the answer does not depend on the number of cores.
   */
  private static int chunkSize(int n) {
    int size = Math.max(CHUNK, (n + MAX_CHUNKS - 1) / MAX_CHUNKS);
    return (size + ROWS - 1) / ROWS * ROWS;
  }

  /**
   * Writes rows [start, start + count) of [X y] minus {@code centre} into {@code rows} (count at
   * most {@value #ROWS}); the rows past count are zeros, which add nothing.
   */
  private static void centre(double[][] X, double[] y, int start, int count, double[] centre,
      double[][] rows) {
    int p = centre.length - 1;
    for (int k = 0; k < count; k++) {
      double[] x = X[start + k];
      double[] r = rows[k];
      for (int j = 0; j < p; j++) {
        r[j] = x[j] - centre[j];
      }
      r[p] = y[start + k] - centre[p];
    }
    for (int k = count; k < ROWS; k++) {
      Arrays.fill(rows[k], 0);
    }
  }

  /**
   * {@code g[j][l] += Σ_k rows[k][j] rows[k][l]} for j ≤ l, the {@value #ROWS} rows in order,
   * each a fused multiply-add: a plain loop over l in which every array is read at l, which C2
   * turns into vector instructions (with G flat, {@code g[j·m + l]}, it cannot prove that the
   * stores miss the rows, and the loop stays scalar: twice the time).
   */
  private static void addProducts(double[][] rows, double[][] g) {
    double[] c0 = rows[0];
    double[] c1 = rows[1];
    double[] c2 = rows[2];
    double[] c3 = rows[3];
    double[] c4 = rows[4];
    double[] c5 = rows[5];
    double[] c6 = rows[6];
    double[] c7 = rows[7];
    int m = c0.length;
    for (int j = 0; j < m; j++) {
      double a0 = c0[j];
      double a1 = c1[j];
      double a2 = c2[j];
      double a3 = c3[j];
      double a4 = c4[j];
      double a5 = c5[j];
      double a6 = c6[j];
      double a7 = c7[j];
      double[] gj = g[j];
      for (int l = j; l < m; l++) {
        double s = gj[l];
        s = Math.fma(a0, c0[l], s);
        s = Math.fma(a1, c1[l], s);
        s = Math.fma(a2, c2[l], s);
        s = Math.fma(a3, c3[l], s);
        s = Math.fma(a4, c4[l], s);
        s = Math.fma(a5, c5[l], s);
        s = Math.fma(a6, c6[l], s);
        s = Math.fma(a7, c7[l], s);
        gj[l] = s;
      }
    }
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
   * {@code enet_coordinate_descent_gram} forms the same quantities). Each correlation is formed
   * afresh from v (p products, as many as an update of {@code G v} would take): an updated
   * {@code G v} would
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
      return xy[j] - Blas.dot(gram[j], 0, v, 0, v.length);
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
      return yNorm2 - Blas.dot(v, 0, xy, 0, v.length);
    }
  }

  /** {@code ȳ − x̄ · w}. */
  @Override
  public double intercept(double[] w) {
    return CenteredColumns.intercept(yOffset, xOffset, w);
  }
}
