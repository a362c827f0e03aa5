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

  /**
   * {@code np.percentile(a, q, method=method)} for NumPy's nine Hyndman and Fan methods, on values
   * already sorted ascending. The continuous methods interpolate with {@code _lerp} at the virtual
   * index {@code n·p + α + p·(1 − α − β) − 1} (linear: {@code (n − 1)·p}), p = q / 100;
   * "averaged_inverted_cdf" averages the two neighbours when {@code n·p} is whole and takes the
   * upper one otherwise; "inverted_cdf" and "closest_observation" take one sorted value.
   *
   * @param sorted the values, sorted ascending, at least one
   * @param q the percentile, in [0, 100]
   * @param method one of NumPy's method names ("linear", "inverted_cdf", "averaged_inverted_cdf",
   *     "closest_observation", "interpolated_inverted_cdf", "hazen", "weibull",
   *     "median_unbiased", "normal_unbiased")
   * @throws IllegalArgumentException for an unknown method
   */
  public static double ofSorted(double[] sorted, double q, String method) {
    int n = sorted.length;
    double p = q / 100;
    double virtual;
    switch (method) {
      case "inverted_cdf", "closest_observation" -> {
        boolean closest = method.equals("closest_observation");
        double index = closest ? n * p - 1 - 0.5 : n * p - 1;
        double previous = Math.floor(index);
        boolean stay = index - previous == 0 && (!closest || previous % 2 == 1);
        int k = (int) (stay ? previous : previous + 1);
        return sorted[Math.min(Math.max(k, 0), n - 1)];
      }
      case "averaged_inverted_cdf" -> virtual = n * p - 1;
      case "linear" -> virtual = (n - 1) * p;
      case "interpolated_inverted_cdf" -> virtual = virtualIndex(n, p, 0, 1);
      case "hazen" -> virtual = virtualIndex(n, p, 0.5, 0.5);
      case "weibull" -> virtual = virtualIndex(n, p, 0, 0);
      case "median_unbiased" -> virtual = virtualIndex(n, p, 1 / 3.0, 1 / 3.0);
      case "normal_unbiased" -> virtual = virtualIndex(n, p, 3 / 8.0, 3 / 8.0);
      default -> throw new IllegalArgumentException("method (\"" + method + "\") is not one of"
          + " NumPy's percentile methods");
    }
    double previous = Math.floor(virtual);
    double gamma = virtual - previous;
    if (method.equals("averaged_inverted_cdf")) {
      gamma = gamma == 0 ? 0.5 : 1.0;
    }
    int lo = (int) previous;
    int hi = lo + 1;
    if (virtual >= n - 1) {
      lo = n - 1;
      hi = n - 1;
    } else if (virtual < 0) {
      lo = 0;
      hi = 0;
    }
    double low = sorted[lo];
    double diff = sorted[hi] - low;
    return gamma >= 0.5 ? sorted[hi] - diff * (1 - gamma) : low + diff * gamma;
  }

  /** NumPy's {@code _compute_virtual_index}, in its order of operations. */
  private static double virtualIndex(int n, double p, double alpha, double beta) {
    return n * p + (alpha + p * (1 - alpha - beta)) - 1;
  }
}
