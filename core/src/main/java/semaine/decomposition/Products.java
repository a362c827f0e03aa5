package semaine.decomposition;

import semaine.util.Parallel;

/**
 * The dense products of the randomized SVD on the centred data {@code A = X - mean}, without
 * forming A: {@code A Q} ({@link #times}), a tall matrix by a small one, and {@code Aᵀ Y}
 * ({@link #transposeTimes}), which also gives the Gram matrix {@code Yᵀ Y}. Each entry of A is
 * formed as {@code x - mean} where it is used (the copy scikit-learn makes is never needed), and
 * each sum runs over its terms in a fixed order, one fused multiply-add per term (as BLAS forms
 * them). The tall results are
 * single row-major arrays (no array per row to allocate and collect).
 *
 * <p>{@code A Q} sums each row's terms feature after feature, rows split between the cores.
 * {@code Aᵀ Y} sums over fixed chunks of {@value #CHUNK_ROWS} rows, row after row, and adds the
 * chunks' sums in order: the result does not depend on the number of cores.
 *
 * <p>Two implementations give the same bits: {@link VectorProducts} (the Vector API, four columns
 * of the small matrix per vector) when the {@code jdk.incubator.vector} module is present, and the
 * scalar twins here, which finish the vector loops' last columns and serve as their test oracles.
 * Set the system property {@code semaine.vector=false} to force the scalar path.
 */
final class Products {

  /** True when the Vector API module is loaded and not switched off. */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("semaine.vector"));

  /** MatrixRows per chunk of {@code Aᵀ Y}: the partial sums of a chunk are added in chunk order. */
  static final int CHUNK_ROWS = 4096;

  /** MatrixRows centred at a time by {@link #centredGram}. */
  private static final int GRAM_ROWS = 256;

  /** Multiply-adds per task below which a product stays on one core. */
  private static final long TASK_WORK = 1L << 18;

  private Products() {}

  /**
   * {@code (X - mean) Q}, shape (n, w) row-major.
   *
   * @param q the small matrix, (p, w) row-major
   */
  static double[] times(MatrixRows X, double[] mean, double[] q, int w) {
    double[] out = new double[X.n() * w];
    int grain = (int) Math.max(1, TASK_WORK / Math.max(1L, (long) X.p() * w));
    Parallel.forRange(X.n(), grain, (from, to) -> {
      if (VECTOR && w >= 4) {
        VectorProducts.times(X, mean, q, w, from, to, out);
      }
      timesScalar(X, mean, q, w, VECTOR ? w & -4 : 0, from, to, out);
    });
    return out;
  }

  /**
   * The scalar twin of {@link #times} for the columns [colFrom, w) of rows [from, to):
   * {@code out[i][j] = Σ_l (X[i][l] - mean[l]) q[l][j]}, l in order from 0, one FMA per term.
   */
  static void timesScalar(MatrixRows X, double[] mean, double[] q, int w, int colFrom, int from,
      int to, double[] out) {
    int p = X.p();
    for (int i = from; i < to; i++) {
      double[] x = X.array(i);
      int xo = X.offset(i);
      for (int j = colFrom; j < w; j++) {
        double sum = 0;
        for (int l = 0; l < p; l++) {
          sum = Math.fma(x[xo + l] - mean[l], q[l * w + j], sum);
        }
        out[i * w + j] = sum;
      }
    }
  }

  /**
   * {@code (X - mean)ᵀ Y}, shape (p, w) row-major, Y (n, w) row-major; with X = Y and a zero
   * mean, the Gram matrix {@code Yᵀ Y}.
   */
  static double[] transposeTimes(MatrixRows X, double[] mean, double[] y, int w) {
    return inChunks(X.n(), X.p(), w, (from, to, out) -> {
      if (VECTOR && w >= 4) {
        VectorProducts.transposeTimes(X, mean, y, w, from, to, out);
      }
      transposeTimesScalar(X, mean, y, w, VECTOR ? w & -4 : 0, from, to, out);
    });
  }

  /**
   * The centred Gram matrix {@code (X - mean)ᵀ (X - mean)}, shape (p, p) row-major: the rows of a
   * chunk are centred once, {@value #GRAM_ROWS} at a time, into a buffer whose products
   * {@link #transposeTimes}' kernels add, row after row, to the chunk's sums.
   */
  static double[] centredGram(double[][] X, double[] mean) {
    int p = mean.length;
    double[] zero = new double[p];
    return inChunks(X.length, p, p, (from, to, out) -> {
      double[] centred = new double[Math.min(GRAM_ROWS, to - from) * p];
      for (int start = from; start < to; start += GRAM_ROWS) {
        int rows = Math.min(GRAM_ROWS, to - start);
        for (int i = 0; i < rows; i++) {
          for (int l = 0; l < p; l++) {
            centred[i * p + l] = X[start + i][l] - mean[l];
          }
        }
        MatrixRows block = MatrixRows.of(centred, rows, p);
        if (VECTOR && p >= 4) {
          VectorProducts.transposeTimes(block, zero, centred, p, 0, rows, out);
        }
        transposeTimesScalar(block, zero, centred, p, VECTOR ? p & -4 : 0, 0, rows, out);
      }
    });
  }

  /** What a chunk of rows [from, to) adds to a (p, w) sum, into out (zero on entry). */
  @FunctionalInterface
  private interface ChunkSum {
    void add(int from, int to, double[] out);
  }

  /**
   * The sum over the chunks of {@value #CHUNK_ROWS} rows of n, each formed by {@code body} on its
   * own (p, w) array, chunks on the cores and their sums added in chunk order.
   */
  private static double[] inChunks(int n, int p, int w, ChunkSum body) {
    int chunks = Math.max(1, (n + CHUNK_ROWS - 1) / CHUNK_ROWS);
    double[][] partial = new double[chunks][];
    long chunkWork = (long) Math.min(n, CHUNK_ROWS) * p * w;
    int grain = (int) Math.max(1, TASK_WORK / Math.max(1L, chunkWork));
    Parallel.forRange(chunks, grain, (first, last) -> {
      for (int c = first; c < last; c++) {
        int from = c * CHUNK_ROWS;
        double[] out = new double[p * w];
        body.add(from, Math.min(n, from + CHUNK_ROWS), out);
        partial[c] = out;
      }
    });
    double[] sum = partial[0];
    for (int c = 1; c < chunks; c++) {
      for (int e = 0; e < sum.length; e++) {
        sum[e] += partial[c][e];
      }
    }
    return sum;
  }

  /**
   * The scalar twin of {@link #transposeTimes} for the columns [colFrom, w) over rows
   * [from, to): {@code out[l][j] += (X[i][l] - mean[l]) Y[i][j]}, i in order, one FMA per
   * term.
   */
  static void transposeTimesScalar(MatrixRows X, double[] mean, double[] y, int w, int colFrom,
      int from, int to, double[] out) {
    int p = X.p();
    for (int i = from; i < to; i++) {
      double[] x = X.array(i);
      int xo = X.offset(i);
      for (int l = 0; l < p; l++) {
        double a = x[xo + l] - mean[l];
        for (int j = colFrom; j < w; j++) {
          out[l * w + j] = Math.fma(a, y[i * w + j], out[l * w + j]);
        }
      }
    }
  }
}
