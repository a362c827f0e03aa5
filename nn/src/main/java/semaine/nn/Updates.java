package semaine.nn;

/**
 * In-place parameter updates for the optimisers of {@code semaine.nn.optim}, run on the vector
 * kernels (the optimisers live in another package and cannot reach {@code Kernels} directly).
 */
public final class Updates {

  private Updates() {}

  /**
   * One Adam step on flat arrays of the same length, as PyTorch's single-tensor Adam:
   * {@code g' = g + wd·p}, {@code m += b1·(g' − m)}, {@code v = b2·v + oneMinusB2·g'²},
   * {@code p −= step · m / (√v / bias2Sqrt + eps)}, where {@code b1 = 1 − β1},
   * {@code step = lr / (1 − β1^t)} and {@code bias2Sqrt = √(1 − β2^t)}. {@code m} and {@code v}
   * are updated too.
   */
  public static void adam(float[] p, float[] g, float[] m, float[] v, float b1, float b2,
      float oneMinusB2, float step, float bias2Sqrt, float eps, float wd) {
    if (g.length != p.length || m.length != p.length || v.length != p.length) {
      throw new IllegalArgumentException("adam: p, g, m and v must have the same length ("
          + p.length + ", " + g.length + ", " + m.length + ", " + v.length + ")");
    }
    Kernels.adam(p, g, m, v, b1, b2, oneMinusB2, step, bias2Sqrt, eps, wd);
  }
}
