package semaine.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import semaine.util.Parallel;

/**
 * The float kernels of the nn engine on flat row-major arrays: matrix product, elementwise sums and
 * products, dot and sum; the vector paths of the matrix product are in {@link MatMulSimd}, the
 * species and the lane sum they share in {@link FloatLanes}. With them, {@link InferenceKernels}
 * (GPT-2's matrix-vector and 8-bit products) and {@code semaine.nn.optim.AdamUpdate}, the only
 * classes of semaine nn that import {@code jdk.incubator.vector}.
 *
 * <p>Each vector routine has a scalar twin that finishes the tail and is the oracle of the tests.
 * The matrix product keeps, for every output element, the same FMA chain over k in both paths
 * ({@code c = fma(a_ip, b_pj, c)} for p = 0, 1, ..., from 0, then added to C when accumulating),
 * so vector and scalar give the same bits; the vector path's packing and blocking (of rows and
 * columns, never of k) change only the memory layout, not that order.
 * When the JVM runs without {@code --add-modules jdk.incubator.vector} (or with
 * {@code -Dsemaine.vector=false}) the nested {@code Simd} class is never loaded and every kernel
 * runs its scalar twin.
 */
final class Kernels {

  /** True when the incubator module is present and not turned off. */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("semaine.vector"));

  /**
   * Multiply-adds below which a matrix product stays on the calling thread: handing 2M or fewer
   * (a batch of 32 through a 256-wide layer is 0.5M) to another core costs about what it saves.
   */
  private static final long PARALLEL_FLOPS = 1L << 21;

  /** The cores, asked once: the query costs a few microseconds, as much as a small product. */
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private Kernels() {}

  /**
   * {@code C (+)= A · B}, A (n, k), B (k, m), C (n, m), all row-major from their offsets; rows of
   * C are split over the cores when the product is large enough.
   */
  static void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
      int n, int k, int m, boolean accumulate) {
    matmul(a, aOff, k, 1, b, bOff, c, cOff, n, k, m, accumulate);
  }

  /**
   * {@code C (+)= Aᵀ · B} with A stored (k, n) row-major: the weight gradient {@code xᵀ · g}
   * without copying the transpose. Same FMA chains, so the same bits as transposing first.
   */
  static void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
      int n, int k, int m, boolean accumulate) {
    matmul(a, aOff, 1, n, b, bOff, c, cOff, n, k, m, accumulate);
  }

  /**
   * {@code C (+)= A · Bᵀ} with B stored (m, k) row-major: a linear layer's {@code x · Wᵀ} and the
   * input gradient {@code g · Bᵀ} without copying the transpose. Same FMA chains, so the same bits
   * as transposing first.
   */
  static void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
      int n, int k, int m, boolean accumulate) {
    overRows(n, (long) n * k * m, (from, to) ->
        matmulTransBRows(a, aOff, b, bOff, c, cOff, k, m, from, to, accumulate, VECTOR));
  }

  /** Rows {@code from..to-1} of {@link #matmulTransB}, by the vector path or the scalar twin alone. */
  static void matmulTransBRows(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
      int k, int m, int from, int to, boolean accumulate, boolean vector) {
    if (vector) {
      MatMulSimd.matmulTransBRows(a, aOff, b, bOff, c, cOff, k, m, from, to, accumulate);
    } else {
      matmulRowsScalar(a, aOff, k, 1, b, bOff, 1, k, c, cOff, k, m, from, to, 0, accumulate);
    }
  }

  /** A(i, p) is {@code a[aOff + i·si + p·sp]}. */
  private static void matmul(float[] a, int aOff, int si, int sp, float[] b, int bOff, float[] c,
      int cOff, int n, int k, int m, boolean accumulate) {
    overRows(n, (long) n * k * m, (from, to) ->
        matmulRows(a, aOff, si, sp, b, bOff, c, cOff, k, m, from, to, accumulate, VECTOR));
  }

  /** Runs body over rows 0..n-1: on this thread when the work is small, else one range per core. */
  private static void overRows(int n, long work, Parallel.RangeBody body) {
    if (work < PARALLEL_FLOPS || CORES == 1 || n < 8) {
      body.run(0, n);
      return;
    }
    // in multiples of the 4-row register block
    int grain = Math.max(4, ((n + CORES - 1) / CORES + 3) / 4 * 4);
    Parallel.forRange(n, grain, body);
  }

  /** Rows {@code from..to-1} of {@link #matmul}, by the vector path or the scalar twin alone. */
  static void matmulRows(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
      int k, int m, int from, int to, boolean accumulate, boolean vector) {
    matmulRows(a, aOff, k, 1, b, bOff, c, cOff, k, m, from, to, accumulate, vector);
  }

  static void matmulRows(float[] a, int aOff, int si, int sp, float[] b, int bOff, float[] c,
      int cOff, int k, int m, int from, int to, boolean accumulate, boolean vector) {
    int start = 0;
    if (vector) {
      start = MatMulSimd.matmulRows(a, aOff, si, sp, b, bOff, c, cOff, k, m, from, to, accumulate);
    }
    matmulRowsScalar(a, aOff, si, sp, b, bOff, m, 1, c, cOff, k, m, from, to, start, accumulate);
  }

  /** Scalar twin of {@link #matmulRows}: columns {@code start..m-1} of rows from..to-1. */
  static void matmulRowsScalar(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
      int k, int m, int from, int to, int start, boolean accumulate) {
    matmulRowsScalar(a, aOff, k, 1, b, bOff, m, 1, c, cOff, k, m, from, to, start, accumulate);
  }

  /**
   * The scalar twin in general: A(i, p) at {@code i·si + p·sp}, B(p, j) at {@code p·bp + j·bj}.
   * Each row of C is built in a scratch row, p outermost: {@code t[j] = fma(a_ip, b_pj, t[j])} for
   * p = 0, 1, ..., the same FMA chain per element as one dot product per element (so the same bits
   * as the vector path), but the chains of a row advance side by side over unit-stride memory.
   * B's rows are first copied to arrays of their own, indexed as the scratch row is: C2 vectorises
   * that loop, not one reading B at an offset (the two arrays might then overlap).
   */
  private static void matmulRowsScalar(float[] a, int aOff, int si, int sp, float[] b, int bOff,
      int bp, int bj, float[] c, int cOff, int k, int m, int from, int to, int start,
      boolean accumulate) {
    int cols = m - start;
    if (to - from < 4) {
      dotRows(a, aOff, si, sp, b, bOff, bp, bj, c, cOff, k, m, from, to, start, accumulate);
      return;
    }
    Scratch scratch = (long) k * cols <= Scratch.LIMIT ? SCRATCH.get() : new Scratch(false);
    float[][] rows = scratch.rows(b, bOff + start * bj, bp, bj, k, cols);
    float[] t = scratch.row(cols);
    for (int i = from; i < to; i++) {
      int aRow = aOff + i * si;
      java.util.Arrays.fill(t, 0, cols, 0f);
      int p = 0;
      for (; p + 4 <= k; p += 4) {
        int at = aRow + p * sp;
        fmaRow4(a[at], a[at + sp], a[at + 2 * sp], a[at + 3 * sp], rows[p], rows[p + 1],
            rows[p + 2], rows[p + 3], t, cols);
      }
      for (; p < k; p++) {
        fmaRow(a[aRow + p * sp], rows[p], t, cols);
      }
      storeRow(t, c, cOff + i * m + start, cols, accumulate);
    }
  }

  /**
   * The same chains one element at a time, for fewer than four rows, where copying B would cost
   * more than the product.
   */
  private static void dotRows(float[] a, int aOff, int si, int sp, float[] b, int bOff, int bp,
      int bj, float[] c, int cOff, int k, int m, int from, int to, int start, boolean accumulate) {
    for (int i = from; i < to; i++) {
      int aRow = aOff + i * si;
      int cRow = cOff + i * m;
      for (int j = start; j < m; j++) {
        float sum = 0f;
        for (int p = 0; p < k; p++) {
          sum = Math.fma(a[aRow + p * sp], b[bOff + p * bp + j * bj], sum);
        }
        c[cRow + j] = accumulate ? c[cRow + j] + sum : sum;
      }
    }
  }

  /**
   * The copies of B's rows and the scratch row of the scalar matrix product, kept by each thread
   * from one product to the next when they are small (at most {@link #LIMIT} floats): a training
   * step runs several small products, and fresh memory is what a first fit pays most for on a
   * virtual machine (each new page is a fault in the host too). The arrays may be longer than a
   * product needs; the loops take their lengths from the product. A product never runs another on
   * its thread while it uses them.
   */
  private static final class Scratch {
    static final int LIMIT = 1 << 18;

    private float[][] rows = new float[0][];
    private float[] t = new float[0];
    /** Floats held in {@link #rows}: past {@link #cap} they are all let go. */
    private long held;
    private final long cap;

    /** @param kept whether the thread keeps it (then it holds at most 2·LIMIT floats of rows) */
    Scratch(boolean kept) {
      cap = kept ? 2L * LIMIT : Long.MAX_VALUE;
    }

    /** B(p, j) ({@code b[off + p·bp + j·bj]}) for p < k, j < cols, one array per row p. */
    float[][] rows(float[] b, int off, int bp, int bj, int k, int cols) {
      if (rows.length < k) {
        rows = java.util.Arrays.copyOf(rows, k);
      }
      for (int p = 0; p < k; p++) {
        float[] row = rows[p];
        if (row == null || row.length < cols) {
          if (held + cols > cap) {
            rows = new float[k][];
            held = 0;
            p = -1;  // start again on fresh arrays
            continue;
          }
          row = new float[cols];
          rows[p] = row;
          held += cols;
        }
        int at = off + p * bp;
        if (bj == 1) {
          System.arraycopy(b, at, row, 0, cols);
        } else {
          for (int j = 0; j < cols; j++) {
            row[j] = b[at + j * bj];
          }
        }
      }
      return rows;
    }

    /** A row of at least n floats (not cleared). */
    float[] row(int n) {
      if (t.length < n) {
        t = new float[n];
      }
      return t;
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> new Scratch(true));

  /**
   * {@code t[j] = fma(s, b[j], t[j])} for j < n: one step of n FMA chains. A small method called
   * once per (row, p), so the JIT compiles it after a few calls.
   */
  private static void fmaRow(float s, float[] b, float[] t, int n) {
    for (int j = 0; j < n; j++) {
      t[j] = Math.fma(s, b[j], t[j]);
    }
  }

  /**
   * Four steps of {@link #fmaRow} in one pass, in the same order for each element: t[j] is read
   * and written once for four FMAs.
   */
  private static void fmaRow4(float s0, float s1, float s2, float s3, float[] b0, float[] b1,
      float[] b2, float[] b3, float[] t, int n) {
    for (int j = 0; j < n; j++) {
      t[j] = Math.fma(s3, b3[j], Math.fma(s2, b2[j], Math.fma(s1, b1[j], Math.fma(s0, b0[j], t[j]))));
    }
  }

  /** {@code c[cAt + j] (+)= t[j]} for j < n. */
  private static void storeRow(float[] t, float[] c, int cAt, int n, boolean accumulate) {
    if (accumulate) {
      for (int j = 0; j < n; j++) {
        c[cAt + j] += t[j];
      }
    } else {
      System.arraycopy(t, 0, c, cAt, n);
    }
  }

  /** {@code out[i] = a[i] + b[i]}. */
  static void add(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    int i = VECTOR ? Simd.add(a, aOff, b, bOff, out, oOff, n) : 0;
    addScalar(a, aOff, b, bOff, out, oOff, i, n);
  }

  static void addScalar(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff,
      int from, int n) {
    for (int i = from; i < n; i++) {
      out[oOff + i] = a[aOff + i] + b[bOff + i];
    }
  }

  /** {@code out[i] = a[i] * b[i]}. */
  static void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    int i = VECTOR ? Simd.mul(a, aOff, b, bOff, out, oOff, n) : 0;
    mulScalar(a, aOff, b, bOff, out, oOff, i, n);
  }

  static void mulScalar(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff,
      int from, int n) {
    for (int i = from; i < n; i++) {
      out[oOff + i] = a[aOff + i] * b[bOff + i];
    }
  }

  /** {@code y[i] += alpha * x[i]}, one rounding per element (FMA). */
  static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    int i = VECTOR ? Simd.axpy(alpha, x, xOff, y, yOff, n) : 0;
    axpyScalar(alpha, x, xOff, y, yOff, i, n);
  }

  static void axpyScalar(float alpha, float[] x, int xOff, float[] y, int yOff, int from, int n) {
    for (int i = from; i < n; i++) {
      y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
    }
  }

  /** {@code Σ x[i]} in float, lanes first then the tail (vector) or in index order (scalar). */
  static float sum(float[] x, int off, int n) {
    return VECTOR ? Simd.sum(x, off, n) : sumScalar(x, off, 0, n, 0f);
  }

  static float sumScalar(float[] x, int off, int from, int n, float start) {
    float s = start;
    for (int i = from; i < n; i++) {
      s += x[off + i];
    }
    return s;
  }

  /** {@code Σ a[i]·b[i]} in float. */
  static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    return VECTOR ? Simd.dot(a, aOff, b, bOff, n) : dotScalar(a, aOff, b, bOff, 0, n, 0f);
  }

  static float dotScalar(float[] a, int aOff, float[] b, int bOff, int from, int n, float start) {
    float s = start;
    for (int i = from; i < n; i++) {
      s = Math.fma(a[aOff + i], b[bOff + i], s);
    }
    return s;
  }

  /**
   * Matrix-vector product for inference: {@code y[r] = bias[r] + Σ_c w[r·cols + c]·x[c]}, W (rows,
   * cols) row-major, bias (rows) or null; rows are split over the cores when W is large.
   */
  static void matvec(float[] w, float[] x, float[] bias, float[] y, int rows, int cols) {
    int cores = Runtime.getRuntime().availableProcessors();
    if ((long) rows * cols < PARALLEL_FLOPS || cores == 1) {
      matvecRows(w, x, bias, y, cols, 0, rows, VECTOR);
      return;
    }
    // about two ranges per core: enough to balance, few enough to keep the fork-join cost small
    int grain = Math.max(16, (rows + 2 * cores - 1) / (2 * cores));
    Parallel.forRange(rows, grain, (from, to) -> matvecRows(w, x, bias, y, cols, from, to, VECTOR));
  }

  /** Rows {@code from..to-1} of {@link #matvec}, by the vector path or the scalar twin alone. */
  static void matvecRows(float[] w, float[] x, float[] bias, float[] y, int cols, int from, int to,
      boolean vector) {
    int r = vector ? Simd.matvecRows(w, x, bias, y, cols, from, to) : from;
    for (; r < to; r++) {
      float sum = vector ? Simd.dot(w, r * cols, x, 0, cols) : dotScalar(w, r * cols, x, 0, 0, cols, 0f);
      y[r] = bias == null ? sum : bias[r] + sum;
    }
  }

  /** The vector paths; loaded only when {@link #VECTOR} is true. */
  static final class Simd {
    private static final VectorSpecies<Float> S = FloatLanes.S;
    private static final int L = FloatLanes.L;

    // add and mul are written out: through one method taking the operator, C2 did not always
    // see it as a constant, and then ran the lanewise fallback (a quarter of an MLP fit on digits)
    static int add(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
      int i = 0;
      for (int bound = S.loopBound(n); i < bound; i += L) {
        FloatVector.fromArray(S, a, aOff + i).add(FloatVector.fromArray(S, b, bOff + i))
            .intoArray(out, oOff + i);
      }
      return i;
    }

    static int mul(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
      int i = 0;
      for (int bound = S.loopBound(n); i < bound; i += L) {
        FloatVector.fromArray(S, a, aOff + i).mul(FloatVector.fromArray(S, b, bOff + i))
            .intoArray(out, oOff + i);
      }
      return i;
    }

    static int axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
      FloatVector va = FloatVector.broadcast(S, alpha);
      int i = 0;
      for (int bound = S.loopBound(n); i < bound; i += L) {
        va.fma(FloatVector.fromArray(S, x, xOff + i), FloatVector.fromArray(S, y, yOff + i))
            .intoArray(y, yOff + i);
      }
      return i;
    }

    static float sum(float[] x, int off, int n) {
      FloatVector acc = FloatVector.zero(S);
      int i = 0;
      for (int bound = S.loopBound(n); i < bound; i += L) {
        acc = acc.add(FloatVector.fromArray(S, x, off + i));
      }
      return sumScalar(x, off, i, n, FloatLanes.sumLanes(acc));
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
      FloatVector acc = FloatVector.zero(S);
      int i = 0;
      for (int bound = S.loopBound(n); i < bound; i += L) {
        acc = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc);
      }
      return dotScalar(a, aOff, b, bOff, i, n, FloatLanes.sumLanes(acc));
    }
  

    /**
     * Four rows of W at a time, sharing each load of x; returns the first row left to the caller.
     * Each row sums its lanes then its scalar tail, as {@link #dot}.
     */
    static int matvecRows(float[] w, float[] x, float[] bias, float[] y, int cols, int from, int to) {
      int bound = S.loopBound(cols);
      int r = from;
      for (; r + 4 <= to; r += 4) {
        int w0 = r * cols;
        int w1 = w0 + cols;
        int w2 = w1 + cols;
        int w3 = w2 + cols;
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        for (int i = 0; i < bound; i += L) {
          FloatVector xv = FloatVector.fromArray(S, x, i);
          a0 = FloatVector.fromArray(S, w, w0 + i).fma(xv, a0);
          a1 = FloatVector.fromArray(S, w, w1 + i).fma(xv, a1);
          a2 = FloatVector.fromArray(S, w, w2 + i).fma(xv, a2);
          a3 = FloatVector.fromArray(S, w, w3 + i).fma(xv, a3);
        }
        float s0 = dotScalar(w, w0, x, 0, bound, cols, FloatLanes.sumLanes(a0));
        float s1 = dotScalar(w, w1, x, 0, bound, cols, FloatLanes.sumLanes(a1));
        float s2 = dotScalar(w, w2, x, 0, bound, cols, FloatLanes.sumLanes(a2));
        float s3 = dotScalar(w, w3, x, 0, bound, cols, FloatLanes.sumLanes(a3));
        y[r] = bias == null ? s0 : bias[r] + s0;
        y[r + 1] = bias == null ? s1 : bias[r + 1] + s1;
        y[r + 2] = bias == null ? s2 : bias[r + 2] + s2;
        y[r + 3] = bias == null ? s3 : bias[r + 3] + s3;
      }
      return r;
    }
  }
}
