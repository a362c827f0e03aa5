package semaine.anomaly;

import java.util.List;
import semaine.base.BaseEstimator;
import semaine.base.Derived;
import semaine.base.EstimatorSpec;
import semaine.base.OutlierDetector;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.random.RandomState;
import semaine.random.SampleWithoutReplacement;
import semaine.tree.TreeGrower;
import semaine.tree.TreeInput;
import semaine.tree.XorShiftRandom;
import semaine.util.Checks;
import semaine.util.Parallel;

/**
 * The Isolation Forest: anomalies are few and different, so random splits isolate them in fewer
 * steps than normal samples. scikit-learn 1.9's {@code IsolationForest}, with the same trees and
 * scores for the same seed.
 *
 * <pre>{@code
 * var model = new IsolationForest().randomState(0);  // IsolationForest(random_state=0)
 * int[] labels = model.fitPredict(X);                // fit_predict(X)
 * double[] scores = model.scoreSamples(X);           // score_samples(X)
 * }</pre>
 *
 * <p>{@code nEstimators} trees (default 100) are each grown on {@code maxSamples} samples drawn
 * without replacement (default min(256, n)), down to depth ceil(log2(maxSamples)); each node
 * splits a random non-constant feature at a uniform random threshold: scikit-learn's
 * {@code ExtraTreeRegressor(max_features=1)} on random targets, grown by {@link TreeGrower}.
 * The score of x is
 * <pre>
 * scoreSamples(x) = −2^(−Σ_trees h(x) / (nEstimators · c(maxSamples)))
 * </pre>
 * where h(x) is the depth of x's leaf (root at 0) plus c(samples left in that leaf), and
 * c(n) = 2·(ln(n − 1) + γ) − 2·(n − 1)/n the average path length of n samples. Scores lie in
 * [−1, 0): near −1 for anomalies, around −0.5 or above for normal samples. A sample is an outlier
 * when {@code scoreSamples(x) < offset()}: −0.5 with contamination "auto", else the
 * {@code 100·contamination} percentile of the training scores.
 *
 * <p>Randomness is scikit-learn's, draw for draw: X is rounded to float32; {@code RandomState(seed)}
 * draws the regression targets {@code uniform(size=n)}, and a second {@code RandomState(seed)}
 * (the same stream when a {@code RandomState} is shared) the tree seeds
 * {@code randint(2^31 − 1, size=nEstimators)}. Tree i's seed gives its subsample
 * ({@code sample_without_replacement}) and, through one more {@code randint}, the seed of the
 * xorshift generator of its splitter ({@link XorShiftRandom}). The trees are then scikit-learn's
 * node for node (features, thresholds, node order), and the summed path lengths are
 * bit-identical.
 *
 * <h2>Notes</h2>
 * The scores can differ from scikit-learn's in the last bit (at most 1e-16 in our reference cases):
 * NumPy's {@code 2 ** x} (AVX-512 SVML on such machines) is not Java's {@code Math.pow}; a label
 * could only change for a score within one ulp of the offset. Not supported: {@code max_samples}
 * as a fraction, {@code max_features} other than 1.0, {@code bootstrap}, {@code warm_start},
 * sample weights, sparse input and NaN. Fitting costs
 * O(nEstimators · maxSamples · log maxSamples), scoring O(nEstimators · log maxSamples) per
 * sample; trees are grown, and samples scored, in parallel (the result does not depend on it).
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Liu, Ting and Zhou, "Isolation forest", ICDM 2008.</li>
 * </ol>
 *
 * @see LocalOutlierFactor
 */
public final class IsolationForest extends BaseEstimator<IsolationForest>
    implements OutlierDetector {

  /** scikit-learn's offset for contamination "auto". */
  private static final double AUTO_OFFSET = -0.5;

  /** Rows scored together, tree after tree. */
  private static final int SCORE_BLOCK = 256;

  /** {@code np.iinfo(np.int32).max}, the bound of the per-tree seeds. */
  private static final long MAX_INT = Integer.MAX_VALUE;

  static final Param<Integer> N_ESTIMATORS = Param.of("n_estimators", 100, Rule.ints(1, null));
  /** "auto" (min(256, n)), a number of samples, or a fraction of n. */
  static final Param<Object> MAX_SAMPLES = Param.of("max_samples", "auto", Rule.options("auto"),
      Rule.ints(1, null), Rule.reals(0.0, false, 1.0, true));
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());
  private static final EstimatorSpec<IsolationForest> SPEC = EstimatorSpec.of(
      "sklearn.ensemble.IsolationForest", IsolationForest::new, Fitted.class, N_ESTIMATORS,
      MAX_SAMPLES, Contamination.PARAM, RANDOM_STATE);

  /**
   * What {@code fit} learns.
   *
   * @param estimators the trees, in order ({@code estimators_}, each as its {@code tree_} arrays)
   * @param maxSamples samples per tree ({@code max_samples_})
   * @param nFeaturesIn the number of features
   * @param offset {@code offset_}
   * @param packed the trees packed for scoring, rebuilt when read back
   */
  private record Fitted(IsolationTree[] estimators, int maxSamples, int nFeaturesIn,
      double offset, @Derived PackedForest packed) {}

  /** {@code IsolationForest()}: 100 trees of up to 256 samples, contamination "auto". */
  public IsolationForest() {
    super(SPEC);
  }

  /** {@code n_estimators}: the number of trees (default 100). */
  public IsolationForest nEstimators(int nEstimators) {
    return set(N_ESTIMATORS, nEstimators);
  }

  /**
   * {@code max_samples}: samples per tree (default "auto", min(256, n)); more than n is reduced
   * to n, as scikit-learn does (with a warning there).
   */
  public IsolationForest maxSamples(int maxSamples) {
    return set(MAX_SAMPLES, maxSamples);
  }

  /** {@code contamination}: the expected fraction of outliers, in (0, 0.5]. */
  public IsolationForest contamination(double fraction) {
    return set(Contamination.PARAM, fraction);
  }

  /** {@code contamination}: "auto" (default, offset −0.5) or a fraction in (0, 0.5] as text. */
  public IsolationForest contamination(String contamination) {
    return set(Contamination.PARAM, contamination);
  }

  /** {@code random_state=seed}: a fresh {@code RandomState(seed)} for each fit. */
  public IsolationForest randomState(long seed) {
    return set(RANDOM_STATE, seed);
  }

  /** {@code random_state=rs}: draws from (and advances) the given shared stream. */
  public IsolationForest randomState(RandomState rs) {
    return set(RANDOM_STATE, java.util.Objects.requireNonNull(rs, "rs"));
  }

  /**
   * Grows the trees on random subsamples of X.
   *
   * @param X training samples, shape (n_samples, n_features), finite
   * @return this
   * @throws IllegalArgumentException if X is empty, ragged or not finite
   */
  @Override
  public IsolationForest fit(double[][] X) {
    validateParams();
    Checks.checkMatrix("X", X);
    return grow(TreeInput.columns(X, "IsolationForest"), () -> scoreSamples(X));
  }

  /**
   * Grows the trees on float32 X ({@code X.astype(np.float32)}): the forest grown from the same
   * values in float64, since scikit-learn's trees work on float32 samples; half the memory.
   *
   * @throws IllegalArgumentException if X is empty, ragged or not finite
   */
  public IsolationForest fit(float[][] X) {
    validateParams();
    return grow(TreeInput.columns(X, "IsolationForest"), () -> scoreSamples(X));
  }

  /** Grows the forest on {@code columns}; {@code scores} scores the training rows (contamination). */
  private IsolationForest grow(float[][] columns, java.util.function.Supplier<double[]> scores) {
    int nEstimators = get(N_ESTIMATORS);
    Object seed = get(RANDOM_STATE);
    int n = columns[0].length;
    // an int random_state is turned into a RandomState twice (IsolationForest.fit, then
    // BaseBagging._fit): the targets and the tree seeds both start from the seed
    RandomState rs = checkRandomState(seed);
    double[] y = rs.uniform(0, 1, n);
    RandomState bagging = seed instanceof Long ? checkRandomState(seed) : rs;
    Object maxSamples = get(MAX_SAMPLES);
    int samples = maxSamples instanceof Integer count ? Math.min(count, n)
        : maxSamples instanceof Double fraction ? (int) (fraction * n) : Math.min(256, n);
    int maxDepth = 32 - Integer.numberOfLeadingZeros(Math.max(samples, 2) - 1);  // ceil(log2)
    long[] seeds = bagging.randint(0, MAX_INT, nEstimators);
    IsolationTree[] trees = new IsolationTree[nEstimators];
    Parallel.forRange(nEstimators, 1, (from, to) -> {
      for (int t = from; t < to; t++) {
        trees[t] = growTree(columns, y, seeds[t], samples, maxDepth);
      }
    });
    PackedForest packed = new PackedForest(trees);
    fitted(new Fitted(trees, samples, columns.length, AUTO_OFFSET, packed));
    Contamination contamination = Contamination.of(get(Contamination.PARAM));
    if (!contamination.isAuto()) {
      // as scikit-learn, score the training set only when the offset is its percentile
      double offset = contamination.offset(scores.get(), AUTO_OFFSET);
      fitted(new Fitted(trees, samples, columns.length, offset, packed));
    }
    return this;
  }

  @Override
  protected Record restored(Record state) {
    Fitted f = (Fitted) state;
    return new Fitted(f.estimators, f.maxSamples, f.nFeaturesIn, f.offset,
        new PackedForest(f.estimators));
  }

  /** Fits on X and labels its rows: −1 where the score is below {@code offset()}, else +1. */
  @Override
  public int[] fitPredict(double[][] X) {
    return fit(X).predict(X);
  }

  /**
   * {@code score_samples}: −2^(−mean path length / c(maxSamples)), in [−1, 0); the lower, the more
   * abnormal.
   *
   * @throws IllegalArgumentException if X is empty, not finite or has another number of features
   */
  public double[] scoreSamples(double[][] X) {
    return scores(pathLengthSums(X));
  }

  /** {@link #scoreSamples(double[][])} of float32 rows (which the trees walk as they are). */
  public double[] scoreSamples(float[][] X) {
    TreeInput.rows(X, checkFitted().nFeaturesIn, "IsolationForest");
    return scores(pathLengthSums(X.length, X[0].length,
        (i, block, offset) -> System.arraycopy(X[i], 0, block, offset, X[i].length)));
  }

  private double[] scores(double[] depths) {
    Fitted model = checkFitted();
    double normaliser = model.estimators.length * IsolationTree.averagePathLength(model.maxSamples);
    double[] scores = new double[depths.length];
    for (int i = 0; i < scores.length; i++) {
      // one sample per tree: c(1) = 0, scikit-learn then divides by 1 instead
      scores[i] = -Math.pow(2, -(normaliser != 0 ? depths[i] / normaliser : 1));
    }
    return scores;
  }

  /**
   * Each row's path lengths summed over the trees, tree by tree in order, as scikit-learn's
   * {@code depths +=} in {@code _compute_score_samples}.
   */
  double[] pathLengthSums(double[][] X) {
    Checks.checkMatrix("X", X);
    return pathLengthSums(X.length, X[0].length, (i, block, offset) -> {
      for (int j = 0; j < X[i].length; j++) {
        block[offset + j] = (float) X[i][j];
      }
    });
  }

  /** Copies row i of the samples, as floats, into {@code block} from {@code offset}. */
  private interface RowCopy {
    void copy(int i, float[] block, int offset);
  }

  private double[] pathLengthSums(int n, int width, RowCopy rows) {
    Fitted model = checkFitted();
    if (width != model.nFeaturesIn) {
      throw new IllegalArgumentException("X has " + width
          + " features but the model was fitted with " + model.nFeaturesIn);
    }
    int d = model.nFeaturesIn;
    double[] depths = new double[n];
    // rows go in blocks through one tree at a time, so a tree stays in cache while a block is
    // walked; each row still sums its path lengths tree by tree, in order
    Parallel.forRange(n, SCORE_BLOCK, (from, to) -> {
      float[] block = new float[SCORE_BLOCK * d];   // (SCORE_BLOCK, n_features) rows as float
      for (int start = from; start < to; start += SCORE_BLOCK) {
        int end = Math.min(to, start + SCORE_BLOCK);
        for (int i = start; i < end; i++) {
          rows.copy(i, block, (i - start) * d);
        }
        model.packed.addPathLengths(block, end - start, d, depths, start);
      }
    });
    return depths;
  }

  /** {@code scoreSamples(X) − offset()}: negative for outliers ({@code decision_function}). */
  public double[] decisionFunction(double[][] X) {
    double offset = checkFitted().offset;
    double[] scores = scoreSamples(X);
    for (int i = 0; i < scores.length; i++) {
      scores[i] -= offset;
    }
    return scores;
  }

  /** −1 where {@code decisionFunction(X) < 0}, else +1 ({@code predict}). */
  public int[] predict(double[][] X) {
    double[] decision = decisionFunction(X);
    int[] labels = new int[decision.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = decision[i] < 0 ? -1 : 1;
    }
    return labels;
  }

  /** The score threshold below which a sample is an outlier ({@code offset_}). */
  @Override
  public double offset() {
    return checkFitted().offset;
  }

  /** The number of samples each tree was grown on ({@code max_samples_}). */
  public int maxSamplesFitted() {
    return checkFitted().maxSamples;
  }

  /** The fitted trees, in order ({@code estimators_}). */
  List<IsolationTree> trees() {
    return List.of(checkFitted().estimators);
  }

  /**
   * Tree {@code seed}'s share of {@code _parallel_build_estimators}: {@code RandomState(seed)} gives
   * the tree's own random_state ({@code randint(2^31 − 1)}, whose first {@code randint(0,
   * RAND_R_MAX)} seeds the splitter) and, restarted, the bagging draws (the features, all of them
   * without a draw, then the subsample).
   */
  private static IsolationTree growTree(float[][] columns, double[] y, long seed, int samples,
      int maxDepth) {
    long treeSeed = new RandomState(seed).randint(0, MAX_INT);
    long randRSeed = new RandomState(treeSeed).randint(0, XorShiftRandom.RAND_R_MAX);
    RandomState bagging = new RandomState(seed);
    int nFeatures = columns.length;
    SampleWithoutReplacement.sample(bagging, nFeatures, nFeatures);
    int[] subsample = SampleWithoutReplacement.sample(bagging, y.length, samples);
    // the subsample enters as weights 1 (the other rows 0), as _parallel_build_estimators does
    double[] weights = new double[y.length];
    for (int i : subsample) {
      weights[i] = 1.0;
    }
    // ExtraTreeRegressor(max_features=1, max_depth=maxDepth): one random non-constant feature
    // per split at a uniform threshold, down to one sample or the depth limit
    TreeGrower extraTree = new TreeGrower(maxDepth, 2, 1, 0.0, 1, -1, 0.0, true, 0.0);
    return IsolationTree.of(extraTree.growRegressor(columns, y, weights, randRSeed), subsample);
  }

  private Fitted checkFitted() {
    return fitted();
  }
}
