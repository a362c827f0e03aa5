package semaine.util;

/** NumPy's {@code np.linspace}, value for value. */
public final class Linspace {

  private Linspace() {}

  /**
   * {@code np.linspace(start, stop, num, endpoint)}: value i is {@code i * step + start} with
   * step = (stop - start) / (endpoint ? num - 1 : num), and the last value set to {@code stop}
   * exactly when {@code endpoint} and num > 1.
   */
  public static double[] of(double start, double stop, int num, boolean endpoint) {
    double[] out = new double[num];
    int div = endpoint ? num - 1 : num;
    if (div > 0) {
      double step = (stop - start) / div;
      for (int i = 0; i < num; i++) {
        out[i] = i * step + start;
      }
      if (endpoint) {
        out[num - 1] = stop;
      }
    } else if (num == 1) {
      out[0] = start;
    }
    return out;
  }
}
