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
