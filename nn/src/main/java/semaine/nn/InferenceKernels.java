package semaine.nn;

/**
 * The kernels a model's inference code outside this package calls (GPT-2's forward in
 * {@code semaine.nn.gpt2}): matrix-vector product, dot and axpy on flat float arrays. They run
 * {@code Kernels}' Vector API paths when the incubator module is present and its scalar twins
 * otherwise; this class only forwards, so the Vector API stays in one class.
 */
public final class InferenceKernels {

  private InferenceKernels() {}

  /**
   * {@code y[r] = bias[r] + Σ_c w[r·cols + c]·x[c]}: W (rows, cols) row-major, x (cols), bias
   * (rows) or null, y (rows); rows split over the cores when W is large.
   */
  public static void matvec(float[] w, float[] x, float[] bias, float[] y, int rows, int cols) {
    Kernels.matvec(w, x, bias, y, rows, cols);
  }

  /**
   * Rows {@code from..to-1} of {@code y = bias + W·x} on the calling thread (to split a product
   * over a {@link WorkerTeam}), each row read as one sequential stream (the fastest way to read a
   * matrix larger than the caches).
   */
  public static void matvecRows(float[] w, float[] x, float[] bias, float[] y, int cols, int from,
      int to) {
    Kernels.matvecStreamRows(w, x, bias, y, cols, from, to, Kernels.VECTOR);
  }

  /**
   * The product of W (rows, cols) with n inputs X (n, cols) for rows {@code from..to-1}:
   * {@code y[t·rows + r] = bias[r] + Σ_c w[r·cols + c]·x[t·cols + c]}, Y (n, rows); bias or null.
   * Each row of W is read once for all n inputs; each element is summed in the order of
   * {@link #matvecRows} on that input (the lane reduction's own order is the JIT's choice).
   */
  public static void matmulTransposedRows(float[] w, float[] x, float[] bias, float[] y, int rows,
      int cols, int n, int from, int to) {
    Kernels.matmulTransposedRows(w, x, bias, y, rows, cols, n, from, to, Kernels.VECTOR);
  }

  /** Rows {@code from..to-1} of {@code y = bias + W·x} with 8-bit weights; bias or null. */
  public static void matvecQ8Rows(Q8Matrix w, float[] x, float[] bias, float[] y, int from,
      int to) {
    Kernels.matvecQ8Rows(w.q(), w.scales(), x, bias, y, w.cols(), from, to, Kernels.VECTOR);
  }

  /** {@code Σ a[aOff + i]·b[bOff + i]} for i < n, in float. */
  public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    return Kernels.dot(a, aOff, b, bOff, n);
  }

  /** {@code y[yOff + i] += alpha·x[xOff + i]} for i < n. */
  public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    Kernels.axpy(alpha, x, xOff, y, yOff, n);
  }

  /** True when the Vector API paths are in use. */
  public static boolean vectorized() {
    return Kernels.VECTOR;
  }
}
