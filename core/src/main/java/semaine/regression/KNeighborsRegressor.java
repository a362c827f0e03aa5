package semaine.regression;

import semaine.base.Attribute;
import semaine.base.Derived;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;
import semaine.neighbors.NearestNeighbors;
import semaine.neighbors.NeighborsBase;
import semaine.neighbors.NeighborWeights;
import semaine.neighbors.Neighbors;
import semaine.util.Checks;
import semaine.util.Sums;

/**
 * k-nearest-neighbours regression: a sample's prediction is the mean target of its k nearest
 * training samples (weighted by 1 / distance with "distance" weights). scikit-learn 1.9's
 * {@code KNeighborsRegressor}, on the same neighbour engine as the classifier.
 *
 * <p>Uniform: {@code mean(y[neighbours])}. Distance: {@code Σ w·y / Σ w} with the weights of
 * {@link NeighborWeights}; both sums in NumPy's pairwise order over the neighbours, nearest first.
 */
public final class KNeighborsRegressor extends NeighborsBase<KNeighborsRegressor>
    implements Regressor {

  static final Param<Integer> N_NEIGHBORS = Param.of("n_neighbors", 5, Rule.ints(1, null));
  private static final EstimatorSpec<KNeighborsRegressor> SPEC = EstimatorSpec.of(
      "sklearn.neighbors.KNeighborsRegressor", KNeighborsRegressor::new, Fitted.class,
      N_NEIGHBORS, WEIGHTS, ALGORITHM, LEAF_SIZE, P);

  /**
   * What {@code fit} keeps.
   *
   * @param fitX (n_samples, n_features) the training samples, as given (not copied); null after a
   *     float32 fit
   * @param fitX32 the float32 training samples of {@link #fit(float[][], double[])}, as given,
   *     else null (a saved model keeps its dtype)
   * @param y (n_samples,) their targets
   * @param nFeaturesIn the number of features
   * @param index the search index over the samples, rebuilt when read back
   */
  private record Fitted(@Nullable @Attribute("_fit_X") double[][] fitX,
      @Nullable @Attribute("_fit_X_float32") float[][] fitX32, @Attribute("_y") double[] y,
      int nFeaturesIn, @Derived NearestNeighbors index) {}

  /** {@code KNeighborsRegressor(n_neighbors=nNeighbors)}. */
  public KNeighborsRegressor(int nNeighbors) {
    this();
    nNeighbors(nNeighbors);
  }

  /** {@code KNeighborsRegressor()}: 5 neighbours. */
  public KNeighborsRegressor() {
    super(SPEC);
  }

  /** {@code n_neighbors}: how many neighbours are averaged (default 5). */
  public KNeighborsRegressor nNeighbors(int nNeighbors) {
    return set(N_NEIGHBORS, nNeighbors);
  }

  /** {@code weights}: "uniform" (default) or "distance". */
  public KNeighborsRegressor weights(String weights) {
    return set(WEIGHTS, weights);
  }

  /**
   * Stores the training samples and targets.
   *
   * @throws IllegalArgumentException if X or y is invalid, their lengths differ, or n_neighbors
   *     exceeds the number of samples
   */
  @Override
  public KNeighborsRegressor fit(double[][] X, double[] y) {
    validateParams();
    int nNeighbors = get(N_NEIGHBORS);
    Checks.checkMatrix("X", X);
    Checks.checkVector("y", y);
    checkFit(X.length, y.length, nNeighbors);
    fitted(new Fitted(X, null, y.clone(), X[0].length, index(X, nNeighbors)));
    return this;
  }

  /**
   * Stores float32 training samples, as scikit-learn keeps a float32 X (half the memory of
   * float64 ones): the neighbours of {@link NearestNeighbors#fit(float[][])}, so the predictions
   * of scikit-learn's model fitted on this X, for float32 queries ({@link #predict(float[][])}).
   *
   * @throws IllegalArgumentException as {@link #fit(double[][], double[])}
   */
  public KNeighborsRegressor fit(float[][] X, double[] y) {
    validateParams();
    int nNeighbors = get(N_NEIGHBORS);
    Checks.checkVector("y", y);
    NearestNeighbors index = index(X, nNeighbors);
    checkFit(X.length, y.length, nNeighbors);
    fitted(new Fitted(null, X, y.clone(), X[0].length, index));
    return this;
  }

  @Override
  protected Record restored(Record state) {
    Fitted f = (Fitted) state;
    return new Fitted(f.fitX, f.fitX32, f.y, f.nFeaturesIn,
        index(f.fitX, f.fitX32, get(N_NEIGHBORS)));
  }

  /** The dtype of the training samples: "float32" after {@link #fit(float[][], double[])}. */
  public String dtype() {
    return this.<Fitted>fitted().index.dtype();
  }

  /** The predicted target of each row of X. */
  @Override
  public double[] predict(double[][] X) {
    return predict(this.<Fitted>fitted().index.kneighbors(X));
  }

  /** The predicted target of each float32 row of X (scikit-learn's answer for a float32 X). */
  public double[] predict(float[][] X) {
    return predict(this.<Fitted>fitted().index.kneighbors(X));
  }

  private double[] predict(Neighbors neighbors) {
    Fitted f = fitted();
    String weights = get(WEIGHTS);
    double[] y = f.y;
    int nQueries = neighbors.indices().length;
    double[] predictions = new double[nQueries];
    for (int i = 0; i < nQueries; i++) {
      int[] row = neighbors.indices()[i];
      double[] values = new double[row.length];
      for (int j = 0; j < row.length; j++) {
        values[j] = y[row[j]];
      }
      if (weights.equals("uniform")) {
        predictions[i] = Sums.pairwise(values) / row.length;
      } else {
        double[] w = NeighborWeights.of(weights, neighbors.distances()[i]);
        for (int j = 0; j < row.length; j++) {
          values[j] *= w[j];
        }
        predictions[i] = Sums.pairwise(values) / Sums.pairwise(w);
      }
    }
    return predictions;
  }

  /** The {@code nNeighbors} nearest training samples of each row of X. */
  public Neighbors kneighbors(double[][] X) {
    return this.<Fitted>fitted().index.kneighbors(X);
  }

  /** The {@code nNeighbors} nearest training samples of each float32 row of X. */
  public Neighbors kneighbors(float[][] X) {
    return this.<Fitted>fitted().index.kneighbors(X);
  }
}
