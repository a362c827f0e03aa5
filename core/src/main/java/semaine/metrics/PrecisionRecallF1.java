package semaine.metrics;

import java.util.Arrays;
import semaine.util.Sums;

/**
 * Per-class precision, recall, F1 and support, as scikit-learn 1.9's
 * {@code precision_recall_fscore_support(y_true, y_pred, average=None)}.
 *
 * <p>For class c: tp = samples of class c predicted c, predicted = samples predicted c, support =
 * samples of class c. precision = tp / predicted, recall = tp / support,
 * F1 = 2·tp / (support + predicted); a zero denominator gives {@code zeroDivision} (0 for
 * scikit-learn's "warn"). The record owns its arrays; accessors return them as stored.
 *
 * @param labels the classes present in y_true or y_pred, sorted, shape (k,)
 * @param precision shape (k,)
 * @param recall shape (k,)
 * @param f1 shape (k,)
 * @param support samples of each class in y_true, shape (k,)
 */
public record PrecisionRecallF1(int[] labels, double[] precision, double[] recall, double[] f1,
    int[] support) {

  /** Counts and divides, for labels {@code labels}. */
  static PrecisionRecallF1 of(int[] yTrue, int[] yPred, int[] labels, double zeroDivision) {
    int k = labels.length;
    long[] tp = new long[k];
    long[] predicted = new long[k];
    long[] support = new long[k];
    for (int i = 0; i < yTrue.length; i++) {
      int t = Arrays.binarySearch(labels, yTrue[i]);
      int p = Arrays.binarySearch(labels, yPred[i]);
      if (t >= 0) {
        support[t]++;
      }
      if (p >= 0) {
        predicted[p]++;
      }
      if (t >= 0 && yTrue[i] == yPred[i]) {
        tp[t]++;
      }
    }
    return fromCounts(labels, tp, predicted, support, zeroDivision);
  }

  static PrecisionRecallF1 fromCounts(int[] labels, long[] tp, long[] predicted, long[] support,
      double zeroDivision) {
    int k = tp.length;
    double[] precision = new double[k];
    double[] recall = new double[k];
    double[] f1 = new double[k];
    int[] supportInts = new int[k];
    for (int c = 0; c < k; c++) {
      precision[c] = divide(tp[c], predicted[c], zeroDivision);
      recall[c] = divide(tp[c], support[c], zeroDivision);
      f1[c] = divide(2.0 * tp[c], (double) support[c] + predicted[c], zeroDivision);
      supportInts[c] = Math.toIntExact(support[c]);
    }
    return new PrecisionRecallF1(labels, precision, recall, f1, supportInts);
  }

  /** The unweighted mean of a per-class value ({@code average='macro'}). */
  static double mean(double[] values) {
    return Sums.pairwise(values) / values.length;
  }

  /** The support-weighted mean ({@code average='weighted'}): Σ v·support / Σ support. */
  static double weightedMean(double[] values, int[] support) {
    double[] products = new double[values.length];
    double[] weights = new double[values.length];
    for (int c = 0; c < values.length; c++) {
      products[c] = values[c] * support[c];
      weights[c] = support[c];
    }
    return Sums.pairwise(products) / Sums.pairwise(weights);
  }

  private static double divide(double numerator, double denominator, double zeroDivision) {
    return denominator == 0 ? zeroDivision : numerator / denominator;
  }
}
