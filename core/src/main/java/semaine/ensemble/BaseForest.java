package semaine.ensemble;

import java.util.function.IntConsumer;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.random.RandomState;
import semaine.tree.TreeSetters;
import semaine.tree.Tree;
import semaine.tree.TreeGrower;
import semaine.tree.TreeParams;
import semaine.tree.XorShiftRandom;
import semaine.util.Parallel;
import semaine.util.Sums;

/**
 * What scikit-learn's forests share ({@code BaseForest}): the trees' parameters, the per-tree
 * seeds, the bootstrap samples and the parallel growth.
 *
 * <p>Randomness is scikit-learn's, draw for draw: {@code check_random_state(random_state)} gives
 * each tree in order a seed {@code randint(2^31 − 1)}. With bootstrap, {@code RandomState(seed)}
 * draws the tree's sample ({@code randint(0, n, n_samples_bootstrap)}, or
 * {@code choice(n, n_samples_bootstrap, p=sample_weight/Σ)} when weighted), which the tree sees as
 * sample weights {@code bincount(indices)}; another {@code RandomState(seed)} seeds its splitter.
 * The trees are then scikit-learn's node for node, whatever the number of threads.
 *
 * @param <E> the forest class, returned by the chained setters
 */
public abstract class BaseForest<E extends BaseForest<E>> extends BaseEstimator<E>
    implements TreeSetters<E> {

  /** {@code np.iinfo(np.int32).max}, the bound of the per-tree seeds. */
  private static final long MAX_INT = Integer.MAX_VALUE;

  static final Param<Integer> N_ESTIMATORS = Param.of("n_estimators", 100, Rule.ints(1, null));
  static final Param<Boolean> OOB_SCORE = Param.of("oob_score", false, Rule.bool());
  /** Whether a fit of a fitted forest keeps its trees and grows only the ones it lacks. */
  static final Param<Boolean> WARM_START = Param.of("warm_start", false, Rule.bool());
  /** None or 1: one thread; any other value: every core (the trees do not depend on it). */
  static final Param<Integer> N_JOBS = Param.of("n_jobs", null, Rule.none(), Rule.ints(-1, null));
  static final Param<Object> MAX_SAMPLES = Param.of("max_samples", null, Rule.none(),
      Rule.ints(1, null), Rule.realsNotInt(0.0, false, 1.0, true));

  /** The {@code bootstrap} parameter with the forest's default. */
  static Param<Boolean> bootstrapParam(boolean defaultValue) {
    return Param.of("bootstrap", defaultValue, Rule.bool());
  }

  private final boolean random;

  /**
   * @param random true for extra trees (random thresholds), false for random forests
   */
  protected BaseForest(EstimatorSpec<E> spec, boolean random) {
    super(spec);
    this.random = random;
  }

  /**
   * {@code warm_start}: a fit of a fitted forest keeps its trees and grows the
   * {@code n_estimators − len(estimators_)} more, from the seeds that follow theirs, so that the
   * forest is the one a single fit of all the trees grows (default false).
   */
  public E warmStart(boolean warmStart) {
    return set(WARM_START, warmStart);
  }

  /** {@code n_estimators}: the number of trees (default 100). */
  public E nEstimators(int nEstimators) {
    return set(N_ESTIMATORS, nEstimators);
  }

  /** {@code bootstrap}: grow each tree on a sample drawn with replacement. */
  public E bootstrap(boolean bootstrap) {
    return set(bootstrapParam(false), bootstrap);
  }

  /** {@code oob_score}: score the forest on the samples each tree did not see. */
  public E oobScore(boolean oobScore) {
    return set(OOB_SCORE, oobScore);
  }

  /** {@code max_samples}: the size of each bootstrap sample (default None, n). */
  public E maxSamples(int count) {
    return set(MAX_SAMPLES, count);
  }

  /** {@code max_samples} as a fraction of n (of Σ sample weights when weighted). */
  public E maxSamples(double fraction) {
    return set(MAX_SAMPLES, fraction);
  }

  /** {@code n_jobs}: 1 for one thread, −1 (or any other) for every core. */
  public E nJobs(Integer nJobs) {
    return set(N_JOBS, nJobs);
  }

  /** A tree's growth: its criterion and its sample weights, from its seed. */
  interface TreeFit {
    Tree grow(TreeGrower grower, double[] sampleWeight, long splitterSeed);
  }

  /**
   * The seeds and trees of a fit.
   *
   * @param seeds (n_estimators,) each tree's {@code random_state}
   * @param trees (n_estimators,) the trees
   * @param nSamplesBootstrap the size of each bootstrap sample, 0 without bootstrap
   */
  record Grown(long[] seeds, Tree[] trees, int nSamplesBootstrap) {}

  /**
   * {@code BaseForest.fit}'s growth: checks the bootstrap parameters, draws the seeds, grows the
   * trees (in parallel unless n_jobs is 1).
   *
   * @param sampleWeight the weights (already times the class weights), or null
   */
  final Grown growTrees(int nSamples, int nFeatures, double[] sampleWeight, TreeFit fit) {
    boolean bootstrap = get(bootstrapParam(false));
    if (!bootstrap && get(MAX_SAMPLES) != null) {
      throw new IllegalArgumentException("max_samples (" + get(MAX_SAMPLES) + ") cannot be set"
          + " if bootstrap=False: either switch to bootstrap=True or set max_samples=None");
    }
    if (!bootstrap && get(OOB_SCORE)) {
      throw new IllegalArgumentException("oob_score (True) is only available if bootstrap=True");
    }
    int nBoot = bootstrap ? nSamplesBootstrap(nSamples, sampleWeight) : 0;
    RandomState rs = checkRandomState(get(TreeParams.RANDOM_STATE));
    int nTrees = get(N_ESTIMATORS);
    ForestState kept = get(WARM_START) && isFitted() ? state() : null;
    int nKept = kept == null ? 0 : kept.estimators().length;
    if (nTrees < nKept) {
      throw new IllegalArgumentException("n_estimators=" + nTrees + " must be larger or equal to"
          + " len(estimators_)=" + nKept + " when warm_start==True");
    }
    if (kept != null && kept.featureImportances().length != nFeatures) {
      throw new IllegalArgumentException("X has " + nFeatures + " features, but the forest's "
          + nKept + " trees kept by warm_start were fitted with "
          + kept.featureImportances().length);
    }
    long[] seeds = new long[nTrees];
    Tree[] trees = new Tree[nTrees];
    if (nKept > 0) {
      System.arraycopy(kept.seeds(), 0, seeds, 0, nKept);
      System.arraycopy(kept.estimators(), 0, trees, 0, nKept);
    }
    // scikit-learn draws (and drops) the kept trees' seeds again: the new ones come next.
    for (int t = 0; t < nTrees; t++) {
      long seed = rs.randint(0, MAX_INT);
      if (t >= nKept) {
        seeds[t] = seed;
      }
    }
    IntConsumer body = item -> {
      int t = nKept + item;
      double[] weights = bootstrap
          ? bincount(sampleIndices(seeds[t], nSamples, nBoot, sampleWeight), nSamples)
          : sampleWeight;
      TreeGrower grower = TreeParams.grower(
          p -> p == TreeParams.SPLITTER ? (random ? "random" : "best") : get(p),
          nSamples, nFeatures, weights);
      long splitterSeed = new RandomState(seeds[t]).randint(0, XorShiftRandom.RAND_R_MAX);
      trees[t] = fit.grow(grower, weights, splitterSeed);
    };
    Integer nJobs = get(N_JOBS);
    if (nJobs != null && nJobs == 0) {
      throw new IllegalArgumentException("n_jobs (0) must be None, -1 or a positive int");
    }
    if (nJobs == null || nJobs == 1) {
      for (int item = 0; item < nTrees - nKept; item++) {
        body.accept(item);
      }
    } else {
      Parallel.forEach(nTrees - nKept, body);
    }
    return new Grown(seeds, trees, nBoot);
  }

  /**
   * {@code _get_n_samples_bootstrap}: n for None, the count for an int, else
   * {@code max(int(fraction · (n or Σ sample weights)), 1)}.
   */
  private int nSamplesBootstrap(int nSamples, double[] sampleWeight) {
    Object maxSamples = get(MAX_SAMPLES);
    if (maxSamples == null) {
      return nSamples;
    }
    if (maxSamples instanceof Integer count) {
      return count;
    }
    double total = sampleWeight == null ? nSamples : Sums.pairwise(sampleWeight);
    return Math.max((int) ((Double) maxSamples * total), 1);
  }

  /**
   * {@code _generate_sample_indices}: a tree's bootstrap sample from a fresh
   * {@code RandomState(seed)}.
   */
  static int[] sampleIndices(long seed, int nSamples, int nBoot, double[] sampleWeight) {
    RandomState rs = new RandomState(seed);
    if (sampleWeight == null) {
      long[] drawn = rs.randint(0, nSamples, nBoot);
      int[] indices = new int[nBoot];
      for (int i = 0; i < nBoot; i++) {
        indices[i] = (int) drawn[i];
      }
      return indices;
    }
    double total = Sums.pairwise(sampleWeight);
    double[] p = new double[nSamples];
    for (int i = 0; i < nSamples; i++) {
      p[i] = sampleWeight[i] / total;
    }
    return rs.choice(nSamples, nBoot, p);
  }

  /** {@code np.bincount(indices, minlength=n)} as weights. */
  static double[] bincount(int[] indices, int n) {
    double[] counts = new double[n];
    for (int i : indices) {
      counts[i] += 1.0;
    }
    return counts;
  }

  /**
   * The rows each tree did not see ({@code _generate_unsampled_indices}), for the out-of-bag
   * estimates.
   */
  static int[] unsampled(long seed, int nSamples, int nBoot, double[] sampleWeight) {
    double[] counts = bincount(sampleIndices(seed, nSamples, nBoot, sampleWeight), nSamples);
    int size = 0;
    int[] out = new int[nSamples];
    for (int i = 0; i < nSamples; i++) {
      if (counts[i] == 0) {
        out[size++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, size);
  }

  /**
   * {@code feature_importances_}: the mean of the trees' importances (trees of one node left
   * out), renormalised to sum 1; zeros when every tree is a single leaf.
   */
  static double[] featureImportances(Tree[] trees, int nFeatures) {
    double[] mean = new double[nFeatures];
    int counted = 0;
    for (Tree tree : trees) {
      if (tree.nodeCount() > 1) {
        double[] importances = tree.featureImportances(nFeatures);
        for (int f = 0; f < nFeatures; f++) {
          mean[f] += importances[f];
        }
        counted++;
      }
    }
    if (counted == 0) {
      return mean;
    }
    for (int f = 0; f < nFeatures; f++) {
      mean[f] /= counted;
    }
    double total = Sums.pairwise(mean);
    for (int f = 0; f < nFeatures; f++) {
      mean[f] /= total;
    }
    return mean;
  }

  /** What the fitted forests keep in common (their {@code Fitted} records). */
  interface ForestState {
    Tree[] estimators();

    long[] seeds();

    double[] featureImportances();

    Double oobScore();
  }

  /** The fitted state. */
  abstract ForestState state();

  /** The trees' arrays, in order ({@code estimators_[i].tree_}). */
  public Tree[] estimators() {
    return state().estimators().clone();
  }

  /** The mean impurity-based importances ({@code feature_importances_}). */
  public double[] featureImportances() {
    return state().featureImportances().clone();
  }

  /**
   * The out-of-bag score ({@code oob_score_}): accuracy for a classifier, R² for a regressor.
   *
   * @throws IllegalStateException when fitted without {@code oob_score}
   */
  public double oobScore() {
    Double score = state().oobScore();
    if (score == null) {
      throw new IllegalStateException("oob_score_ exists only after a fit with oob_score=True");
    }
    return score;
  }

  /**
   * The mean over the trees, in tree order, of the leaf values (width columns) of each row: the
   * forests' {@code predict_proba} and {@code predict}.
   */
  final double[][] meanLeafValues(double[][] X, int nFeatures, int width) {
    Tree[] trees = state().estimators();
    float[][] rows = rows(X, nFeatures);
    double[][] out = new double[rows.length][width];
    Integer nJobs = get(N_JOBS);
    Parallel.RangeBody body = (from, to) -> {
      for (Tree tree : trees) {
        for (int i = from; i < to; i++) {
          double[] value = tree.value()[tree.apply(rows[i])];
          for (int c = 0; c < width; c++) {
            out[i][c] += value[c];
          }
        }
      }
      for (int i = from; i < to; i++) {
        for (int c = 0; c < width; c++) {
          out[i][c] /= trees.length;
        }
      }
    };
    if (nJobs != null && nJobs == 1) {
      body.run(0, rows.length);
    } else {
      Parallel.forRange(rows.length, 64, body);
    }
    return out;
  }

  /**
   * {@code _compute_oob_predictions}: each sample's leaf values summed over the trees that did not
   * see it, in tree order, divided by their number (1 when none).
   */
  static double[][] outOfBag(float[][] rows, Grown grown, double[] weights, int width) {
    double[][] sums = new double[rows.length][width];
    int[] counts = new int[rows.length];
    for (int t = 0; t < grown.trees().length; t++) {
      Tree tree = grown.trees()[t];
      for (int i : unsampled(grown.seeds()[t], rows.length, grown.nSamplesBootstrap(), weights)) {
        double[] value = tree.value()[tree.apply(rows[i])];
        for (int c = 0; c < width; c++) {
          sums[i][c] += value[c];
        }
        counts[i]++;
      }
    }
    for (int i = 0; i < rows.length; i++) {
      int count = Math.max(counts[i], 1);
      for (int c = 0; c < width; c++) {
        sums[i][c] /= count;
      }
    }
    return sums;
  }

  /** X as float32 rows with the fitted feature count. */
  final float[][] rows(double[][] X, int nFeatures) {
    return semaine.tree.TreeInput.rows(X, nFeatures, getClass().getSimpleName());
  }
}
