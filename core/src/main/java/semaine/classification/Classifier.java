package semaine.classification;

import semaine.metrics.ClassificationMetrics;

/** A model that learns integer class labels from samples and predicts them for new samples. */
public interface Classifier {

  /** Learns from samples X, shape (n_samples, n_features), and their labels y, shape (n_samples,). */
  Classifier fit(double[][] X, int[] y);

  /** The predicted label of each row of X. */
  int[] predict(double[][] X);

  /** The accuracy of {@link #predict} on X against y ({@code score} of scikit-learn classifiers). */
  default double score(double[][] X, int[] y) {
    return ClassificationMetrics.accuracyScore(y, predict(X));
  }
}
