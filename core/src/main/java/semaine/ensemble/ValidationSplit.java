package semaine.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import semaine.random.RandomState;
import semaine.selection.TrainTestSplit;

/**
 * The stratified early-stopping split of histogram gradient boosting classifiers: scikit-learn's
 * {@code train_test_split(test_size=validation_fraction, random_state=seed, stratify=y)}, draw for
 * draw ({@link semaine.selection.TrainTestSplit} does the unstratified one).
 *
 * <p>Stratified ({@code StratifiedShuffleSplit}): the per-class training and validation counts by
 * {@code _approximate_mode} (remainders shared out by decreasing remainder, ties drawn with
 * {@code choice(replace=False)}), each class's rows (in index order) permuted, the first ones to
 * training and the next ones to validation; then each set permuted.
 *
 * @param train the training rows, in scikit-learn's order
 * @param test the validation rows, in scikit-learn's order
 */
record ValidationSplit(int[] train, int[] test) {

  /**
   * {@code StratifiedShuffleSplit}'s split.
   *
   * @param y (n,) class indices 0..nClasses−1
   * @param labels (nClasses,) the class labels, for messages
   * @throws IllegalArgumentException when a class has one member, or a set is smaller than the
   *     number of classes
   */
  static ValidationSplit stratified(int[] y, int[] labels, int nTest, long seed) {
    int n = y.length;
    int nClasses = labels.length;
    int nTrain = n - nTest;
    int[] counts = new int[nClasses];
    for (int label : y) {
      counts[label]++;
    }
    for (int k = 0; k < nClasses; k++) {
      if (counts[k] < 2) {
        throw new IllegalArgumentException("The least populated class in y (" + labels[k] + ") has only "
            + counts[k] + " member, which is too few for the stratified validation split"
            + " (early_stopping): at least 2 are needed");
      }
    }
    if (nTrain < nClasses || nTest < nClasses) {
      throw new IllegalArgumentException("validation_fraction gives " + nTest + " validation and "
          + nTrain + " training rows; each must be at least the number of classes (" + nClasses
          + ")");
    }
    RandomState rng = new RandomState(seed);
    int[] trainCounts = approximateMode(counts, nTrain, rng);
    int[] remaining = new int[nClasses];
    for (int k = 0; k < nClasses; k++) {
      remaining[k] = counts[k] - trainCounts[k];
    }
    int[] testCounts = approximateMode(remaining, nTest, rng);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int k = 0; k < nClasses; k++) {
      int[] rows = new int[counts[k]];
      int size = 0;
      for (int i = 0; i < n; i++) {
        if (y[i] == k) {
          rows[size++] = i;
        }
      }
      int[] perm = rng.permutation(counts[k]);
      for (int j = 0; j < trainCounts[k]; j++) {
        train.add(rows[perm[j]]);
      }
      for (int j = trainCounts[k]; j < trainCounts[k] + testCounts[k]; j++) {
        test.add(rows[perm[j]]);
      }
    }
    return new ValidationSplit(permuted(train, rng), permuted(test, rng));
  }

  /** The rows and targets of each side, as {@code train_test_split} returns them. */
  TrainTestSplit.Split<double[]> split(double[][] X, double[] y) {
    return new TrainTestSplit.Split<>(rows(X, train), rows(X, test), values(y, train),
        values(y, test));
  }

  private static double[][] rows(double[][] X, int[] index) {
    double[][] out = new double[index.length][];
    for (int i = 0; i < index.length; i++) {
      out[i] = X[index[i]];
    }
    return out;
  }

  private static double[] values(double[] y, int[] index) {
    double[] out = new double[index.length];
    for (int i = 0; i < index.length; i++) {
      out[i] = y[index[i]];
    }
    return out;
  }

  private static int[] permuted(List<Integer> rows, RandomState rng) {
    int[] perm = rng.permutation(rows.size());
    int[] out = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      out[i] = rows.get(perm[i]);
    }
    return out;
  }

  /** {@code _approximate_mode(class_counts, n_draws, rng)}. */
  static int[] approximateMode(int[] counts, int nDraws, RandomState rng) {
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    double[] continuous = new double[counts.length];
    int[] floored = new int[counts.length];
    double flooredSum = 0;
    for (int k = 0; k < counts.length; k++) {
      continuous[k] = (double) counts[k] / total * nDraws;
      floored[k] = (int) Math.floor(continuous[k]);
      flooredSum += floored[k];
    }
    int needToAdd = (int) (nDraws - flooredSum);
    if (needToAdd <= 0) {
      return floored;
    }
    double[] remainder = new double[counts.length];
    for (int k = 0; k < counts.length; k++) {
      remainder[k] = continuous[k] - Math.floor(continuous[k]);
    }
    double[] values = Arrays.stream(remainder).distinct().sorted().toArray();
    for (int v = values.length - 1; v >= 0 && needToAdd > 0; v--) {
      double value = values[v];
      int[] inds = java.util.stream.IntStream.range(0, counts.length)
          .filter(k -> remainder[k] == value).toArray();
      int addNow = Math.min(inds.length, needToAdd);
      int[] chosen = rng.choice(inds.length, addNow, false);
      for (int c : chosen) {
        floored[inds[c]]++;
      }
      needToAdd -= addNow;
    }
    return floored;
  }
}
