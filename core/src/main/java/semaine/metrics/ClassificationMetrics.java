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
   * The area under the ROC curve of a binary score ({@code roc_auc_score}): the probability that a
   * random positive sample scores higher than a random negative one, ties counting one half. The
   * positive class is the larger label of {@code yTrue}; see {@link RocCurve}.
   *
   * @throws IllegalArgumentException if the lengths differ, a score is not finite, or yTrue does
   *     not hold exactly two classes
   */
  public static double rocAucScore(int[] yTrue, double[] yScore) {
    return RocCurve.of(yTrue, yScore).auc();
  }

  /**
   * Counts each (true class, predicted class) pair ({@code confusion_matrix}). The labels are the
   * classes seen in either array, sorted ({@code unique_labels(y_true, y_pred)}).
   *
   * @throws IllegalArgumentException if an array is null or empty, or their lengths differ
   */
  public static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred) {
    Checks.checkPaired("yTrue", yTrue, "yPred", yPred);
    int[] labels = labels(yTrue, yPred);
    int[][] counts = new int[labels.length][labels.length];
    for (int i = 0; i < yTrue.length; i++) {
      counts[Arrays.binarySearch(labels, yTrue[i])][Arrays.binarySearch(labels, yPred[i])]++;
    }
    return new ConfusionMatrix(labels, counts);
  }

  /**
   * Per-class precision, recall, F1 and support over the classes seen in either array, sorted
   * ({@code precision_recall_fscore_support(average=None, zero_division=zeroDivision)}).
   */
  public static PrecisionRecallF1 precisionRecallF1(int[] yTrue, int[] yPred, double zeroDivision) {
    Checks.checkPaired("yTrue", yTrue, "yPred", yPred);
    return PrecisionRecallF1.of(yTrue, yPred, labels(yTrue, yPred), checkZeroDivision(zeroDivision));
  }

  /** {@code precision_score(y_true, y_pred, average=average)} with zero_division "warn" (0). */
  public static double precisionScore(int[] yTrue, int[] yPred, String average) {
    return precisionScore(yTrue, yPred, average, 0.0);
  }

  /**
   * Precision tp / (tp + fp), averaged as scikit-learn's {@code average}: "binary" (class 1
   * only; at most two classes), "macro" (mean over classes), "weighted" (weighted by support) or
   * "micro" (from the summed counts). {@code zeroDivision} (0, 1 or NaN) replaces 0/0.
   */
  public static double precisionScore(int[] yTrue, int[] yPred, String average,
      double zeroDivision) {
    return averaged(yTrue, yPred, average, zeroDivision, 0);
  }

  /** {@code recall_score(y_true, y_pred, average=average)} with zero_division "warn" (0). */
  public static double recallScore(int[] yTrue, int[] yPred, String average) {
    return recallScore(yTrue, yPred, average, 0.0);
  }

  /** Recall tp / (tp + fn), averaged as in {@link #precisionScore(int[], int[], String, double)}. */
  public static double recallScore(int[] yTrue, int[] yPred, String average, double zeroDivision) {
    return averaged(yTrue, yPred, average, zeroDivision, 1);
  }

  /** {@code f1_score(y_true, y_pred, average=average)} with zero_division "warn" (0). */
  public static double f1Score(int[] yTrue, int[] yPred, String average) {
    return f1Score(yTrue, yPred, average, 0.0);
  }

  /**
   * F1 = 2·tp / (2·tp + fp + fn), averaged as in
   * {@link #precisionScore(int[], int[], String, double)}.
   */
  public static double f1Score(int[] yTrue, int[] yPred, String average, double zeroDivision) {
    return averaged(yTrue, yPred, average, zeroDivision, 2);
  }

  /** {@code classification_report(y_true, y_pred, zero_division=0)} as a value; print it. */
  public static ClassificationReport classificationReport(int[] yTrue, int[] yPred) {
    PrecisionRecallF1 perClass = precisionRecallF1(yTrue, yPred, 0.0);
    double[][] values = {perClass.precision(), perClass.recall(), perClass.f1()};
    double[] macro = new double[3];
    double[] weighted = new double[3];
    for (int m = 0; m < 3; m++) {
      macro[m] = PrecisionRecallF1.mean(values[m]);
      weighted[m] = PrecisionRecallF1.weightedMean(values[m], perClass.support());
    }
    return new ClassificationReport(perClass, accuracyScore(yTrue, yPred), macro, weighted,
        yTrue.length);
  }

  private static double averaged(int[] yTrue, int[] yPred, String average, double zeroDivision,
      int metric) {
    Checks.checkPaired("yTrue", yTrue, "yPred", yPred);
    checkZeroDivision(zeroDivision);
    int[] labels = labels(yTrue, yPred);
    PrecisionRecallF1 perClass;
    switch (average == null ? "" : average) {
      case "binary" -> {
        if (labels.length > 2) {
          throw new IllegalArgumentException("average (binary) needs at most 2 classes but y has "
              + labels.length + ": use \"macro\", \"weighted\" or \"micro\"");
        }
        perClass = PrecisionRecallF1.of(yTrue, yPred, new int[] {1}, zeroDivision);
        return pick(perClass, metric)[0];
      }
      case "micro" -> {
        long tp = 0;
        for (int i = 0; i < yTrue.length; i++) {
          tp += yTrue[i] == yPred[i] ? 1 : 0;
        }
        // every sample is predicted as, and belongs to, one of the labels
        perClass = PrecisionRecallF1.fromCounts(new int[] {0}, new long[] {tp},
            new long[] {yTrue.length}, new long[] {yTrue.length}, zeroDivision);
        return pick(perClass, metric)[0];
      }
      case "macro" -> {
        return PrecisionRecallF1.mean(pick(PrecisionRecallF1.of(yTrue, yPred, labels, zeroDivision),
            metric));
      }
      case "weighted" -> {
        perClass = PrecisionRecallF1.of(yTrue, yPred, labels, zeroDivision);
        return PrecisionRecallF1.weightedMean(pick(perClass, metric), perClass.support());
      }
      default -> throw new IllegalArgumentException("average (" + average
          + ") must be one of \"binary\", \"macro\", \"weighted\", \"micro\"");
    }
  }

  private static double[] pick(PrecisionRecallF1 values, int metric) {
    return switch (metric) {
      case 0 -> values.precision();
      case 1 -> values.recall();
      default -> values.f1();
    };
  }

  private static double checkZeroDivision(double zeroDivision) {
    if (!(zeroDivision == 0.0 || zeroDivision == 1.0 || Double.isNaN(zeroDivision))) {
      throw new IllegalArgumentException(
          "zeroDivision (" + zeroDivision + ") must be 0, 1 or NaN");
    }
    return zeroDivision;
  }

  private static int[] labels(int[] yTrue, int[] yPred) {
    int[] both = Arrays.copyOf(yTrue, yTrue.length + yPred.length);
    System.arraycopy(yPred, 0, both, yTrue.length, yPred.length);
    return Arrays.stream(both).sorted().distinct().toArray();
  }
}
