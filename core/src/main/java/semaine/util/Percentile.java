package semaine.util;

import java.util.Arrays;

/**
 * Percentiles as NumPy computes them ({@code np.percentile} with the default method "linear"), so
 * that thresholds such as LOF's {@code offset_} match scikit-learn to the last bit.
 */
public final class Percentile {

  private Percentile() {}

  /**
   * {@code np.percentile(a, q)}: sorts a copy of {@code a}, takes the virtual index
   * {@code v = (n − 1)·(q / 100)} and interpolates between the sorted values at {@code floor(v)} and
   * {@code floor(v) + 1} with NumPy's {@code _lerp}: {@code lo + (hi − lo)·γ}, but
   * {@code hi − (hi − lo)·(1 − γ)} when {@code γ >= 0.5} (exact at both ends).
   *
   * @param a the values, finite, at least one
   * @param q the percentile, in [0, 100]
   * @throws IllegalArgumentException if a is empty or q is outside [0, 100]
   */
  public static double linear(double[] a, double q) {
    Checks.checkVector("a", a);
    if (!(q >= 0 && q <= 100)) {
      throw new IllegalArgumentException("q (" + q + ") must be in [0, 100]");
    }
    double[] sorted = a.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double virtual = (n - 1) * (q / 100);
    double previous = Math.floor(virtual);
    double gamma = virtual - previous;
    int lo = (int) Math.min(previous, n - 1);
    int hi = (int) Math.min(previous + 1, n - 1);
    double low = sorted[lo];
    double high = sorted[hi];
    double diff = high - low;
    return gamma >= 0.5 ? high - diff * (1 - gamma) : low + diff * gamma;
  }
}
