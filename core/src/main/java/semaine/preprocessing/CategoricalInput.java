package semaine.preprocessing;

/**
 * The samples an encoder reads: either text ({@code String[][]}, {@code null} for a missing value)
 * or numbers ({@code double[][]}, NaN for a missing value), rows are samples. The two kinds are the
 * two arrays scikit-learn's encoders meet in practice (an object array of strings, a float array);
 * an encoder fitted on one kind takes the same kind afterwards.
 */
record CategoricalInput(String[][] text, double[][] numbers) {

  /** Text samples, checked: not empty, not ragged. */
  static CategoricalInput of(String[][] X) {
    check(X == null, X == null ? 0 : X.length);
    int d = X[0] == null ? 0 : X[0].length;
    for (int i = 0; i < X.length; i++) {
      checkRow(i, X[i] == null ? -1 : X[i].length, d);
    }
    return new CategoricalInput(X, null);
  }

  /** Numeric samples, checked: not empty, not ragged, no infinity (NaN is a missing value). */
  static CategoricalInput of(double[][] X) {
    check(X == null, X == null ? 0 : X.length);
    int d = X[0] == null ? 0 : X[0].length;
    for (int i = 0; i < X.length; i++) {
      checkRow(i, X[i] == null ? -1 : X[i].length, d);
      for (int j = 0; j < d; j++) {
        if (Double.isInfinite(X[i][j])) {
          throw new IllegalArgumentException("X has an infinite value (" + X[i][j] + ") at row "
              + i + ", column " + j + ": categories are finite numbers, or NaN when missing");
        }
      }
    }
    return new CategoricalInput(null, X);
  }

  boolean isText() {
    return text != null;
  }

  int nRows() {
    return isText() ? text.length : numbers.length;
  }

  int nColumns() {
    return isText() ? text[0].length : numbers[0].length;
  }

  boolean isMissing(int i, int j) {
    return isText() ? text[i][j] == null : Double.isNaN(numbers[i][j]);
  }

  /** The cell as a category's name: the text, or the number as Python's {@code str} spells it. */
  String name(int i, int j) {
    if (isText()) {
      return text[i][j] == null ? "None" : text[i][j];
    }
    return Double.isNaN(numbers[i][j]) ? "nan" : semaine.data.Csv.formatDouble(numbers[i][j]);
  }

  private static void check(boolean isNull, int rows) {
    if (isNull) {
      throw new IllegalArgumentException("X must not be null");
    }
    if (rows == 0) {
      throw new IllegalArgumentException("X is empty: it must have at least one row");
    }
  }

  private static void checkRow(int i, int length, int d) {
    if (d == 0) {
      throw new IllegalArgumentException("X has no columns: each row needs at least one feature");
    }
    if (length != d) {
      throw new IllegalArgumentException("X is ragged: row " + i + " has "
          + (length < 0 ? "no" : String.valueOf(length)) + " values but row 0 has " + d);
    }
  }
}
