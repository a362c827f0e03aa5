package semaine.clustering;

import java.util.List;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.Clusterer;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.neighbors.NearestNeighbors;
import semaine.util.Checks;

/**
 * Agglomerative (hierarchical) clustering: every sample starts as its own cluster and the two
 * closest clusters merge until one is left; the tree is then cut into {@code nClusters} clusters,
 * or where merges become {@code >= distanceThreshold}. scikit-learn 1.9's
 * {@code AgglomerativeClustering}.
 *
 * <p>The closeness of two clusters is the linkage: "ward" (the merge that least increases the
 * within-cluster variance), "complete" (the farthest pair), "average" (the mean pair distance) or
 * "single" (the nearest pair). The tree is SciPy's ({@link Hierarchy#linkage}, ties included),
 * as scikit-learn takes it (ward from 1,000 samples over centroids, without the distance matrix:
 * see {@link Hierarchy}); single linkage with a Euclidean or Manhattan metric comes from
 * scikit-learn's own minimum spanning tree, whose {@code children_} pairs keep the order found
 * (not sorted). Labels follow scikit-learn's {@code _hc_cut}: the k − 1 last merges are undone
 * through a Python heap of node ids, and cluster i is the i-th node of that heap's array.
 *
 * <p>With a {@code connectivity} graph only neighbours in the graph merge (structured clustering,
 * {@link StructuredTree}): a graph of any samples ({@code int[][]}, row i lists the samples
 * connected to sample i, such as {@link NearestNeighbors#kneighborsGraph}), or the text
 * {@code "knn:K"} ({@code "knn:K:include_self"}), which builds
 * {@code kneighbors_graph(X, K, include_self=False)} (True) at fit time, as a callable
 * connectivity does in scikit-learn. The graph is made symmetric; when it has several connected
 * components it is completed and {@link #warnings()} says so, as scikit-learn warns. With a graph,
 * {@code compute_full_tree="auto"} stops the tree early when n_clusters >= max(100, 0.02 n), and
 * the labels are then numbered by node id, as scikit-learn's.
 *
 * <h2>Notes</h2>
 * Without a graph: O(n²) memory (the condensed distances) and O(n²) time per merge chain, as
 * SciPy. With a graph: memory and time grow with its edges. Not supported: {@code memory}.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var model = new AgglomerativeClustering(3).linkage("average");
 * int[] labels = model.fitPredict(X);
 * }</pre>
 */
public final class AgglomerativeClustering extends BaseEstimator<AgglomerativeClustering>
    implements Clusterer {

  static final Param<Integer> N_CLUSTERS = Param.of("n_clusters", 2, Rule.ints(1, null),
      Rule.none());
  static final Param<String> METRIC = Param.of("metric", "euclidean",
      Rule.options("euclidean", "l2", "manhattan", "l1", "cityblock", "cosine", "precomputed"));
  static final Param<Object> COMPUTE_FULL_TREE = Param.of("compute_full_tree", "auto",
      Rule.options("auto"), Rule.bool());
  static final Param<String> LINKAGE = Param.of("linkage", "ward",
      Rule.options("ward", "complete", "average", "single"));
  static final Param<Double> DISTANCE_THRESHOLD = Param.of("distance_threshold", null,
      Rule.atLeast(0), Rule.none());
  static final Param<Boolean> COMPUTE_DISTANCES = Param.of("compute_distances", false,
      Rule.bool());

  static final Param<Object> CONNECTIVITY = Param.of("connectivity", null, Rule.none(),
      Rule.text("knn:[1-9]\\d*(:include_self)?", "\"knn:K\" or \"knn:K:include_self\""),
      Rule.instanceOf(int[][].class, "a graph (int[][]: row i lists the samples connected to"
          + " sample i)"));

  private static final EstimatorSpec<AgglomerativeClustering> SPEC = EstimatorSpec.of(
      "sklearn.cluster.AgglomerativeClustering", AgglomerativeClustering::new, Fitted.class,
      N_CLUSTERS, METRIC, CONNECTIVITY, COMPUTE_FULL_TREE, LINKAGE, DISTANCE_THRESHOLD,
      COMPUTE_DISTANCES);

  /**
   * What {@code fit} learns.
   *
   * @param nClusters the number of clusters ({@code n_clusters_})
   * @param labels (n_samples,) each sample's cluster
   * @param nLeaves the number of leaves of the tree (n_samples)
   * @param nConnectedComponents the connected components of the connectivity graph (1 without)
   * @param children (n_samples − 1, 2) the two nodes row i merges into node n_samples + i
   *     (n_samples − n_clusters rows when a connectivity graph stopped the tree early)
   * @param distances (n_samples − 1,) each merge's distance, when a threshold is set or
   *     {@code compute_distances} is true
   * @param nFeaturesIn the number of features (columns of X)
   * @param warnings what scikit-learn would warn about (a graph completed), null when nothing
   */
  private record Fitted(@Attribute("n_clusters_") int nClusters, int[] labels, int nLeaves,
      int nConnectedComponents, int[][] children, @Nullable double[] distances,
      int nFeaturesIn, @Attribute("_warnings") @Nullable List<String> warnings) {}

  /** {@code AgglomerativeClustering()}: 2 clusters, ward linkage, Euclidean. */
  public AgglomerativeClustering() {
    super(SPEC);
  }

  /** {@code AgglomerativeClustering(n_clusters=nClusters)}. */
  public AgglomerativeClustering(int nClusters) {
    this();
    nClusters(nClusters);
  }

  /** {@code n_clusters} (2), or null to cut by {@link #distanceThreshold} instead. */
  public AgglomerativeClustering nClusters(Integer nClusters) {
    return set(N_CLUSTERS, nClusters);
  }

  /**
   * {@code metric}: "euclidean" (default, "l2"), "manhattan" ("l1", "cityblock"), "cosine" or
   * "precomputed".
   */
  public AgglomerativeClustering metric(String metric) {
    return set(METRIC, metric);
  }

  /** {@code linkage}: "ward" (default), "complete", "average" or "single". */
  public AgglomerativeClustering linkage(String linkage) {
    return set(LINKAGE, linkage);
  }

  /** {@code distance_threshold}: cut where merges reach it (n_clusters must then be null). */
  public AgglomerativeClustering distanceThreshold(Double threshold) {
    return set(DISTANCE_THRESHOLD, threshold);
  }

  /**
   * {@code connectivity}: null (default), a graph (row i lists the samples connected to sample
   * i; only the pattern counts) or "knn:K" / "knn:K:include_self" (the k-NN graph of X, built by
   * fit).
   */
  public AgglomerativeClustering connectivity(Object connectivity) {
    return set(CONNECTIVITY, connectivity);
  }

  /**
   * {@code compute_full_tree}: "auto" (default) or a boolean. Without connectivity the full tree
   * is always built; with it, false (or "auto" with n_clusters >= max(100, 0.02 n)) stops after
   * the merge that leaves n_clusters clusters.
   */
  public AgglomerativeClustering computeFullTree(boolean full) {
    return set(COMPUTE_FULL_TREE, full);
  }

  /** {@code compute_distances}: keep {@code distances_} without a threshold. */
  public AgglomerativeClustering computeDistances(boolean compute) {
    return set(COMPUTE_DISTANCES, compute);
  }

  /**
   * Builds the tree over the rows of X and cuts it.
   *
   * @param X samples, shape (n_samples, n_features), finite, at least 2 rows; with metric
   *     "precomputed" a square matrix of non-negative distances
   * @return this
   * @throws IllegalArgumentException for a bad parameter combination or bad X
   */
  @Override
  public AgglomerativeClustering fit(double[][] X) {
    validateParams();
    Integer nClusters = get(N_CLUSTERS);
    Double threshold = get(DISTANCE_THRESHOLD);
    String linkage = get(LINKAGE);
    String metric = get(METRIC);
    if ((nClusters == null) == (threshold == null)) {
      throw new IllegalArgumentException("Exactly one of n_clusters and distance_threshold has to"
          + " be set, and the other needs to be None (n_clusters=" + nClusters
          + ", distance_threshold=" + threshold + ")");
    }
    if (threshold != null && Boolean.FALSE.equals(get(COMPUTE_FULL_TREE))) {
      throw new IllegalArgumentException(
          "compute_full_tree must be True if distance_threshold is set.");
    }
    if (linkage.equals("ward") && !metric.equals("euclidean") && !metric.equals("l2")) {
      throw new IllegalArgumentException(metric + " was provided as metric. Ward can only work"
          + " with euclidean distances (i.e. 'euclidean' and 'l2').");
    }
    if (get(CONNECTIVITY) != null) {
      return fitStructured(X, nClusters, threshold, linkage, metric);
    }
    double[][] Z = tree(X, linkage, metric);
    int n = X.length;
    double[] distances = new double[n - 1];
    int[][] children = new int[n - 1][];
    for (int r = 0; r < n - 1; r++) {
      children[r] = new int[] {(int) Z[r][0], (int) Z[r][1]};
      distances[r] = Z[r][2];
    }
    return cut(children, distances, n, 1, nClusters, threshold, X[0].length);
  }

  /** Cuts the full tree ({@code _hc_cut}) and keeps what fit learned. */
  private AgglomerativeClustering cut(int[][] children, double[] distances, int n,
      int nComponents, Integer nClusters, Double threshold, int nFeatures) {
    int k = nClusters != null ? nClusters : countAtLeast(distances, threshold) + 1;
    if (k > n) {
      throw new IllegalArgumentException("Cannot extract more clusters than samples: " + k
          + " clusters were given for a tree with " + n + " leaves.");
    }
    boolean keepDistances = threshold != null || get(COMPUTE_DISTANCES);
    fitted(new Fitted(k, hcCut(k, children, n), n, nComponents, children,
        keepDistances ? distances : null, nFeatures, warnings(nComponents)));
    return this;
  }

  /**
   * The structured tree ({@code ward_tree} / {@code linkage_tree} with connectivity), full or
   * stopped early at n_clusters, and its labels.
   */
  private AgglomerativeClustering fitStructured(double[][] X, Integer nClusters, Double threshold,
      String linkage, String metric) {
    Checks.checkArgument(X != null, "X must not be null");
    Hierarchy.checkSamples(X.length);
    if (metric.equals("precomputed")) {
      DBSCAN.checkPrecomputed(X);
    } else {
      Checks.checkMatrix("X", X);
      if (metric.equals("cosine") && !linkage.equals("ward")) {
        checkNoZeroRow(X);
      }
    }
    int n = X.length;
    Object fullTree = get(COMPUTE_FULL_TREE);
    boolean full = fullTree.equals("auto")
        ? threshold != null || nClusters < Math.max(100, 0.02 * n) : (Boolean) fullTree;
    if (!full && nClusters > n) {
      throw new IllegalArgumentException("Cannot provide more clusters than samples. "
          + nClusters + " n_clusters was asked, and there are " + n + " samples.");
    }
    int nNodes = full ? 2 * n - 1 : 2 * n - nClusters;
    Connectivity graph = Connectivity.of(graph(X, metric), X,
        linkage.equals("ward") ? "euclidean" : metric);
    StructuredTree tree = switch (linkage) {
      case "ward" -> StructuredTree.ward(X, graph, nNodes);
      case "single" -> StructuredTree.single(X, graph, metric);
      default -> StructuredTree.linkage(X, graph, nNodes, linkage, metric);
    };
    if (full) {
      return cut(tree.children(), tree.distances(), n, graph.nComponents(), nClusters, threshold,
          X[0].length);
    }
    fitted(new Fitted(nClusters, StructuredTree.headLabels(tree.children(), n, nNodes), n,
        graph.nComponents(), tree.children(), get(COMPUTE_DISTANCES) ? tree.distances() : null,
        X[0].length, warnings(graph.nComponents())));
    return this;
  }

  /** The connectivity parameter as a graph: the one given, or the k-NN graph "knn:K" asks for. */
  private int[][] graph(double[][] X, String metric) {
    Object c = get(CONNECTIVITY);
    if (c instanceof int[][] graph) {
      return graph;
    }
    String[] parts = ((String) c).strip().split(":");
    if (metric.equals("precomputed")) {
      throw new IllegalArgumentException("connectivity (\"" + c + "\") builds a k-NN graph of"
          + " samples; with metric=\"precomputed\" X holds distances: give the graph itself");
    }
    int k = Integer.parseInt(parts[1]);
    boolean includeSelf = parts.length > 2;
    if (k > X.length - (includeSelf ? 0 : 1)) {
      throw new IllegalArgumentException("connectivity (\"" + c + "\") asks for " + k
          + " neighbours, but X has " + X.length + " samples");
    }
    return NearestNeighbors.kneighborsGraph(X, k, includeSelf);
  }

  /** The cluster of each training sample ({@code labels_}). */
  @Override
  public int[] labels() {
    return this.<Fitted>fitted().labels().clone();
  }

  /** The number of clusters found ({@code n_clusters_}). */
  public int nClustersFound() {
    return this.<Fitted>fitted().nClusters();
  }

  /** Row i: the two nodes merged into node n_samples + i ({@code children_}). */
  public int[][] children() {
    int[][] c = this.<Fitted>fitted().children();
    int[][] copy = new int[c.length][];
    for (int i = 0; i < c.length; i++) {
      copy[i] = c[i].clone();
    }
    return copy;
  }

  /**
   * Each merge's distance ({@code distances_}).
   *
   * @throws IllegalStateException when neither a threshold nor {@code computeDistances} was set
   */
  public double[] distances() {
    double[] d = this.<Fitted>fitted().distances();
    if (d == null) {
      throw new IllegalStateException("distances_ is computed only with distance_threshold or"
          + " compute_distances(true)");
    }
    return d.clone();
  }

  /** The number of leaves, n_samples ({@code n_leaves_}). */
  public int nLeaves() {
    return this.<Fitted>fitted().nLeaves();
  }

  /** The connected components of the connectivity graph: 1 without one. */
  public int nConnectedComponents() {
    return this.<Fitted>fitted().nConnectedComponents();
  }

  /**
   * What scikit-learn warned about while fitting: a connectivity graph of several connected
   * components, completed to build the tree. Empty otherwise.
   */
  public List<String> warnings() {
    List<String> warnings = this.<Fitted>fitted().warnings();
    return warnings == null ? List.of() : warnings;
  }

  private static List<String> warnings(int components) {
    return components == 1 ? null : List.of(new Connectivity(null, components).warning());
  }

  /** The merge tree as SciPy's linkage matrix, from scikit-learn's tree builders. */
  private static double[][] tree(double[][] X, String linkage, String metric) {
    Checks.checkArgument(X != null, "X must not be null");
    Hierarchy.checkSamples(X.length);
    double[] condensed;
    if (metric.equals("precomputed")) {
      condensed = CondensedDistances.upperTriangle(DBSCAN.checkPrecomputed(X));
    } else {
      Checks.checkMatrix("X", X);
      if (metric.equals("cosine")) {
        checkNoZeroRow(X);
      }
      if (linkage.equals("ward") && X.length >= Hierarchy.WARD_CENTROIDS_FROM) {
        return Hierarchy.wardOfCentroids(X);
      }
      condensed = CondensedDistances.pdist(X, scipyName(metric));
    }
    int n = X.length;
    if (linkage.equals("single") && !metric.equals("precomputed") && !metric.equals("cosine")) {
      // scikit-learn's mst_linkage_core: SciPy's tree, pairs as found (_single_linkage_label)
      return Hierarchy.sortAndLabel(Hierarchy.primSingle(condensed, n), n, false);
    }
    return Hierarchy.linkage(condensed, n, linkage);
  }

  private static void checkNoZeroRow(double[][] X) {
    for (int i = 0; i < X.length; i++) {
      boolean zero = true;
      for (double v : X[i]) {
        zero &= v == 0;
      }
      if (zero) {
        throw new IllegalArgumentException("Cosine affinity cannot be used when X contains zero"
            + " vectors (row " + i + ")");
      }
    }
  }

  /** SciPy's name of a scikit-learn metric: l2 → euclidean, l1 and manhattan → cityblock. */
  private static String scipyName(String metric) {
    return switch (metric) {
      case "l2" -> "euclidean";
      case "l1", "manhattan" -> "cityblock";
      default -> metric;
    };
  }

  private static int countAtLeast(double[] values, double threshold) {
    int count = 0;
    for (double v : values) {
      count += v >= threshold ? 1 : 0;
    }
    return count;
  }

  /**
   * {@code _hc_cut}: a heap of negated node ids starts with the root; k − 1 times the largest id
   * is replaced by its two children ({@code heappush} of the first, {@code heappushpop} of the
   * second). Cluster i holds the leaves under the i-th entry of the heap's array.
   */
  static int[] hcCut(int k, int[][] children, int n) {
    PythonHeap heap = new PythonHeap(k);
    heap.push(-(Math.max(children[n - 2][0], children[n - 2][1]) + 1L));
    for (int step = 0; step < k - 1; step++) {
      int[] pair = children[(int) (-heap.get(0)) - n];
      heap.push(-pair[0]);
      heap.pushPop(-pair[1]);
    }
    int[] labels = new int[n];
    int[] stack = new int[n];
    for (int i = 0; i < heap.size(); i++) {
      int top = 0;
      stack[top++] = (int) -heap.get(i);
      while (top > 0) {
        int node = stack[--top];
        if (node < n) {
          labels[node] = i;
        } else {
          stack[top++] = children[node - n][0];
          stack[top++] = children[node - n][1];
        }
      }
    }
    return labels;
  }
}
