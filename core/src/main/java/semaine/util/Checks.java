package semaine.util;

/**
 * Argument and state checks shared by every estimator and loader.
 *
 * <p>Each check returns its argument so it can be used inline
 * ({@code this.k = Checks.checkPositive("nClusters", k);}) and throws with a message that names the
 * argument, the value received and the rule it broke, for example {@code nClusters (0) must be >= 1}.
 * Caller mistakes are {@link IllegalArgumentException}s; calls in the wrong order (a model used before
 * {@code fit}) are {@link IllegalStateException}s. The CLI prints these messages as they are.
 */
public final class Checks {

  private Checks() {}

  /** Throws {@link IllegalArgumentException} with {@code message} unless {@code condition} holds. */
  public static void checkArgument(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Requires {@code value >= 1}. */
  public static int checkPositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " (" + value + ") must be >= 1");
    }
    return value;
  }

  /** Requires {@code value >= 0}. */
  public static int checkNonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " (" + value + ") must be >= 0");
    }
    return value;
  }

  /** Requires {@code value > 0}; written as {@code !(value > 0)} so that NaN fails too. */
  public static double checkPositive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be > 0");
    }
    return value;
  }

  /** Requires {@code value >= 0}; NaN fails. */
  public static double checkNonNegative(String name, double value) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be >= 0");
    }
    return value;
  }

  /** Requires a finite value (not NaN, not infinite). */
  public static double checkFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be finite");
    }
    return value;
  }

  /** Requires {@code low <= value <= high}. */
  public static int checkInRange(String name, int value, int low, int high) {
    if (value < low || value > high) {
      throw new IllegalArgumentException(
          name + " (" + value + ") must be in [" + low + ", " + high + "]");
    }
    return value;
  }

  /** Requires {@code low < value <= high} (a half-open interval such as contamination's (0, 0.5]). */
  public static double checkInLeftOpenRange(String name, double value, double low, double high) {
    if (!(value > low && value <= high)) {
      throw new IllegalArgumentException(
          name + " (" + value + ") must be in (" + low + ", " + high + "]");
    }
    return value;
  }

  /**
   * Checks a sample matrix: not null, at least one row, at least one column, every row as long as
   * the first and every value finite. The message points at the offending row and column.
   *
   * @return {@code X}, unchanged
   */
  public static double[][] checkMatrix(String name, double[][] X) {
    checkMatrixShape(name, X);
    for (int i = 0; i < X.length; i++) {
      double[] row = X[i];
      if (DenseKernels.allFinite(row)) {   // a fast pass; then look for the culprit
        continue;
      }
      for (int j = 0; j < row.length; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(
              name + " has a non-finite value (" + row[j] + ") at row " + i + ", column " + j);
        }
      }
    }
    return X;
  }

  /**
   * {@link #checkMatrix}'s checks but the values': not null, not empty, not ragged. For a caller
   * that reads every value anyway and calls checkMatrix when a sum of them is not finite.
   */
  public static double[][] checkMatrixShape(String name, double[][] X) {
    if (X == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (X.length == 0) {
      throw new IllegalArgumentException(name + " is empty: it must have at least one row");
    }
    if (X[0] == null || X[0].length == 0) {
      throw new IllegalArgumentException(name + " has no columns: each row needs at least one feature");
    }
    int d = X[0].length;
    for (int i = 0; i < X.length; i++) {
      double[] row = X[i];
      if (row == null || row.length != d) {
        throw new IllegalArgumentException(name + " is ragged: row " + i + " has "
            + (row == null ? "no" : String.valueOf(row.length)) + " values but row 0 has " + d);
      }
    }
    return X;
  }

  /** Checks a target vector: not null, not empty, every value finite. */
  public static double[] checkVector(String name, double[] y) {
    if (y == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (y.length == 0) {
      throw new IllegalArgumentException(name + " is empty: it must have at least one value");
    }
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException(
            name + " has a non-finite value (" + y[i] + ") at index " + i);
      }
    }
    return y;
  }

  /** Requires X and y to describe the same number of samples. */
  public static void checkSameLength(String xName, int xRows, String yName, int yLength) {
    if (xRows != yLength) {
      throw new IllegalArgumentException(
          xName + " has " + xRows + " rows but " + yName + " has " + yLength + " values");
    }
  }

  /**
   * Requires two non-null, non-empty arrays of the same length, such as a metric's
   * {@code yTrue} and {@code yPred}: "yTrue has 3 values but yPred has 4".
   */
  public static void checkPaired(String aName, Object a, String bName, Object b) {
    int aLength = length(aName, a);
    int bLength = length(bName, b);
    if (aLength != bLength) {
      throw new IllegalArgumentException(
          aName + " has " + aLength + " values but " + bName + " has " + bLength);
    }
  }

  private static int length(String name, Object array) {
    if (array == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    int n = java.lang.reflect.Array.getLength(array);
    if (n == 0) {
      throw new IllegalArgumentException(name + " is empty: it must have at least one value");
    }
    return n;
  }

  /** Requires a fitted model: {@code fitted} is the fitted state or null before {@code fit}. */
  public static <T> T checkFitted(T fitted, String model) {
    if (fitted == null) {
      throw new IllegalStateException(
          "This " + model + " is not fitted yet: call fit(X" + ") before using it");
    }
    return fitted;
  }
}
