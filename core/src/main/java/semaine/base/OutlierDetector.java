package semaine.base;

/**
 * A model that learns what normal data looks like and flags the samples that do not fit it, as
 * scikit-learn's {@code OutlierMixin}: labels are +1 (inlier) or −1 (outlier).
 */
public interface OutlierDetector extends Estimator {

  /** Learns from the training samples X, shape (n_samples, n_features); returns this. */
  OutlierDetector fit(double[][] X);

  /** Fits on X and labels each of its rows: +1 inlier, −1 outlier ({@code fit_predict}). */
  int[] fitPredict(double[][] X);

  /** Labels new samples: −1 outlier, +1 inlier ({@code predict}). */
  int[] predict(double[][] X);

  /** The score of each new sample, lower for more abnormal ones ({@code score_samples}). */
  double[] scoreSamples(double[][] X);

  /** {@code scoreSamples(X) − offset()}: negative for outliers ({@code decision_function}). */
  double[] decisionFunction(double[][] X);

  /**
   * The threshold on the scores below which a sample is an outlier ({@code offset_}), set by
   * {@code contamination}.
   */
  double offset();
}
