package semaine.metrics;

import semaine.util.Checks;
import semaine.util.Sums;

/**
 * Scores for real-valued predictions, as in scikit-learn 1.9's {@code sklearn.metrics} regression
 * functions for one output without sample weights. Means are NumPy's (pairwise sums divided by n),
 * so results agree with scikit-learn to the last bit or within a few ulps.
 */
public final class RegressionMetrics {

  private RegressionMetrics() {}

  /**
   * {@code MSE = Σ (yTrue[i] - yPred[i])² / n} ({@code mean_squared_error}).
   *
   * @throws IllegalArgumentException if an array is null, empty or non-finite, or lengths differ
   */
  public static double meanSquaredError(double[] yTrue, double[] yPred) {
    return Sums.pairwise(squaredErrors(yTrue, yPred)) / yTrue.length;
  }

  /**
   * {@code MAE = Σ |yTrue[i] - yPred[i]| / n} ({@code mean_absolute_error}).
   *
   * @throws IllegalArgumentException if an array is null, empty or non-finite, or lengths differ
   */
  public static double meanAbsoluteError(double[] yTrue, double[] yPred) {
    check(yTrue, yPred);
    double[] errors = new double[yTrue.length];
    for (int i = 0; i < errors.length; i++) {
      errors[i] = Math.abs(yPred[i] - yTrue[i]);
    }
    return Sums.pairwise(errors) / errors.length;
  }

  /**
   * The coefficient of determination {@code R² = 1 - SS_res / SS_tot}, with
   * {@code SS_res = Σ (yTrue[i] - yPred[i])²} and {@code SS_tot = Σ (yTrue[i] - mean(yTrue))²}
   * ({@code r2_score} with {@code force_finite=True}). When yTrue is constant ({@code SS_tot = 0}) the
   * score is 1.0 for a perfect prediction and 0.0 otherwise, instead of NaN or -infinity. With a
   * single sample R² is undefined and, as in scikit-learn, the result is NaN.
   *
   * @throws IllegalArgumentException if an array is null, empty or non-finite, or lengths differ
   */
  public static double r2Score(double[] yTrue, double[] yPred) {
    check(yTrue, yPred);
    if (yTrue.length < 2) {
      return Double.NaN;
    }
    double mean = Sums.pairwise(yTrue) / yTrue.length;
    int shift = safeShift(yTrue, yPred, mean);
    double[] squared = new double[yTrue.length];
    double[] deviations = new double[yTrue.length];
    for (int i = 0; i < deviations.length; i++) {
      double e = Math.scalb(yTrue[i] - yPred[i], shift);
      double d = Math.scalb(yTrue[i] - mean, shift);
      squared[i] = e * e;
      deviations[i] = d * d;
    }
    double residual = Sums.pairwise(squared);
    double total = Sums.pairwise(deviations);
    if (residual == 0) {
      return 1.0;
    }
    return total == 0 ? 0.0 : 1 - residual / total;
  }

  /**
   * R² is a ratio, so both sums may be scaled by one power of two: errors or deviations near 1e160
   * or 1e-170 would square to infinity or zero ({@link Sums#safeScaleExponent}).
   */
  private static int safeShift(double[] yTrue, double[] yPred, double mean) {
    double max = 0;
    for (int i = 0; i < yTrue.length; i++) {
      max = Math.max(max, Math.max(Math.abs(yTrue[i] - yPred[i]), Math.abs(yTrue[i] - mean)));
    }
    return Sums.safeScaleExponent(max);
  }

  private static double[] squaredErrors(double[] yTrue, double[] yPred) {
    check(yTrue, yPred);
    double[] squared = new double[yTrue.length];
    for (int i = 0; i < squared.length; i++) {
      double d = yTrue[i] - yPred[i];
      squared[i] = d * d;
    }
    return squared;
  }

  private static void check(double[] yTrue, double[] yPred) {
    Checks.checkPaired("yTrue", yTrue, "yPred", yPred);
    Checks.checkVector("yTrue", yTrue);
    Checks.checkVector("yPred", yPred);
  }
}
