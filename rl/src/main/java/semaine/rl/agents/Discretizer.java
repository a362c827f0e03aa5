package semaine.rl.agents;

import java.util.Arrays;
import semaine.util.Checks;

/**
 * Maps a continuous observation to a state number, as the book does with {@code np.digitize}: each
 * coordinate {@code x[i]} gets the bin index {@code np.digitize(x[i], bins[i])} in
 * {@code [0, len(bins[i])]}, and the indices are combined in C order (the last coordinate varies
 * fastest, as {@code np.ravel_multi_index}) into one number in {@code [0, nStates)}.
 *
 * <p>Example, the book's LunarLander: {@code Discretizer.uniform(-1, 1, 10, 8)} has 10 edges
 * {@code np.linspace(-1, 1, 10)} per coordinate, hence 11 indices each and 11^8 states.
 */
public final class Discretizer {

  private final double[][] bins; // (dimensions, edges) increasing edges per coordinate
  private final long[] strides; // (dimensions) C-order multipliers
  private final long nStates;

  /** A discretizer with the given increasing edges per coordinate. */
  public Discretizer(double[][] bins) {
    Checks.checkArgument(bins != null && bins.length > 0, "bins must have at least one row");
    this.bins = new double[bins.length][];
    for (int i = 0; i < bins.length; i++) {
      double[] edges = bins[i];
      Checks.checkArgument(edges != null && edges.length > 0,
          "bins[" + i + "] must have at least one edge");
      for (int j = 0; j < edges.length; j++) {
        Checks.checkFinite("bins[" + i + "][" + j + "]", edges[j]);
        if (j > 0 && !(edges[j] > edges[j - 1])) {
          throw new IllegalArgumentException("bins[" + i + "] must be strictly increasing, but "
              + edges[j] + " follows " + edges[j - 1]);
        }
      }
      this.bins[i] = edges.clone();
    }
    strides = new long[bins.length];
    long n = 1;
    for (int i = bins.length - 1; i >= 0; i--) {
      strides[i] = n;
      n = Math.multiplyExact(n, bins[i].length + 1L);
    }
    nStates = n;
  }

  /** The same edges {@code np.linspace(low, high, nEdges)} for each of {@code dimensions}. */
  public static Discretizer uniform(double low, double high, int nEdges, int dimensions) {
    double[] edges = linspace(low, high, nEdges);
    double[][] bins = new double[Checks.checkPositive("dimensions", dimensions)][];
    Arrays.fill(bins, edges);
    return new Discretizer(bins);
  }

  /**
   * {@code np.linspace(start, stop, num)}: {@code start + i * step} with
   * {@code step = (stop - start) / (num - 1)}, and the last value set to {@code stop} exactly.
   */
  public static double[] linspace(double start, double stop, int num) {
    Checks.checkPositive("num", num);
    double[] y = new double[num];
    if (num == 1) {
      y[0] = start;
      return y;
    }
    double step = (stop - start) / (num - 1);
    for (int i = 0; i < num; i++) {
      y[i] = i * step + start;
    }
    y[num - 1] = stop;
    return y;
  }

  /**
   * {@code np.digitize(x, bins)} for increasing bins ({@code right=False}): the {@code i} with
   * {@code bins[i-1] <= x < bins[i]}, 0 below the first edge, {@code bins.length} from the last
   * edge on; NaN sorts last, as in NumPy, so it gets {@code bins.length}.
   */
  public static int digitize(double x, double[] bins) {
    if (Double.isNaN(x)) {
      return bins.length;
    }
    int lo = 0;
    int hi = bins.length;
    while (lo < hi) { // the number of edges <= x (searchsorted, side right)
      int mid = (lo + hi) >>> 1;
      if (bins[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A copy of the edges, one row per coordinate. */
  public double[][] edges() {
    double[][] out = new double[bins.length][];
    for (int i = 0; i < bins.length; i++) {
      out[i] = bins[i].clone();
    }
    return out;
  }

  /** The number of coordinates. */
  public int dimensions() {
    return bins.length;
  }

  /** The number of distinct states, the product of {@code len(bins[i]) + 1}. */
  public long nStates() {
    return nStates;
  }

  /** The bin index of each coordinate. */
  public int[] digitize(double[] x) {
    checkLength(x);
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = digitize(x[i], bins[i]);
    }
    return out;
  }

  /** The state number of {@code x}: the bin indices in C order. */
  public long state(double[] x) {
    checkLength(x);
    long s = 0;
    for (int i = 0; i < x.length; i++) {
      s += digitize(x[i], bins[i]) * strides[i];
    }
    return s;
  }

  private void checkLength(double[] x) {
    Checks.checkArgument(x != null && x.length == bins.length, "x has "
        + (x == null ? "no" : String.valueOf(x.length)) + " values but the discretizer has "
        + bins.length + " dimensions");
  }
}
