package semaine.clustering;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import semaine.base.BaseEstimator;
import semaine.base.Clusterer;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.neighbors.NeighborsBase;
import semaine.util.Checks;
import semaine.util.Parallel;

/**
 * Density-based clustering (DBSCAN): a sample with at least {@code minSamples} samples (itself
 * included, or that much sample weight) within distance {@code eps} is a core sample; clusters are
 * the groups of core samples linked through each other's neighbourhoods, plus the non-core samples
 * they reach; every other sample is noise (label −1). scikit-learn 1.9's {@code DBSCAN}.
 *
 * <p>Same labels as scikit-learn: its {@code dbscan_inner} takes the samples in index order and
 * grows a cluster from each core sample not yet labelled, so clusters are numbered by their
 * lowest core sample, and a border sample reached by several clusters belongs to the
 * lowest-numbered one. The neighbourhoods are those of its {@code NearestNeighbors} with the same
 * {@code algorithm}, {@code leaf_size} and metric, equal distances and points at {@code eps}
 * included.
 *
 * <h2>Notes</h2>
 * scikit-learn holds every neighbourhood at once, O(n · mean neighbours) memory, which exhausts
 * memory on large dense data (its issues #5275 and #17650). Here neighbourhoods are searched
 * twice, one at a time and in parallel: once to count them and find the core samples, once to
 * link core samples (or, for the others, to find their cluster); memory stays linear in n. Time is
 * that of 2n radius queries. With sample weights, a neighbourhood's weights are summed in the
 * order the search lists them, which can differ by an ulp from scikit-learn's sum when the total
 * lands on {@code minSamples}. Chebyshev and Minkowski (p other than 1 or 2) are searched by
 * brute force.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var model = new DBSCAN(0.3).minSamples(10);
 * int[] labels = model.fitPredict(X);
 * }</pre>
 *
 * <h2>References</h2>
 * <ol>
 *   <li>M. Ester, H.-P. Kriegel, J. Sander and X. Xu, "A density-based algorithm for discovering
 *       clusters in large spatial databases with noise", KDD 1996.
 * </ol>
 */
public final class DBSCAN extends BaseEstimator<DBSCAN> implements Clusterer {

  static final Param<Double> EPS = Param.of("eps", 0.5, Rule.above(0));
  static final Param<Integer> MIN_SAMPLES = Param.of("min_samples", 5, Rule.ints(1, null));
  static final Param<String> METRIC = Param.of("metric", "euclidean",
      Rule.options("euclidean", "l2", "manhattan", "cityblock", "l1", "chebyshev", "infinity",
          "minkowski", "precomputed"));
  static final Param<Double> P = Param.of("p", null, Rule.none(), Rule.atLeast(0));

  private static final EstimatorSpec<DBSCAN> SPEC = EstimatorSpec.of("sklearn.cluster.DBSCAN",
      DBSCAN::new, Fitted.class, EPS, MIN_SAMPLES, METRIC, NeighborsBase.ALGORITHM,
      NeighborsBase.LEAF_SIZE, P);

  /** Core samples per task of the counting pass. */
  private static final int GRAIN = 256;

  /**
   * What {@code fit} learns.
   *
   * @param labels (n_samples,) each sample's cluster, −1 for noise
   * @param coreSampleIndices (n_core,) the core samples, ascending
   * @param components (n_core, n_features) a copy of each core sample
   * @param nFeaturesIn the number of features (columns of X)
   */
  private record Fitted(int[] labels, int[] coreSampleIndices, double[][] components,
      int nFeaturesIn) {}

  /** {@code DBSCAN()}: eps 0.5, 5 samples, Euclidean. */
  public DBSCAN() {
    super(SPEC);
  }

  /** {@code DBSCAN(eps=eps)}. */
  public DBSCAN(double eps) {
    this();
    eps(eps);
  }

  /** The neighbourhood radius {@code eps} (0.5), > 0. */
  public DBSCAN eps(double eps) {
    return set(EPS, eps);
  }

  /** {@code min_samples} (5): the neighbours, itself included, that make a sample core. */
  public DBSCAN minSamples(int minSamples) {
    return set(MIN_SAMPLES, minSamples);
  }

  /**
   * {@code metric}: "euclidean" (default, or "l2"), "manhattan" ("cityblock", "l1"),
   * "chebyshev", "minkowski" (with {@link #p}) or "precomputed" (X is then a distance matrix).
   */
  public DBSCAN metric(String metric) {
    return set(METRIC, metric);
  }

  /** {@code algorithm}: "auto" (default), "brute", "kd_tree" or "ball_tree". */
  public DBSCAN algorithm(String algorithm) {
    return set(NeighborsBase.ALGORITHM, algorithm);
  }

  /** {@code leaf_size} of the k-d tree (30). */
  public DBSCAN leafSize(int leafSize) {
    return set(NeighborsBase.LEAF_SIZE, leafSize);
  }

  /** The Minkowski power {@code p} for metric "minkowski" (None: 2). */
  public DBSCAN p(double p) {
    return set(P, p);
  }

  /** Clusters the rows of X, each sample weighing 1. */
  @Override
  public DBSCAN fit(double[][] X) {
    return fit(X, null);
  }

  /**
   * Clusters the rows of X.
   *
   * @param X samples, shape (n_samples, n_features), finite; with metric "precomputed" a square
   *     matrix of non-negative distances
   * @param sampleWeight (n_samples,) each sample's weight in its neighbours' counts (negative
   *     weights allowed), or null for 1
   * @return this
   * @throws IllegalArgumentException for a bad parameter, bad X or weights of the wrong length
   */
  public DBSCAN fit(double[][] X, double[] sampleWeight) {
    validateParams();
    double eps = get(EPS);
    int minSamples = get(MIN_SAMPLES);
    Neighborhoods neighborhoods = neighborhoods(X, eps);
    int n = X.length;
    if (sampleWeight != null) {
      Checks.checkVector("sample_weight", sampleWeight);
      Checks.checkSameLength("X", n, "sample_weight", sampleWeight.length);
    }
    boolean[] core = coreSamples(neighborhoods, n, minSamples, sampleWeight);
    int[] labels = expand(neighborhoods, core);
    int nCore = 0;
    for (boolean c : core) {
      nCore += c ? 1 : 0;
    }
    int[] coreIndices = new int[nCore];
    double[][] components = new double[nCore][];
    for (int i = 0, k = 0; i < n; i++) {
      if (core[i]) {
        coreIndices[k] = i;
        components[k++] = X[i].clone();
      }
    }
    fitted(new Fitted(labels, coreIndices, components, X[0].length));
    return this;
  }

  /** The cluster of each training sample, −1 for noise ({@code labels_}). */
  @Override
  public int[] labels() {
    return this.<Fitted>fitted().labels().clone();
  }

  /** The core samples, ascending ({@code core_sample_indices_}). */
  public int[] coreSampleIndices() {
    return this.<Fitted>fitted().coreSampleIndices().clone();
  }

  /** A copy of each core sample, shape (n_core, n_features) ({@code components_}). */
  public double[][] components() {
    double[][] c = this.<Fitted>fitted().components();
    double[][] copy = new double[c.length][];
    for (int i = 0; i < c.length; i++) {
      copy[i] = c[i].clone();
    }
    return copy;
  }

  /** The neighbourhood source for X with this model's metric and search parameters. */
  private Neighborhoods neighborhoods(double[][] X, double eps) {
    String metric = get(METRIC);
    if (metric.equals("precomputed")) {
      return Neighborhoods.precomputed(checkPrecomputed(X), eps);
    }
    Checks.checkMatrix("X", X);
    PairwiseMetric resolved = PairwiseMetric.of(metric, metric.equals("minkowski") ? get(P) : null);
    return resolved.inEngine()
        // DBSCAN's NearestNeighbors keeps n_neighbors = 5, which "auto" weighs against n
        ? Neighborhoods.engine(Neighborhoods.engineIndex(X, resolved, 5,
            get(NeighborsBase.ALGORITHM), get(NeighborsBase.LEAF_SIZE)), eps, false)
        : Neighborhoods.brute(X, resolved, eps);
  }

  /**
   * Checks a precomputed distance matrix as scikit-learn does: square, finite, no negative value.
   */
  static double[][] checkPrecomputed(double[][] D) {
    Checks.checkMatrix("X", D);
    if (D.length != D[0].length) {
      throw new IllegalArgumentException("X must be a square distance matrix with metric"
          + " \"precomputed\": it is " + D.length + "x" + D[0].length);
    }
    for (int i = 0; i < D.length; i++) {
      for (int j = 0; j < D.length; j++) {
        if (D[i][j] < 0) {
          throw new IllegalArgumentException("X has a negative distance (" + D[i][j] + ") at row "
              + i + ", column " + j + ": a precomputed distance matrix must be >= 0");
        }
      }
    }
    return D;
  }

  /**
   * The core samples: those whose neighbourhood holds at least {@code minSamples} samples (or that
   * much weight). One search per sample, in parallel; nothing is kept but the flag.
   */
  private static boolean[] coreSamples(Neighborhoods neighborhoods, int n, int minSamples,
      double[] sampleWeight) {
    boolean[] core = new boolean[n];
    Parallel.forRange(n, GRAIN, (from, to) -> {
      Neighborhoods.Search search = neighborhoods.search();
      for (int i = from; i < to; i++) {
        if (sampleWeight == null) {
          core[i] = search.count(i) >= minSamples;
        } else {
          int count = search.search(i);
          double weight = 0.0;
          for (int j = 0; j < count; j++) {
            weight += sampleWeight[search.index(j)];
          }
          core[i] = weight >= minSamples;
        }
      }
    });
    return core;
  }

  /**
   * {@code dbscan_inner}'s labels, computed in parallel. scikit-learn grows a cluster from each
   * unlabelled core sample in index order, so its clusters are the groups of core samples linked
   * through each other's neighbourhoods, numbered by their lowest core sample, and a non-core
   * sample goes to the lowest-numbered cluster among its core neighbours (noise if none). Here:
   * (1) every core sample joins its core neighbours in a lock-free union-find whose root is always
   * the lower index, so each group's root is its lowest core sample; (2) the roots, in index
   * order, are numbered 0, 1, ...; (3) each non-core sample takes the smallest number among its
   * core neighbours. Each search is one neighbourhood, so memory stays linear in n.
   */
  private static int[] expand(Neighborhoods neighborhoods, boolean[] core) {
    int n = core.length;
    AtomicIntegerArray parent = new AtomicIntegerArray(n);
    for (int i = 0; i < n; i++) {
      parent.set(i, i);
    }
    Parallel.forRange(n, GRAIN, (from, to) -> {
      Neighborhoods.Search search = neighborhoods.search();
      for (int i = from; i < to; i++) {
        if (core[i]) {
          int count = search.search(i);
          for (int j = 0; j < count; j++) {
            int v = search.index(j);
            if (core[v] && v != i) {
              union(parent, i, v);
            }
          }
        }
      }
    });
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    int clusters = 0;
    for (int i = 0; i < n; i++) {
      if (core[i] && find(parent, i) == i) {
        labels[i] = clusters++;
      }
    }
    for (int i = 0; i < n; i++) {
      if (core[i]) {
        labels[i] = labels[find(parent, i)];
      }
    }
    Parallel.forRange(n, GRAIN, (from, to) -> {
      Neighborhoods.Search search = neighborhoods.search();
      for (int i = from; i < to; i++) {
        if (!core[i]) {
          int count = search.search(i);
          int best = -1;
          for (int j = 0; j < count; j++) {
            int v = search.index(j);
            if (core[v] && (best < 0 || labels[v] < best)) {
              best = labels[v];
            }
          }
          labels[i] = best;
        }
      }
    });
    return labels;
  }

  /** The root of x's group (the group's lowest index once every union is done). */
  private static int find(AtomicIntegerArray parent, int x) {
    while (true) {
      int p = parent.get(x);
      if (p == x) {
        return x;
      }
      int grand = parent.get(p);
      if (grand != p) {
        parent.compareAndSet(x, p, grand);  // path halving; a lost race only skips it
      }
      x = p;
    }
  }

  /** Joins the groups of a and b: the higher root is linked under the lower one. */
  private static void union(AtomicIntegerArray parent, int a, int b) {
    while (true) {
      int ra = find(parent, a);
      int rb = find(parent, b);
      if (ra == rb) {
        return;
      }
      int high = Math.max(ra, rb);
      int low = Math.min(ra, rb);
      if (parent.compareAndSet(high, high, low)) {
        return;
      }
    }
  }
}
