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
      Param.of("criterion", "squared_error", Rule.options("squared_error", "friedman_mse"));

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
      double[] featureImportances, @Nullable Double oobScore, @Nullable double[] oobPrediction) {}

  ForestRegressor(EstimatorSpec<E> spec, boolean random) {
    super(spec, random);
  }

  /** The parameters of a regression forest, in scikit-learn's order. */
  static Param<?>[] params(boolean bootstrap) {
    return new Param<?>[] {N_ESTIMATORS, CRITERION, TreeParams.MAX_DEPTH,
        TreeParams.MIN_SAMPLES_SPLIT, TreeParams.MIN_SAMPLES_LEAF,
        TreeParams.MIN_WEIGHT_FRACTION_LEAF, TreeParams.maxFeatures(1.0),
        TreeParams.MAX_LEAF_NODES, TreeParams.MIN_IMPURITY_DECREASE, bootstrapParam(bootstrap),
        OOB_SCORE, N_JOBS, TreeParams.RANDOM_STATE, TreeParams.CCP_ALPHA, MAX_SAMPLES};
  }

  /** {@code criterion}: "squared_error" (default). */
  public E criterion(String criterion) {
    return set(CRITERION, criterion);
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
  @SuppressWarnings("unchecked")
  public E fit(double[][] X, double[] y, double[] sampleWeight) {
    validateParams();
    float[][] columns = TreeInput.columns(X, getClass().getSimpleName());
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
    if (sampleWeight != null) {
      Checks.checkSameLength("X", X.length, "sample_weight", sampleWeight.length);
      Checks.checkVector("sample_weight", sampleWeight);
    }
    Grown grown = growTrees(X.length, columns.length, sampleWeight,
        (grower, w, seed) -> grower.growRegressor(columns, y, w, seed));
    int d = columns.length;
    Double oobScore = null;
    double[] oob = null;
    if (get(OOB_SCORE)) {
      oob = oobPrediction(X, grown, sampleWeight);
      oobScore = RegressionMetrics.r2Score(y, oob);
    }
    fitted(new Fitted(grown.trees(), grown.seeds(), d, featureImportances(grown.trees(), d),
        oobScore, oob));
    return (E) this;
  }

  /**
   * {@code _compute_oob_predictions}: each sample's predictions summed over the trees that did not
   * see it, in tree order, divided by their number (1 when none).
   */
  private double[] oobPrediction(double[][] X, Grown grown, double[] weights) {
    float[][] rows = rows(X, X[0].length);
    double[] sums = new double[X.length];
    int[] counts = new int[X.length];
    for (int t = 0; t < grown.trees().length; t++) {
      Tree tree = grown.trees()[t];
      for (int i : unsampled(grown.seeds()[t], X.length, grown.nSamplesBootstrap(), weights)) {
        sums[i] += tree.value()[tree.apply(rows[i])][0];
        counts[i]++;
      }
    }
    for (int i = 0; i < X.length; i++) {
      sums[i] /= Math.max(counts[i], 1);
    }
    return sums;
  }

  private Fitted checkFitted() {
    return fitted();
  }

  /** The trees' arrays, in order ({@code estimators_[i].tree_}). */
  public Tree[] estimators() {
    return checkFitted().estimators.clone();
  }

  /** The mean impurity-based importances ({@code feature_importances_}). */
  public double[] featureImportances() {
    return checkFitted().featureImportances.clone();
  }

  /**
   * The out-of-bag R² ({@code oob_score_}).
   *
   * @throws IllegalStateException when fitted without {@code oob_score}
   */
  public double oobScore() {
    Double score = checkFitted().oobScore;
    if (score == null) {
      throw new IllegalStateException("oob_score_ exists only after a fit with oob_score=True");
    }
    return score;
  }

  /** The out-of-bag predictions ({@code oob_prediction_}). */
  public double[] oobPrediction() {
    oobScore();
    return checkFitted().oobPrediction.clone();
  }

  /** The mean over the trees, in order, of each row's leaf value ({@code predict}). */
  @Override
  public double[] predict(double[][] X) {
    Fitted model = checkFitted();
    float[][] rows = rows(X, model.nFeaturesIn);
    double[] out = new double[rows.length];
    forRows(rows.length, (from, to) -> {
      for (Tree tree : model.estimators) {
        for (int i = from; i < to; i++) {
          out[i] += tree.value()[tree.apply(rows[i])][0];
        }
      }
      for (int i = from; i < to; i++) {
        out[i] /= model.estimators.length;
      }
    });
    return out;
  }
}
