package semaine.ensemble;

import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;
import semaine.util.Checks;

/**
 * Histogram-based gradient boosting for regression: scikit-learn 1.9's
 * {@code HistGradientBoostingRegressor} with the squared error loss, tree for tree. Each iteration
 * fits a tree to the gradients of the loss on binned features and adds its leaf values, shrunk by
 * {@code learning_rate}, to the predictions. Missing values (NaN) are native: each split learns
 * the side they go to.
 *
 * <pre>{@code
 * var model = new HistGradientBoostingRegressor().maxIter(200).randomState(0).fit(X, y);
 * double[] predictions = model.predict(XNew);
 * int iterations = model.nIter();
 * }</pre>
 *
 * <p>See {@link BaseHistGradientBoosting} for the loop, the seeds and early stopping.
 *
 * <h2>Notes</h2>
 * Categorical features ({@code categoricalFeatures}) and monotonic constraints
 * ({@code monotonicCst}) as scikit-learn 1.9. Not supported yet: the other losses (absolute_error,
 * gamma, poisson, quantile), interaction constraints, {@code warm_start}, scorers other than
 * "loss", sample weights.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Friedman, "Greedy Function Approximation: A Gradient Boosting Machine", Annals of
 *       Statistics 29(5), 2001.</li>
 *   <li>Ke et al., "LightGBM: A Highly Efficient Gradient Boosting Decision Tree", NIPS 2017.</li>
 * </ol>
 */
public final class HistGradientBoostingRegressor
    extends BaseHistGradientBoosting<HistGradientBoostingRegressor> implements Regressor {

  static final Param<String> LOSS =
      Param.of("loss", "squared_error", Rule.options("squared_error"));

  private static final EstimatorSpec<HistGradientBoostingRegressor> SPEC = EstimatorSpec.of(
      "sklearn.ensemble.HistGradientBoostingRegressor", HistGradientBoostingRegressor::new,
      Boosted.class, params(LOSS));

  /** {@code HistGradientBoostingRegressor()}: squared error, 100 iterations at most. */
  public HistGradientBoostingRegressor() {
    super(SPEC);
  }

  /**
   * Boosts trees on X (NaN for missing values) and y.
   *
   * @throws IllegalArgumentException for a bad parameter or bad data, named
   */
  @Override
  public HistGradientBoostingRegressor fit(double[][] X, double[] y) {
    validateParams();
    checkX(X, -1);
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
    fitted(boost(X, y, new HistLoss.HalfSquaredError(), null, null));
    return this;
  }

  @Override
  Boosted boosted() {
    return fitted();
  }

  /** The baseline plus every tree's leaf value ({@code predict}). */
  @Override
  public double[] predict(double[][] X) {
    Boosted model = boosted();
    return rawPredict(model, checkX(X, model.nFeaturesIn()))[0];
  }
}
