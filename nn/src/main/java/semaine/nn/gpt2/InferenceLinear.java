package semaine.nn.gpt2;

import semaine.nn.InferenceKernels;
import semaine.nn.Q8Matrix;

/**
 * One weight product of GPT-2, y = bias + W·x with W (rows = out, cols = in): float32, or 8-bit
 * ({@link Q8Matrix}) when quantised. Both forms compute a range of output rows, for one input
 * (decoding) or for n inputs at once (the prompt), so that a {@link semaine.nn.WorkerTeam} can
 * split the rows.
 */
final class InferenceLinear {

  private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);
  /** Rows of 8-bit weights read back to floats at a time in the prompt pass (~400 KB at 3072). */
  private static final int CHUNK = 32;

  final int rows;
  final int cols;
  private final float[] w;
  private final Q8Matrix q8;
  private final float[] bias;

  private InferenceLinear(int rows, int cols, float[] w, Q8Matrix q8, float[] bias) {
    this.rows = rows;
    this.cols = cols;
    this.w = w;
    this.q8 = q8;
    this.bias = bias;
  }

  /** W (rows, cols) row-major and bias (rows) or null; quantised to Q8_0 when {@code q8}. */
  static InferenceLinear of(float[] w, float[] bias, int rows, int cols, boolean q8) {
    return q8 ? new InferenceLinear(rows, cols, null, Q8Matrix.quantize(w, rows, cols), bias)
        : new InferenceLinear(rows, cols, w, null, bias);
  }

  /** Rows {@code from..to-1} of y = bias + W·x. */
  void rows(float[] x, float[] y, int from, int to) {
    if (q8 == null) {
      InferenceKernels.matvecRows(w, x, bias, y, cols, from, to);
    } else {
      InferenceKernels.matvecQ8Rows(q8, x, bias, y, from, to);
    }
  }

  /**
   * Rows {@code from..to-1} of Y = X·Wᵀ + bias for n inputs: X (n, cols), Y (n, rows), equal to
   * {@link #rows} on each input to float rounding (the sums are tiled differently; 8-bit weights
   * are read back to floats a few rows at a time).
   */
  void batchRows(float[] x, int n, float[] y, int from, int to) {
    if (q8 == null) {
      InferenceKernels.matmulTransposedRows(w, x, bias, y, rows, cols, n, from, to);
      return;
    }
    // read back CHUNK rows at a time, so the floats stay in the core's cache while n inputs use them
    float[] weights = scratch(CHUNK * cols);
    float[] part = new float[n * CHUNK];
    for (int lo = from; lo < to; lo += CHUNK) {
      int hi = Math.min(to, lo + CHUNK);
      int k = hi - lo;
      q8.dequantizeRows(lo, hi, weights);
      float[] partBias = bias == null ? null : java.util.Arrays.copyOfRange(bias, lo, hi);
      InferenceKernels.matmulTransposedRows(weights, x, partBias, part, k, cols, n, 0, k);
      for (int t = 0; t < n; t++) {
        System.arraycopy(part, t * k, y, t * rows + lo, k);
      }
    }
  }

  private static float[] scratch(int size) {
    float[] s = SCRATCH.get();
    if (s.length < size) {
      s = new float[size];
      SCRATCH.set(s);
    }
    return s;
  }
}
