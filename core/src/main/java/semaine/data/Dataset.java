package semaine.data;

import java.util.ArrayList;
import java.util.List;
import semaine.util.Checks;

/**
 * A labelled dataset, the Java counterpart of the {@code Bunch} that scikit-learn's loaders return.
 *
 * <p>{@code X} holds one row per sample, shape (n_samples, n_features). {@code y} holds the target,
 * shape (n_samples,): class ids 0..k-1 for classification (use {@link #labels()} to get them as
 * {@code int[]}) or values for regression. {@code featureNames} has one name per column of X;
 * {@code targetNames} has one name per class (class id {@code i} is {@code targetNames.get(i)}) and
 * is empty for regression. {@code description} is the dataset's documentation (scikit-learn's
 * {@code DESCR}, reStructuredText), empty when there is none.
 *
 * <p>The record owns copies: the constructor copies {@code X} and {@code y}, and {@link #X()} and
 * {@link #y()} return fresh copies, so a caller cannot change a dataset (call them once, not in a
 * loop).
 *
 * @param X samples, shape (n_samples, n_features); finite values
 * @param y target, shape (n_samples,); finite values
 * @param featureNames column names of X, size n_features
 * @param targetNames class names, size k (empty for regression)
 * @param description the dataset's description (never null)
 */
public record Dataset(
    double[][] X,
    double[] y,
    List<String> featureNames,
    List<String> targetNames,
    String description) {

  /** A plain decimal number, as Python's float() reads it minus nan/inf (and Java's suffixes). */
  static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** Validates shapes and names and copies the arrays. */
  public Dataset {
    Checks.checkMatrix("X", X);
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
    Checks.checkArgument(featureNames != null, "featureNames must not be null");
    Checks.checkArgument(featureNames.size() == X[0].length,
        "featureNames has " + featureNames.size() + " names but X has " + X[0].length + " columns");
    Checks.checkArgument(targetNames != null, "targetNames must not be null (use List.of())");
    Checks.checkArgument(description != null, "description must not be null (use \"\")");
    X = copy(X);
    y = y.clone();
    featureNames = List.copyOf(featureNames);
    targetNames = List.copyOf(targetNames);
    if (!targetNames.isEmpty()) {
      checkClassIds(y, targetNames.size());
    }
  }

  /** A dataset without a description. */
  public Dataset(double[][] X, double[] y, List<String> featureNames, List<String> targetNames) {
    this(X, y, featureNames, targetNames, "");
  }

  /** A copy of the samples, shape (n_samples, n_features). */
  @Override
  public double[][] X() {
    return copy(X);
  }

  /** A copy of the target, shape (n_samples,). */
  @Override
  public double[] y() {
    return y.clone();
  }

  /** Number of samples (rows of X). */
  public int nSamples() {
    return X.length;
  }

  /** Number of features (columns of X). */
  public int nFeatures() {
    return X[0].length;
  }

  /**
   * The target as class ids, {@code (int) y[i]}.
   *
   * @throws IllegalStateException if some {@code y[i]} is not an integer (a regression target)
   */
  public int[] labels() {
    return classIds(y);
  }

  /** y as class ids, {@code (int) y[i]}, refusing a value that is not an integer. */
  static int[] classIds(double[] y) {
    int[] labels = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      if (y[i] != Math.rint(y[i]) || Math.abs(y[i]) > Integer.MAX_VALUE) {
        throw new IllegalStateException("y[" + i + "] (" + y[i]
            + ") is not a class id: this dataset's target holds non-integer values (regression)");
      }
      labels[i] = (int) y[i];
    }
    return labels;
  }

  /**
   * The class names as the values a scikit-learn user would find in {@code classes_}: numbers when
   * every name is one ({@code 3L} for "3", {@code 0.5} for "0.5"), else the names themselves;
   * empty for regression. Class id {@code i} is {@code classValues().get(i)}.
   */
  public List<Object> classValues() {
    return classValues(targetNames);
  }

  /**
   * Class names as {@code classes_} values: numbers when every name is a number ({@code 3},
   * {@code 0.5}), else the names.
   */
  public static List<Object> classValues(List<String> targetNames) {
    boolean numeric = targetNames.stream().allMatch(Dataset::isNumber);
    List<Object> values = new ArrayList<>(targetNames.size());
    for (String name : targetNames) {
      values.add(numeric ? number(name) : name);
    }
    return values;
  }

  /** True when {@code field} is a plain decimal number, finite as a double. */
  static boolean isNumber(String field) {
    return NUMBER.matcher(field).matches() && Double.isFinite(Double.parseDouble(field));
  }

  private static Object number(String name) {
    if (name.matches("[+-]?\\d+")) {
      try {
        return Long.parseLong(name);
      } catch (NumberFormatException beyondLong) {
        // too many digits for a long: the nearest double
      }
    }
    return Double.parseDouble(name);
  }

  private static void checkClassIds(double[] y, int k) {
    for (int i = 0; i < y.length; i++) {
      if (!(y[i] == Math.rint(y[i]) && y[i] >= 0 && y[i] < k)) {
        throw new IllegalArgumentException("y[" + i + "] (" + y[i]
            + ") must be a class id in [0, " + (k - 1) + "] since targetNames has " + k + " names");
      }
    }
  }

  private static double[][] copy(double[][] X) {
    double[][] copy = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      copy[i] = X[i].clone();
    }
    return copy;
  }
}
