package semaine.nn;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels of inference (GPT-2's forward in {@code semaine.nn.gpt2}): matrix-vector products
 * streamed one weight row at a time, the batched product of the prompt pass, and products with 8-bit
 * (Q8_0) weights, plus dot and axpy forwarded to {@link Kernels}. Each vector path has a scalar twin
 * that finishes the tail and serves as the test oracle; the vector paths (in {@code InferenceSimd})
 * run only when the incubator module is present. Public, with only the entry points
 * {@code semaine.nn.gpt2} calls, because it shares the lane sum of {@link FloatLanes} and dot and
 * axpy with {@link Kernels}, which stay package-private: moved into gpt2 it would need either those
 * public or a copy of them.
 */
public final class InferenceKernels {

  private InferenceKernels() {}

  /**
   * {@code y[r] = bias[r] + Σ_c w[r·cols + c]·x[c]}: W (rows, cols) row-major, x (cols), bias
   * (rows) or null, y (rows); rows split over the cores when W is large.
   */
  static void matvec(float[] w, float[] x, float[] bias, float[] y, int rows, int cols) {
    Kernels.matvec(w, x, bias, y, rows, cols);
  }

  /**
   * Rows {@code from..to-1} of {@code y = bias + W·x} on the calling thread (to split a product
   * over a {@link WorkerTeam}), each row read as one sequential stream (the fastest way to read a
   * matrix larger than the caches).
   */
  public static void matvecRows(float[] w, float[] x, float[] bias, float[] y, int cols, int from,
      int to) {
    matvecStreamRows(w, x, bias, y, cols, from, to, Kernels.VECTOR);
  }

  /**
   * The product of W (rows, cols) with n inputs X (n, cols) for rows {@code from..to-1}:
   * {@code y[t·rows + r] = bias[r] + Σ_c w[r·cols + c]·x[t·cols + c]}, Y (n, rows); bias or null.
   * Each row of W is read once for all n inputs, in tiles of 2 rows by 4 inputs; the sums agree
   * with {@link #matvecRows} to float rounding.
   */
  public static void matmulTransposedRows(float[] w, float[] x, float[] bias, float[] y, int rows,
      int cols, int n, int from, int to) {
    matmulTransposedRows(w, x, bias, y, rows, cols, n, from, to, Kernels.VECTOR);
  }

  /** Rows {@code from..to-1} of {@code y = bias + W·x} with 8-bit weights; bias or null. */
  public static void matvecQ8Rows(Q8Matrix w, float[] x, float[] bias, float[] y, int from,
      int to) {
    matvecQ8Rows(w.q(), w.scales(), x, bias, y, w.cols(), from, to, Kernels.VECTOR);
  }

  /** {@code Σ a[aOff + i]·b[bOff + i]} for i < n, in float. */
  public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    return Kernels.dot(a, aOff, b, bOff, n);
  }

  /** {@code y[yOff + i] += alpha·x[xOff + i]} for i < n. */
  public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    Kernels.axpy(alpha, x, xOff, y, yOff, n);
  }

  /**
   * GPT-2's {@code gelu_new} in place on {@code x[from..to-1]}:
   * {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}, the tanh from the Vector API (a few ulps
   * in float) on whole vectors and {@code Math.tanh} on the tail.
   */
  public static void geluTanh(float[] x, int from, int to) {
    int i = from;
    if (Kernels.VECTOR) {
      i = InferenceSimd.geluTanh(x, from, to);
    }
    for (; i < to; i++) {
      float v = x[i];
      x[i] = 0.5f * v * (1f + (float) Math.tanh(GELU_SCALE * (v + 0.044715f * v * v * v)));
    }
  }

  private static final float GELU_SCALE = (float) Math.sqrt(2.0 / Math.PI);

  /** True when the Vector API paths are in use. */
  public static boolean vectorized() {
    return Kernels.VECTOR;
  }

  // Inference additions: the product of a weight matrix with many inputs (GPT-2's prompt pass)
  // and the product with 8-bit (Q8_0) weights. Their vector paths are in InferenceSimd.

  /**
   * Rows {@code from..to-1} of {@code y = bias + W·x} (W (rows, cols) row-major, bias or null),
   * one row at a time in a single sequential stream with four vector accumulators: the pattern
   * that reads memory fastest for a matrix too large for the caches (about 15 GB/s per core here
   * against 11 for {@link Kernels#matvecRows}' four interleaved rows).
   */
  static void matvecStreamRows(float[] w, float[] x, float[] bias, float[] y, int cols, int from,
      int to, boolean vector) {
    if (vector && InferenceSimd.wholeBlocks(cols)) {
      InferenceSimd.streamRows(w, x, bias, y, cols, from, to);
      return;
    }
    for (int r = from; r < to; r++) {
      float sum = vector ? InferenceSimd.dot4(w, r * cols, x, 0, cols)
          : Kernels.dotScalar(w, r * cols, x, 0, 0, cols, 0f);
      y[r] = bias == null ? sum : bias[r] + sum;
    }
  }

  /**
   * {@code y[t·rows + r] = bias[r] + Σ_c w[r·cols + c]·x[t·cols + c]} for rows {@code from..to-1}
   * and inputs t &lt; n: W (rows, cols) and X (n, cols) row-major, bias (rows) or null, Y (n, rows).
   * The vector path works on tiles of 2 rows of W by 4 inputs, each loaded vector used 4 or 2
   * times (a third of the loads of one row at a time), then pairs and single rows; each output is
   * its own sum in float, so results agree with {@link #matvecStreamRows} to rounding, not bits.
   */
  static void matmulTransposedRows(float[] w, float[] x, float[] bias, float[] y, int rows,
      int cols, int n, int from, int to, boolean vector) {
    int r = from;
    if (vector) {
      for (; r + 2 <= to; r += 2) {
        int t = 0;
        for (; t + 4 <= n; t += 4) {
          InferenceSimd.dot2x4(w, r, x, t, cols, rows, bias, y);
        }
        for (; t < n; t++) {
          for (int row = r; row < r + 2; row++) {
            float sum = InferenceSimd.dot4(w, row * cols, x, t * cols, cols);
            y[t * rows + row] = bias == null ? sum : bias[row] + sum;
          }
        }
      }
    }
    for (; r < to; r++) {
      for (int t = 0; t < n; t++) {
        float sum = vector ? InferenceSimd.dot4(w, r * cols, x, t * cols, cols)
            : Kernels.dotScalar(w, r * cols, x, t * cols, 0, cols, 0f);
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

  /** Vector paths of the inference additions; loaded only when {@link Kernels#VECTOR} is true. */
  private static final class InferenceSimd {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Bytes of one float vector's lanes, widened to it by the Q8 kernel (needs 8+ lanes). */
    static final boolean Q8 = L >= 8 && Q8Matrix.BLOCK % (2 * L) == 0;
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
      float lanes = FloatLanes.sumLanes(a0.add(a1).add(a2.add(a3)));
      return Kernels.dotScalar(w, wOff, x, xOff, bound, cols, lanes);
    }

    /** {@link InferenceKernels#geluTanh} on the whole vectors from {@code from}; returns where it stopped. */
    static int geluTanh(float[] x, int from, int to) {
      int i = from;
      for (; i + L <= to; i += L) {
        FloatVector v = FloatVector.fromArray(S, x, i);
        FloatVector inner = v.mul(v).mul(v).mul(0.044715f).add(v).mul(GELU_SCALE);
        v.mul(0.5f).mul(tanh(inner).add(1f)).intoArray(x, i);
      }
      return i;
    }

    /**
     * tanh on every lane by a rational function, odd polynomial of degree 13 over even polynomial
     * of degree 6 in x clamped to ±7.9053 (the coefficients of Eigen's float tanh): a few ulps
     * from the true value, with only additions, multiplications and a division, so the Java
     * fallback and the compiled code give the same bits (the Vector API's own TANH does not).
     */
    static FloatVector tanh(FloatVector u) {
      FloatVector x = u.min(7.90531110763549805f).max(-7.90531110763549805f);
      FloatVector x2 = x.mul(x);
      FloatVector p = x2.mul(-2.76076847742355e-16f).add(2.00018790482477e-13f);
      p = p.mul(x2).add(-8.60467152213735e-11f);
      p = p.mul(x2).add(5.12229709037114e-08f);
      p = p.mul(x2).add(1.48572235717979e-05f);
      p = p.mul(x2).add(6.37261928875436e-04f);
      p = p.mul(x2).add(4.89352455891786e-03f);
      p = p.mul(x);
      FloatVector q = x2.mul(1.19825839466702e-06f).add(1.18534705686654e-04f);
      q = q.mul(x2).add(2.26843463243900e-03f);
      q = q.mul(x2).add(4.89352518554385e-03f);
      return p.div(q);
    }

    /** Whether rows of {@code cols} floats are whole blocks of 4 vectors (GPT-2's 768, 3072). */
    static boolean wholeBlocks(int cols) {
      return cols % (4 * L) == 0;
    }

    /**
     * Whether {@link #streamRows} holds x in registers ({@link #heldBlock}): with 32 vector
     * registers (AVX-512: 16 float lanes) and rows of whole blocks of {@value #HELD} vectors
     * (GPT-2's 768 and 3072 columns).
     */
    static boolean holdsX(int cols) {
      return L >= 16 && cols % (HELD * L) == 0;
    }

    /** Vectors of x held in registers by {@link #heldBlock}, the width of one block. */
    static final int HELD = 16;

    /** Rows whose partial sums {@link #heldBlock} keeps in the first-level cache at a time. */
    private static final int HELD_ROWS = 16;

    /** Each thread's partial sums of {@link #HELD_ROWS} rows, one vector a row. */
    private static final ThreadLocal<float[]> PARTIAL =
        ThreadLocal.withInitial(() -> new float[HELD_ROWS * L]);

    /**
     * {@link #dot4} for rows {@code from..to-1} when cols is a multiple of 4 vectors, the loop
     * written out with no tail: the JIT keeps it tight, and decoding reads weights about 15 %
     * faster than through {@code dot4}. With 32 vector registers and rows of whole blocks of
     * {@value #HELD} vectors, x is held in registers instead ({@link #heldBlock}).
     */
    static void streamRows(float[] w, float[] x, float[] bias, float[] y, int cols, int from,
        int to) {
      if (holdsX(cols)) {
        float[] partial = PARTIAL.get();
        for (int r0 = from; r0 < to; r0 += HELD_ROWS) {
          int r1 = Math.min(to, r0 + HELD_ROWS);
          for (int b = 0; b < cols; b += HELD * L) {
            heldBlock(w, x, cols, b, r0, r1, partial);
          }
          for (int r = r0; r < r1; r++) {
            store(FloatLanes.sumLanes(FloatVector.fromArray(S, partial, (r - r0) * L)), bias, y, r);
          }
        }
        return;
      }
      for (int r = from; r < to; r++) {
        int o = r * cols;
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        for (int i = 0; i < cols; i += 4 * L) {
          a0 = FloatVector.fromArray(S, w, o + i).fma(FloatVector.fromArray(S, x, i), a0);
          a1 = FloatVector.fromArray(S, w, o + i + L).fma(FloatVector.fromArray(S, x, i + L), a1);
          a2 = FloatVector.fromArray(S, w, o + i + 2 * L)
              .fma(FloatVector.fromArray(S, x, i + 2 * L), a2);
          a3 = FloatVector.fromArray(S, w, o + i + 3 * L)
              .fma(FloatVector.fromArray(S, x, i + 3 * L), a3);
        }
        store(FloatLanes.sumLanes(a0.add(a1).add(a2.add(a3))), bias, y, r);
      }
    }

    /**
     * Columns {@code b..b+HELD·L-1} of rows {@code r0..r1-1} (at most {@link #HELD_ROWS}) added
     * to their partial sums, {@code partial[(r − r0)·L..]} (set at b = 0): the block's
     * {@value #HELD} vectors of x are loaded once into registers, so each weight vector costs one
     * load and one FMA, where a row-at-a-time loop loads x again with every weight (two loads per
     * FMA, which held a core at 20-23 GB/s against 26-29 for a plain sum over the same bytes).
     * Two accumulators a row, even and odd vectors, summed and added to the row's partial sum:
     * a row's bits do not depend on the range it is computed in.
     */
    private static void heldBlock(float[] w, float[] x, int cols, int b, int r0, int r1,
        float[] partial) {
      FloatVector x0 = FloatVector.fromArray(S, x, b);
      FloatVector x1 = FloatVector.fromArray(S, x, b + L);
      FloatVector x2 = FloatVector.fromArray(S, x, b + 2 * L);
      FloatVector x3 = FloatVector.fromArray(S, x, b + 3 * L);
      FloatVector x4 = FloatVector.fromArray(S, x, b + 4 * L);
      FloatVector x5 = FloatVector.fromArray(S, x, b + 5 * L);
      FloatVector x6 = FloatVector.fromArray(S, x, b + 6 * L);
      FloatVector x7 = FloatVector.fromArray(S, x, b + 7 * L);
      FloatVector x8 = FloatVector.fromArray(S, x, b + 8 * L);
      FloatVector x9 = FloatVector.fromArray(S, x, b + 9 * L);
      FloatVector x10 = FloatVector.fromArray(S, x, b + 10 * L);
      FloatVector x11 = FloatVector.fromArray(S, x, b + 11 * L);
      FloatVector x12 = FloatVector.fromArray(S, x, b + 12 * L);
      FloatVector x13 = FloatVector.fromArray(S, x, b + 13 * L);
      FloatVector x14 = FloatVector.fromArray(S, x, b + 14 * L);
      FloatVector x15 = FloatVector.fromArray(S, x, b + 15 * L);
      for (int r = r0, q = 0; r < r1; r++, q += L) {
        int o = r * cols + b;
        FloatVector a0 = FloatVector.fromArray(S, w, o).mul(x0);
        FloatVector a1 = FloatVector.fromArray(S, w, o + L).mul(x1);
        a0 = FloatVector.fromArray(S, w, o + 2 * L).fma(x2, a0);
        a1 = FloatVector.fromArray(S, w, o + 3 * L).fma(x3, a1);
        a0 = FloatVector.fromArray(S, w, o + 4 * L).fma(x4, a0);
        a1 = FloatVector.fromArray(S, w, o + 5 * L).fma(x5, a1);
        a0 = FloatVector.fromArray(S, w, o + 6 * L).fma(x6, a0);
        a1 = FloatVector.fromArray(S, w, o + 7 * L).fma(x7, a1);
        a0 = FloatVector.fromArray(S, w, o + 8 * L).fma(x8, a0);
        a1 = FloatVector.fromArray(S, w, o + 9 * L).fma(x9, a1);
        a0 = FloatVector.fromArray(S, w, o + 10 * L).fma(x10, a0);
        a1 = FloatVector.fromArray(S, w, o + 11 * L).fma(x11, a1);
        a0 = FloatVector.fromArray(S, w, o + 12 * L).fma(x12, a0);
        a1 = FloatVector.fromArray(S, w, o + 13 * L).fma(x13, a1);
        a0 = FloatVector.fromArray(S, w, o + 14 * L).fma(x14, a0);
        a1 = FloatVector.fromArray(S, w, o + 15 * L).fma(x15, a1);
        FloatVector sum = a0.add(a1);
        if (b > 0) {
          sum = sum.add(FloatVector.fromArray(S, partial, q));
        }
        sum.intoArray(partial, q);
      }
    }

    /** {@code y[r] = bias[r] + sum}, bias or null. */
    private static void store(float sum, float[] bias, float[] y, int r) {
      y[r] = bias == null ? sum : bias[r] + sum;
    }

    /**
     * The 2×4 tile of products of rows r, r+1 of W with inputs t..t+3 of X, plus the bias,
     * stored at {@code y[(t + j)·rows + r + i]}: eight accumulators, each vector of W used four
     * times and each vector of X twice.
     */
    static void dot2x4(float[] w, int r, float[] x, int t, int cols, int rows, float[] bias,
        float[] y) {
      int w0 = r * cols;
      int w1 = w0 + cols;
      int x0 = t * cols;
      int x1 = x0 + cols;
      int x2 = x1 + cols;
      int x3 = x2 + cols;
      int bound = S.loopBound(cols);
      FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
      FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0;
      for (int i = 0; i < bound; i += L) {
        FloatVector u = FloatVector.fromArray(S, w, w0 + i);
        FloatVector v = FloatVector.fromArray(S, w, w1 + i);
        FloatVector p = FloatVector.fromArray(S, x, x0 + i);
        a0 = u.fma(p, a0);
        b0 = v.fma(p, b0);
        p = FloatVector.fromArray(S, x, x1 + i);
        a1 = u.fma(p, a1);
        b1 = v.fma(p, b1);
        p = FloatVector.fromArray(S, x, x2 + i);
        a2 = u.fma(p, a2);
        b2 = v.fma(p, b2);
        p = FloatVector.fromArray(S, x, x3 + i);
        a3 = u.fma(p, a3);
        b3 = v.fma(p, b3);
      }
      store(a0, w, r, x, t, cols, rows, bound, bias, y);
      store(a1, w, r, x, t + 1, cols, rows, bound, bias, y);
      store(a2, w, r, x, t + 2, cols, rows, bound, bias, y);
      store(a3, w, r, x, t + 3, cols, rows, bound, bias, y);
      store(b0, w, r + 1, x, t, cols, rows, bound, bias, y);
      store(b1, w, r + 1, x, t + 1, cols, rows, bound, bias, y);
      store(b2, w, r + 1, x, t + 2, cols, rows, bound, bias, y);
      store(b3, w, r + 1, x, t + 3, cols, rows, bound, bias, y);
    }

    /** Reduces the lanes of row·input, adds the scalar tail and the bias, stores it in y. */
    private static void store(FloatVector lanes, float[] w, int row, float[] x, int input,
        int cols, int rows, int bound, float[] bias, float[] y) {
      float sum = Kernels.dotScalar(w, row * cols, x, input * cols, bound, cols,
          FloatLanes.sumLanes(lanes));
      y[input * rows + row] = bias == null ? sum : bias[row] + sum;
    }

    /**
     * One row of the Q8_0 product: bytes widened to floats, a sum per block, times its scale.
     * Within a block the products are independent and summed pairwise; four blocks at a time go
     * to four accumulators, so no long chain of dependent FMAs limits the speed.
     */
    static float dotQ8(byte[] q, float[] scales, float[] x, int row, int cols, int blocks) {
      int full = cols / Q8Matrix.BLOCK;
      int base = row * cols;
      int scaleBase = row * blocks;
      FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
      int b = 0;
      for (; b + 4 <= full; b += 4) {
        a0 = block(q, x, base, b).fma(FloatVector.broadcast(S, scales[scaleBase + b]), a0);
        a1 = block(q, x, base, b + 1).fma(FloatVector.broadcast(S, scales[scaleBase + b + 1]), a1);
        a2 = block(q, x, base, b + 2).fma(FloatVector.broadcast(S, scales[scaleBase + b + 2]), a2);
        a3 = block(q, x, base, b + 3).fma(FloatVector.broadcast(S, scales[scaleBase + b + 3]), a3);
      }
      for (; b < full; b++) {
        a0 = block(q, x, base, b).fma(FloatVector.broadcast(S, scales[scaleBase + b]), a0);
      }
      FloatVector acc = a0.add(a1).add(a2.add(a3));
      return dotQ8Scalar(q, scales, x, row, cols, blocks, full,
          FloatLanes.sumLanes(acc));
    }

    /** The unscaled sum of block b of a row, lane by lane: {@code Σ q·x} over its 32 columns. */
    private static FloatVector block(byte[] q, float[] x, int base, int b) {
      int lo = b * Q8Matrix.BLOCK;
      FloatVector sum = product(q, x, base, lo).add(product(q, x, base, lo + L));
      for (int i = lo + 2 * L; i < lo + Q8Matrix.BLOCK; i += 2 * L) {
        sum = sum.add(product(q, x, base, i).add(product(q, x, base, i + L)));
      }
      return sum;
    }

    /** The L products {@code q[base + i + j]·x[i + j]}, the bytes widened to floats. */
    private static FloatVector product(byte[] q, float[] x, int base, int i) {
      return ((FloatVector) ByteVector.fromArray(B, q, base + i)
          .convertShape(VectorOperators.B2F, S, 0)).mul(FloatVector.fromArray(S, x, i));
    }
  }
}
