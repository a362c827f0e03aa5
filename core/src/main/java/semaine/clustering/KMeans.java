package semaine.clustering;

import java.util.ArrayList;
import java.util.List;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.Clusterer;
import semaine.base.Derived;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * k-means clustering: k centres that minimise the inertia Σ_i min_j ‖x_i − μ_j‖², found by
 * Lloyd's iterations from k-means++ seeds, as scikit-learn 1.9's {@code KMeans}.
 *
 * <p>Same numbers as scikit-learn (one OpenMP thread) for the same data and seed: the data is
 * centred on its column means, each of {@code nInit} runs continues the same random stream, and a
 * run replaces the best one only if its inertia is strictly lower and its labels are not the same
 * partition relabelled (rounding can make a copy look better). The tolerance is relative:
 * {@code tol · mean_f var(X[:, f])}.
 *
 * <h2>Notes</h2>
 * Each iteration costs O(n k d); the assignment runs in parallel over fixed chunks of samples and
 * the sums stay in sample order, so the result does not depend on the number of cores. Labels are
 * recomputed after the last move, so {@code labels()} equals {@code predict(X)}. Differences from
 * scikit-learn: no sample weights and no Elkan variant; empty clusters take the farthest samples
 * with ties in index order (NumPy's {@code argpartition} order is not specified).
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var model = new KMeans(4).randomState(0);
 * model.fit(X);
 * int[] predictions = model.predict(X);
 * }</pre>
 *
 * <h2>References</h2>
 * <ol>
 *   <li>S. Lloyd, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2), 1982.
 *   <li>D. Arthur and S. Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007.
 * </ol>
 */
public final class KMeans extends BaseEstimator<KMeans> implements Clusterer {

  /** How the initial centres are chosen. */
  public enum Init {
    /** Greedy k-means++ ({@code init='k-means++'}). */
    K_MEANS_PLUS_PLUS("k-means++"),
    /** k distinct samples drawn uniformly ({@code init='random'}). */
    RANDOM("random");

    private final String name;

    Init(String name) {
      this.name = name;
    }

    /** scikit-learn's name: "k-means++" or "random". */
    @Override
    public String toString() {
      return name;
    }
  }

  static final Param<Integer> N_CLUSTERS = Param.of("n_clusters", 8, Rule.ints(1, null));
  static final Param<Object> INIT = Param.of("init", "k-means++",
      Rule.options("k-means++", "random"), Rule.instanceOf(double[][].class, "an array of centres"));
  static final Param<Object> N_INIT = Param.of("n_init", "auto", Rule.options("auto"),
      Rule.ints(1, null));
  static final Param<Integer> MAX_ITER = Param.of("max_iter", 300, Rule.ints(1, null));
  static final Param<Double> TOL = Param.of("tol", 1e-4, Rule.atLeast(0));
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());
  /** semaine's own: keep every assignment step of the best run, for the book's figures. */
  static final Param<Boolean> RECORD_STEPS = Param.of("record_steps", false, Rule.bool());

  private static final EstimatorSpec<KMeans> SPEC = EstimatorSpec.of("sklearn.cluster.KMeans",
      KMeans::new, Fitted.class, N_CLUSTERS, INIT, N_INIT, MAX_ITER, TOL, RANDOM_STATE,
      RECORD_STEPS);

  /**
   * What {@code fit} learns.
   *
   * @param clusterCenters (n_clusters, n_features) the centres
   * @param labels (n_samples,) each training sample's cluster
   * @param inertia Σ_i ‖x_i − μ_label(i)‖²
   * @param nIter Lloyd iterations of the kept run
   * @param nFeaturesIn the number of features seen in fit
   * @param steps every assignment step of the kept run, when recorded
   * @param warnings what scikit-learn would warn about
   * @param dtype "float32" after {@link #fit(float[][])} (the centres and inertia are float32
   *     values, as scikit-learn's {@code cluster_centers_.dtype}); null after a float64 fit
   */
  private record Fitted(double[][] clusterCenters, int[] labels, double inertia, int nIter,
      int nFeaturesIn, @Derived List<KMeansStep> steps,
      @Attribute("_warnings") List<String> warnings,
      @Nullable @Attribute("_dtype") String dtype) {}

  /** {@code KMeans()}: 8 clusters, k-means++, as scikit-learn's defaults. */
  public KMeans() {
    super(SPEC);
  }

  /** A model with {@code nClusters} clusters ({@code KMeans(n_clusters=nClusters)}). */
  public KMeans(int nClusters) {
    this();
    nClusters(nClusters);
  }

  /** The number of clusters ({@code n_clusters}, 8). */
  public KMeans nClusters(int nClusters) {
    return set(N_CLUSTERS, nClusters);
  }

  /** k-means++ (the default) or random initial centres. */
  public KMeans init(Init init) {
    Checks.checkArgument(init != null, "init must not be null");
    return set(INIT, init.toString());
  }

  /** Explicit initial centres, shape (n_clusters, n_features); one run, no random draws. */
  public KMeans init(double[][] centers) {
    return set(INIT, centers);
  }

  /** The number of runs kept from ({@code n_init}); 'auto' by default: 1 for k-means++, 10 for random. */
  public KMeans nInit(int nInit) {
    return set(N_INIT, nInit);
  }

  /** The largest number of Lloyd iterations per run ({@code max_iter}, 300). */
  public KMeans maxIter(int maxIter) {
    return set(MAX_ITER, maxIter);
  }

  /** The relative tolerance on the centres' squared move ({@code tol}, 1e-4). */
  public KMeans tol(double tol) {
    return set(TOL, tol);
  }

  /** A seed: each {@code fit} starts a new {@code RandomState(seed)}. */
  public KMeans randomState(long seed) {
    return set(RANDOM_STATE, seed);
  }

  /** A shared stream, advanced by each {@code fit}, as scikit-learn with a RandomState instance. */
  public KMeans randomState(RandomState randomState) {
    Checks.checkArgument(randomState != null, "randomState must not be null");
    return set(RANDOM_STATE, randomState);
  }

  /** Keep every assignment step of the best run, for {@link #steps()}. */
  public KMeans recordSteps(boolean record) {
    return set(RECORD_STEPS, record);
  }

  /** Clusters the rows of X (shape (n_samples, n_features)) and returns this model. */
  @Override
  public KMeans fit(double[][] X) {
    validateParams();
    int nClusters = get(N_CLUSTERS);
    double[][] initCenters = get(INIT) instanceof double[][] centers ? centers : null;
    double tol = get(TOL);
    double[] x = ClusterDistances.checkedFlatten("X", X);
    int n = X.length;
    int d = X[0].length;
    if (n < nClusters) {
      throw new IllegalArgumentException(
          "n_clusters (" + nClusters + ") must be <= n_samples (" + n + ")");
    }
    List<String> warnings = new ArrayList<>();
    int runs = runs(initCenters, warnings);
    if (initCenters != null) {
      Checks.checkMatrix("init", initCenters);
      checkInitShape(initCenters, nClusters, d);
    }
    double[] mean = Moments.columnMeans(x, n, d);
    double tolAbs = tol == 0 ? 0 : Moments.meanVariance(x, n, d, mean) * tol;
    Chunks.forEach(n, chunk -> Moments.subtract(x, d, mean, Chunks.start(chunk),
        Chunks.end(chunk, n)));
    double[] xSq = ClusterDistances.rowNormsSquared(x, n, d);
    RandomState random = checkRandomState(get(RANDOM_STATE));
    double[] xp = DistanceKernels.panels(x, n, d);
    Lloyd lloyd = new Lloyd(x, xp, n, d);

    Lloyd.Run best = null;
    List<KMeansStep> bestSteps = null;
    for (int r = 0; r < runs; r++) {
      double[] start = initialCenters(initCenters, x, xp, n, d, xSq, mean, random);
      List<KMeansStep> steps = get(RECORD_STEPS) ? new ArrayList<>() : null;
      Lloyd.Run run = lloyd.run(start, nClusters, get(MAX_ITER), tolAbs, steps);
      if (best == null || (run.inertia() < best.inertia()
          && !sameClustering(run.labels(), best.labels(), nClusters))) {
        best = run;
        bestSteps = steps;
      }
    }
    double[] centers = best.centers().clone();
    for (int j = 0; j < nClusters; j++) {
      for (int f = 0; f < d; f++) {
        centers[j * d + f] += mean[f];
      }
    }
    warnDistinct(best.labels(), nClusters, warnings);
    fitted(new Fitted(ClusterDistances.rows(centers, nClusters, d), best.labels(), best.inertia(),
        best.nIter(), d, uncentred(bestSteps, mean), List.copyOf(warnings), null));
    return this;
  }

  /**
   * Clusters float32 rows as scikit-learn does a float32 X: every array of the fit in float32
   * (see {@code KMeans32}), half the memory of {@link #fit(double[][])}; the centres and the
   * inertia are float32 values and {@link #dtype()} is "float32". {@code record_steps} is not
   * available here. X is not modified: a copy is centred ({@code copy_x=True}).
   */
  public KMeans fit(float[][] X) {
    return fit(X, true);
  }

  /**
   * {@link #fit(float[][])} with scikit-learn's {@code copy_x}: with false, X's rows are centred
   * in place and the column means are added back before returning, as scikit-learn does
   * ({@code X -= X_mean}, then {@code X += X_mean} in float32, so X may come back changed in the
   * last bit), and the fit holds no copy of X; the fitted model is the same. X's rows must then
   * be distinct arrays (a row given twice would be centred twice). For a caller done with X, such
   * as the command line.
   */
  public KMeans fit(float[][] X, boolean copyX) {
    validateParams();
    Checks.checkArgument(!get(RECORD_STEPS), "record_steps=True is only available with a float64"
        + " X: fit(double[][])");
    int nClusters = get(N_CLUSTERS);
    double[][] initCenters = get(INIT) instanceof double[][] centers ? centers : null;
    List<String> warnings = new ArrayList<>();
    int runs = runs(initCenters, warnings);
    if (initCenters != null && X != null && X.length > 0 && X[0] != null) {
      Checks.checkMatrix("init", initCenters);
      checkInitShape(initCenters, nClusters, X[0].length);
    }
    KMeans32.Result best = KMeans32.fit(X, nClusters,
        get(INIT).equals(Init.K_MEANS_PLUS_PLUS.toString()), initCenters, runs,
        get(MAX_ITER), get(TOL), checkRandomState(get(RANDOM_STATE)), copyX);
    int d = X[0].length;
    double[][] centers = new double[nClusters][d];
    for (int j = 0; j < nClusters; j++) {
      for (int f = 0; f < d; f++) {
        centers[j][f] = best.centers()[j * d + f];
      }
    }
    warnDistinct(best.labels(), nClusters, warnings);
    fitted(new Fitted(centers, best.labels(), best.inertia(), best.nIter(), d, null,
        List.copyOf(warnings), "float32"));
    return this;
  }

  /** The dtype of the fit: "float32" after {@link #fit(float[][])}, otherwise "float64". */
  public String dtype() {
    String dtype = this.<Fitted>fitted().dtype;
    return dtype == null ? "float64" : dtype;
  }

  /** The index of the closest centre for each row of X: {@code predict}. */
  public int[] predict(double[][] X) {
    Fitted f = fitted();
    Lloyd lloyd = newData(X, f);
    int[] labels = new int[X.length];
    lloyd.assign(ClusterDistances.flatten(f.clusterCenters), f.clusterCenters.length, labels);
    return labels;
  }

  /** ClusterDistances from each row of X to each centre, shape (n_samples, n_clusters): {@code transform}. */
  public double[][] transform(double[][] X) {
    Fitted f = fitted();
    newData(X, f);
    int nClusters = f.clusterCenters.length;
    int d = f.nFeaturesIn;
    double[] x = ClusterDistances.flatten(X);
    double[] c = ClusterDistances.flatten(f.clusterCenters);
    double[] xSq = ClusterDistances.rowNormsSquared(x, X.length, d);
    double[] cSq = ClusterDistances.rowNormsSquared(c, nClusters, d);
    double[][] out = new double[X.length][nClusters];
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < nClusters; j++) {
        // scikit-learn's euclidean_distances: (−2 x·c + ‖x‖²) + ‖c‖², clipped at 0
        double sq = (-2.0 * ClusterDistances.dot(x, i * d, c, j * d, d) + xSq[i]) + cSq[j];
        out[i][j] = Math.sqrt(Math.max(sq, 0.0));
      }
    }
    return out;
  }

  /** Minus the inertia of X against the fitted centres: {@code score}. */
  public double score(double[][] X) {
    Fitted f = fitted();
    Lloyd lloyd = newData(X, f);
    double[] centers = ClusterDistances.flatten(f.clusterCenters);
    int[] labels = new int[X.length];
    lloyd.assign(centers, f.clusterCenters.length, labels);
    return -lloyd.inertia(centers, labels);
  }

  /** The centres, shape (n_clusters, n_features): {@code cluster_centers_}. */
  public double[][] clusterCenters() {
    double[][] centers = this.<Fitted>fitted().clusterCenters;
    double[][] copy = new double[centers.length][];
    for (int j = 0; j < centers.length; j++) {
      copy[j] = centers[j].clone();
    }
    return copy;
  }

  /** The cluster of each training sample, shape (n_samples,): {@code labels_}. */
  @Override
  public int[] labels() {
    return this.<Fitted>fitted().labels.clone();
  }

  /** Σ_i ‖x_i − μ_label(i)‖² over the training samples: {@code inertia_}. */
  public double inertia() {
    return this.<Fitted>fitted().inertia;
  }

  /** The number of Lloyd iterations of the kept run: {@code n_iter_}. */
  public int nIter() {
    return this.<Fitted>fitted().nIter;
  }

  /** Every assignment step of the kept run; needs {@code recordSteps(true)} before {@code fit}. */
  public List<KMeansStep> steps() {
    Fitted f = fitted();
    if (f.steps == null) {
      throw new IllegalStateException("steps were not recorded: call recordSteps(true) before fit(X)");
    }
    return f.steps;
  }

  /** Warnings of the last fit, with scikit-learn's wording (fewer distinct clusters than k...). */
  public List<String> warnings() {
    return this.<Fitted>fitted().warnings;
  }

  /** The number of clusters ({@code n_clusters}). */
  public int nClusters() {
    return get(N_CLUSTERS);
  }

  private static void warnDistinct(int[] labels, int nClusters, List<String> warnings) {
    int distinct = (int) java.util.Arrays.stream(labels).distinct().count();
    if (distinct < nClusters) {
      warnings.add("Number of distinct clusters (" + distinct + ") found smaller than n_clusters ("
          + nClusters + "). Possibly due to duplicate points in X.");
    }
  }

  private int runs(double[][] initCenters, List<String> warnings) {
    Object nInit = get(N_INIT);
    if (initCenters != null) {
      if (nInit instanceof Integer runs && runs != 1) {
        warnings.add("Explicit initial center position passed: performing only one init in KMeans"
            + " instead of n_init=" + nInit + ".");
      }
      return 1;
    }
    if (nInit instanceof Integer runs) {
      return runs;
    }
    return get(INIT).equals(Init.RANDOM.toString()) ? 10 : 1;
  }

  private static void checkInitShape(double[][] initCenters, int nClusters, int d) {
    if (initCenters.length != nClusters) {
      throw new IllegalArgumentException("init has " + initCenters.length
          + " rows but n_clusters is " + nClusters + ": it must have one row per cluster");
    }
    if (initCenters[0].length != d) {
      throw new IllegalArgumentException("init has " + initCenters[0].length
          + " columns but X has " + d + " features");
    }
  }

  private double[] initialCenters(double[][] initCenters, double[] x, double[] xp, int n, int d,
      double[] xSq, double[] mean, RandomState random) {
    int nClusters = initCenters != null ? initCenters.length : get(N_CLUSTERS);
    if (initCenters != null) {
      double[] centers = ClusterDistances.flatten(initCenters);
      for (int j = 0; j < nClusters; j++) {
        for (int f = 0; f < d; f++) {
          centers[j * d + f] -= mean[f];
        }
      }
      return centers;
    }
    if (get(INIT).equals(Init.K_MEANS_PLUS_PLUS.toString())) {
      return KMeansPlusPlus.centers(x, xp, n, d, xSq, nClusters, random);
    }
    double[] uniform = new double[n];
    java.util.Arrays.fill(uniform, 1.0 / n);
    int[] seeds = random.choice(n, nClusters, false, uniform);
    double[] centers = new double[nClusters * d];
    for (int j = 0; j < nClusters; j++) {
      System.arraycopy(x, seeds[j] * d, centers, j * d, d);
    }
    return centers;
  }

  /** True when two labelings are the same partition up to renaming: {@code _is_same_clustering}. */
  static boolean sameClustering(int[] a, int[] b, int k) {
    return Lloyd.sameClustering(a, b, k);
  }

  private static List<KMeansStep> uncentred(List<KMeansStep> steps, double[] mean) {
    if (steps == null) {
      return null;
    }
    List<KMeansStep> out = new ArrayList<>(steps.size());
    for (KMeansStep step : steps) {
      double[][] centers = step.centers();
      for (double[] row : centers) {
        for (int f = 0; f < row.length; f++) {
          row[f] += mean[f];
        }
      }
      out.add(new KMeansStep(centers, step.labels()));
    }
    return List.copyOf(out);
  }

  private Lloyd newData(double[][] X, Fitted f) {
    Checks.checkMatrix("X", X);
    int d = f.nFeaturesIn;
    if (X[0].length != d) {
      throw new IllegalArgumentException(
          "X has " + X[0].length + " features but this KMeans was fitted with " + d);
    }
    double[] x = ClusterDistances.flatten(X);
    return new Lloyd(x, DistanceKernels.panels(x, X.length, d), X.length, d);
  }

}
