package semaine.metrics;

import java.util.Arrays;
import java.util.Comparator;
import semaine.util.Checks;

/**
 * The receiver operating characteristic of a binary score: for each distinct score, taken as a
 * threshold from the highest down, the false positive rate and the true positive rate of calling
 * every sample scored at least that high positive ({@code sklearn.metrics.roc_curve} with
 * {@code drop_intermediate=False}, plus the starting point (0, 0) at threshold +∞).
 *
 * <p>The positive class is the larger of the two labels in {@code yTrue}, as in
 * {@code roc_auc_score}.
 *
 * @param fpr false positive rate at each threshold, increasing from 0 to 1
 * @param tpr true positive rate at each threshold, increasing from 0 to 1
 * @param thresholds the thresholds, decreasing (the first is +∞)
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {

  /**
   * The curve of {@code yScore} against the two classes of {@code yTrue}.
   *
   * @throws IllegalArgumentException if the arrays differ in length, a score is not finite, or
   *     {@code yTrue} does not hold exactly two classes
   */
  public static RocCurve of(int[] yTrue, double[] yScore) {
    Checks.checkPaired("yTrue", yTrue, "yScore", yScore);
    Checks.checkVector("yScore", yScore);
    int[] classes = Arrays.stream(yTrue).sorted().distinct().toArray();
    if (classes.length != 2) {
      throw new IllegalArgumentException("yTrue has " + classes.length
          + " class(es): ROC AUC needs exactly 2 (the larger label is the positive class)");
    }
    int positive = classes[1];
    int n = yScore.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> yScore[i]).reversed());
    double[] fps = new double[n + 1];
    double[] tps = new double[n + 1];
    double[] thresholds = new double[n + 1];
    thresholds[0] = Double.POSITIVE_INFINITY;
    int points = 1;
    double tp = 0;
    double fp = 0;
    for (int r = 0; r < n; r++) {
      int i = order[r];
      if (yTrue[i] == positive) {
        tp++;
      } else {
        fp++;
      }
      // one point per distinct score: after the last sample that has it
      if (r == n - 1 || yScore[order[r + 1]] != yScore[i]) {
        tps[points] = tp;
        fps[points] = fp;
        thresholds[points] = yScore[i];
        points++;
      }
    }
    double[] fpr = new double[points];
    double[] tpr = new double[points];
    for (int p = 0; p < points; p++) {
      fpr[p] = fps[p] / fp;
      tpr[p] = tps[p] / tp;
    }
    return new RocCurve(fpr, tpr, Arrays.copyOf(thresholds, points));
  }

  /** The area under the curve by the trapezoidal rule ({@code sklearn.metrics.auc}). */
  public double auc() {
    double area = 0;
    for (int p = 1; p < fpr.length; p++) {
      area += (fpr[p] - fpr[p - 1]) * (tpr[p] + tpr[p - 1]) / 2;
    }
    return area;
  }
}
