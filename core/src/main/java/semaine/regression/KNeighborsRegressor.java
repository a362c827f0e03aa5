package semaine.regression;

import semaine.neighbors.NearestNeighbors;
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
public final class KNeighborsRegressor implements Regressor {

  private final int nNeighbors;
  private String weights = "uniform";
  private String algorithm = "auto";
  private int p = 2;
  private NearestNeighbors index;
  private double[] y;

  /** {@code KNeighborsRegressor(n_neighbors=nNeighbors)}. */
  public KNeighborsRegressor(int nNeighbors) {
    this.nNeighbors = Checks.checkPositive("nNeighbors", nNeighbors);
  }

  /** {@code KNeighborsRegressor()}: 5 neighbours. */
  public KNeighborsRegressor() {
    this(5);
  }

  /** {@code weights}: "uniform" (default) or "distance". */
  public KNeighborsRegressor weights(String weights) {
    this.weights = NeighborWeights.check(weights);
    return this;
  }

  /** {@code algorithm}: "auto" (default), "brute", "kd_tree" or "ball_tree". */
  public KNeighborsRegressor algorithm(String algorithm) {
    new NearestNeighbors().algorithm(algorithm);
    this.algorithm = algorithm;
    return this;
  }

  /** The Minkowski power {@code p}: 1 or 2 (default). */
  public KNeighborsRegressor p(int p) {
    new NearestNeighbors().p(p);
    this.p = p;
    return this;
  }

  /**
   * Stores the training samples and targets.
   *
   * @throws IllegalArgumentException if X or y is invalid, their lengths differ, or nNeighbors
   *     exceeds the number of samples
   */
  @Override
  public KNeighborsRegressor fit(double[][] X, double[] y) {
    Checks.checkMatrix("X", X);
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
    if (nNeighbors > X.length) {
      throw new IllegalArgumentException("nNeighbors (" + nNeighbors
          + ") must be <= the number of training samples (" + X.length + ")");
    }
    this.index = new NearestNeighbors(nNeighbors).algorithm(algorithm).p(p).fit(X);
    this.y = y.clone();
    return this;
  }

  /** The predicted target of each row of X. */
  @Override
  public double[] predict(double[][] X) {
    Checks.checkFitted(index, "KNeighborsRegressor");
    Neighbors neighbors = index.kneighbors(X);
    double[] predictions = new double[X.length];
    for (int i = 0; i < X.length; i++) {
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
    return Checks.checkFitted(index, "KNeighborsRegressor").kneighbors(X);
  }
}
