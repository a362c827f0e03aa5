package semaine.base;

import semaine.metrics.ClassificationMetrics;

/**
 * A model that learns integer class labels from samples and predicts them for new samples, as
 * scikit-learn's {@code ClassifierMixin}.
 */
public interface Classifier extends Estimator {

  /**
   * Learns from samples X, shape (n_samples, n_features), and their labels y, shape (n_samples,).
   *
   * @return this model, fitted
   */
  Classifier fit(double[][] X, int[] y);

  /** The predicted label of each row of X, shape (n_samples,). */
  int[] predict(double[][] X);

  /** The class labels seen in {@code fit}, sorted ({@code classes_}). */
  int[] classes();

  /**
   * The probability of each class for each row of X, shape (n_samples, n_classes), columns in
   * {@link #classes()} order ({@code predict_proba}).
   *
   * @throws UnsupportedOperationException for a classifier without probabilities
   */
  default double[][] predictProba(double[][] X) {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " gives no class probabilities (no predict_proba)");
  }

  /** The accuracy of {@link #predict} on X against y ({@code score} of scikit-learn classifiers). */
  default double score(double[][] X, int[] y) {
    return ClassificationMetrics.accuracyScore(y, predict(X));
  }
}
