package semaine.base;

import semaine.metrics.RegressionMetrics;

/**
 * A model that predicts a real number per sample: {@code fit(X, y)}, then {@code predict(X)}, as
 * scikit-learn's {@code RegressorMixin}.
 */
public interface Regressor extends Estimator {

  /**
   * Learns from samples X, shape (n_samples, n_features), and targets y, shape (n_samples,).
   *
   * @return this model, fitted
   */
  Regressor fit(double[][] X, double[] y);

  /** Predictions for the rows of X, shape (n_samples,). */
  double[] predict(double[][] X);

  /** The coefficient of determination R² of {@code predict(X)} against y ({@code score}). */
  default double score(double[][] X, double[] y) {
    return RegressionMetrics.r2Score(y, predict(X));
  }
}
