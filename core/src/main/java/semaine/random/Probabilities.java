package semaine.random;

/** The probability vector of {@link RandomState#choice(int, int, double[])}: checks and sampling. */
final class Probabilities {

  /** NumPy's tolerance on sum(p): sqrt(machine epsilon of double). */
  private static final double SUM_TOLERANCE = Math.sqrt(Math.ulp(1.0));
  /** NumPy's tolerance for a float32 p: sqrt(float32 eps). */
  static final double FLOAT32_SUM_TOLERANCE = Math.sqrt(Math.ulp(1.0f));

  private Probabilities() {}

  /**
   * Validates {@code p} like NumPy's {@code choice} and returns cumsum(p) / cumsum(p)[last]
   * (sequential cumulative sum, then one division per entry).
   */
  static double[] cumulative(int n, double[] p) {
    return cumulative(n, p, SUM_TOLERANCE);
  }

  /** {@link #cumulative(int, double[])} with the sum's tolerance given (a float32 p's is wider). */
  static double[] cumulative(int n, double[] p, double tolerance) {
    if (p == null) {
      throw new IllegalArgumentException("p must not be null");
    }
    if (p.length != n) {
      throw new IllegalArgumentException(
          "p has " + p.length + " values but n is " + n + ": they must have the same size");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(p[i])) {
        throw new IllegalArgumentException("p has a non-finite value (" + p[i] + ") at index " + i);
      }
      if (p[i] < 0) {
        throw new IllegalArgumentException(
            "p has a negative value (" + p[i] + ") at index " + i + ": probabilities must be >= 0");
      }
    }
    double sum = kahanSum(p);
    if (Math.abs(sum - 1.0) > tolerance) {
      throw new IllegalArgumentException(
          "p sums to " + sum + ": probabilities do not sum to 1 (within " + tolerance + ")");
    }
    return normalizedCumsum(p);
  }

  /** cumsum(p) / cumsum(p)[last], without checks: a sequential running sum, then one division each. */
  static double[] normalizedCumsum(double[] p) {
    int n = p.length;
    double[] cdf = new double[n];
    double running = 0.0;
    for (int i = 0; i < n; i++) {
      running += p[i];
      cdf[i] = running;
    }
    double last = cdf[n - 1];
    for (int i = 0; i < n; i++) {
      cdf[i] /= last;
    }
    return cdf;
  }

  /** The number of entries of the sorted {@code cdf} that are ≤ u: {@code searchsorted(side='right')}. */
  static int searchRight(double[] cdf, double u) {
    int lo = 0;
    int hi = cdf.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] <= u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Compensated sum, as NumPy's {@code kahan_sum} checks sum(p). */
  private static double kahanSum(double[] values) {
    double sum = 0.0;
    double compensation = 0.0;
    for (double v : values) {
      double y = v - compensation;
      double t = sum + y;
      compensation = (t - sum) - y;
      sum = t;
    }
    return sum;
  }
}
