package semaine.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import semaine.util.Checks;
import semaine.util.Sums;

/**
 * The knee of a decreasing convex curve, such as inertia against k, by the Kneedle method
 * (Satopää et al., 2011) in the variant of the {@code kneed} package for
 * {@code curve='convex', direction='decreasing'}, offline, sensitivity S.
 *
 * <p>Steps: normalise x and y to [0, 1]; flip y (y_n → max − y_n) so the curve rises; take the
 * difference curve y_d = y_n − x_n; find its local maxima and minima (comparing each point with its
 * neighbours, {@code >=} / {@code <=}, the ends with themselves); at each maximum set the threshold
 * T = y_d(max) − S · mean(Δx_n), at each minimum T = 0; the knee is the last maximum before y_d
 * first falls below T. When no maximum is followed by such a fall (a straight line, say) there is
 * no knee.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>V. Satopää, J. Albrecht, D. Irwin and B. Raghavan, "Finding a 'Kneedle' in a Haystack:
 *       Detecting Knee Points in System Behavior", ICDCS Workshops 2011.
 * </ol>
 */
public final class Kneedle {

  private Kneedle() {}

  /** The index of the knee of y(x) with sensitivity 1, or empty when the curve has none. */
  public static OptionalInt knee(double[] x, double[] y) {
    return knee(x, y, 1.0);
  }

  /**
   * The index of the knee of y(x), or empty when the curve has none.
   *
   * @param x increasing abscissae, at least 2
   * @param y the curve at x (decreasing and convex for a meaningful knee)
   * @param sensitivity S >= 0; larger values need a clearer knee
   */
  public static OptionalInt knee(double[] x, double[] y, double sensitivity) {
    Checks.checkArgument(x != null && y != null, "x and y must not be null");
    Checks.checkPaired("x", x, "y", y);
    Checks.checkArgument(x.length >= 2, "x has " + x.length + " values: Kneedle needs at least 2");
    Checks.checkNonNegative("sensitivity", sensitivity);
    int n = x.length;
    double[] xn = normalise(x, "x");
    double[] yn = normalise(y, "y");
    double top = Double.NEGATIVE_INFINITY;
    for (double v : yn) {
      top = Math.max(top, v);
    }
    double[] difference = new double[n];
    for (int i = 0; i < n; i++) {
      difference[i] = (top - yn[i]) - xn[i];
    }
    List<Integer> maxima = new ArrayList<>();
    List<Integer> minima = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double before = difference[Math.max(i - 1, 0)];
      double after = difference[Math.min(i + 1, n - 1)];
      if (difference[i] >= before && difference[i] >= after) {
        maxima.add(i);
      }
      if (difference[i] <= before && difference[i] <= after) {
        minima.add(i);
      }
    }
    if (maxima.isEmpty()) {
      return OptionalInt.empty();
    }
    double[] steps = new double[n - 1];
    for (int i = 0; i < n - 1; i++) {
      steps[i] = xn[i + 1] - xn[i];
    }
    double step = Math.abs(Sums.pairwise(steps) / (n - 1)); // |np.diff(x_n).mean()|
    double threshold = Double.NaN;
    int thresholdIndex = -1;
    for (int i = maxima.get(0); i < n; i++) {
      if (xn[i] == 1.0) {
        break;
      }
      if (maxima.contains(i)) {
        threshold = difference[i] - sensitivity * step;
        thresholdIndex = i;
      }
      if (minima.contains(i)) {
        threshold = 0.0;
      }
      if (difference[i + 1] < threshold) {
        return OptionalInt.of(thresholdIndex);
      }
    }
    return OptionalInt.empty();
  }

  private static double[] normalise(double[] v, String name) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double value : v) {
      Checks.checkFinite(name, value);
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    Checks.checkArgument(max > min, name + " is constant (" + min + "): Kneedle needs a range");
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (v[i] - min) / (max - min);
    }
    return out;
  }
}
