package semaine.clustering;

/**
 * A distance between two samples, by scikit-learn's metric names, for the clusterings that
 * compare samples outside the neighbour engine (DBSCAN, OPTICS): Euclidean, Manhattan, Chebyshev
 * and Minkowski of power p.
 *
 * <p>Each metric has a reduced form that orders pairs as the distance does and is cheaper
 * (scikit-learn's {@code rdist}: Σ|a_f − b_f|^p for Minkowski, the squared sum for Euclidean),
 * which is what scikit-learn's brute radius search compares with the reduced radius.
 *
 * @param name the canonical name: "euclidean", "manhattan", "chebyshev" or "minkowski"
 * @param p the Minkowski power (2, 1 and +inf for the first three)
 */
record PairwiseMetric(String name, double p) {

  /**
   * The metric scikit-learn resolves from {@code metric} and {@code p}: "l2" is Euclidean, "l1"
   * and "cityblock" are Manhattan, and "minkowski" with p = 1, 2 or +inf is Manhattan, Euclidean or
   * Chebyshev ({@code _check_algorithm_metric}); p null means 2.
   *
   * @throws IllegalArgumentException for an unknown name, or Minkowski with p <= 0
   */
  static PairwiseMetric of(String metric, Double p) {
    return switch (metric) {
      case "euclidean", "l2" -> new PairwiseMetric("euclidean", 2);
      case "manhattan", "cityblock", "l1" -> new PairwiseMetric("manhattan", 1);
      case "chebyshev", "infinity" -> new PairwiseMetric("chebyshev", Double.POSITIVE_INFINITY);
      case "minkowski" -> minkowski(p == null ? 2.0 : p);
      default -> throw new IllegalArgumentException("metric (\"" + metric + "\") must be one of"
          + " \"euclidean\", \"manhattan\", \"chebyshev\" or \"minkowski\"");
    };
  }

  private static PairwiseMetric minkowski(double p) {
    if (!(p > 0)) {
      throw new IllegalArgumentException("p (" + p + ") must be > 0 for metric \"minkowski\"");
    }
    if (p == 1) {
      return new PairwiseMetric("manhattan", 1);
    }
    if (p == 2) {
      return new PairwiseMetric("euclidean", 2);
    }
    if (p == Double.POSITIVE_INFINITY) {
      return new PairwiseMetric("chebyshev", p);
    }
    return new PairwiseMetric("minkowski", p);
  }

  /** True for Euclidean and Manhattan, which the neighbour engine searches itself. */
  boolean inEngine() {
    return name.equals("euclidean") || name.equals("manhattan");
  }

  /** The reduced distance between rows a and b, summed in feature order. */
  double reduced(double[] a, double[] b) {
    double s = 0.0;
    for (int f = 0; f < a.length; f++) {
      double gap = Math.abs(a[f] - b[f]);
      switch (name) {
        case "euclidean" -> s += gap * gap;
        case "manhattan" -> s += gap;
        case "chebyshev" -> s = Math.max(s, gap);
        default -> s += Math.pow(gap, p);
      }
    }
    return s;
  }

  /** The reduced form of a distance ({@code _dist_to_rdist}). */
  double toReduced(double distance) {
    return switch (name) {
      case "euclidean" -> distance * distance;
      case "manhattan", "chebyshev" -> distance;
      default -> Math.pow(distance, p);
    };
  }

  /** The distance from a reduced one ({@code _rdist_to_dist}). */
  double toDistance(double reduced) {
    return switch (name) {
      case "euclidean" -> Math.sqrt(reduced);
      case "manhattan", "chebyshev" -> reduced;
      default -> Math.pow(reduced, 1.0 / p);
    };
  }

  /**
   * The Euclidean distance as scikit-learn's {@code pairwise_distances} computes it, by the
   * dot-product expansion sqrt(max(0, −2 a·b + a·a + b·b)) (not 0 for a sample and itself).
   */
  static double dotEuclidean(double[] a, double[] b) {
    double dot = 0.0;
    double aa = 0.0;
    double bb = 0.0;
    for (int f = 0; f < a.length; f++) {
      dot += a[f] * b[f];
      aa += a[f] * a[f];
      bb += b[f] * b[f];
    }
    return Math.sqrt(Math.max(0.0, (-2 * dot + aa) + bb));
  }
}
