package semaine.clustering;

import java.util.Arrays;
import semaine.base.BaseEstimator;
import semaine.base.Clusterer;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.neighbors.NearestNeighbors;

/**
 * Hierarchical density-based clustering (HDBSCAN): DBSCAN run at every radius at once, keeping
 * the clusters that last longest. scikit-learn 1.9's {@code HDBSCAN}.
 *
 * <p>Each sample's core distance is the distance to its {@code min_samples}-th nearest sample
 * (itself included); two samples are {@code max(core(a), core(b), d(a, b) / alpha)} apart in
 * mutual reachability. The minimum spanning tree of that graph, merged from its lightest edge,
 * is a single-linkage tree ({@link MutualReachability}); pruned to clusters of at least
 * {@code min_cluster_size} samples it becomes the condensed tree, from which the flat clusters
 * are chosen by excess of mass or as its leaves ({@link CondensedTree}). Labels are −1 for
 * noise; {@code probabilities_} says how long (in 1 / distance) each sample stays in its cluster,
 * relative to the cluster's longest-lived sample.
 *
 * <p>Rows of X with an infinite value are labelled −2 (probability 0), rows with a NaN −3
 * (probability NaN), and the others are clustered without them, as scikit-learn does.
 *
 * <h2>Notes</h2>
 * Algorithms "auto", "kd_tree" and "ball_tree" take the core distances from the k-d tree (the
 * brute-force search for Chebyshev and Minkowski) and run Prim over the data: O(n²) distances,
 * O(n) memory. "brute" and "precomputed" hold the n × n matrix, as scikit-learn does. The edges of
 * equal weight are merged in the order Prim found them, where scikit-learn's (unstable) sort may
 * take another order: the labels can differ on exact ties (integer grids). Where scikit-learn's
 * {@code cluster_selection_epsilon} search fails when it must climb more than one level (a
 * {@code TypeError}), this one climbs to the first ancestor born above epsilon.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var model = new HDBSCAN(10);
 * int[] labels = model.fitPredict(X);
 * double[] strength = model.probabilities();
 * }</pre>
 *
 * <h2>References</h2>
 * <ol>
 *   <li>R. J. G. B. Campello, D. Moulavi and J. Sander, "Density-based clustering based on
 *       hierarchical density estimates", PAKDD 2013.</li>
 *   <li>L. McInnes and J. Healy, "Accelerated hierarchical density based clustering", ICDMW 2017.</li>
 * </ol>
 */
public final class HDBSCAN extends BaseEstimator<HDBSCAN> implements Clusterer {

  static final Param<Integer> MIN_CLUSTER_SIZE = Param.of("min_cluster_size", 5,
      Rule.ints(2, null));
  static final Param<Integer> MIN_SAMPLES = Param.of("min_samples", null, Rule.ints(1, null),
      Rule.none());
  static final Param<Double> CLUSTER_SELECTION_EPSILON = Param.of("cluster_selection_epsilon",
      0.0, Rule.atLeast(0));
  static final Param<Integer> MAX_CLUSTER_SIZE = Param.of("max_cluster_size", null,
      Rule.ints(1, null), Rule.none());
  static final Param<String> METRIC = Param.of("metric", "euclidean",
      Rule.options("euclidean", "l2", "manhattan", "cityblock", "l1", "chebyshev", "infinity",
          "minkowski", "precomputed"));
  static final Param<Double> P = Param.of("p", null, Rule.none(), Rule.atLeast(1));
  static final Param<Double> ALPHA = Param.of("alpha", 1.0, Rule.above(0));
  static final Param<String> ALGORITHM = Param.of("algorithm", "auto",
      Rule.options("auto", "brute", "kd_tree", "ball_tree"));
  static final Param<Integer> LEAF_SIZE = Param.of("leaf_size", 40, Rule.ints(1, null));
  static final Param<String> CLUSTER_SELECTION_METHOD = Param.of("cluster_selection_method",
      "eom", Rule.options("eom", "leaf"));
  static final Param<Boolean> ALLOW_SINGLE_CLUSTER = Param.of("allow_single_cluster", false,
      Rule.bool());

  private static final EstimatorSpec<HDBSCAN> SPEC = EstimatorSpec.of("sklearn.cluster.HDBSCAN",
      HDBSCAN::new, Fitted.class, MIN_CLUSTER_SIZE, MIN_SAMPLES, CLUSTER_SELECTION_EPSILON,
      MAX_CLUSTER_SIZE, METRIC, P, ALPHA, ALGORITHM, LEAF_SIZE, CLUSTER_SELECTION_METHOD,
      ALLOW_SINGLE_CLUSTER);

  /** Labels of the rows left out of the clustering (scikit-learn's {@code _OUTLIER_ENCODING}). */
  private static final int INFINITE = -2;
  private static final int MISSING = -3;

  /**
   * What {@code fit} learns.
   *
   * @param labels (n_samples,) each sample's cluster, −1 noise, −2 a row with an infinite value,
   *     −3 a row with a NaN
   * @param probabilities (n_samples,) each sample's strength of membership in its cluster, in
   *     [0, 1] (0 for noise, NaN for a row with a NaN)
   * @param nFeaturesIn the number of features (columns of X)
   */
  private record Fitted(int[] labels, double[] probabilities, int nFeaturesIn) {}

  /** {@code HDBSCAN()}: clusters of at least 5 samples, Euclidean, excess of mass. */
  public HDBSCAN() {
    super(SPEC);
  }

  /** {@code HDBSCAN(min_cluster_size=minClusterSize)}. */
  public HDBSCAN(int minClusterSize) {
    this();
    minClusterSize(minClusterSize);
  }

  /** {@code min_cluster_size} (5, >= 2): the fewest samples a cluster may hold. */
  public HDBSCAN minClusterSize(int size) {
    return set(MIN_CLUSTER_SIZE, size);
  }

  /** {@code min_samples} (None: min_cluster_size): the neighbour, itself counted, of the core distance. */
  public HDBSCAN minSamples(int minSamples) {
    return set(MIN_SAMPLES, minSamples);
  }

  /** {@code cluster_selection_epsilon} (0): clusters closer than this are merged. */
  public HDBSCAN clusterSelectionEpsilon(double epsilon) {
    return set(CLUSTER_SELECTION_EPSILON, epsilon);
  }

  /** {@code max_cluster_size} (None): the largest cluster excess of mass may select. */
  public HDBSCAN maxClusterSize(int size) {
    return set(MAX_CLUSTER_SIZE, size);
  }

  /**
   * {@code metric}: "euclidean" (default), "manhattan", "chebyshev", "minkowski" (with {@link #p})
   * or "precomputed" (X is then a symmetric distance matrix).
   */
  public HDBSCAN metric(String metric) {
    return set(METRIC, metric);
  }

  /** The Minkowski power for metric "minkowski" (scikit-learn's {@code metric_params={"p": p}}). */
  public HDBSCAN p(double p) {
    return set(P, p);
  }

  /** {@code alpha} (1): distances are divided by it. */
  public HDBSCAN alpha(double alpha) {
    return set(ALPHA, alpha);
  }

  /** {@code algorithm}: "auto" (default), "brute", "kd_tree" or "ball_tree". */
  public HDBSCAN algorithm(String algorithm) {
    return set(ALGORITHM, algorithm);
  }

  /** {@code leaf_size} of the neighbour tree (40). */
  public HDBSCAN leafSize(int leafSize) {
    return set(LEAF_SIZE, leafSize);
  }

  /** {@code cluster_selection_method}: "eom" (default, excess of mass) or "leaf". */
  public HDBSCAN clusterSelectionMethod(String method) {
    return set(CLUSTER_SELECTION_METHOD, method);
  }

  /** {@code allow_single_cluster} (false): whether all the data may be one cluster. */
  public HDBSCAN allowSingleCluster(boolean allow) {
    return set(ALLOW_SINGLE_CLUSTER, allow);
  }

  /**
   * Clusters the rows of X.
   *
   * @param X samples, shape (n_samples, n_features); rows with inf or NaN are set aside; with
   *     metric "precomputed" a square, symmetric matrix of finite non-negative distances
   * @return this
   * @throws IllegalArgumentException for a bad parameter or X, fewer than 2 finite rows, or
   *     min_samples above their number
   */
  @Override
  public HDBSCAN fit(double[][] X) {
    validateParams();
    String metric = get(METRIC);
    boolean precomputed = metric.equals("precomputed");
    String algorithm = get(ALGORITHM);
    if (precomputed && (algorithm.equals("kd_tree") || algorithm.equals("ball_tree"))) {
      throw new IllegalArgumentException("metric \"precomputed\" is not a valid metric for"
          + " algorithm \"" + algorithm + "\": use \"auto\" or \"brute\"");
    }
    if (precomputed) {
      checkSymmetric(DBSCAN.checkPrecomputed(X));
    }
    int[] finite = precomputed ? allRows(X.length) : finiteRows(X);
    int n = finite.length;
    if (n < 2) {
      throw new IllegalArgumentException("HDBSCAN needs at least 2 samples with finite values:"
          + " X has " + n);
    }
    int minSamples = get(MIN_SAMPLES) == null ? get(MIN_CLUSTER_SIZE) : get(MIN_SAMPLES);
    if (minSamples > n) {
      throw new IllegalArgumentException("min_samples (" + minSamples + ") must be at most the"
          + " number of samples in X (" + n + ")");
    }
    double[][] data = new double[n][];
    for (int i = 0; i < n; i++) {
      data[i] = X[finite[i]];
    }
    double[][] hierarchy = singleLinkage(data, metric, precomputed || algorithm.equals("brute"),
        minSamples);
    Integer maxSize = get(MAX_CLUSTER_SIZE);
    CondensedTree.Flat flat = CondensedTree.condense(hierarchy, get(MIN_CLUSTER_SIZE)).select(
        get(CLUSTER_SELECTION_METHOD), get(ALLOW_SINGLE_CLUSTER),
        get(CLUSTER_SELECTION_EPSILON), maxSize == null ? 0 : maxSize);
    int[] labels = new int[X.length];
    double[] probabilities = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      boolean missing = Double.isNaN(rowSum(X[i]));
      labels[i] = missing ? MISSING : INFINITE;
      probabilities[i] = missing ? Double.NaN : 0.0;
    }
    for (int i = 0; i < n; i++) {
      labels[finite[i]] = flat.labels()[i];
      probabilities[finite[i]] = flat.probabilities()[i];
    }
    fitted(new Fitted(labels, probabilities, X[0].length));
    return this;
  }

  /** The cluster of each training sample: −1 noise, −2 infinite row, −3 NaN row ({@code labels_}). */
  @Override
  public int[] labels() {
    return this.<Fitted>fitted().labels().clone();
  }

  /** Each training sample's strength of membership in its cluster ({@code probabilities_}). */
  public double[] probabilities() {
    return this.<Fitted>fitted().probabilities().clone();
  }

  /** The single-linkage tree of the mutual reachability graph, by the algorithm's Prim. */
  private double[][] singleLinkage(double[][] X, String metric, boolean brute, int minSamples) {
    double alpha = get(ALPHA);
    if (metric.equals("precomputed")) {
      return MutualReachability.bruteTree(scaled(X, alpha), minSamples);
    }
    PairwiseMetric resolved = PairwiseMetric.of(metric,
        metric.equals("minkowski") ? get(P) : null);
    if (brute) {
      return MutualReachability.bruteTree(pairwise(X, resolved, alpha), minSamples);
    }
    return MutualReachability.primsTree(X, resolved, coreDistances(X, resolved, minSamples),
        alpha);
  }

  /**
   * The distance to each sample's {@code minSamples}-th nearest sample, itself included
   * ({@code kneighbors(X, min_samples)[0][:, -1]}): from the k-d tree for Euclidean and Manhattan,
   * otherwise by sorting each row of exact distances.
   */
  private double[] coreDistances(double[][] X, PairwiseMetric metric, int minSamples) {
    int n = X.length;
    double[] core = new double[n];
    if (metric.inEngine()) {
      NearestNeighbors engine = Neighborhoods.engineIndex(X, metric, minSamples, "kd_tree",
          get(LEAF_SIZE));
      double[][] distances = engine.kneighbors(X, minSamples).distances();
      for (int i = 0; i < n; i++) {
        core[i] = distances[i][minSamples - 1];
      }
      return core;
    }
    double[] row = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        row[j] = MutualReachability.distance(metric, X[i], X[j]);
      }
      Arrays.sort(row);
      core[i] = row[minSamples - 1];
    }
    return core;
  }

  /**
   * scikit-learn's {@code pairwise_distances(X) / alpha}: Euclidean by the dot-product expansion
   * with a zero diagonal, the other metrics exactly.
   */
  private static double[][] pairwise(double[][] X, PairwiseMetric metric, double alpha) {
    int n = X.length;
    double[][] D = new double[n][n];
    boolean euclidean = metric.name().equals("euclidean");
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double d = i == j ? 0.0 : euclidean ? PairwiseMetric.dotEuclidean(X[i], X[j])
            : MutualReachability.distance(metric, X[i], X[j]);
        D[i][j] = d / alpha;
      }
    }
    return D;
  }

  private static double[][] scaled(double[][] D, double alpha) {
    double[][] out = new double[D.length][];
    for (int i = 0; i < D.length; i++) {
      out[i] = D[i].clone();
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] /= alpha;
      }
    }
    return out;
  }

  /** A precomputed matrix must be symmetric ({@code np.allclose(X, X.T)}). */
  private static void checkSymmetric(double[][] D) {
    for (int i = 0; i < D.length; i++) {
      for (int j = 0; j < i; j++) {
        if (Math.abs(D[i][j] - D[j][i]) > 1e-8 + 1e-5 * Math.abs(D[j][i])) {
          throw new IllegalArgumentException("X must be a symmetric distance matrix with metric"
              + " \"precomputed\": X[" + i + "][" + j + "] = " + D[i][j] + " but X[" + j + "]["
              + i + "] = " + D[j][i]);
        }
      }
    }
  }

  /** The rows whose values sum to a finite number (scikit-learn's finite rows). */
  private static int[] finiteRows(double[][] X) {
    if (X == null || X.length == 0 || X[0] == null || X[0].length == 0) {
      throw new IllegalArgumentException("X must have at least one row and one column");
    }
    int[] rows = new int[X.length];
    int count = 0;
    for (int i = 0; i < X.length; i++) {
      if (X[i] == null || X[i].length != X[0].length) {
        throw new IllegalArgumentException("X is ragged: row " + i + " has "
            + (X[i] == null ? "no" : String.valueOf(X[i].length)) + " values but row 0 has "
            + X[0].length);
      }
      if (Double.isFinite(rowSum(X[i]))) {
        rows[count++] = i;
      }
    }
    return Arrays.copyOf(rows, count);
  }

  private static int[] allRows(int n) {
    int[] rows = new int[n];
    Arrays.setAll(rows, i -> i);
    return rows;
  }

  private static double rowSum(double[] row) {
    double s = 0.0;
    for (double v : row) {
      s += v;
    }
    return s;
  }
}
