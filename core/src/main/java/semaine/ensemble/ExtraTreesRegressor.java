package semaine.ensemble;

import semaine.base.EstimatorSpec;

/**
 * Extremely randomised trees for regression: {@code nEstimators} trees grown on the whole
 * training set (no bootstrap by default), each split taking the best of one random threshold per
 * feature. scikit-learn 1.9's {@code ExtraTreesRegressor}: the same trees node for node for the
 * same {@code random_state}.
 *
 * <pre>{@code
 * var forest = new ExtraTreesRegressor().randomState(0).fit(X, y);
 * double[] predictions = forest.predict(XNew);
 * }</pre>
 *
 * <h2>Notes</h2>
 * Not supported yet: NaN in X, multi-output y.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Geurts, Ernst and Wehenkel, "Extremely randomized trees", Machine Learning 63(1),
 *       2006.</li>
 * </ol>
 */
public final class ExtraTreesRegressor extends ForestRegressor<ExtraTreesRegressor> {

  private static final EstimatorSpec<ExtraTreesRegressor> SPEC = EstimatorSpec.of(
      "sklearn.ensemble.ExtraTreesRegressor", ExtraTreesRegressor::new,
      ForestRegressor.Fitted.class, params(false));

  /** {@code ExtraTreesRegressor()}: 100 trees. */
  public ExtraTreesRegressor() {
    super(SPEC, true);
  }
}
