package semaine.ensemble;

import semaine.base.EstimatorSpec;

/**
 * A random forest regressor: {@code nEstimators} regression trees, each grown on a bootstrap sample
 * of the training set, all the features tried per split by default ({@code max_features} 1.0);
 * the forest averages their leaf means. scikit-learn 1.9's {@code RandomForestRegressor}: the
 * same trees node for node for the same {@code random_state}.
 *
 * <pre>{@code
 * var forest = new RandomForestRegressor().nEstimators(100).randomState(0).fit(X, y);
 * double[] predictions = forest.predict(XNew);
 * }</pre>
 *
 * <p>See {@link BaseForest} for the seeds and the bootstrap.
 *
 * <h2>Notes</h2>
 * Not supported yet: NaN in X, multi-output y.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Breiman, "Random Forests", Machine Learning 45(1), 2001.</li>
 * </ol>
 */
public final class RandomForestRegressor extends ForestRegressor<RandomForestRegressor> {

  private static final EstimatorSpec<RandomForestRegressor> SPEC = EstimatorSpec.of(
      "sklearn.ensemble.RandomForestRegressor", RandomForestRegressor::new,
      ForestRegressor.Fitted.class, params(true));

  /** {@code RandomForestRegressor()}: 100 trees. */
  public RandomForestRegressor() {
    super(SPEC, false);
  }
}
