package semaine.ensemble;

import semaine.base.Attribute;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;
import semaine.metrics.RegressionMetrics;
import semaine.tree.Tree;
import semaine.tree.TreeInput;
import semaine.tree.TreeParams;
import semaine.util.Checks;

/**
 * A forest of regression trees ({@code ForestRegressor}): the prediction is the mean, over the
 * trees in order, of the mean target of the leaf each tree sends the sample to.
 *
 * @param <E> the forest class
 */
public abstract class ForestRegressor<E extends ForestRegressor<E>> extends BaseForest<E>
    implements Regressor {

  static final Param<String> CRITERION =
      Param.of("criterion", "squared_error", Rule.options("squared_error", "friedman_mse", "poisson",
          "absolute_error"));

  /**
   * What {@code fit} learns.
   *
   * @param estimators (n_estimators,) the trees' {@code tree_} arrays, in order
   * @param seeds (n_estimators,) each tree's {@code random_state}
   * @param nFeaturesIn the number of features
   * @param featureImportances (n_features,) the mean impurity-based importances
   * @param oobScore the out-of-bag R², when {@code oob_score}
   * @param oobPrediction (n_samples,) the out-of-bag predictions
   */
  record Fitted(Tree[] estimators, @Attribute("_seeds") long[] seeds, int nFeaturesIn,
      double[] featureImportances, @Nullable Double oobScore, @Nullable double[] oobPrediction)
      implements ForestState {}

  ForestRegressor(EstimatorSpec<E> spec, boolean random) {
    super(spec, random);
  }

  /** The parameters of a regression forest, in scikit-learn's order. */
  static Param<?>[] params(boolean bootstrap) {
    return new Param<?>[] {N_ESTIMATORS, CRITERION, TreeParams.MAX_DEPTH,
        TreeParams.MIN_SAMPLES_SPLIT, TreeParams.MIN_SAMPLES_LEAF,
        TreeParams.MIN_WEIGHT_FRACTION_LEAF, TreeParams.maxFeatures(1.0),
        TreeParams.MAX_LEAF_NODES, TreeParams.MIN_IMPURITY_DECREASE, bootstrapParam(bootstrap),
        OOB_SCORE, N_JOBS, TreeParams.RANDOM_STATE, WARM_START,
        TreeParams.CCP_ALPHA, MAX_SAMPLES, TreeParams.MONOTONIC_CST};
  }

  @Override
  public E fit(double[][] X, double[] y) {
    return fit(X, y, null);
  }

  /**
   * Grows the trees on X and y.
   *
   * @param sampleWeight (n_samples,) weights, or null for 1 each
   * @throws IllegalArgumentException for a bad parameter or bad data, named
   */
  public E fit(double[][] X, double[] y, double[] sampleWeight) {
    validateParams();
    return grow(TreeInput.columns(X, getClass().getSimpleName()),
        () -> TreeInput.rows(X, X[0].length, "forest"), y, sampleWeight);
  }

  /**
   * Grows the trees on float32 X ({@code X.astype(np.float32)}): the forest grown from the same
   * values in float64, since scikit-learn's trees work on float32 samples; half the memory.
   */
  public E fit(float[][] X, double[] y, double[] sampleWeight) {
    validateParams();
    return grow(TreeInput.columns(X, getClass().getSimpleName()), () -> X, y, sampleWeight);
  }

  /** {@link #fit(float[][], double[], double[])} with unit weights. */
  public E fit(float[][] X, double[] y) {
    return fit(X, y, null);
  }

  /** Grows the forest on {@code columns}; {@code rows} gives the samples as rows for the OOB score. */
  @SuppressWarnings("unchecked")
  private E grow(float[][] columns, java.util.function.Supplier<float[][]> rows, double[] y,
      double[] sampleWeight) {
    int n = columns[0].length;
    Checks.checkVector("y", y);
    TreeInput.checkFitInput(n, y, y.length, sampleWeight);
    String criterion = get(CRITERION);
    TreeInput.checkRegressionTarget(criterion, y, "strictly positive");
    int[] cst = TreeParams.monotonicCst(get(TreeParams.MONOTONIC_CST), columns.length, 0);
    Grown grown = growTrees(n, columns.length, sampleWeight,
        (grower, w, seed) -> grower.withMonotonicCst(cst).growRegressor(columns, y, w,
            criterion, seed));
    int d = columns.length;
    Double oobScore = null;
    double[] oob = null;
    if (get(OOB_SCORE)) {
      oob = column(outOfBag(rows.get(), grown, sampleWeight, 1));
      oobScore = RegressionMetrics.r2Score(y, oob);
    }
    fitted(new Fitted(grown.trees(), grown.seeds(), d, featureImportances(grown.trees(), d),
        oobScore, oob));
    return (E) this;
  }

  private Fitted checkFitted() {
    return fitted();
  }

  @Override
  ForestState state() {
    return checkFitted();
  }

  /** The out-of-bag predictions ({@code oob_prediction_}). */
  public double[] oobPrediction() {
    oobScore();
    return checkFitted().oobPrediction.clone();
  }

  /** The mean over the trees, in order, of each row's leaf value ({@code predict}). */
  @Override
  public double[] predict(double[][] X) {
    return column(meanLeafValues(X, checkFitted().nFeaturesIn, 1));
  }

  private static double[] column(double[][] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i][0];
    }
    return out;
  }
}
