package semaine.tree;

import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;
import semaine.util.Checks;

/**
 * A decision tree regressor: the samples are split, feature threshold after feature threshold,
 * into leaves of targets as close as possible, and a leaf predicts the weighted mean of its
 * training targets. scikit-learn 1.9's {@code DecisionTreeRegressor}: the same tree node for node
 * for the same {@code random_state}.
 *
 * <pre>{@code
 * var tree = new DecisionTreeRegressor().maxDepth(4).randomState(0).fit(X, y);
 * double[] predictions = tree.predict(X);
 * }</pre>
 *
 * <p>The split of a node is the one that most decreases the weighted variance of the targets
 * ({@code "squared_error"}: Σw·(y − ȳ)²/Σw) or, for counts and other non-negative targets, their
 * half Poisson deviance ({@code "poisson"}: Σw·y·log(y/ȳ)/Σw), or their weighted mean absolute
 * deviation from the weighted median ({@code "absolute_error"}, a leaf then predicting the median),
 * among the thresholds of the {@code max_features} features drawn (all by default, in a random
 * order). The criterion's running sums follow scikit-learn's order, so near-equal splits are
 * decided the same way.
 *
 * <h2>Notes</h2>
 * {@code "friedman_mse"} is accepted as the squared error, as scikit-learn 1.9 does (it deprecated
 * it). Not supported yet: NaN in X at fit, multi-output y, sparse X.
 */
public final class DecisionTreeRegressor extends BaseDecisionTree<DecisionTreeRegressor>
    implements Regressor {

  static final Param<String> CRITERION =
      Param.of("criterion", "squared_error", Rule.options("squared_error", "friedman_mse", "poisson",
          "absolute_error"));
  private static final EstimatorSpec<DecisionTreeRegressor> SPEC = EstimatorSpec.of(
      "sklearn.tree.DecisionTreeRegressor", DecisionTreeRegressor::new, Fitted.class,
      CRITERION, TreeParams.SPLITTER, TreeParams.MAX_DEPTH, TreeParams.MIN_SAMPLES_SPLIT,
      TreeParams.MIN_SAMPLES_LEAF, TreeParams.MIN_WEIGHT_FRACTION_LEAF, TreeParams.MAX_FEATURES,
      TreeParams.RANDOM_STATE, TreeParams.MAX_LEAF_NODES, TreeParams.MIN_IMPURITY_DECREASE,
      TreeParams.CCP_ALPHA, TreeParams.MONOTONIC_CST);

  /**
   * What {@code fit} learns.
   *
   * @param tree the tree ({@code tree_})
   * @param nFeaturesIn the number of features
   * @param maxFeatures the features drawn per split ({@code max_features_})
   * @param featureImportances (n_features,) the impurity-based importances
   */
  private record Fitted(Tree tree, int nFeaturesIn, int maxFeatures,
      double[] featureImportances) {}

  /** {@code DecisionTreeRegressor()}: squared error, grown until the leaves are pure. */
  public DecisionTreeRegressor() {
    super(SPEC);
  }

  @Override
  public DecisionTreeRegressor fit(double[][] X, double[] y) {
    return fit(X, y, null);
  }

  /**
   * Grows the tree on X and y, each sample weighted by sampleWeight.
   *
   * @param sampleWeight (n_samples,) weights, or null for 1 each
   * @throws IllegalArgumentException for a bad parameter, X empty, ragged, infinite or with NaN,
   *     y not finite, y or sampleWeight of another length, or weights that sum to zero
   */
  public DecisionTreeRegressor fit(double[][] X, double[] y, double[] sampleWeight) {
    validateParams();
    return grow(TreeInput.columns(X, getClass().getSimpleName()), y, sampleWeight);
  }

  /**
   * Grows the tree on float32 X ({@code X.astype(np.float32)}): the tree grown from the same
   * values in float64, since scikit-learn's trees work on float32 samples; half the memory.
   */
  public DecisionTreeRegressor fit(float[][] X, double[] y, double[] sampleWeight) {
    validateParams();
    return grow(TreeInput.columns(X, getClass().getSimpleName()), y, sampleWeight);
  }

  /** {@link #fit(float[][], double[], double[])} with unit weights. */
  public DecisionTreeRegressor fit(float[][] X, double[] y) {
    return fit(X, y, null);
  }

  private DecisionTreeRegressor grow(float[][] columns, double[] y, double[] sampleWeight) {
    int n = columns[0].length;
    Checks.checkVector("y", y);
    double[] weights = TreeInput.checkFitInput(n, y, y.length, sampleWeight);
    String criterion = get(CRITERION);
    TreeInput.checkRegressionTarget(criterion, y, "positive");
    TreeGrower grower = grower(n, columns.length, weights).withParallelSort()
        .withMonotonicCst(TreeParams.monotonicCst(get(TreeParams.MONOTONIC_CST), columns.length,
            0));
    Tree tree = grower.growRegressor(columns, y, weights, criterion, splitterSeed());
    DecisionTreeClassifier.checkGrown(tree);
    fitted(new Fitted(tree, columns.length, grower.maxFeatures(),
        tree.featureImportances(columns.length)));
    return this;
  }

  /**
   * {@code cost_complexity_pruning_path}: grows the tree without pruning on X, y, then gives the
   * effective alphas of its pruning steps and the total leaf impurity after each.
   */
  public CostComplexityPruning.Path costComplexityPruningPath(double[][] X, double[] y,
      double[] sampleWeight) {
    return CostComplexityPruning.path(clone().ccpAlpha(0.0).fit(X, y, sampleWeight).tree());
  }

  @Override
  public Tree tree() {
    return checkFitted().tree;
  }

  @Override
  int nFeaturesIn() {
    return checkFitted().nFeaturesIn;
  }

  /** The features drawn per split ({@code max_features_}). */
  public int maxFeaturesFitted() {
    return checkFitted().maxFeatures;
  }

  /** The mean target of the leaf each row of X falls in. */
  @Override
  public double[] predict(double[][] X) {
    Tree tree = tree();
    int[] leaves = apply(X);
    double[] out = new double[leaves.length];
    for (int i = 0; i < leaves.length; i++) {
      out[i] = tree.value()[leaves[i]][0];
    }
    return out;
  }

  private Fitted checkFitted() {
    return fitted();
  }
}
