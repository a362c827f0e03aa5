package semaine.clustering;

import java.util.Arrays;
import semaine.neighbors.NearestNeighbors;
import semaine.util.Parallel;

/**
 * scikit-learn 1.9's {@code compute_optics_graph}: the core distances, then the ordering with
 * each sample's reachability and predecessor, computed as scikit-learn computes them (see
 * {@link OPTICS}). Holds one sample's candidates at a time.
 */
final class OpticsGraph {

  /** scikit-learn rounds core and reachability distances to this many decimals. */
  private static final double DECIMALS = 1e15;

  final int[] ordering;           // (n,)
  final double[] coreDistances;   // (n,)
  final double[] reachability;    // (n,)
  final int[] predecessor;        // (n,)

  private final double[][] X;
  private final String metric;
  private final PairwiseMetric resolved;  // null for "precomputed"

  OpticsGraph(double[][] X, String metric, double p, String algorithm, int leafSize,
      int minSamples, double maxEps) {
    this.X = X;
    this.metric = metric;
    int n = X.length;
    boolean precomputed = metric.equals("precomputed");
    this.resolved = precomputed ? null
        : PairwiseMetric.of(metric, metric.equals("minkowski") ? p : null);
    NearestNeighbors engine = !precomputed && resolved.inEngine()
        ? Neighborhoods.engineIndex(X, resolved, minSamples, algorithm, leafSize) : null;
    // the min_samples-th neighbour, itself included: kneighbors(X, min_samples)[0][:, -1]
    coreDistances = engine != null
        ? kthColumn(engine.kneighbors(X, minSamples).distances(), minSamples)
        : bruteCoreDistances(minSamples);
    for (int i = 0; i < n; i++) {
      if (coreDistances[i] > maxEps) {
        coreDistances[i] = Double.POSITIVE_INFINITY;
      }
      coreDistances[i] = round(coreDistances[i]);
    }
    Neighborhoods candidates = Double.isInfinite(maxEps) ? null
        : precomputed ? Neighborhoods.precomputed(X, maxEps)
        : engine != null ? Neighborhoods.engine(engine, maxEps)
        : Neighborhoods.brute(X, resolved, maxEps);
    ordering = new int[n];
    reachability = new double[n];
    predecessor = new int[n];
    Arrays.fill(reachability, Double.POSITIVE_INFINITY);
    Arrays.fill(predecessor, -1);
    order(candidates);
  }

  /** True when no sample was reached (scikit-learn then warns). */
  boolean allUnreachable() {
    for (double r : reachability) {
      if (!Double.isInfinite(r)) {
        return false;
      }
    }
    return true;
  }

  /** {@code np.around(x, 15)}: {@code rint(x · 1e15) / 1e15}. */
  static double round(double x) {
    return Math.rint(x * DECIMALS) / DECIMALS;
  }

  private static double[] kthColumn(double[][] distances, int k) {
    double[] column = new double[distances.length];
    for (int i = 0; i < column.length; i++) {
      column[i] = distances[i][k - 1];
    }
    return column;
  }

  /** The k-th smallest distance of each sample (itself included), by brute force. */
  private double[] bruteCoreDistances(int k) {
    int n = X.length;
    double[] core = new double[n];
    Parallel.forRange(n, 64, (from, to) -> {
      double[] row = new double[n];
      for (int i = from; i < to; i++) {
        for (int j = 0; j < n; j++) {
          row[j] = distance(i, j);
        }
        Arrays.sort(row);
        core[i] = row[k - 1];
      }
    });
    return core;
  }

  /**
   * The main loop: take the unprocessed sample with the smallest reachability (the first one on
   * ties, {@code argmin}); if it is core, lower its unprocessed candidates' reachability.
   */
  private void order(Neighborhoods candidates) {
    int n = X.length;
    boolean[] processed = new boolean[n];
    Neighborhoods.Search search = candidates == null ? null : candidates.search();
    for (int k = 0; k < n; k++) {
      int point = -1;
      for (int i = 0; i < n; i++) {
        if (!processed[i] && (point < 0 || reachability[i] < reachability[point])) {
          point = i;
        }
      }
      processed[point] = true;
      ordering[k] = point;
      double core = coreDistances[point];
      if (Double.isInfinite(core)) {
        continue;
      }
      if (search == null) {
        for (int o = 0; o < n; o++) {
          if (!processed[o]) {
            relax(point, o, core);
          }
        }
      } else {
        int count = search.search(point);
        for (int j = 0; j < count; j++) {
          int o = search.index(j);
          if (!processed[o]) {
            relax(point, o, core);
          }
        }
      }
    }
  }

  /** {@code _set_reach_dist} for one candidate o of core sample p. */
  private void relax(int p, int o, double core) {
    double reach = round(Math.max(distance(p, o), core));
    if (reach < reachability[o]) {
      reachability[o] = reach;
      predecessor[o] = p;
    }
  }

  /**
   * {@code pairwise_distances(X[p], X[o], metric)}: SciPy's {@code cdist} formulas, except
   * "euclidean", which scikit-learn expands as {@code sqrt(max(0, (−2·a·b + ‖a‖²) + ‖b‖²))}.
   */
  private double distance(int p, int o) {
    if (resolved == null) {
      return X[p][o];
    }
    if (metric.equals("euclidean") || metric.equals("l2")) {
      return PairwiseMetric.dotEuclidean(X[p], X[o]);
    }
    return resolved.toDistance(resolved.reduced(X[p], X[o]));
  }
}
