package semaine.neighbors;

import java.util.Arrays;
import semaine.util.Checks;

/**
 * Exact k-nearest-neighbour and radius queries with the Minkowski distance (p = 1 or 2), the
 * engine shared by k-NN, LOF and DBSCAN: scikit-learn 1.9's {@code NearestNeighbors}.
 *
 * <pre>{@code
 * var nn = new NearestNeighbors(3).fit(X);   // NearestNeighbors(n_neighbors=3).fit(X)
 * Neighbors result = nn.kneighbors(Xq);      // dist, ind = nn.kneighbors(Xq)
 * }</pre>
 *
 * <p>{@code algorithm("auto")} (the default) resolves as scikit-learn does: brute force when there
 * are more than 15 features or when {@code nNeighbors >= nSamples / 2}, a k-d tree otherwise
 * ({@link #fitMethod()} tells which). Brute force computes Euclidean distances by scikit-learn's
 * "dot trick" {@code sqrt(max(0, ‖x‖² − 2·x·y + ‖y‖²))}; the tree computes them directly. Rows come
 * out sorted by distance, and equally distant points are kept and ordered as scikit-learn keeps and
 * orders them with the same algorithm (for {@code kneighbors} and {@code radiusNeighbors}): its
 * brute search ({@link BruteForce}) or its k-d tree, whose construction and traversal
 * {@link KDTree} reproduces (so with ties the answer depends on
 * {@code leafSize}, as in scikit-learn). For two features and p = 2 the tree's k-nearest answers
 * are found on a grid of cells ({@link GridIndex}), the tree itself answering the queries with
 * ties and the radius queries. Queries are split over the available cores.
 *
 * <p>Not supported: other metrics, {@code 'ball_tree'} (accepted as a name and run as a k-d tree:
 * the same distances, but equally distant points may be kept or listed otherwise than by
 * scikit-learn's ball tree; for radius queries the ball tree's order also differs), sparse
 * input, {@code radius_neighbors} without sorting.
 */
public final class NearestNeighbors {

  private static final int DEFAULT_LEAF_SIZE = 30;

  private final int nNeighbors;
  private String algorithm = "auto";
  private int p = 2;
  private int leafSize = DEFAULT_LEAF_SIZE;
  private SearchIndex index;
  private String fitMethod;
  private boolean float32;

  /** {@code NearestNeighbors(n_neighbors=nNeighbors)}. */
  public NearestNeighbors(int nNeighbors) {
    this.nNeighbors = Checks.checkPositive("nNeighbors", nNeighbors);
  }

  /** {@code NearestNeighbors()}: 5 neighbours. */
  public NearestNeighbors() {
    this(5);
  }

  /** {@code algorithm}: "auto" (default), "brute", "kd_tree" or "ball_tree". */
  public NearestNeighbors algorithm(String algorithm) {
    this.algorithm = checkAlgorithm(algorithm);
    return this;
  }

  /** The Minkowski power {@code p}: 1 (Manhattan) or 2 (Euclidean, the default). */
  public NearestNeighbors p(int p) {
    this.p = checkP(p);
    return this;
  }

  /**
   * {@code leaf_size} of the tree (default 30). It changes the speed and, as in scikit-learn, which
   * of several points tied at the k-th distance are kept and how ties are listed.
   */
  public NearestNeighbors leafSize(int leafSize) {
    this.leafSize = Checks.checkPositive("leafSize", leafSize);
    return this;
  }

  /**
   * Indexes the training points.
   *
   * @param X training points, shape (n_samples, n_features), finite
   * @return this
   * @throws IllegalArgumentException if X is empty, ragged or not finite
   */
  public NearestNeighbors fit(double[][] X) {
    Checks.checkMatrix("X", X);
    int n = X.length;
    int d = X[0].length;
    return build(flatten(X, d), n, d, false);
  }

  /**
   * Indexes float32 training points as scikit-learn does a float32 X: its trees and its brute
   * search both compute in float64 on the upcast values, so the neighbours, their order and the
   * tree's distances are those of {@link #fit(double[][])} on the same values; only the brute
   * search's distances to float32 queries ({@link #kneighbors(float[][], int)}, {@link
   * #kneighbors(int)}) come out rounded to float32, as {@code ArgKmin32} returns them. The index
   * holds one float64 copy (scikit-learn's trees do too; its brute search upcasts a chunk at a
   * time).
   *
   * @throws IllegalArgumentException if X is empty, ragged or not finite, or for the Manhattan
   *     distance with brute force (scikit-learn subtracts float32 values in float32 there, which
   *     this engine does not reproduce)
   */
  public NearestNeighbors fit(float[][] X) {
    int d = checkFloat32("X", X, -1);
    int n = X.length;
    if (p == 1 && resolveAlgorithm(algorithm, nNeighbors, n, d).equals("brute")) {
      throw new IllegalArgumentException("p=1 with brute force (algorithm '" + algorithm + "', "
          + d + " features) is not available for a float32 X: fit a float64 X, or use"
          + " algorithm='kd_tree'");
    }
    return build(flatten(X, d), n, d, true);
  }

  private NearestNeighbors build(double[] flat, int n, int d, boolean float32) {
    fitMethod = resolveAlgorithm(algorithm, nNeighbors, n, d);
    index = fitMethod.equals("brute") ? new BruteForce(flat, n, d, p)
        : d == 2 && p == 2 ? new GridIndex(flat, n, leafSize)
        : new KDTree(flat, n, d, p, leafSize);
    this.float32 = float32;
    return this;
  }

  /** The dtype of the training points: "float32" after {@link #fit(float[][])}, else "float64". */
  public String dtype() {
    checkFitted();
    return float32 ? "float32" : "float64";
  }

  /** The algorithm {@code fit} used: "brute" or "kd_tree" (scikit-learn's {@code _fit_method}). */
  public String fitMethod() {
    checkFitted();
    return fitMethod;
  }

  /** The number of training points ({@code n_samples_fit_}). */
  public int nSamplesFit() {
    return checkFitted().n;
  }

  /** The number of features seen by {@code fit} ({@code n_features_in_}). */
  public int nFeaturesIn() {
    return checkFitted().d;
  }

  /** {@code kneighbors(X)} with the configured {@code nNeighbors}. */
  public Neighbors kneighbors(double[][] X) {
    return kneighbors(X, nNeighbors);
  }

  /**
   * The {@code k} nearest training points of each row of X, nearest first
   * ({@code kneighbors(X, n_neighbors=k)}). A query that is itself a training point finds itself
   * at distance 0 (or nearly, with the dot trick).
   *
   * @throws IllegalArgumentException if k is not in [1, n_samples_fit] or X does not match
   */
  public Neighbors kneighbors(double[][] X, int k) {
    return kneighbors(X, k, Strategy.AUTO);
  }

  /** {@code kneighbors(X)} for float32 queries, with the configured {@code nNeighbors}. */
  public Neighbors kneighbors(float[][] X) {
    return kneighbors(X, nNeighbors);
  }

  /**
   * {@link #kneighbors(double[][], int)} for float32 queries: after {@link #fit(float[][])} the
   * answer of scikit-learn's float32 model (brute-force distances rounded to float32); after
   * {@link #fit(double[][])} that of float64 queries with the same values.
   */
  public Neighbors kneighbors(float[][] X, int k) {
    SearchIndex fitted = checkFitted();
    checkK(k, fitted.n);
    checkFloat32("X", X, fitted.d);
    return fitted.kneighbors(flatten(X, fitted.d), X.length, k, Strategy.AUTO, false, float32);
  }

  /** {@code kneighbors()} with no X: the training points, each excluding itself. */
  public Neighbors kneighbors() {
    return kneighbors(nNeighbors);
  }

  /**
   * {@code kneighbors(None, n_neighbors=k)}: the k nearest OTHER training points of each training
   * point. As scikit-learn does, k + 1 neighbours are found and the point itself is dropped from its
   * row; when duplicates crowded it out of its own row, the first column is dropped instead.
   *
   * @throws IllegalArgumentException if k is not in [1, n_samples_fit − 1]
   */
  public Neighbors kneighbors(int k) {
    SearchIndex fitted = checkFitted();
    Checks.checkPositive("k", k);
    if (k + 1 > fitted.n) {
      throw new IllegalArgumentException("k (" + k + ") must be < n_samples_fit (" + fitted.n
          + ") when querying the training set");
    }
    return fitted.kneighborsOfTraining(k, float32);
  }

  /**
   * {@link #kneighbors(int)} without a pair of arrays per training point, for estimators that
   * query all of a large training set (LOF): the same neighbours in the same order, row i's at
   * {@code [i·k, (i + 1)·k)} of the returned array, row i's last (k-th) distance written to
   * {@code kDistance[i]}; the others are {@link #trainingDistance}s.
   *
   * @param kDistance receives the k-th distance of each row, length n_samples_fit
   * @throws IllegalArgumentException if k is not in [1, n_samples_fit − 1] or kDistance has
   *     another length
   */
  public int[] kneighborIndices(int k, double[] kDistance) {
    SearchIndex fitted = checkFitted();
    Checks.checkPositive("k", k);
    if (k + 1 > fitted.n) {
      throw new IllegalArgumentException("k (" + k + ") must be < n_samples_fit (" + fitted.n
          + ") when querying the training set");
    }
    Checks.checkSameLength("kDistance", kDistance.length, "n_samples_fit", fitted.n);
    return fitted.kneighborIndicesOfTraining(k, float32, kDistance);
  }

  /**
   * The distance between training points i and j, the same bits as {@link #kneighbors(int)}
   * gives for it (the search's own formula: the k-d tree's direct sum or brute force's dot
   * trick).
   */
  public double trainingDistance(int i, int j) {
    SearchIndex fitted = checkFitted();
    Checks.checkInRange("i", i, 0, fitted.n - 1);
    Checks.checkInRange("j", j, 0, fitted.n - 1);
    return fitted.trainingDistance(i, j, float32);
  }

  /**
   * scikit-learn's {@code kneighbors_graph(X, nNeighbors, mode="connectivity", include_self)}:
   * row i lists the {@code nNeighbors} samples nearest to sample i, nearest first (the nonzero
   * columns of row i of the sparse matrix). Without {@code includeSelf} (scikit-learn's default)
   * each sample's own row leaves it out, as {@link #kneighbors(int)} does; with it, the sample
   * counts as one of its own neighbours. The search is {@code NearestNeighbors(nNeighbors)}'s
   * ("auto": a k-d tree for up to 15 features), so ties are kept as scikit-learn keeps them.
   *
   * @param X samples, shape (n_samples, n_features), finite
   * @param nNeighbors neighbours per sample, at least 1 and below n_samples (at most n_samples
   *     with includeSelf)
   * @return the neighbours of each sample, shape (n_samples, nNeighbors)
   */
  public static int[][] kneighborsGraph(double[][] X, int nNeighbors, boolean includeSelf) {
    NearestNeighbors nn = new NearestNeighbors(nNeighbors).fit(X);
    return (includeSelf ? nn.kneighbors(X, nNeighbors) : nn.kneighbors(nNeighbors)).indices();
  }

  /**
   * The training points within {@code radius} of each row of X, nearest first: scikit-learn 1.9's
   * {@code radius_neighbors(X, radius, sort_results=True)}, with the same neighbours, the same
   * distances and the same order, equal distances included (they come out as scikit-learn's
   * {@code simultaneous_sort} leaves them, which is not by index).
   *
   * <p>Brute force keeps the points whose reduced distance (dot trick squared for p = 2) is
   * {@code <= radius²} ({@code <= radius} for p = 1), as {@code EuclideanRadiusNeighbors} does; the
   * tree follows {@code query_radius}, which keeps whole nodes whose farthest corner is within the
   * radius without testing their points. So a point at the radius up to rounding is kept exactly
   * when scikit-learn keeps it, with two limits: scikit-learn's tree bounds nodes with the C
   * library's {@code pow}, which glibc does not always round correctly, so on rare points lying at
   * the radius up to an ulp the tree's answer can differ; and brute-force distances (p = 2) can
   * differ by an ulp where OpenBLAS computes a GEMM cell without FMA.
   *
   * @param X queries, shape (n_queries, n_features)
   * @param radius the radius, {@code >= 0}
   * @return per query (rows of different lengths) the distances and training indices
   * @throws IllegalArgumentException if radius is negative or NaN, or X does not match
   */
  public Neighbors radiusNeighbors(double[][] X, double radius) {
    SearchIndex fitted = checkFitted();
    Checks.checkNonNegative("radius", radius);
    double[] flat = checkQueries(X, fitted);
    return fitted.radiusNeighbors(flat, X.length, radius);
  }

  /**
   * A reusable radius query over the training points themselves, one neighbourhood at a time:
   * {@link RadiusSearch#neighbors(int) neighbors(i)} lists what row i of
   * {@code radiusNeighbors(X, radius)} lists, in the same order. For callers that must not hold
   * every neighbourhood at once (DBSCAN, OPTICS). Not thread-safe: one per thread.
   *
   * @throws IllegalArgumentException if radius is negative or NaN
   */
  public RadiusSearch radiusSearch(double radius) {
    return new RadiusSearch(checkFitted(), Checks.checkNonNegative("radius", radius));
  }

  /** {@link #radiusSearch}: the radius neighbours of one training point at a time. */
  public static final class RadiusSearch {
    private final SearchIndex index;
    private final double radius;
    private final SearchIndex.Hits hits = new SearchIndex.Hits();

    private RadiusSearch(SearchIndex index, double radius) {
      this.index = index;
      this.radius = radius;
    }

    /**
     * Finds the training points within the radius of training point i (itself included) and
     * returns how many there are; {@link #index(int)} and {@link #distance(int)} read them,
     * nearest first, until the next call.
     */
    public int search(int i) {
      Checks.checkInRange("i", i, 0, index.n - 1);
      hits.count = 0;
      index.within(index.X, i, radius, hits);
      return hits.count;
    }

    /**
     * {@link #search} without the order: the same neighbours, listed as the search meets them
     * ({@link #index(int)} reads them; {@link #distance(int)} is not meaningful after it). For
     * callers that need the set only (DBSCAN).
     */
    public int searchUnordered(int i) {
      Checks.checkInRange("i", i, 0, index.n - 1);
      hits.count = 0;
      index.withinUnordered(index.X, i, radius, hits);
      return hits.count;
    }

    /** How many training points {@link #search} would find, without listing them. */
    public int count(int i) {
      Checks.checkInRange("i", i, 0, index.n - 1);
      return index.countWithin(index.X, i, radius, hits);
    }

    /** The training index of the j-th neighbour found by the last {@link #search}. */
    public int index(int j) {
      return hits.indices[j];
    }

    /** The distance to the j-th neighbour found by the last {@link #search}. */
    public double distance(int j) {
      return hits.distances[j];
    }
  }

  /** For the estimators of this package's users: kneighbors with a forced strategy. */
  Neighbors kneighbors(double[][] X, int k, Strategy strategy) {
    SearchIndex fitted = checkFitted();
    checkK(k, fitted.n);
    double[] flat = checkQueries(X, fitted);
    return fitted.kneighbors(flat, X.length, k, strategy);
  }

  /**
   * Like {@link #kneighbors(double[][], int)} but with equally distant points resolved as
   * scikit-learn's classifiers see them ({@code ArgKminClassMode}, strategy parallel_on_X), which
   * can keep a different one of several tied points than {@code kneighbors} does.
   */
  public Neighbors kneighborsForVote(double[][] X, int k) {
    return kneighbors(X, k, Strategy.PARALLEL_ON_X);
  }

  /** scikit-learn's {@code algorithm='auto'} rule; other names resolve to themselves. */
  static String resolveAlgorithm(String algorithm, int nNeighbors, int n, int d) {
    if (algorithm.equals("brute")) {
      return "brute";
    }
    if (algorithm.equals("auto") && (d > 15 || nNeighbors >= n / 2)) {
      return "brute";
    }
    return "kd_tree";
  }

  static String checkAlgorithm(String algorithm) {
    if (algorithm == null || !Arrays.asList("auto", "brute", "kd_tree", "ball_tree").contains(algorithm)) {
      throw new IllegalArgumentException("algorithm (" + algorithm
          + ") must be one of \"auto\", \"brute\", \"kd_tree\", \"ball_tree\"");
    }
    return algorithm;
  }

  static int checkP(int p) {
    if (p != 1 && p != 2) {
      throw new IllegalArgumentException("p (" + p + ") must be 1 (manhattan) or 2 (euclidean)");
    }
    return p;
  }

  private static void checkK(int k, int n) {
    if (k < 1 || k > n) {
      throw new IllegalArgumentException(
          "k (" + k + ") must be in [1, " + n + "] (the number of training samples)");
    }
  }

  private static double[] checkQueries(double[][] X, SearchIndex fitted) {
    Checks.checkMatrix("X", X);
    if (X[0].length != fitted.d) {
      throw new IllegalArgumentException("X has " + X[0].length
          + " features but the model was fitted with " + fitted.d);
    }
    return flatten(X, fitted.d);
  }

  private SearchIndex checkFitted() {
    return Checks.checkFitted(index, "NearestNeighbors");
  }

  /**
   * Checks float32 rows: not null or empty, not ragged, finite, and {@code d} features unless
   * {@code d} is negative; returns the number of features.
   */
  private static int checkFloat32(String name, float[][] X, int d) {
    if (X == null || X.length == 0 || X[0] == null || X[0].length == 0) {
      throw new IllegalArgumentException(name + (X == null ? " must not be null"
          : " is empty: it needs at least one row and one column"));
    }
    int width = X[0].length;
    if (d >= 0 && width != d) {
      throw new IllegalArgumentException(name + " has " + width
          + " features but the model was fitted with " + d);
    }
    for (int i = 0; i < X.length; i++) {
      if (X[i] == null || X[i].length != width) {
        throw new IllegalArgumentException(name + " is ragged: row " + i + " has "
            + (X[i] == null ? "no" : String.valueOf(X[i].length)) + " values but row 0 has "
            + width);
      }
      for (int j = 0; j < width; j++) {
        if (!Float.isFinite(X[i][j])) {
          throw new IllegalArgumentException(name + " has a non-finite value (" + X[i][j]
              + ") at row " + i + ", column " + j);
        }
      }
    }
    return width;
  }

  /** float32 rows as one row-major float64 array: the upcast values scikit-learn computes on. */
  private static double[] flatten(float[][] X, int d) {
    double[] flat = new double[X.length * d];
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < d; j++) {
        flat[i * d + j] = X[i][j];
      }
    }
    return flat;
  }

  private static double[] flatten(double[][] X, int d) {
    double[] flat = new double[X.length * d];
    for (int i = 0; i < X.length; i++) {
      System.arraycopy(X[i], 0, flat, i * d, d);
    }
    return flat;
  }
}
