package semaine.selection;

/**
 * Train and test sizes from {@code test_size} and {@code train_size}, as scikit-learn 1.9's
 * {@code _validate_shuffle_split} computes them (default test_size 0.25).
 */
final class SplitSizes {

  private static final double DEFAULT_TEST_SIZE = 0.25;

  private SplitSizes() {}

  /**
   * Returns {n_train, n_test}.
   *
   * @param testSize an Integer count, a Double fraction or null
   * @param trainSize an Integer count, a Double fraction or null
   */
  static int[] resolve(int n, Number testSize, Number trainSize) {
    if (testSize == null && trainSize == null) {
      testSize = DEFAULT_TEST_SIZE;
    }
    check("testSize", testSize, n);
    check("trainSize", trainSize, n);
    if (testSize instanceof Double te && trainSize instanceof Double tr && te + tr > 1) {
      throw new IllegalArgumentException("testSize + trainSize (" + (te + tr)
          + ") must be in (0, 1]: reduce testSize and/or trainSize");
    }
    long nTest = count(testSize, n, true);
    long nTrain = count(trainSize, n, false);
    if (trainSize == null) {
      nTrain = n - nTest;
    } else if (testSize == null) {
      nTest = n - nTrain;
    }
    if (nTrain + nTest > n) {
      throw new IllegalArgumentException("trainSize + testSize (" + (nTrain + nTest)
          + " samples) must be <= the number of samples (" + n + ")");
    }
    if (nTrain == 0) {
      throw new IllegalArgumentException("with " + n + " samples, testSize (" + testSize
          + ") and trainSize (" + trainSize + ") leave an empty train set");
    }
    return new int[] {(int) nTrain, (int) nTest};
  }

  private static void check(String name, Number size, int n) {
    if (size instanceof Integer count && (count <= 0 || count >= n)) {
      throw new IllegalArgumentException(
          name + " (" + count + ") must be in [1, " + (n - 1) + "] (a count below n = " + n + ")");
    }
    if (size instanceof Double fraction && !(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(name + " (" + fraction + ") must be in (0, 1)");
    }
  }

  /** ceil(fraction · n) for the test side, floor for the train side, or the count itself. */
  private static long count(Number size, int n, boolean test) {
    if (size instanceof Double fraction) {
      return (long) (test ? Math.ceil(fraction * n) : Math.floor(fraction * n));
    }
    return size == null ? 0 : size.intValue();
  }
}
