package semaine.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.Clusterer;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.random.RandomState;
import semaine.util.Checks;
import semaine.util.Sums;

/**
 * Mini-batch k-means: k-means whose centres move after each small random batch of samples instead
 * of after a pass over all of them, as scikit-learn 1.9's {@code MiniBatchKMeans} (Sculley, 2010).
 *
 * <p>{@code fit(X)}: the initial centres come from k-means++ (or random samples) on
 * {@code init_size} samples drawn with replacement, the best of {@code n_init} such starts by the
 * inertia of a validation set drawn first. Then each step draws {@code batch_size} samples with
 * replacement (probabilities ∝ sample_weight) and moves each centre towards the mean of its
 * samples with a learning rate that falls as the centre's count grows ({@link MiniBatchStep}).
 * Centres whose count stays below {@code reassignment_ratio · max(counts)} jump to random samples
 * of the batch every ~10·k samples seen. The run stops after {@code max_iter} passes' worth of
 * steps, when Σ‖Δc‖² ≤ tol · mean_f var(X[:, f]) (with tol > 0), or when an exponentially weighted
 * average of the batch inertias has not improved for {@code max_no_improvement} steps. A last pass
 * labels every sample ({@code compute_labels}).
 *
 * <p>Same numbers as scikit-learn (one OpenMP thread) for the same data and seed: the same draws
 * from the same {@code RandomState}, in the same order, and the same sums. Unlike {@link KMeans},
 * the data is not centred.
 *
 * <h2>partial_fit: data larger than memory</h2>
 * {@code partialFit(block)} is scikit-learn's {@code partial_fit}: the first call initialises the
 * centres from that block (k-means++ on {@code init_size} of its rows, one start), then every call
 * is exactly one step on the whole block, with the counts carried over. It is a different
 * algorithm from {@code fit}: the blocks are used once each, in the order given, not drawn at
 * random; {@code n_init}, {@code max_iter}, {@code tol} and {@code max_no_improvement} play no
 * part; {@code labels_} and {@code inertia_} describe the last block only. Fed the same blocks, it
 * gives scikit-learn's {@code partial_fit} answers; it does not give {@code fit}'s on their union.
 * The random stream of a sequence lives in this object: a model saved and loaded continues from a
 * fresh {@code random_state} stream (the centres and counts are kept).
 *
 * <h2>Notes</h2>
 * Each step costs O(batch_size · k · d), the final labelling O(n k d). Differences from
 * scikit-learn: with init='k-means++' the sample weights must be 1 (weighted k-means++ is not
 * ported); when more than half a batch of centres would be reassigned, equal counts are ordered
 * by index (a stable sort; NumPy's agrees for up to 16 centres).
 *
 * <h2>References</h2>
 * <ol>
 *   <li>D. Sculley, "Web-scale k-means clustering", WWW 2010.
 * </ol>
 */
public final class MiniBatchKMeans extends BaseEstimator<MiniBatchKMeans> implements Clusterer {

  static final Param<Integer> MAX_ITER = Param.of("max_iter", 100, Rule.ints(1, null));
  static final Param<Integer> BATCH_SIZE = Param.of("batch_size", 1024, Rule.ints(1, null));
  static final Param<Boolean> COMPUTE_LABELS = Param.of("compute_labels", true, Rule.bool());
  static final Param<Double> TOL = Param.of("tol", 0.0, Rule.atLeast(0));
  static final Param<Integer> MAX_NO_IMPROVEMENT = Param.of("max_no_improvement", 10,
      Rule.ints(0, null), Rule.none());
  static final Param<Integer> INIT_SIZE = Param.of("init_size", null, Rule.ints(1, null),
      Rule.none());
  static final Param<Double> REASSIGNMENT_RATIO = Param.of("reassignment_ratio", 0.01,
      Rule.atLeast(0));

  private static final EstimatorSpec<MiniBatchKMeans> SPEC = EstimatorSpec.of(
      "sklearn.cluster.MiniBatchKMeans", MiniBatchKMeans::new, Fitted.class, KMeans.N_CLUSTERS,
      KMeans.INIT, MAX_ITER, BATCH_SIZE, COMPUTE_LABELS, KMeans.RANDOM_STATE, TOL,
      MAX_NO_IMPROVEMENT, INIT_SIZE, KMeans.N_INIT, REASSIGNMENT_RATIO);

  /**
   * What {@code fit} (or {@code partial_fit}) learns.
   *
   * @param clusterCenters (n_clusters, n_features) the centres
   * @param labels (n_samples,) each sample's cluster (of the last block for partial_fit); null
   *     with compute_labels=False
   * @param inertia Σ_i w_i ‖x_i − μ_label(i)‖² (fit with compute_labels=False: the smoothed batch
   *     inertia times Σ w); null when not computed
   * @param nIter passes over the data ⌈n_steps · batch / n⌉ (fit only)
   * @param nSteps minibatch steps done
   * @param nFeaturesIn the number of features seen in fit
   * @param counts each centre's accumulated weight, kept for further partial_fit steps
   * @param nSinceLastReassign samples seen since the last reassignment check fired
   * @param batchSize the effective batch size min(batch_size, n_samples) of the first fit
   * @param warnings what scikit-learn would warn about
   */
  private record Fitted(double[][] clusterCenters, @Nullable int[] labels,
      @Nullable Double inertia, @Nullable Integer nIter, int nSteps, int nFeaturesIn,
      @Attribute("_counts") double[] counts,
      @Attribute("_n_since_last_reassign") long nSinceLastReassign,
      @Attribute("_batch_size") int batchSize, @Attribute("_warnings") List<String> warnings) {}

  /** The stream partial_fit draws from, kept between calls as scikit-learn's _random_state. */
  private RandomState partialRandom;

  /** {@code MiniBatchKMeans()}: 8 clusters, k-means++, batches of 1024, as scikit-learn. */
  public MiniBatchKMeans() {
    super(SPEC);
  }

  /** A model with {@code nClusters} clusters ({@code MiniBatchKMeans(n_clusters=nClusters)}). */
  public MiniBatchKMeans(int nClusters) {
    this();
    nClusters(nClusters);
  }

  /** The number of clusters ({@code n_clusters}, 8). */
  public MiniBatchKMeans nClusters(int nClusters) {
    return set(KMeans.N_CLUSTERS, nClusters);
  }

  /** k-means++ (the default) or random initial centres. */
  public MiniBatchKMeans init(KMeans.Init init) {
    Checks.checkArgument(init != null, "init must not be null");
    return set(KMeans.INIT, init.toString());
  }

  /** Explicit initial centres, shape (n_clusters, n_features); one start. */
  public MiniBatchKMeans init(double[][] centers) {
    return set(KMeans.INIT, centers);
  }

  /** Passes' worth of steps at most: n_steps = max_iter · n / batch ({@code max_iter}, 100). */
  public MiniBatchKMeans maxIter(int maxIter) {
    return set(MAX_ITER, maxIter);
  }

  /** Samples per step ({@code batch_size}, 1024). */
  public MiniBatchKMeans batchSize(int batchSize) {
    return set(BATCH_SIZE, batchSize);
  }

  /** Whether fit ends with a full labelling pass ({@code compute_labels}, true). */
  public MiniBatchKMeans computeLabels(boolean computeLabels) {
    return set(COMPUTE_LABELS, computeLabels);
  }

  /** A seed: each {@code fit} starts a new {@code RandomState(seed)}. */
  public MiniBatchKMeans randomState(long seed) {
    return set(KMeans.RANDOM_STATE, seed);
  }

  /** A shared stream, advanced by each {@code fit}, as scikit-learn with a RandomState instance. */
  public MiniBatchKMeans randomState(RandomState randomState) {
    Checks.checkArgument(randomState != null, "randomState must not be null");
    return set(KMeans.RANDOM_STATE, randomState);
  }

  /** Relative tolerance on the centres' squared move per step ({@code tol}, 0: off). */
  public MiniBatchKMeans tol(double tol) {
    return set(TOL, tol);
  }

  /** Steps without improvement of the smoothed inertia before stopping; null: never (10). */
  public MiniBatchKMeans maxNoImprovement(Integer steps) {
    return set(MAX_NO_IMPROVEMENT, steps);
  }

  /** Samples drawn for each initialisation; null: 3 · batch_size ({@code init_size}). */
  public MiniBatchKMeans initSize(Integer initSize) {
    return set(INIT_SIZE, initSize);
  }

  /** Initialisations compared ({@code n_init}); 'auto': 1 for k-means++, 3 for random. */
  public MiniBatchKMeans nInit(int nInit) {
    return set(KMeans.N_INIT, nInit);
  }

  /** Centres lighter than this fraction of the heaviest are moved to random samples (0.01). */
  public MiniBatchKMeans reassignmentRatio(double ratio) {
    return set(REASSIGNMENT_RATIO, ratio);
  }

  /** Clusters the rows of X (shape (n_samples, n_features)) and returns this model. */
  @Override
  public MiniBatchKMeans fit(double[][] X) {
    return fit(X, null);
  }

  /** Clusters the rows of X with a weight per sample (null: all 1) and returns this model. */
  public MiniBatchKMeans fit(double[][] X, double[] sampleWeight) {
    validateParams();
    double[] x = ClusterDistances.checkedFlatten("X", X);
    int n = X.length;
    int d = X[0].length;
    double[] w = MiniBatchStep.sampleWeights(sampleWeight, n);
    List<String> warnings = new ArrayList<>();
    Sizes sizes = sizes(n, d, warnings);
    int k = nClusters();
    double tol = get(TOL);
    double tolAbs =
        tol == 0 ? 0 : Moments.meanVariance(x, n, d, Moments.columnMeans(x, n, d)) * tol;
    RandomState random = checkRandomState(get(KMeans.RANDOM_STATE));
    double[] xSq = ClusterDistances.rowNormsSquared(x, n, d);

    // a validation set, then n_init starts on init_size samples, the lowest validation inertia kept
    int[] validation = MiniBatchStep.indices(random.randint(0, n, sizes.initSize));
    double[] xValid = MiniBatchStep.rowsOf(x, d, validation);
    double[] wValid = MiniBatchStep.valuesOf(w, validation);
    double[] centers = null;
    double bestInertia = 0;
    for (int r = 0; r < sizes.nInit; r++) {
      double[] start = initialCenters(x, xSq, w, n, d, sizes.initSize, random);
      double inertia = MiniBatchStep.labelsInertia(xValid, validation.length, d, wValid, start, k,
          new int[validation.length]);
      if (centers == null || inertia < bestInertia) {
        centers = start;
        bestInertia = inertia;
      }
    }

    double[] next = new double[k * d];
    double[] counts = new double[k];
    MiniBatchConvergence stopping =
        new MiniBatchConvergence(sizes.batch, n, tolAbs, get(MAX_NO_IMPROVEMENT));
    MiniBatchStep.Reassignments reassignments = new MiniBatchStep.Reassignments(sizes.batch, k);
    double sumOfWeights = Sums.pairwise(w);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = w[i] / sumOfWeights;
    }
    IntFunction<int[]> draws = random.choiceWith(n, p);
    double[] unit = new double[sizes.batch];
    java.util.Arrays.fill(unit, 1.0);
    long nSteps = get(MAX_ITER) * (long) n / sizes.batch;
    double[] squaredDiff = tolAbs > 0 ? new double[k * d] : null;
    long step = 0;
    for (; step < nSteps; step++) {
      // the weights steer the draws, so the batch's own weights are 1
      double[] xb = MiniBatchStep.rowsOf(x, d, draws.apply(sizes.batch));
      double batchInertia = MiniBatchStep.step(xb, sizes.batch, d, unit, centers, next, k, counts,
          random, reassignments.due(counts), get(REASSIGNMENT_RATIO));
      double centersSquaredDiff = 0;
      if (squaredDiff != null) {
        for (int i = 0; i < k * d; i++) {
          double diff = next[i] - centers[i];
          squaredDiff[i] = diff * diff;
        }
        centersSquaredDiff = Sums.pairwise(squaredDiff);
      }
      double[] swap = centers;
      centers = next;
      next = swap;
      if (stopping.converged(step, centersSquaredDiff, batchInertia)) {
        break;
      }
    }
    long stepsDone = Math.min(step + 1, nSteps);
    int nIter = (int) Math.ceil((double) (stepsDone * sizes.batch) / n);
    int[] labels = null;
    double inertia;
    if (get(COMPUTE_LABELS)) {
      labels = new int[n];
      inertia = MiniBatchStep.labelsInertia(x, n, d, w, centers, k, labels);
    } else {
      inertia = stopping.smoothedInertia() * sumOfWeights;
    }
    partialRandom = null;
    fitted(new Fitted(ClusterDistances.rows(centers, k, d), labels, inertia, nIter,
        Math.toIntExact(stepsDone), d, counts, reassignments.sinceLast, sizes.batch,
        List.copyOf(warnings)));
    return this;
  }

  /** One minibatch step on the rows of X (all weights 1): {@code partial_fit}. */
  public MiniBatchKMeans partialFit(double[][] X) {
    return partialFit(X, null);
  }

  /**
   * One minibatch step on the rows of X with a weight per sample (null: all 1):
   * {@code partial_fit}. The first call (on an unfitted model) also initialises the centres from X;
   * see the class comment for how a sequence of calls relates to {@code fit}.
   */
  public MiniBatchKMeans partialFit(double[][] X, double[] sampleWeight) {
    validateParams();
    double[] x = ClusterDistances.checkedFlatten("X", X);
    int n = X.length;
    int d = X[0].length;
    double[] w = MiniBatchStep.sampleWeights(sampleWeight, n);
    Fitted previous = isFitted() ? fitted() : null;
    if (previous != null && previous.nFeaturesIn != d) {
      throw new IllegalArgumentException("X has " + d + " features but this MiniBatchKMeans was"
          + " fitted with " + previous.nFeaturesIn);
    }
    if (partialRandom == null) {
      partialRandom = checkRandomState(get(KMeans.RANDOM_STATE));
    }
    int k = nClusters();
    double[] centers;
    double[] counts;
    MiniBatchStep.Reassignments reassignments;
    List<String> warnings = new ArrayList<>();
    if (previous == null) {
      Sizes sizes = sizes(n, d, warnings);
      double[] xSq = ClusterDistances.rowNormsSquared(x, n, d);
      centers = initialCenters(x, xSq, w, n, d, sizes.initSize, partialRandom);
      counts = new double[k];
      reassignments = new MiniBatchStep.Reassignments(sizes.batch, k);
    } else {
      centers = ClusterDistances.flatten(previous.clusterCenters);
      counts = previous.counts.clone();
      reassignments = new MiniBatchStep.Reassignments(previous.batchSize, k);
      reassignments.sinceLast = previous.nSinceLastReassign;
      warnings.addAll(previous.warnings);
    }
    MiniBatchStep.step(x, n, d, w, centers, centers, k, counts, partialRandom,
        reassignments.due(counts), get(REASSIGNMENT_RATIO));
    int[] labels = previous == null ? null : previous.labels;
    Double inertia = previous == null ? null : previous.inertia;
    if (get(COMPUTE_LABELS)) {
      labels = new int[n];
      inertia = MiniBatchStep.labelsInertia(x, n, d, w, centers, k, labels);
    }
    fitted(new Fitted(ClusterDistances.rows(centers, k, d), labels, inertia,
        previous == null ? null : previous.nIter, previous == null ? 1 : previous.nSteps + 1, d,
        counts, reassignments.sinceLast, reassignments.batch, List.copyOf(warnings)));
    return this;
  }

  /** The index of the closest centre for each row of X: {@code predict}. */
  @Override
  public int[] predict(double[][] X) {
    Fitted f = fitted();
    double[] x = newData(X, f);
    int[] labels = new int[X.length];
    new Lloyd(x, null, X.length, f.nFeaturesIn).assign(ClusterDistances.flatten(f.clusterCenters),
        f.clusterCenters.length, labels);
    return labels;
  }

  /** Minus the inertia of X against the fitted centres: {@code score}. */
  public double score(double[][] X) {
    Fitted f = fitted();
    double[] x = newData(X, f);
    double[] unit = new double[X.length];
    java.util.Arrays.fill(unit, 1.0);
    return -MiniBatchStep.labelsInertia(x, X.length, f.nFeaturesIn, unit,
        ClusterDistances.flatten(f.clusterCenters), f.clusterCenters.length, new int[X.length]);
  }

  /** The centres, shape (n_clusters, n_features): {@code cluster_centers_}. */
  public double[][] clusterCenters() {
    double[][] centers = this.<Fitted>fitted().clusterCenters;
    return ClusterDistances.rows(ClusterDistances.flatten(centers), centers.length,
        centers[0].length);
  }

  /** The cluster of each training sample (of the last block for partial_fit): {@code labels_}. */
  @Override
  public int[] labels() {
    int[] labels = this.<Fitted>fitted().labels;
    if (labels == null) {
      throw new IllegalStateException("labels_ were not computed: compute_labels is False");
    }
    return labels.clone();
  }

  /** Σ_i w_i ‖x_i − μ_label(i)‖²: {@code inertia_}. */
  public double inertia() {
    Double inertia = this.<Fitted>fitted().inertia;
    if (inertia == null) {
      throw new IllegalStateException("inertia_ was not computed: compute_labels is False");
    }
    return inertia;
  }

  /** Passes over the data made by fit, ⌈n_steps · batch / n⌉: {@code n_iter_}. */
  public int nIter() {
    Integer nIter = this.<Fitted>fitted().nIter;
    if (nIter == null) {
      throw new IllegalStateException("n_iter_ is set by fit, not by partial_fit");
    }
    return nIter;
  }

  /** Minibatch steps done: {@code n_steps_}. */
  public int nSteps() {
    return this.<Fitted>fitted().nSteps;
  }

  /** The number of features seen in fit: {@code n_features_in_}. */
  public int nFeaturesIn() {
    return this.<Fitted>fitted().nFeaturesIn;
  }

  /** Warnings of the last fit, with scikit-learn's wording. */
  public List<String> warnings() {
    return this.<Fitted>fitted().warnings;
  }

  /** The number of clusters ({@code n_clusters}). */
  public int nClusters() {
    return get(KMeans.N_CLUSTERS);
  }

  /** The data-dependent settings of {@code _check_params_vs_input}. */
  private record Sizes(int batch, int initSize, int nInit) {}

  private Sizes sizes(int n, int d, List<String> warnings) {
    int k = nClusters();
    if (n < k) {
      throw new IllegalArgumentException("n_samples=" + n + " should be >= n_clusters=" + k + ".");
    }
    int batch = Math.min(get(BATCH_SIZE), n);
    Integer initSize = get(INIT_SIZE);
    if (initSize == null) {
      initSize = 3 * batch < k ? 3 * k : 3 * batch;
    } else if (initSize < k) {
      warnings.add("init_size=" + initSize + " should be larger than n_clusters=" + k
          + ". Setting it to min(3*n_clusters, n_samples)");
      initSize = 3 * k;
    }
    Object init = get(KMeans.INIT);
    int nInit;
    if (get(KMeans.N_INIT) instanceof Integer runs) {
      nInit = runs;
    } else {
      nInit = KMeans.Init.RANDOM.toString().equals(init) ? 3 : 1;
    }
    if (init instanceof double[][] centers) {
      Checks.checkMatrix("init", centers);
      if (centers.length != k || centers[0].length != d) {
        throw new IllegalArgumentException("init has shape (" + centers.length + ", "
            + centers[0].length + ") but it must be (n_clusters, n_features) = (" + k + ", " + d
            + ")");
      }
      if (nInit != 1) {
        warnings.add("Explicit initial center position passed: performing only one init in"
            + " MiniBatchKMeans instead of n_init=" + nInit + ".");
        nInit = 1;
      }
    }
    return new Sizes(batch, Math.min(initSize, n), nInit);
  }

  /**
   * {@code _init_centroids}: draws init_size rows (with replacement) when fewer than n, then
   * k-means++ or k distinct random rows among them, or the explicit centres (after the same draw).
   */
  private double[] initialCenters(double[] x, double[] xSq, double[] w, int n, int d,
      int initSize, RandomState random) {
    int k = nClusters();
    if (initSize < n) {
      int[] rows = MiniBatchStep.indices(random.randint(0, n, initSize));
      x = MiniBatchStep.rowsOf(x, d, rows);
      xSq = MiniBatchStep.valuesOf(xSq, rows);
      w = MiniBatchStep.valuesOf(w, rows);
      n = initSize;
    }
    Object init = get(KMeans.INIT);
    if (init instanceof double[][] centers) {
      return ClusterDistances.flatten(centers);
    }
    int[] seeds;
    if (KMeans.Init.K_MEANS_PLUS_PLUS.toString().equals(init)) {
      for (double v : w) {
        if (v != 1.0) {
          throw new IllegalArgumentException("sample_weight has a value " + v + " other than 1:"
              + " weighted k-means++ is not supported, use init='random' or explicit centres");
        }
      }
      double[] xp = DistanceKernels.panels(x, n, d);
      return KMeansPlusPlus.centers(x, xp, n, d, xSq, k, random);
    }
    double total = Sums.pairwise(w);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = w[i] / total;
    }
    seeds = random.choice(n, k, false, p);
    double[] centers = new double[k * d];
    for (int j = 0; j < k; j++) {
      System.arraycopy(x, seeds[j] * d, centers, j * d, d);
    }
    return centers;
  }

  private double[] newData(double[][] X, Fitted f) {
    Checks.checkMatrix("X", X);
    if (X[0].length != f.nFeaturesIn) {
      throw new IllegalArgumentException("X has " + X[0].length
          + " features but this MiniBatchKMeans was fitted with " + f.nFeaturesIn);
    }
    return ClusterDistances.flatten(X);
  }
}
