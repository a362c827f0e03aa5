package semaine.clustering;

import java.util.ArrayList;
import java.util.List;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.Clusterer;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.neighbors.NeighborsBase;
import semaine.util.Checks;

/**
 * OPTICS (Ordering Points To Identify the Clustering Structure): orders the samples so that
 * density-connected ones are neighbours in the ordering, and records each one's reachability
 * distance; clusters are the valleys of that reachability plot, found by the ξ method or cut at
 * a DBSCAN-like eps. scikit-learn 1.9's {@code OPTICS}.
 *
 * <p>core(p) is the distance to p's min_samples-th nearest sample (itself included), +inf when it
 * exceeds max_eps. From the unprocessed sample with the smallest reachability (the lowest index on
 * ties, every sample starting at +inf), each unprocessed sample o within max_eps gets
 * {@code reach(o) = min(reach(o), max(d(p, o), core(p)))} and p as predecessor when that is
 * strictly smaller. As in scikit-learn, core and reachability distances are rounded to 15
 * decimals ({@code np.around}), which also makes equal distances compare equal whatever the
 * rounding of their computation.
 *
 * <h2>Notes</h2>
 * O(n²) distance evaluations, as scikit-learn; memory linear in n (one sample's candidates at a
 * time). Distances as scikit-learn's {@code pairwise_distances}: "minkowski" (the default) and
 * "manhattan" exactly as SciPy's {@code cdist}, "euclidean" by the dot-product expansion.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var model = new OPTICS(10).xi(0.05);
 * int[] labels = model.fitPredict(X);
 * double[] plot = model.reachabilityPlot();   // reachability_[ordering_]
 * }</pre>
 *
 * <h2>References</h2>
 * <ol>
 *   <li>M. Ankerst, M. M. Breunig, H.-P. Kriegel and J. Sander, "OPTICS: ordering points to
 *       identify the clustering structure", SIGMOD 1999.
 * </ol>
 */
public final class OPTICS extends BaseEstimator<OPTICS> implements Clusterer {

  // fractions exclude 1 (scikit-learn allows 1.0): an int 1 must not pass as the fraction 1.0
  static final Param<Number> MIN_SAMPLES = Param.of("min_samples", 5, Rule.ints(2, null),
      Rule.reals(0.0, false, 1.0, false));
  static final Param<Double> MAX_EPS = Param.of("max_eps", Double.POSITIVE_INFINITY,
      Rule.reals(0.0, true, Double.POSITIVE_INFINITY, true));
  static final Param<String> METRIC = Param.of("metric", "minkowski",
      Rule.options("minkowski", "euclidean", "l2", "manhattan", "cityblock", "l1", "chebyshev",
          "infinity", "precomputed"));
  static final Param<Double> P = Param.of("p", 2.0, Rule.atLeast(1));
  static final Param<String> CLUSTER_METHOD = Param.of("cluster_method", "xi",
      Rule.options("xi", "dbscan"));
  static final Param<Double> EPS = Param.of("eps", null,
      Rule.reals(0.0, true, Double.POSITIVE_INFINITY, true), Rule.none());
  static final Param<Double> XI = Param.of("xi", 0.05, Rule.reals(0.0, true, 1.0, true));
  static final Param<Boolean> PREDECESSOR_CORRECTION = Param.of("predecessor_correction", true,
      Rule.bool());
  static final Param<Number> MIN_CLUSTER_SIZE = Param.of("min_cluster_size", null,
      Rule.ints(2, null), Rule.reals(0.0, false, 1.0, false), Rule.none());

  private static final EstimatorSpec<OPTICS> SPEC = EstimatorSpec.of("sklearn.cluster.OPTICS",
      OPTICS::new, Fitted.class, MIN_SAMPLES, MAX_EPS, METRIC, P, CLUSTER_METHOD, EPS, XI,
      PREDECESSOR_CORRECTION, MIN_CLUSTER_SIZE, NeighborsBase.ALGORITHM, NeighborsBase.LEAF_SIZE);

  /**
   * What {@code fit} learns.
   *
   * @param labels (n_samples,) each sample's cluster, −1 for noise
   * @param reachability (n_samples,) each sample's reachability distance, +inf for the first of
   *     each region
   * @param ordering (n_samples,) the samples in cluster order
   * @param coreDistances (n_samples,) the distance to the min_samples-th nearest sample
   * @param predecessor (n_samples,) the sample each was reached from, −1 if none
   * @param clusterHierarchy (n_clusters, 2) [start, end] of each ξ cluster in the ordering
   * @param nFeaturesIn the number of features (columns of X)
   * @param warnings what scikit-learn would warn about
   */
  private record Fitted(int[] labels, double[] reachability, int[] ordering,
      double[] coreDistances, int[] predecessor, @Nullable int[][] clusterHierarchy,
      int nFeaturesIn, @Attribute("_warnings") List<String> warnings) {}

  /** {@code OPTICS()}: 5 samples, ξ = 0.05, Minkowski p = 2. */
  public OPTICS() {
    super(SPEC);
  }

  /** {@code OPTICS(min_samples=minSamples)}. */
  public OPTICS(int minSamples) {
    this();
    minSamples(minSamples);
  }

  /** {@code min_samples} (5, >= 2): the neighbours, itself included, of a core sample. */
  public OPTICS minSamples(int minSamples) {
    return set(MIN_SAMPLES, minSamples);
  }

  /** {@code min_samples} as a fraction of n in (0, 1) (at least 2 samples). */
  public OPTICS minSamples(double fraction) {
    return set(MIN_SAMPLES, fraction);
  }

  /** {@code max_eps} (+inf): the largest neighbourhood considered. */
  public OPTICS maxEps(double maxEps) {
    return set(MAX_EPS, maxEps);
  }

  /**
   * {@code metric}: "minkowski" (default, with {@link #p}), "euclidean", "manhattan", "chebyshev"
   * or "precomputed".
   */
  public OPTICS metric(String metric) {
    return set(METRIC, metric);
  }

  /** The Minkowski power {@code p} (2). */
  public OPTICS p(double p) {
    return set(P, p);
  }

  /** {@code cluster_method}: "xi" (default) or "dbscan". */
  public OPTICS clusterMethod(String method) {
    return set(CLUSTER_METHOD, method);
  }

  /** {@code eps} of the "dbscan" method (None: max_eps). */
  public OPTICS eps(double eps) {
    return set(EPS, eps);
  }

  /** {@code xi} (0.05): the least relative steepness of a cluster's sides. */
  public OPTICS xi(double xi) {
    return set(XI, xi);
  }

  /** {@code predecessor_correction} (true). */
  public OPTICS predecessorCorrection(boolean correct) {
    return set(PREDECESSOR_CORRECTION, correct);
  }

  /** {@code min_cluster_size}: a count >= 2 (None: min_samples). */
  public OPTICS minClusterSize(int size) {
    return set(MIN_CLUSTER_SIZE, size);
  }

  /** {@code algorithm} of the neighbour search: "auto", "brute", "kd_tree", "ball_tree". */
  public OPTICS algorithm(String algorithm) {
    return set(NeighborsBase.ALGORITHM, algorithm);
  }

  /** {@code leaf_size} of the k-d tree (30). */
  public OPTICS leafSize(int leafSize) {
    return set(NeighborsBase.LEAF_SIZE, leafSize);
  }

  /**
   * Orders the rows of X and extracts the clusters.
   *
   * @param X samples, shape (n_samples, n_features), finite; with metric "precomputed" a square
   *     matrix of non-negative distances
   * @return this
   * @throws IllegalArgumentException for a bad parameter or X, or min_samples or
   *     min_cluster_size above n_samples
   */
  @Override
  public OPTICS fit(double[][] X) {
    validateParams();
    String metric = get(METRIC);
    if (metric.equals("precomputed")) {
      DBSCAN.checkPrecomputed(X);
    } else {
      Checks.checkMatrix("X", X);
    }
    int n = X.length;
    int minSamples = size(get(MIN_SAMPLES), n, "min_samples");
    double maxEps = get(MAX_EPS);
    OpticsGraph graph = new OpticsGraph(X, metric, get(P), get(NeighborsBase.ALGORITHM),
        get(NeighborsBase.LEAF_SIZE), minSamples, maxEps);
    List<String> warnings = new ArrayList<>();
    if (graph.allUnreachable()) {
      warnings.add("All reachability values are inf. Set a larger max_eps or all data will be"
          + " considered outliers.");
    }
    int[] labels;
    int[][] hierarchy = null;
    if (get(CLUSTER_METHOD).equals("xi")) {
      Number mcs = get(MIN_CLUSTER_SIZE);
      int minClusterSize = mcs == null ? minSamples : size(mcs, n, "min_cluster_size");
      double[] plot = new double[n];
      int[] predecessorPlot = new int[n];
      for (int i = 0; i < n; i++) {
        plot[i] = graph.reachability[graph.ordering[i]];
        predecessorPlot[i] = graph.predecessor[graph.ordering[i]];
      }
      hierarchy = OpticsXi.clusters(plot, predecessorPlot, graph.ordering, get(XI), minSamples,
          minClusterSize, get(PREDECESSOR_CORRECTION));
      labels = OpticsXi.labels(graph.ordering, hierarchy);
    } else {
      Double eps = get(EPS);
      double cut = eps == null ? maxEps : eps;
      if (cut > maxEps) {
        throw new IllegalArgumentException("Specify an epsilon smaller than " + maxEps + ". Got "
            + cut + ". (eps must be <= max_eps)");
      }
      labels = OpticsXi.dbscanLabels(graph.reachability, graph.coreDistances, graph.ordering,
          cut);
    }
    fitted(new Fitted(labels, graph.reachability, graph.ordering, graph.coreDistances,
        graph.predecessor, hierarchy, X[0].length, List.copyOf(warnings)));
    return this;
  }

  /**
   * {@code cluster_optics_dbscan}: DBSCAN-like labels at any {@code eps <= max_eps} from the
   * fitted ordering, without refitting.
   */
  public int[] clusterOpticsDbscan(double eps) {
    Checks.checkNonNegative("eps", eps);
    Fitted f = fitted();
    return OpticsXi.dbscanLabels(f.reachability(), f.coreDistances(), f.ordering(), eps);
  }

  /** Each sample's cluster, −1 for noise ({@code labels_}). */
  @Override
  public int[] labels() {
    return this.<Fitted>fitted().labels().clone();
  }

  /** The samples in cluster order ({@code ordering_}). */
  public int[] ordering() {
    return this.<Fitted>fitted().ordering().clone();
  }

  /** Each sample's reachability distance ({@code reachability_}), +inf where never reached. */
  public double[] reachability() {
    return this.<Fitted>fitted().reachability().clone();
  }

  /** The reachability plot: {@code reachability_[ordering_]}. */
  public double[] reachabilityPlot() {
    Fitted f = fitted();
    double[] plot = new double[f.ordering().length];
    for (int i = 0; i < plot.length; i++) {
      plot[i] = f.reachability()[f.ordering()[i]];
    }
    return plot;
  }

  /** Each sample's core distance ({@code core_distances_}), +inf beyond max_eps. */
  public double[] coreDistances() {
    return this.<Fitted>fitted().coreDistances().clone();
  }

  /** The sample each was reached from ({@code predecessor_}), −1 if none. */
  public int[] predecessor() {
    return this.<Fitted>fitted().predecessor().clone();
  }

  /**
   * The ξ clusters as [start, end] positions in the ordering ({@code cluster_hierarchy_}).
   *
   * @throws IllegalStateException for cluster_method "dbscan", which has none
   */
  public int[][] clusterHierarchy() {
    int[][] h = this.<Fitted>fitted().clusterHierarchy();
    if (h == null) {
      throw new IllegalStateException("cluster_hierarchy_ exists only for cluster_method \"xi\"");
    }
    int[][] copy = new int[h.length][];
    for (int i = 0; i < h.length; i++) {
      copy[i] = h[i].clone();
    }
    return copy;
  }

  /**
   * A count or a fraction of n ({@code _validate_size}, then {@code max(2, int(f · n))} for a
   * fraction): at most n.
   */
  private static int size(Number value, int n, String name) {
    if (value.doubleValue() > n) {
      throw new IllegalArgumentException(name + " must be no greater than the number of samples"
          + " (" + n + "). Got " + value);
    }
    if (value instanceof Integer count) {
      return count;
    }
    return Math.max(2, (int) (value.doubleValue() * n));
  }
}
