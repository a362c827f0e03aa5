package semaine.nn;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import semaine.util.Parallel;

/**
 * The float kernels of the nn engine on flat row-major arrays: matrix product, elementwise sums and
 * products, dot and sum. The only class of semaine nn that imports {@code jdk.incubator.vector}.
 *
 * <p>Each vector routine has a scalar twin that finishes the tail and is the oracle of the tests.
 * The matrix product keeps, for every output element, the same FMA chain over k in both paths
 * ({@code c = fma(a_ip, b_pj, c)} for p = 0, 1, ...), so vector and scalar give the same bits.
 * When the JVM runs without {@code --add-modules jdk.incubator.vector} (or with
 * {@code -Dsemaine.vector=false}) the nested {@code Simd} class is never loaded and every kernel
 * runs its scalar twin.
 */
final class Kernels {

  /** True when the incubator module is present and not turned off. */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("semaine.vector"));

  /** Multiply-adds below which a matrix product stays on the calling thread. */
  private static final long PARALLEL_FLOPS = 1L << 17;

  private Kernels() {}

  /**
   * {@code C (+)= A · B}, A (n, k), B (k, m), C (n, m), all row-major from their offsets; rows of
   * C are split over the cores when the product is large enough.
   */
  static void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
      int n, int k, int m, boolean accumulate) {
    long work = (long) n * k * m;
    int cores = Runtime.getRuntime().availableProcessors();
    if (work < PARALLEL_FLOPS || cores == 1 || n < 8) {
      matmulRows(a, aOff, b, bOff, c, cOff, k, m, 0, n, accumulate, VECTOR);
      return;
    }
    // one range per core, in multiples of the 4-row register block
    int grain = Math.max(4, ((n + cores - 1) / cores + 3) / 4 * 4);
    Parallel.forRange(n, grain,
        (from, to) -> matmulRows(a, aOff, b, bOff, c, cOff, k, m, from, to, accumulate, VECTOR));
  }

  /** Rows {@code from..to-1} of {@link #matmul}, by the vector path or the scalar twin alone. */
  static void matmulRows(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
      int k, int m, int from, int to, boolean accumulate, boolean vector) {
    int start = 0;
    if (vector) {
      start = Simd.matmulRows(a, aOff, b, bOff, c, cOff, k, m, from, to, accumulate);
    }
    matmulRowsScalar(a, aOff, b, bOff, c, cOff, k, m, from, to, start, accumulate);
  }

  /** Scalar twin of {@link #matmulRows}: columns {@code start..m-1} of rows from..to-1. */
  static void matmulRowsScalar(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
      int k, int m, int from, int to, int start, boolean accumulate) {
    for (int i = from; i < to; i++) {
      int aRow = aOff + i * k;
      int cRow = cOff + i * m;
      for (int j = start; j < m; j++) {
        float sum = 0f;
        for (int p = 0; p < k; p++) {
          sum = Math.fma(a[aRow + p], b[bOff + p * m + j], sum);
        }
        c[cRow + j] = accumulate ? c[cRow + j] + sum : sum;
      }
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
  private static final class Simd {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    /**
     * Register-blocked product: 4 rows of C by 2 vectors of columns held in 8 accumulators while p
     * runs over k. Returns the first column left to the scalar twin.
     */
    static int matmulRows(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
        int k, int m, int from, int to, boolean accumulate) {
      int j = 0;
      for (; j + 2 * L <= m; j += 2 * L) {
        int i = from;
        for (; i + 4 <= to; i += 4) {
          block4x2(a, aOff + i * k, b, bOff + j, c, cOff + i * m + j, k, m, accumulate);
        }
        for (; i < to; i++) {
          block1x2(a, aOff + i * k, b, bOff + j, c, cOff + i * m + j, k, m, accumulate);
        }
      }
      for (; j + L <= m; j += L) {
        for (int i = from; i < to; i++) {
          int aRow = aOff + i * k;
          FloatVector acc = FloatVector.zero(S);
          for (int p = 0; p < k; p++) {
            acc = FloatVector.broadcast(S, a[aRow + p])
                .fma(FloatVector.fromArray(S, b, bOff + p * m + j), acc);
          }
          store(acc, c, cOff + i * m + j, accumulate);
        }
      }
      return j;
    }

    // A rows at aRow (stride k), B columns from bCol (stride m), C block at cAt (stride m)
    private static void block4x2(float[] a, int aRow, float[] b, int bCol, float[] c, int cAt,
        int k, int m, boolean accumulate) {
      FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
      FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
      int a1 = aRow + k;
      int a2 = a1 + k;
      int a3 = a2 + k;
      for (int p = 0; p < k; p++) {
        int bp = bCol + p * m;
        FloatVector b0 = FloatVector.fromArray(S, b, bp);
        FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
        FloatVector x0 = FloatVector.broadcast(S, a[aRow + p]);
        FloatVector x1 = FloatVector.broadcast(S, a[a1 + p]);
        FloatVector x2 = FloatVector.broadcast(S, a[a2 + p]);
        FloatVector x3 = FloatVector.broadcast(S, a[a3 + p]);
        c00 = x0.fma(b0, c00);
        c01 = x0.fma(b1, c01);
        c10 = x1.fma(b0, c10);
        c11 = x1.fma(b1, c11);
        c20 = x2.fma(b0, c20);
        c21 = x2.fma(b1, c21);
        c30 = x3.fma(b0, c30);
        c31 = x3.fma(b1, c31);
      }
      store(c00, c, cAt, accumulate);
      store(c01, c, cAt + L, accumulate);
      store(c10, c, cAt + m, accumulate);
      store(c11, c, cAt + m + L, accumulate);
      store(c20, c, cAt + 2 * m, accumulate);
      store(c21, c, cAt + 2 * m + L, accumulate);
      store(c30, c, cAt + 3 * m, accumulate);
      store(c31, c, cAt + 3 * m + L, accumulate);
    }

    private static void block1x2(float[] a, int aRow, float[] b, int bCol, float[] c, int cAt,
        int k, int m, boolean accumulate) {
      FloatVector c0 = FloatVector.zero(S), c1 = c0;
      for (int p = 0; p < k; p++) {
        int bp = bCol + p * m;
        FloatVector x = FloatVector.broadcast(S, a[aRow + p]);
        c0 = x.fma(FloatVector.fromArray(S, b, bp), c0);
        c1 = x.fma(FloatVector.fromArray(S, b, bp + L), c1);
      }
      store(c0, c, cAt, accumulate);
      store(c1, c, cAt + L, accumulate);
    }

    private static void store(FloatVector v, float[] c, int at, boolean accumulate) {
      (accumulate ? v.add(FloatVector.fromArray(S, c, at)) : v).intoArray(c, at);
    }

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
      return sumScalar(x, off, i, n, acc.reduceLanes(VectorOperators.ADD));
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
      FloatVector acc = FloatVector.zero(S);
      int i = 0;
      for (int bound = S.loopBound(n); i < bound; i += L) {
        acc = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc);
      }
      return dotScalar(a, aOff, b, bOff, i, n, acc.reduceLanes(VectorOperators.ADD));
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
        float s0 = dotScalar(w, w0, x, 0, bound, cols, a0.reduceLanes(VectorOperators.ADD));
        float s1 = dotScalar(w, w1, x, 0, bound, cols, a1.reduceLanes(VectorOperators.ADD));
        float s2 = dotScalar(w, w2, x, 0, bound, cols, a2.reduceLanes(VectorOperators.ADD));
        float s3 = dotScalar(w, w3, x, 0, bound, cols, a3.reduceLanes(VectorOperators.ADD));
        y[r] = bias == null ? s0 : bias[r] + s0;
        y[r + 1] = bias == null ? s1 : bias[r + 1] + s1;
        y[r + 2] = bias == null ? s2 : bias[r + 2] + s2;
        y[r + 3] = bias == null ? s3 : bias[r + 3] + s3;
      }
      return r;
    }
  }

  // Inference additions: the product of a weight matrix with many inputs (GPT-2's prompt pass)
  // and the product with 8-bit (Q8_0) weights. Their vector paths are in InferenceSimd.

  /**
   * Rows {@code from..to-1} of {@code y = bias + W·x} (W (rows, cols) row-major, bias or null),
   * one row at a time in a single sequential stream with four vector accumulators: the pattern
   * that reads memory fastest for a matrix too large for the caches (about 15 GB/s per core here
   * against 11 for {@link #matvecRows}' four interleaved rows).
   */
  static void matvecStreamRows(float[] w, float[] x, float[] bias, float[] y, int cols, int from,
      int to, boolean vector) {
    for (int r = from; r < to; r++) {
      float sum = vector ? InferenceSimd.dot4(w, r * cols, x, 0, cols)
          : dotScalar(w, r * cols, x, 0, 0, cols, 0f);
      y[r] = bias == null ? sum : bias[r] + sum;
    }
  }

  /**
   * {@code y[t·rows + r] = bias[r] + Σ_c w[r·cols + c]·x[t·cols + c]} for rows {@code from..to-1}
   * and inputs t &lt; n: W (rows, cols) and X (n, cols) row-major, bias (rows) or null, Y (n, rows).
   * Each row of W is read once for all n inputs, and each element is summed in the order of
   * {@link #matvecStreamRows} on that input (the JIT may still order the final lane reduction
   * differently, so the two agree to the last bits or close to them).
   */
  static void matmulTransposedRows(float[] w, float[] x, float[] bias, float[] y, int rows,
      int cols, int n, int from, int to, boolean vector) {
    for (int r = from; r < to; r++) {
      int t = 0;
      if (vector) {
        for (; t + 2 <= n; t += 2) {
          InferenceSimd.dot4x2(w, r * cols, x, t * cols, cols, bias, y, t * rows + r,
              (t + 1) * rows + r, r);
        }
      }
      for (; t < n; t++) {
        float sum = vector ? InferenceSimd.dot4(w, r * cols, x, t * cols, cols)
            : dotScalar(w, r * cols, x, t * cols, 0, cols, 0f);
        y[t * rows + r] = bias == null ? sum : bias[r] + sum;
      }
    }
  }

  /**
   * Rows {@code from..to-1} of the product with Q8_0 weights:
   * {@code y[r] = bias[r] + Σ_b scale[r·nb + b] · Σ_{i in block b} q[r·cols + i]·x[i]}, blocks of
   * {@link Q8Matrix#BLOCK} columns (the last one of a row shorter when cols is not a multiple).
   */
  static void matvecQ8Rows(byte[] q, float[] scales, float[] x, float[] bias, float[] y, int cols,
      int from, int to, boolean vector) {
    int blocks = Q8Matrix.blocksPerRow(cols);
    for (int r = from; r < to; r++) {
      float sum = vector && InferenceSimd.Q8 ? InferenceSimd.dotQ8(q, scales, x, r, cols, blocks)
          : dotQ8Scalar(q, scales, x, r, cols, blocks, 0, 0f);
      y[r] = bias == null ? sum : bias[r] + sum;
    }
  }

  /** Scalar twin of the Q8_0 row dot product, from block {@code fromBlock}, added to {@code start}. */
  static float dotQ8Scalar(byte[] q, float[] scales, float[] x, int row, int cols, int blocks,
      int fromBlock, float start) {
    float total = start;
    int base = row * cols;
    for (int b = fromBlock; b < blocks; b++) {
      int lo = b * Q8Matrix.BLOCK;
      int hi = Math.min(cols, lo + Q8Matrix.BLOCK);
      float s = 0f;
      for (int i = lo; i < hi; i++) {
        s = Math.fma(q[base + i], x[i], s);
      }
      total = Math.fma(s, scales[row * blocks + b], total);
    }
    return total;
  }

  /** Vector paths of the inference additions; loaded only when {@link #VECTOR} is true. */
  private static final class InferenceSimd {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Bytes of one float vector's lanes, widened to it by the Q8 kernel (needs 8+ lanes). */
    static final boolean Q8 = L >= 8 && Q8Matrix.BLOCK % L == 0;
    static final VectorSpecies<Byte> B = Q8 ? VectorSpecies.of(byte.class,
        VectorShape.forBitSize(L * 8)) : null;

    /**
     * {@code Σ w[wOff + i]·x[xOff + i]}: four accumulators over blocks of 4 vectors, the first one
     * alone over the remaining whole vectors, their sum (0+1)+(2+3) reduced, then the scalar tail.
     */
    static float dot4(float[] w, int wOff, float[] x, int xOff, int cols) {
      int bound4 = cols - cols % (4 * L);
      int bound = S.loopBound(cols);
      FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
      int i = 0;
      for (; i < bound4; i += 4 * L) {
        a0 = FloatVector.fromArray(S, w, wOff + i).fma(FloatVector.fromArray(S, x, xOff + i), a0);
        a1 = FloatVector.fromArray(S, w, wOff + i + L)
            .fma(FloatVector.fromArray(S, x, xOff + i + L), a1);
        a2 = FloatVector.fromArray(S, w, wOff + i + 2 * L)
            .fma(FloatVector.fromArray(S, x, xOff + i + 2 * L), a2);
        a3 = FloatVector.fromArray(S, w, wOff + i + 3 * L)
            .fma(FloatVector.fromArray(S, x, xOff + i + 3 * L), a3);
      }
      for (; i < bound; i += L) {
        a0 = FloatVector.fromArray(S, w, wOff + i).fma(FloatVector.fromArray(S, x, xOff + i), a0);
      }
      float lanes = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
      return dotScalar(w, wOff, x, xOff, bound, cols, lanes);
    }

    /**
     * {@link #dot4} of one row of W with two rows of X at once (sharing the loads of W), plus the
     * bias, stored at {@code y[at0]} and {@code y[at1]}.
     */
    static void dot4x2(float[] w, int wOff, float[] x, int xOff, int cols, float[] bias,
        float[] y, int at0, int at1, int r) {
      int x1 = xOff + cols;
      int bound4 = cols - cols % (4 * L);
      int bound = S.loopBound(cols);
      FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
      FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0;
      int i = 0;
      for (; i < bound4; i += 4 * L) {
        FloatVector w0 = FloatVector.fromArray(S, w, wOff + i);
        FloatVector w1 = FloatVector.fromArray(S, w, wOff + i + L);
        FloatVector w2 = FloatVector.fromArray(S, w, wOff + i + 2 * L);
        FloatVector w3 = FloatVector.fromArray(S, w, wOff + i + 3 * L);
        a0 = w0.fma(FloatVector.fromArray(S, x, xOff + i), a0);
        a1 = w1.fma(FloatVector.fromArray(S, x, xOff + i + L), a1);
        a2 = w2.fma(FloatVector.fromArray(S, x, xOff + i + 2 * L), a2);
        a3 = w3.fma(FloatVector.fromArray(S, x, xOff + i + 3 * L), a3);
        b0 = w0.fma(FloatVector.fromArray(S, x, x1 + i), b0);
        b1 = w1.fma(FloatVector.fromArray(S, x, x1 + i + L), b1);
        b2 = w2.fma(FloatVector.fromArray(S, x, x1 + i + 2 * L), b2);
        b3 = w3.fma(FloatVector.fromArray(S, x, x1 + i + 3 * L), b3);
      }
      for (; i < bound; i += L) {
        FloatVector w0 = FloatVector.fromArray(S, w, wOff + i);
        a0 = w0.fma(FloatVector.fromArray(S, x, xOff + i), a0);
        b0 = w0.fma(FloatVector.fromArray(S, x, x1 + i), b0);
      }
      float s0 = dotScalar(w, wOff, x, xOff, bound, cols,
          a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD));
      float s1 = dotScalar(w, wOff, x, x1, bound, cols,
          b0.add(b1).add(b2.add(b3)).reduceLanes(VectorOperators.ADD));
      y[at0] = bias == null ? s0 : bias[r] + s0;
      y[at1] = bias == null ? s1 : bias[r] + s1;
    }

    /** One row of the Q8_0 product: bytes widened to floats, a sum per block, times its scale. */
    static float dotQ8(byte[] q, float[] scales, float[] x, int row, int cols, int blocks) {
      int full = cols / Q8Matrix.BLOCK;
      int base = row * cols;
      int scaleBase = row * blocks;
      FloatVector even = FloatVector.zero(S);
      FloatVector odd = even;
      for (int b = 0; b < full; b++) {
        int lo = b * Q8Matrix.BLOCK;
        FloatVector block = FloatVector.zero(S);
        for (int i = lo; i < lo + Q8Matrix.BLOCK; i += L) {
          FloatVector wq = (FloatVector) ByteVector.fromArray(B, q, base + i)
              .convertShape(VectorOperators.B2F, S, 0);
          block = wq.fma(FloatVector.fromArray(S, x, i), block);
        }
        FloatVector scale = FloatVector.broadcast(S, scales[scaleBase + b]);
        if ((b & 1) == 0) {
          even = block.fma(scale, even);
        } else {
          odd = block.fma(scale, odd);
        }
      }
      FloatVector acc = even.add(odd);
      return dotQ8Scalar(q, scales, x, row, cols, blocks, full,
          acc.reduceLanes(VectorOperators.ADD));
    }
  }
}
