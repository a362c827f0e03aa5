package semaine.ensemble;

import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.random.RandomState;
import semaine.selection.TrainTestSplit;

/**
 * What scikit-learn's histogram gradient boosting models share
 * ({@code BaseHistGradientBoosting}): the parameters, the binning, the boosting loop and early
 * stopping.
 *
 * <p>{@code fit}, draw for draw as scikit-learn: {@code check_random_state(random_state)} draws
 * {@code _random_seed = randint(2^32 − 1)}, then the seed of the feature draws
 * ({@link FeatureSubsampler}, with {@code max_features} below 1). Early
 * stopping ("auto": above 10,000 rows) holds out {@code validation_fraction} of the rows with
 * {@code train_test_split(random_state=_random_seed)} ({@link TrainTestSplit}; stratified for a
 * classifier, {@link ValidationSplit}). The bins are
 * fitted on the training rows ({@link BinMapper}, the subsample seeded by {@code _random_seed}).
 * The raw predictions start at the loss's baseline; each iteration computes every sample's
 * float32 gradient and hessian, grows one tree per raw column on them ({@link HistTreeGrower}) and
 * adds its shrunk leaf values. With early stopping, the scores are minus the mean loss on the
 * training and validation rows, the baseline's first; fitting stops when none of the last
 * {@code n_iter_no_change} scores beats the score before them by more than {@code tol}.
 *
 * <p>Categorical features ({@code categorical_features}) are encoded first, on every row, and
 * moved before the numerical ones ({@link HistCategories}); each of their categories is a bin.
 * {@code monotonic_cst} constrains the trees' values to increase (1) or decrease (−1) with a
 * numerical feature ({@link HistTreeGrower}); not for more than two classes.
 *
 * @param <E> the model class, returned by the chained setters
 */
public abstract class BaseHistGradientBoosting<E extends BaseHistGradientBoosting<E>>
    extends BaseEstimator<E> {

  static final Param<Double> LEARNING_RATE =
      Param.of("learning_rate", 0.1, Rule.above(0.0));
  static final Param<Integer> MAX_ITER = Param.of("max_iter", 100, Rule.ints(1, null));
  static final Param<Integer> MAX_LEAF_NODES =
      Param.of("max_leaf_nodes", 31, Rule.none(), Rule.ints(2, null));
  static final Param<Integer> MAX_DEPTH =
      Param.of("max_depth", null, Rule.none(), Rule.ints(1, null));
  static final Param<Integer> MIN_SAMPLES_LEAF =
      Param.of("min_samples_leaf", 20, Rule.ints(1, null));
  static final Param<Double> L2_REGULARIZATION =
      Param.of("l2_regularization", 0.0, Rule.atLeast(0.0));
  /** The fraction of the features drawn for each split (default 1.0, all). */
  static final Param<Double> MAX_FEATURES =
      Param.of("max_features", 1.0, Rule.reals(0.0, false, 1.0, true));
  static final Param<Integer> MAX_BINS = Param.of("max_bins", 255, Rule.ints(2, 255));
  /**
   * The categorical features: indices ("0,3"), a boolean mask ("true,false,false,true"), None, or
   * "from_dtype" (the default; on plain arrays, none).
   */
  static final Param<Object> CATEGORICAL_FEATURES = Param.of("categorical_features",
      "from_dtype", Rule.none(), Rule.options("from_dtype"), Rule.intList(0), Rule.boolList());
  /** Per feature: 1 increasing, −1 decreasing, 0 free ("1,0,-1"); None for none. */
  static final Param<int[]> MONOTONIC_CST =
      Param.of("monotonic_cst", null, Rule.none(), Rule.intList(-1));
  static final Param<Object> EARLY_STOPPING =
      Param.of("early_stopping", "auto", Rule.options("auto"), Rule.bool());
  /** Only "loss" (minus the mean loss) is supported yet. */
  static final Param<String> SCORING = Param.of("scoring", "loss", Rule.options("loss"));
  static final Param<Object> VALIDATION_FRACTION = Param.of("validation_fraction", 0.1,
      Rule.none(), Rule.ints(1, null), Rule.realsNotInt(0.0, false, 1.0, false));
  static final Param<Integer> N_ITER_NO_CHANGE =
      Param.of("n_iter_no_change", 10, Rule.ints(1, null));
  static final Param<Double> TOL = Param.of("tol", 1e-7, Rule.atLeast(0.0));
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());

  /** The row count above which "auto" early stopping is on. */
  static final int AUTO_EARLY_STOPPING_ROWS = 10_000;

  /** The parameters after {@code loss}, in scikit-learn's order. */
  static final Param<?>[] COMMON = {LEARNING_RATE, MAX_ITER, MAX_LEAF_NODES, MAX_DEPTH,
      MIN_SAMPLES_LEAF, L2_REGULARIZATION, MAX_FEATURES, MAX_BINS, CATEGORICAL_FEATURES,
      MONOTONIC_CST, EARLY_STOPPING, SCORING,
      VALIDATION_FRACTION, N_ITER_NO_CHANGE, TOL, RANDOM_STATE};

  /** The parameters in scikit-learn's order: the loss, then the common ones. */
  static Param<?>[] params(Param<String> loss) {
    Param<?>[] params = new Param<?>[COMMON.length + 1];
    params[0] = loss;
    System.arraycopy(COMMON, 0, params, 1, COMMON.length);
    return params;
  }

  protected BaseHistGradientBoosting(EstimatorSpec<E> spec) {
    super(spec);
  }

  /** {@code learning_rate}: the shrinkage of every leaf value (default 0.1). */
  public E learningRate(double learningRate) {
    return set(LEARNING_RATE, learningRate);
  }

  /** {@code max_iter}: the boosting iterations at most (default 100). */
  public E maxIter(int maxIter) {
    return set(MAX_ITER, maxIter);
  }

  /** {@code max_leaf_nodes}: leaves per tree at most, null for no limit (default 31). */
  public E maxLeafNodes(Integer maxLeafNodes) {
    return set(MAX_LEAF_NODES, maxLeafNodes);
  }

  /** {@code max_depth}: the depth of a tree at most, null for no limit (the default). */
  public E maxDepth(Integer maxDepth) {
    return set(MAX_DEPTH, maxDepth);
  }

  /** {@code min_samples_leaf}: samples per leaf at least (default 20). */
  public E minSamplesLeaf(int minSamplesLeaf) {
    return set(MIN_SAMPLES_LEAF, minSamplesLeaf);
  }

  /** {@code l2_regularization}: added to the hessian sums of the leaf values (default 0). */
  public E l2Regularization(double l2) {
    return set(L2_REGULARIZATION, l2);
  }

  /** {@code max_bins}: bins for the non-missing values of a feature, 2 to 255 (default 255). */
  public E maxBins(int maxBins) {
    return set(MAX_BINS, maxBins);
  }

  /** {@code categorical_features}: the indices of the categorical features (default none). */
  public E categoricalFeatures(int... indices) {
    return set(CATEGORICAL_FEATURES, indices.clone());
  }

  /** {@code categorical_features}: a boolean mask of the categorical features. */
  public E categoricalFeatures(boolean... mask) {
    return setParam(CATEGORICAL_FEATURES.name(), mask);
  }

  /**
   * {@code monotonic_cst}: per feature, 1 for an increasing constraint, −1 decreasing, 0 none
   * (default: no constraint).
   */
  public E monotonicCst(int... constraints) {
    return set(MONOTONIC_CST, constraints.clone());
  }

  /** {@code early_stopping}: true, false, or "auto" (on above 10,000 rows). */
  public E earlyStopping(Object earlyStopping) {
    return set(EARLY_STOPPING, earlyStopping);
  }

  /** {@code validation_fraction}: the held-out fraction for early stopping (default 0.1). */
  public E validationFraction(Double fraction) {
    return set(VALIDATION_FRACTION, fraction);
  }

  /** {@code n_iter_no_change}: the patience of early stopping (default 10). */
  public E nIterNoChange(int nIterNoChange) {
    return set(N_ITER_NO_CHANGE, nIterNoChange);
  }

  /** {@code tol}: the least improvement that counts (default 1e-7). */
  public E tol(double tol) {
    return set(TOL, tol);
  }

  /** {@code random_state}: the seed of the validation split and of the binning subsample. */
  public E randomState(Object randomState) {
    return set(RANDOM_STATE, randomState);
  }

  /**
   * The bins of one feature ({@code _bin_mapper.bin_thresholds_[f]}).
   *
   * @param thresholds the upper bounds of the non-missing bins but the last
   */
  public record FeatureBins(double[] thresholds) {}

  /**
   * What the boosting learns: the regressor's fitted state, and the classifier's with its classes.
   *
   * @param predictors (n_iter · n_trees_per_iteration,) the trees, iteration by iteration
   * @param nTreesPerIteration 1, or the number of classes above two
   * @param nIter the iterations done ({@code n_iter_})
   * @param baselinePrediction (n_trees_per_iteration,) the raw prediction before any tree
   * @param bins (n_features,) each feature's bin thresholds
   * @param doEarlyStopping whether early stopping was on
   * @param trainScore (n_iter + 1,) minus the training loss, with early stopping
   * @param validationScore (n_iter + 1,) minus the validation loss, with early stopping
   * @param nFeaturesIn the number of features
   * @param isCategorical (n_features,) 1 for a categorical feature, null when none is
   * @param categories (n_categorical_features,) their sorted categories, null when none
   */
  record Boosted(@Attribute("_predictors") TreePredictor[] predictors, int nTreesPerIteration,
      int nIter, @Attribute("_baseline_prediction") double[] baselinePrediction,
      @Attribute("_bin_thresholds") FeatureBins[] bins, boolean doEarlyStopping,
      double[] trainScore, double[] validationScore, int nFeaturesIn,
      @Nullable @Attribute("is_categorical_") int[] isCategorical,
      @Nullable @Attribute("_categories") HistCategories.FeatureCategories[] categoryValues) {

    /** The categorical features, null when none is. */
    HistCategories categories() {
      return isCategorical == null ? null : new HistCategories(isCategorical, categoryValues);
    }
  }

  /**
   * The boosting loop.
   *
   * @param X (n, d) the rows, NaN for a missing value
   * @param y (n,) the target (class indices for a classifier)
   * @param classes the class indices for a stratified split, or null
   * @param labels the class labels (for messages), or null
   */
  final Boosted boost(double[][] X, double[] y, HistLoss loss, int[] classes, int[] labels) {
    HistCategories categories = HistCategories.fit(get(CATEGORICAL_FEATURES), X, get(MAX_BINS));
    int[] monotonicCst = monotonicCst(X[0].length, loss.nTrees(), categories);
    if (categories != null) {
      X = categories.encode(X);
    }
    RandomState rng = checkRandomState(get(RANDOM_STATE));
    long seed = rng.randint(0, 4294967295L);
    long featureSeed = rng.randint(0, 4294967295L);
    double maxFeatures = get(MAX_FEATURES);
    FeatureSubsampler subsampler = maxFeatures < 1.0
        ? new FeatureSubsampler(featureSeed, maxFeatures) : null;
    int n = X.length;
    Object es = get(EARLY_STOPPING);
    boolean earlyStopping = "auto".equals(es) ? n > AUTO_EARLY_STOPPING_ROWS : (Boolean) es;
    Object fraction = get(VALIDATION_FRACTION);
    boolean useValidation = fraction != null;
    double[][] xTrain = X;
    double[] yTrain = y;
    double[][] xVal = null;
    double[] yVal = null;
    if (earlyStopping && useValidation) {
      int nTest = fraction instanceof Integer count ? count
          : (int) Math.ceil((Double) fraction * n);
      if (nTest >= n) {
        throw new IllegalArgumentException("validation_fraction (" + fraction + ") leaves no"
            + " training rows out of " + n);
      }
      TrainTestSplit.Split<double[]> split = classes == null
          ? TrainTestSplit.of(X, y).testSize(nTest).randomState(seed).split()
          : ValidationSplit.stratified(classes, labels, nTest, seed).split(X, y);
      xTrain = split.XTrain();
      yTrain = split.yTrain();
      xVal = split.XTest();
      yVal = split.yTest();
    }
    int maxBins = get(MAX_BINS);
    double[][] thresholds = BinMapper.fitThresholds(xTrain, maxBins, seed, categories);
    int d = thresholds.length;
    int nCategorical = categories == null ? 0 : categories.nCategorical();
    int[] nBinsNonMissing = new int[d];
    boolean[] isCategorical = new boolean[d];
    FeatureBins[] bins = new FeatureBins[d];
    for (int f = 0; f < d; f++) {
      isCategorical[f] = f < nCategorical;
      nBinsNonMissing[f] = thresholds[f].length + (isCategorical[f] ? 0 : 1);
      bins[f] = new FeatureBins(thresholds[f]);
    }
    byte[][] binnedTrain = BinMapper.transform(xTrain, thresholds, maxBins);
    byte[][] binnedVal = xVal == null ? null : BinMapper.transform(xVal, thresholds, maxBins);
    int[] rootCounts = HistogramBuilder.counts(binnedTrain, maxBins + 1);
    boolean[] hasMissing = new boolean[d];
    for (int f = 0; f < d; f++) {
      hasMissing[f] = rootCounts[f * (maxBins + 1) + maxBins] > 0;
    }
    int nTrees = loss.nTrees();
    double[] baseline = loss.baseline(yTrain);
    double[][] raw = filled(nTrees, yTrain.length, baseline);
    double[][] rawVal = xVal == null ? null : filled(nTrees, yVal.length, baseline);
    EarlyStoppingScores scores = new EarlyStoppingScores(get(N_ITER_NO_CHANGE), get(TOL), useValidation);
    if (earlyStopping) {
      scores.add(loss.meanLoss(yTrain, raw), rawVal == null ? 0 : loss.meanLoss(yVal, rawVal));
    }
    float[][] gradHess = new float[nTrees][2 * yTrain.length];
    float[] constantHessian = loss.constantHessian() ? new float[] {1f} : null;
    java.util.List<TreePredictor> predictors = new java.util.ArrayList<>();
    byte[] rows = HistogramBuilder.rows(binnedTrain);
    HistSplitter[] splitters = new HistSplitter[nTrees];
    HistogramBuilder[] builders = new HistogramBuilder[nTrees];
    for (int k = 0; k < nTrees; k++) {
      splitters[k] = new HistSplitter(binnedTrain, constantHessian, maxBins + 1, nBinsNonMissing,
          hasMissing, get(MIN_SAMPLES_LEAF), get(L2_REGULARIZATION), subsampler, isCategorical,
          monotonicCst);
      builders[k] = new HistogramBuilder(binnedTrain, rows, gradHess[k], constantHessian == null,
          maxBins + 1, rootCounts);
    }
    int[] partition = new int[yTrain.length];
    int[] buffer = new int[yTrain.length];
    int maxIter = get(MAX_ITER);
    for (int iteration = 0; iteration < maxIter; iteration++) {
      loss.gradientHessian(yTrain, raw, gradHess);
      for (int k = 0; k < nTrees; k++) {
        HistTreeGrower grower = new HistTreeGrower(splitters[k], builders[k], partition, buffer,
            get(MAX_LEAF_NODES), get(MAX_DEPTH), get(MIN_SAMPLES_LEAF), get(LEARNING_RATE)).grow();
        predictors.add(grower.makePredictor(thresholds, nBinsNonMissing));
        grower.updateRawPredictions(raw[k]);
      }
      if (earlyStopping) {
        if (rawVal != null) {
          int first = predictors.size() - nTrees;
          for (int k = 0; k < nTrees; k++) {
            TreePredictor tree = predictors.get(first + k);
            for (int i = 0; i < yVal.length; i++) {
              rawVal[k][i] += tree.predictBinned(binnedVal, i, maxBins);
            }
          }
        }
        if (scores.add(loss.meanLoss(yTrain, raw),
            rawVal == null ? 0 : loss.meanLoss(yVal, rawVal))) {
          break;
        }
      }
    }
    return new Boosted(predictors.toArray(TreePredictor[]::new), nTrees,
        predictors.size() / nTrees, baseline, bins, earlyStopping, scores.train(),
        scores.validation(), d, categories == null ? null : categories.isCategorical(),
        categories == null ? null : categories.categories());
  }

  /**
   * {@code monotonic_cst} checked ({@code _check_monotonic_cst}) and put in the encoded columns'
   * order; null when there is none.
   */
  private int[] monotonicCst(int d, int nTrees, HistCategories categories) {
    int[] cst = get(MONOTONIC_CST);
    if (cst == null) {
      return null;
    }
    if (nTrees != 1) {
      throw new IllegalArgumentException("monotonic constraints are not supported for"
          + " multiclass classification (monotonic_cst=" + java.util.Arrays.toString(cst) + ")");
    }
    for (int c : cst) {
      if (c < -1 || c > 1) {
        throw new IllegalArgumentException("monotonic_cst must be an array-like of -1, 0 or 1."
            + " Observed value: " + c + " in " + java.util.Arrays.toString(cst));
      }
    }
    if (cst.length != d) {
      throw new IllegalArgumentException("monotonic_cst has shape (" + cst.length + ",) but the"
          + " input data X has " + d + " features.");
    }
    if (categories == null) {
      return cst.clone();
    }
    for (int f = 0; f < d; f++) {
      if (categories.isCategorical()[f] == 1 && cst[f] != 0) {
        throw new IllegalArgumentException("Categorical features cannot have monotonic"
            + " constraints (feature " + f + " has monotonic_cst " + cst[f] + ")");
      }
    }
    return categories.reorder(cst);
  }

  private static double[][] filled(int nTrees, int n, double[] baseline) {
    double[][] raw = new double[nTrees][n];
    for (int k = 0; k < nTrees; k++) {
      java.util.Arrays.fill(raw[k], baseline[k]);
    }
    return raw;
  }

  /**
   * {@code _raw_predict}: the baseline plus every tree's leaf value, iteration by iteration.
   *
   * @return (n_trees_per_iteration, n_samples) raw predictions
   */
  static double[][] rawPredict(Boosted model, double[][] X) {
    HistCategories categories = model.categories();
    int[] nCategories = null;
    if (categories != null) {
      X = categories.encode(X);
      nCategories = new int[X[0].length];
      for (int f = 0; f < categories.nCategorical(); f++) {
        nCategories[f] = categories.nCategories(f);
      }
    }
    int nTrees = model.nTreesPerIteration();
    double[][] raw = filled(nTrees, X.length, model.baselinePrediction());
    TreePredictor[] predictors = model.predictors();
    for (int t = 0; t < predictors.length; t++) {
      double[] column = raw[t % nTrees];
      for (int i = 0; i < X.length; i++) {
        column[i] += predictors[t].predict(X[i], nCategories);
      }
    }
    return raw;
  }

  /** The fitted boosting. */
  abstract Boosted boosted();

  /** The iterations done, fewer than {@code max_iter} after early stopping ({@code n_iter_}). */
  public int nIter() {
    return boosted().nIter();
  }

  /**
   * The trees, iteration by iteration, the classes' trees of an iteration in class order
   * ({@code _predictors}, flattened).
   */
  public TreePredictor[] predictors() {
    return boosted().predictors().clone();
  }

  /**
   * 1 for each categorical feature, in the original order, or null when none is
   * ({@code is_categorical_}).
   */
  public int[] isCategorical() {
    HistCategories categories = boosted().categories();
    return categories == null ? null : categories.isCategorical().clone();
  }

  /** Minus the training loss, the baseline's first, with early stopping ({@code train_score_}). */
  public double[] trainScore() {
    return boosted().trainScore().clone();
  }

  /** Minus the validation loss, with early stopping ({@code validation_score_}). */
  public double[] validationScore() {
    return boosted().validationScore().clone();
  }

  /** The bin thresholds of each feature ({@code _bin_mapper.bin_thresholds_}). */
  public double[][] binThresholds() {
    FeatureBins[] bins = boosted().bins();
    double[][] out = new double[bins.length][];
    for (int f = 0; f < bins.length; f++) {
      out[f] = bins[f].thresholds().clone();
    }
    return out;
  }

  /**
   * The raw predictions ({@code _raw_predict}): the baseline plus every tree's leaf value.
   *
   * @return (n_trees_per_iteration, n_samples)
   */
  public double[][] rawPredict(double[][] X) {
    Boosted model = boosted();
    return rawPredict(model, checkX(X, model.nFeaturesIn()));
  }

  /**
   * Checks X for fit (nFeatures −1) or predict: rows of equal length (nFeatures at predict), no
   * infinite value; NaN is a missing value and allowed.
   */
  final double[][] checkX(double[][] X, int nFeatures) {
    String model = getClass().getSimpleName();
    if (X == null || X.length == 0) {
      throw new IllegalArgumentException("X must have at least one row (" + model + ")");
    }
    int d = nFeatures < 0 ? (X[0] == null ? 0 : X[0].length) : nFeatures;
    if (d == 0) {
      throw new IllegalArgumentException("X has no columns: each row needs at least one feature");
    }
    for (int i = 0; i < X.length; i++) {
      if (X[i] == null || X[i].length != d) {
        throw new IllegalArgumentException("X has " + (X[i] == null ? 0 : X[i].length)
            + " features at row " + i + ", but " + model + " is expecting " + d + " features"
            + (nFeatures < 0 ? " (row 0's count)" : " as input (the fitted count)"));
      }
      for (int j = 0; j < d; j++) {
        if (Double.isInfinite(X[i][j])) {
          throw new IllegalArgumentException("Input X contains infinity (" + X[i][j] + " at row "
              + i + ", column " + j + "); NaN is accepted as a missing value, infinity is not");
        }
      }
    }
    return X;
  }
}
