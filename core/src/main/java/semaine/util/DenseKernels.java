package semaine.util;

/**
 * The dense products the linear models are made of, what scikit-learn leaves to BLAS: dot
 * products and axpy on flat arrays (coordinate descent), {@code X·w} row by row and
 * {@code Σ v_i x_i} (a loss and its gradient), and the Gram matrix {@code [X | y]ᵀ[X | y]} of
 * centred rows (the normal equations).
 *
 * <p>Every sum is formed in one fixed order, with one FMA per product: a dot product keeps 16
 * partial sums (four vectors of four lanes) folded as {@link #dot} says; a row of X times w keeps
 * four. Two implementations give the same bits: {@link VectorDenseKernels} (the Vector API, 256-bit
 * vectors) when the {@code jdk.incubator.vector} module is present, and the scalar twins here,
 * which finish the vector loops' tails and serve as their test oracles. Set the system property
 * {@code semaine.vector=false} to force the scalar path.
 *
 * <p>The reductions over rows ({@link #sumOverChunks}, {@link #gram}) cut the rows into chunks of
 * {@value #CHUNK_ROWS}, run the chunks on both cores and add the chunks' partial sums in chunk
 * order, so the result depends neither on the number of cores nor on the scheduling; an input of
 * one chunk runs on the calling thread.
 */
public final class DenseKernels {

  /** True when the Vector API module is loaded and not switched off. */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("semaine.vector"));

  /** Rows per chunk of a reduction: fixed, so that the rounding does not depend on the cores. */
  public static final int CHUNK_ROWS = 2048;

  /** Rows per block of {@link #gram}: a block of 256 x 21 doubles (43 KB) stays in L2. */
  static final int BLOCK_ROWS = 256;

  /** The body of a reduction over rows [from, to), adding its sums to {@code partial}. */
  @FunctionalInterface
  public interface ChunkBody {
    void run(int from, int to, double[] partial);
  }

  private DenseKernels() {}

  /**
   * {@code Σ a[aFrom + i] b[bFrom + i]} for i in [0, n): entry i goes to partial sum i mod 16
   * (an FMA each) for the first n &amp; −16 entries; partial sums l, l + 4, l + 8, l + 12 add as
   * (l + (l+4)) + ((l+8) + (l+12)), those four lane sums as (0 + 1) + (2 + 3); the last n mod 16
   * entries follow one FMA at a time.
   */
  public static double dot(double[] a, int aFrom, double[] b, int bFrom, int n) {
    if (VECTOR && n >= 16) {
      return VectorDenseKernels.dot(a, aFrom, b, bFrom, n);
    }
    return dotScalar(a, aFrom, b, bFrom, n);
  }

  /** {@link #dot} of two whole arrays of the same length. */
  public static double dot(double[] a, double[] b) {
    return dot(a, 0, b, 0, a.length);
  }

  /** The scalar twin of {@link #dot}. */
  static double dotScalar(double[] a, int aFrom, double[] b, int bFrom, int n) {
    int blocked = n & -16;
    double sum = 0;
    if (blocked > 0) {
      double[] p = new double[16];
      for (int i = 0; i < blocked; i += 16) {
        for (int l = 0; l < 16; l++) {
          p[l] = Math.fma(a[aFrom + i + l], b[bFrom + i + l], p[l]);
        }
      }
      sum = foldSixteen(p);
    }
    return dotTail(a, aFrom, b, bFrom, blocked, n, sum);
  }

  /** The fold of {@link #dot}'s 16 partial sums. */
  static double foldSixteen(double[] p) {
    double l0 = (p[0] + p[4]) + (p[8] + p[12]);
    double l1 = (p[1] + p[5]) + (p[9] + p[13]);
    double l2 = (p[2] + p[6]) + (p[10] + p[14]);
    double l3 = (p[3] + p[7]) + (p[11] + p[15]);
    return (l0 + l1) + (l2 + l3);
  }

  /** sum plus the products of entries [from, n), one FMA each, in order. */
  static double dotTail(double[] a, int aFrom, double[] b, int bFrom, int from, int n,
      double sum) {
    for (int i = from; i < n; i++) {
      sum = Math.fma(a[aFrom + i], b[bFrom + i], sum);
    }
    return sum;
  }

  /**
   * Whether every value of a is finite: {@code v − v} is 0 for a finite v and NaN otherwise, and
   * a sum of them is NaN as soon as one is (in any order).
   */
  public static boolean allFinite(double[] a) {
    int i = 0;
    double sum = 0;
    if (VECTOR && a.length >= 16) {
      i = a.length & -16;
      sum = VectorDenseKernels.zeroWhenFinite(a, i);
    }
    double s0 = 0;
    double s1 = 0;
    for (; i + 2 <= a.length; i += 2) {
      s0 += a[i] - a[i];
      s1 += a[i + 1] - a[i + 1];
    }
    for (; i < a.length; i++) {
      s0 += a[i] - a[i];
    }
    return sum + s0 + s1 == 0;
  }

  /** {@code y[yFrom + i] = fma(alpha, x[xFrom + i], y[yFrom + i])} for i in [0, n). */
  public static void axpy(double alpha, double[] x, int xFrom, double[] y, int yFrom, int n) {
    int i = 0;
    if (VECTOR && n >= 16) {
      i = VectorDenseKernels.axpy(alpha, x, xFrom, y, yFrom, n);
    }
    for (; i < n; i++) {
      y[yFrom + i] = Math.fma(alpha, x[xFrom + i], y[yFrom + i]);
    }
  }

  /** {@link #axpy} on whole arrays: {@code y += alpha x}. */
  public static void axpy(double alpha, double[] x, double[] y) {
    axpy(alpha, x, 0, y, 0, y.length);
  }

  /**
   * {@code out[outFrom + i − from] = X[i] · w[wFrom ..]} for the rows i in [from, to), over the p = row
   * length features: feature j goes to partial sum j mod 4 for the first p &amp; −4 features
   * (an FMA each), the four add as (0 + 1) + (2 + 3), the last p mod 4 follow one FMA at a time.
   */
  public static void rowDots(double[][] X, int from, int to, double[] w, int wFrom,
      double[] out, int outFrom) {
    int i = from;
    if (VECTOR && to > from && X[from].length >= 8) {
      i = VectorDenseKernels.rowDots(X, from, to, w, wFrom, out, outFrom - from);
    }
    for (; i < to; i++) {
      out[outFrom + i - from] = rowDotScalar(X[i], w, wFrom);
    }
  }

  /** The scalar twin of one row of {@link #rowDots}. */
  static double rowDotScalar(double[] x, double[] w, int wFrom) {
    int p = x.length;
    int blocked = p & -4;
    double p0 = 0;
    double p1 = 0;
    double p2 = 0;
    double p3 = 0;
    for (int j = 0; j < blocked; j += 4) {
      p0 = Math.fma(x[j], w[wFrom + j], p0);
      p1 = Math.fma(x[j + 1], w[wFrom + j + 1], p1);
      p2 = Math.fma(x[j + 2], w[wFrom + j + 2], p2);
      p3 = Math.fma(x[j + 3], w[wFrom + j + 3], p3);
    }
    return dotTail(x, 0, w, wFrom, blocked, p, (p0 + p1) + (p2 + p3));
  }

  /**
   * {@code out[outFrom + j] += Σ_i v[vFrom + i − from] X[i][j]} over the rows i in [from, to), one FMA per
   * product, rows in order (with {@code v == null}, every v is 1 and the rows are simply added).
   */
  public static void addRows(double[][] X, int from, int to, double[] v, int vFrom,
      double[] out, int outFrom) {
    int i = from;
    if (VECTOR && to > from && X[from].length >= 8) {
      i = VectorDenseKernels.addRows(X, from, to, v, vFrom - from, out, outFrom);
    }
    addRowsScalar(X, i, to, v, vFrom - from, out, outFrom);
  }

  /** The scalar twin of {@link #addRows} for rows [from, to); v[shift + i] is row i's factor. */
  static void addRowsScalar(double[][] X, int from, int to, double[] v, int shift, double[] out,
      int outFrom) {
    for (int i = from; i < to; i++) {
      double[] x = X[i];
      if (v == null) {
        for (int j = 0; j < x.length; j++) {
          out[outFrom + j] += x[j];
        }
      } else {
        double vi = v[shift + i];
        for (int j = 0; j < x.length; j++) {
          out[outFrom + j] = Math.fma(vi, x[j], out[outFrom + j]);
        }
      }
    }
  }

  /**
   * {@code out[outFrom + i − from] = Σ_j X[i][j] w[j]} for the rows i in [from, to), each sum
   * formed as a plain loop forms it (a product, then an addition, feature after feature: the
   * order liblinear's solvers sum in); eight rows advance together so that their additions
   * overlap.
   */
  public static void rowDotsInOrder(double[][] X, int from, int to, double[] w, double[] out,
      int outFrom) {
    int p = to > from ? X[from].length : 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      double[] x0 = X[i];
      double[] x1 = X[i + 1];
      double[] x2 = X[i + 2];
      double[] x3 = X[i + 3];
      double[] x4 = X[i + 4];
      double[] x5 = X[i + 5];
      double[] x6 = X[i + 6];
      double[] x7 = X[i + 7];
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      double s5 = 0;
      double s6 = 0;
      double s7 = 0;
      for (int j = 0; j < p; j++) {
        double wj = w[j];
        s0 += x0[j] * wj;
        s1 += x1[j] * wj;
        s2 += x2[j] * wj;
        s3 += x3[j] * wj;
        s4 += x4[j] * wj;
        s5 += x5[j] * wj;
        s6 += x6[j] * wj;
        s7 += x7[j] * wj;
      }
      int o = outFrom + i - from;
      out[o] = s0;
      out[o + 1] = s1;
      out[o + 2] = s2;
      out[o + 3] = s3;
      out[o + 4] = s4;
      out[o + 5] = s5;
      out[o + 6] = s6;
      out[o + 7] = s7;
    }
    for (; i < to; i++) {
      double[] x = X[i];
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += x[j] * w[j];
      }
      out[outFrom + i - from] = s;
    }
  }

  /**
   * {@code out[j] += v[vFrom + i − from] · X[i][j]} for the features j in [colFrom, colTo), rows i
   * in [from, to) in order, a product then an addition (liblinear's axpy): the same bits on the
   * vector path, which works on four features at a time.
   */
  public static void addRowsInOrder(double[][] X, int from, int to, double[] v, int vFrom,
      double[] out, int colFrom, int colTo) {
    if (VECTOR && colTo - colFrom >= 8) {
      VectorDenseKernels.addRowsInOrder(X, from, to, v, vFrom - from, out, colFrom, colTo);
      return;
    }
    addRowsInOrderScalar(X, from, to, v, vFrom, out, colFrom, colTo);
  }

  /** The scalar twin of {@link #addRowsInOrder}. */
  static void addRowsInOrderScalar(double[][] X, int from, int to, double[] v, int vFrom,
      double[] out, int colFrom, int colTo) {
    for (int i = from; i < to; i++) {
      double[] x = X[i];
      double a = v[vFrom + i - from];
      for (int j = colFrom; j < colTo; j++) {
        out[j] += a * x[j];
      }
    }
  }

  /**
   * Runs {@code body} on the chunks of {@value #CHUNK_ROWS} rows of [0, n), in parallel, each with
   * its own zeroed partial sums of length {@code width}, and adds the partials to {@code out} in
   * chunk order.
   */
  public static void sumOverChunks(int n, int width, ChunkBody body, double[] out) {
    int chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
    double[][] partials = new double[chunks][width];
    Parallel.forRange(chunks, 1, (first, last) -> {
      for (int c = first; c < last; c++) {
        body.run(c * CHUNK_ROWS, Math.min(n, (c + 1) * CHUNK_ROWS), partials[c]);
      }
    });
    for (double[] partial : partials) {
      for (int j = 0; j < width; j++) {
        out[j] += partial[j];
      }
    }
  }

  /** The column means of X, shape (p,): rows added chunk by chunk, then divided by n. */
  public static double[] columnMeans(double[][] X) {
    int p = X[0].length;
    double[] mean = new double[p];
    sumOverChunks(X.length, p, (from, to, partial) -> addRows(X, from, to, null, 0, partial, 0),
        mean);
    for (int j = 0; j < p; j++) {
      mean[j] /= X.length;
    }
    return mean;
  }

  /**
   * The Gram matrix of the centred rows {@code [X − xOffset | y − yOffset]}, shape (k, k) with
   * k = p + 1, row-major: {@code G[a][b] = Σ_i (z_ia)(z_ib)}. Each block of {@value #BLOCK_ROWS}
   * rows is centred into columns and its products added with {@link #dot}; blocks add in order
   * within a chunk, chunks in order.
   */
  public static double[] gram(double[][] X, double[] xOffset, double[] y, double yOffset) {
    int p = xOffset.length;
    int k = p + 1;
    double[] G = new double[k * k];
    sumOverChunks(X.length, k * k, (from, to, partial) -> {
      double[] block = new double[k * BLOCK_ROWS];   // (k, BLOCK_ROWS) column-major
      for (int start = from; start < to; start += BLOCK_ROWS) {
        int rows = Math.min(BLOCK_ROWS, to - start);
        for (int i = 0; i < rows; i++) {
          double[] x = X[start + i];
          for (int j = 0; j < p; j++) {
            block[j * BLOCK_ROWS + i] = x[j] - xOffset[j];
          }
          block[p * BLOCK_ROWS + i] = y[start + i] - yOffset;
        }
        for (int a = 0; a < k; a++) {
          for (int b = a; b < k; b++) {
            partial[a * k + b] += dot(block, a * BLOCK_ROWS, block, b * BLOCK_ROWS, rows);
          }
        }
      }
    }, G);
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < a; b++) {
        G[a * k + b] = G[b * k + a];
      }
    }
    return G;
  }
}
