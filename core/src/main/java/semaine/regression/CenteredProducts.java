package semaine.regression;

import java.util.Arrays;
import semaine.util.DenseKernels;
import semaine.util.Parallel;

/**
 * The centred data of coordinate descent as products, scikit-learn's {@code precompute=True}
 * inputs: the Gram matrix {@code G = XcᵀXc}, {@code Xcᵀyc} and {@code ycᵀyc}, with
 * {@code Xc = X − x̄} and {@code yc = y − ȳ}. For many more samples than features a sweep then
 * costs p² operations instead of two passes over X, and the fit reads X without copying it, once
 * for the means and the first products together: the rows are shifted by a
 * {@link ProvisionalCentre} and the products corrected by the sums of the shifted values, which
 * also prove X finite (a second first pass, around the means, only when the first rows were far
 * from the rest). The duality gap comes from the products too ({@link GramResidual}): its rounding is of the
 * order of {@code ε ycᵀyc} where the columns' is of the order of {@code ε ‖R‖ ‖yc‖}; the stopping
 * test compares it with {@code tol ycᵀyc}, so the sweeps stop where scikit-learn's do, and
 * {@code dual_gap_} agrees with the gap of R formed from the rows within about
 * {@code 1e-15 ycᵀyc} (measured on 10^5 x 100, noise-free to noisy targets: some 1e-8 of the
 * gap; every reference case is within 1e-12 of the variance of scikit-learn's).
 *
 * <p><b>Only the columns the sweeps use.</b> A sweep reads column j of G only through
 * {@code G v} with v the weights, so a column is needed only once its feature's weight leaves 0;
 * a Lasso usually keeps most weights at 0 (on 10^5 x 100 with ten informative features, ten of
 * the hundred columns are used; the first pass forms sixteen: a sixth of the n·p²/2 products,
 * and no pass but its own). The first pass over X forms
 * {@code Xcᵀyc}, {@code ycᵀyc}, the diagonal (the column norms every update divides by) and
 * the first {@value #BLOCK} columns (a cyclic sweep starts there); a feature whose weight is
 * about to leave 0 brings its column and those of the next {@value #BLOCK} unknown features in
 * one more pass ({@link #ensure}), and after {@value #LAZY_PASSES} such passes every column left
 * comes in one last pass. A column not formed yet holds zeros, multiplied only by weights that
 * are 0, which add exact zeros to the products: the sweeps see the same numbers as with the whole
 * matrix.
 *
 * <p>Each entry is summed the same way whichever pass forms it: the rows are cut into at most
 * {@value #MAX_CHUNKS} chunks ({@link #chunkSize}); in a chunk, one chain of fused multiply-adds
 * in row order, {@code s ← fma(x_ij, x_il, s)} (the exact product is the same either way round);
 * the chunks' sums added in order at the end, so the answer depends neither on how many cores
 * share the chunks nor on which pass formed the entry. The rows are shifted {@value #ROWS} at a
 * time into a small buffer holding the features still unknown (y − s_y rides along as column p
 * in the first pass), then {@code g_t[i] += c0[i] b0 + … + c7[i] b7} for each new column t, a plain
 * loop over i that C2 compiles to vector instructions (no Vector API, whose code runs
 * interpreted for a fresh JVM's first calls).
 */
final class CenteredProducts implements CoordinateDescent.CentredData {

  private static final int ROWS = 8;
  private static final int CHUNK = 4096;
  private static final int MAX_CHUNKS = 16;
  /**
   * The columns a pass forms: a pass costs the reading and centring of X more than the products
   * up to about this many (10^5 x 100 at load 8: 22 ms of CPU for 9 columns, 25 for 17).
   */
  private static final int BLOCK = 16;
  /** The passes of {@value #BLOCK} columns before one pass forms every column left. */
  private static final int LAZY_PASSES = 2;

  private final double[][] X;
  private final double[] y;
  private final double[] centre;   // (p + 1,) the shift of each column, then y's (zeros without intercept)
  private final boolean fitIntercept;
  private double[] sums;           // (p + 1,) Σ of the shifted values, from the first pass
  private boolean far;             // whether a column's shift was too far from its mean
  private final double[][] gram;   // (p, p) XcᵀXc, the columns known so far
  private final boolean[] known;   // (p,) whether column j of gram is formed
  private final double[] xyc;      // (p,) Xcᵀyc
  private double yNorm2;           // ycᵀyc
  private int lazyPasses;

  private CenteredProducts(double[][] X, double[] y, double[] centre, boolean fitIntercept) {
    this.X = X;
    this.y = y;
    this.centre = centre;
    this.fitIntercept = fitIntercept;
    int p = centre.length - 1;
    this.gram = new double[p][p];
    this.known = new boolean[p];
    this.xyc = new double[p];
  }

  /**
   * Checks X and y (finite, same length) and forms {@code Xcᵀyc}, {@code ycᵀyc}, the diagonal
   * and the first columns of G, centred when fitIntercept.
   */
  static CenteredProducts of(double[][] X, double[] y, boolean fitIntercept) {
    CenteredColumns.checkXy(X, y, false);   // X's values: by their sums
    var data = firstPass(X, y, ProvisionalCentre.of(X, y, fitIntercept), fitIntercept);
    if (data.far) {   // the first rows were far from the rest: again, around the means
      data = firstPass(X, y, data.means(), fitIntercept);
    }
    return data;
  }

  /**
   * The first pass around {@code centre}: {@code Xcᵀyc}, {@code ycᵀyc}, the diagonal, the
   * first columns of G and the sums.
   */
  private static CenteredProducts firstPass(double[][] X, double[] y, double[] centre,
      boolean fitIntercept) {
    int p = X[0].length;
    var data = new CenteredProducts(X, y, centre, fitIntercept);
    int[] rows = new int[p + 1];   // every feature, then y
    for (int j = 0; j <= p; j++) {
      rows[j] = j;
    }
    int[] columns = new int[Math.min(BLOCK, p) + 1];   // the first features, then y
    for (int t = 0; t < columns.length - 1; t++) {
      columns[t] = t;
    }
    columns[columns.length - 1] = p;
    data.form(rows, columns, true);
    return data;
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
   * Forms the entries (j, l) of {@code [Xc yc]ᵀ[Xc yc]} for j in {@code rows} (ascending, y's
   * index p last when present) and l in {@code columns} (a subset of rows), and the diagonal of
   * the rows and their sums when {@code diagonal} (the first pass, whose rows are all the
   * columns), in one pass over X; stores them in G (both halves), xy and yNorm2.
   */
  private void form(int[] rows, int[] columns, boolean diagonal) {
    int n = X.length;
    int p = known.length;
    int nJ = rows.length;
    int nL = columns.length;
    int[] at = new int[nL];   // where column t sits among the rows
    for (int t = 0; t < nL; t++) {
      at[t] = Arrays.binarySearch(rows, columns[t]);
    }
    int[][] runs = runs(rows, p);
    boolean triangle = nJ == nL;   // the last pass: the new columns are all the rows
    int size = chunkSize(n);
    int chunks = (n + size - 1) / size;
    // each chunk's (nL + 2, nJ) sums: the products, then the diagonal and the sums (first pass)
    double[][][] parts = new double[chunks][][];
    Parallel.forRange(chunks, 1, (from, to) -> {
      double[][] c = new double[ROWS][nJ];
      double[][] b = new double[ROWS][nL];
      for (int k = from; k < to; k++) {
        double[][] part = new double[nL + (diagonal ? 2 : 0)][nJ];
        int end = Math.min(n, (k + 1) * size);
        for (int start = k * size; start < end; start += ROWS) {
          centre(start, Math.min(ROWS, end - start), rows, runs, at, c, b);
          addProducts(c, b, part, triangle);
          if (diagonal) {
            addSquares(c, part[nL], part[nL + 1]);
          }
        }
        parts[k] = part;
      }
    });
    if (diagonal) {
      sums = total(parts, nL + 1);
      ProvisionalCentre.checkSums(X, sums);
    }
    boolean finite = true;
    for (int t = 0; t < nL; t++) {
      double[] total = total(parts, t);
      for (int i = 0; i < (triangle ? t + 1 : nJ); i++) {
        finite &= Double.isFinite(store(rows[i], columns[t], total[i]));
      }
    }
    if (diagonal) {
      double[] squares = total(parts, nL);
      for (int i = 0; i < nJ; i++) {
        double centred = store(rows[i], rows[i], squares[i]);
        finite &= Double.isFinite(centred);
        far |= fitIntercept && ProvisionalCentre.tooFar(squares[i], centred);
      }
    }
    if (!finite) {
      throw ProvisionalCentre.tooLarge();
    }
    for (int l : columns) {
      if (l < p) {
        known[l] = true;
      }
    }
  }

  /** Row t of every chunk's part, the chunks' sums added in order. */
  private static double[] total(double[][][] parts, int t) {
    double[][] rows = new double[parts.length][];
    for (int k = 0; k < parts.length; k++) {
      rows[k] = parts[k][t];
    }
    return CenteredColumns.sumInOrder(rows);
  }

  /** The means, {@code s + S / n} (zeros without intercept). */
  private double[] means() {
    return ProvisionalCentre.means(centre, sums, X.length, fitIntercept);
  }

  /**
   * Puts entry (j, l) of {@code [Xc yc]ᵀ[Xc yc]} where it belongs, from the shifted rows'
   * products ({@code − S_j S_l / n} when centred), and returns it.
   */
  private double store(int j, int l, double shifted) {
    int p = known.length;
    double value = fitIntercept ? shifted - sums[j] * sums[l] / X.length : shifted;
    if (j == p && l == p) {
      yNorm2 = value;
    } else if (j == p || l == p) {
      xyc[Math.min(j, l)] = value;
    } else {
      gram[j][l] = value;
      gram[l][j] = value;
    }
    return value;
  }

  /**
   * Writes the {@code rows} entries of X's rows [start, start + count) (index p: y) minus the
   * centre into c (count at most {@value #ROWS}), and the columns' among them ({@code at}) into
   * b; the rows past count are zeros, which add nothing. The features come in runs of
   * consecutive indices ({@code runs}: first feature, length), each copied by a plain loop that
   * C2 vectorises (an indexed gather would cost more than the products).
   */
  private void centre(int start, int count, int[] rows, int[][] runs, int[] at, double[][] c,
      double[][] b) {
    int p = known.length;
    int features = rows[rows.length - 1] == p ? rows.length - 1 : rows.length;
    for (int k = 0; k < count; k++) {
      double[] x = X[start + k];
      double[] ck = c[k];
      for (int r = 0, i = 0; r < runs.length; i += runs[r][1], r++) {
        int first = runs[r][0];
        for (int q = 0; q < runs[r][1]; q++) {
          ck[i + q] = x[first + q] - centre[first + q];
        }
      }
      if (features < rows.length) {
        ck[features] = y[start + k] - centre[p];
      }
      for (int t = 0; t < at.length; t++) {
        b[k][t] = ck[at[t]];
      }
    }
    for (int k = count; k < ROWS; k++) {
      Arrays.fill(c[k], 0);
      Arrays.fill(b[k], 0);
    }
  }

  /** The runs of consecutive features among {@code rows} (y's index p left out): first, length. */
  private static int[][] runs(int[] rows, int p) {
    int[][] runs = new int[rows.length][];
    int count = 0;
    for (int i = 0; i < rows.length && rows[i] < p; i++) {
      if (count > 0 && rows[i] == runs[count - 1][0] + runs[count - 1][1]) {
        runs[count - 1][1]++;
      } else {
        runs[count++] = new int[] {rows[i], 1};
      }
    }
    return Arrays.copyOf(runs, count);
  }

  /**
   * {@code part[t][i] += Σ_k c[k][i] b[k][t]} for every column t (i <= t only when
   * {@code triangle}: rows and columns are then the same features, and (i, t) is (t, i)), the
   * {@value #ROWS} rows in order, each a fused multiply-add: a plain loop over i in which every
   * array is read at i, which C2 turns into vector instructions.
   */
  private static void addProducts(double[][] c, double[][] b, double[][] part,
      boolean triangle) {
    double[] c0 = c[0];
    double[] c1 = c[1];
    double[] c2 = c[2];
    double[] c3 = c[3];
    double[] c4 = c[4];
    double[] c5 = c[5];
    double[] c6 = c[6];
    double[] c7 = c[7];
    int nJ = c0.length;
    for (int t = 0; t < b[0].length; t++) {
      double b0 = b[0][t];
      double b1 = b[1][t];
      double b2 = b[2][t];
      double b3 = b[3][t];
      double b4 = b[4][t];
      double b5 = b[5][t];
      double b6 = b[6][t];
      double b7 = b[7][t];
      double[] g = part[t];
      int last = triangle ? t + 1 : nJ;
      for (int i = 0; i < last; i++) {
        double s = g[i];
        s = Math.fma(c0[i], b0, s);
        s = Math.fma(c1[i], b1, s);
        s = Math.fma(c2[i], b2, s);
        s = Math.fma(c3[i], b3, s);
        s = Math.fma(c4[i], b4, s);
        s = Math.fma(c5[i], b5, s);
        s = Math.fma(c6[i], b6, s);
        s = Math.fma(c7[i], b7, s);
        g[i] = s;
      }
    }
  }

  /**
   * {@code d[i] += Σ_k c[k][i]²}, the rows in order, as {@link #addProducts} sums, and
   * {@code s[i] += Σ_k c[k][i]}.
   */
  private static void addSquares(double[][] c, double[] d, double[] s) {
    for (double[] ck : c) {
      for (int i = 0; i < d.length; i++) {
        d[i] = Math.fma(ck[i], ck[i], d[i]);
        s[i] += ck[i];
      }
    }
  }

  /**
   * Makes sure column j of G is formed, before w_j leaves 0: with the next unknown features
   * after it, up to {@value #BLOCK} columns, or every unknown one after {@value #LAZY_PASSES}
   * such passes.
   */
  private void ensure(int j) {
    if (known[j]) {
      return;
    }
    int p = known.length;
    int unknown = 0;
    for (boolean k : known) {
      unknown += k ? 0 : 1;
    }
    int[] rows = new int[unknown];
    for (int l = 0, i = 0; l < p; l++) {
      if (!known[l]) {
        rows[i++] = l;
      }
    }
    int[] columns = rows;
    if (lazyPasses++ < LAZY_PASSES) {
      columns = new int[Math.min(BLOCK, unknown)];
      for (int l = j, t = 0; t < columns.length; l = (l + 1) % p) {
        if (!known[l]) {
          columns[t++] = l;
        }
      }
      Arrays.sort(columns);
    }
    form(rows, columns, false);
  }

  /** The diagonal of the Gram matrix. */
  @Override
  public double[] norms() {
    double[] norms = new double[gram.length];
    for (int j = 0; j < norms.length; j++) {
      norms[j] = gram[j][j];
    }
    return norms;
  }

  @Override
  public double yNorm2() {
    return yNorm2;
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
   * {@code G v} would carry the rounding of every past update into the small difference
   * {@code X_jᵀR}, which on an ill-conditioned problem (diabetes, tol 1e-8, 766 sweeps) moves
   * the weights by 2e-11; formed afresh they stay within 1e-13 of the sweeps on the columns.
   */
  private final class GramResidual implements CoordinateDescent.Residual {
    private final double[] v;

    GramResidual(double[] w) {
      for (int j = 0; j < w.length; j++) {
        if (w[j] != 0) {
          ensure(j);
        }
      }
      v = w.clone();
    }

    @Override
    public double correlation(int j) {
      return xyc[j] - Blas.dot(gram[j], 0, v, 0, v.length);
    }

    @Override
    public void add(int j, double delta) {
      ensure(j);
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
      return yNorm2 - Blas.dot(v, 0, xyc, 0, v.length);
    }
  }

  /** {@code ȳ − x̄ · w}. */
  @Override
  public double intercept(double[] w) {
    double[] means = means();
    return CenteredColumns.intercept(means[means.length - 1],
        Arrays.copyOf(means, means.length - 1), w);
  }
}
