package semaine.metrics;

import java.util.Arrays;
import semaine.util.Checks;

/**
 * Scores for class predictions, as in scikit-learn's {@code sklearn.metrics} classification
 * functions (1.9), for integer class ids without sample weights.
 */
public final class ClassificationMetrics {

  private ClassificationMetrics() {}

  /**
   * The fraction of samples predicted right: {@code accuracy = #{i : yTrue[i] == yPred[i]} / n}
   * ({@code accuracy_score}).
   *
   * @throws IllegalArgumentException if an array is null or empty, or their lengths differ
   */
  public static double accuracyScore(int[] yTrue, int[] yPred) {
    Checks.checkPaired("yTrue", yTrue, "yPred", yPred);
    int right = 0;
    for (int i = 0; i < yTrue.length; i++) {
      if (yTrue[i] == yPred[i]) {
        right++;
      }
    }
    return (double) right / yTrue.length;
  }

  /**
   * Counts each (true class, predicted class) pair ({@code confusion_matrix}). The labels are the
   * classes seen in either array, sorted ({@code unique_labels(y_true, y_pred)}).
   *
   * @throws IllegalArgumentException if an array is null or empty, or their lengths differ
   */
  public static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred) {
    Checks.checkPaired("yTrue", yTrue, "yPred", yPred);
    int[] both = Arrays.copyOf(yTrue, yTrue.length + yPred.length);
    System.arraycopy(yPred, 0, both, yTrue.length, yPred.length);
    int[] labels = Arrays.stream(both).sorted().distinct().toArray();
    int[][] counts = new int[labels.length][labels.length];
    for (int i = 0; i < yTrue.length; i++) {
      counts[Arrays.binarySearch(labels, yTrue[i])][Arrays.binarySearch(labels, yPred[i])]++;
    }
    return new ConfusionMatrix(labels, counts);
  }
}
