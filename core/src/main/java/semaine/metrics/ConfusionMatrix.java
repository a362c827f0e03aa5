package semaine.metrics;

import java.util.Arrays;

/**
 * A confusion matrix: {@code matrix[i][j]} counts the samples whose true class is
 * {@code labels[i]} and whose predicted class is {@code labels[j]}, as in scikit-learn's
 * {@code confusion_matrix} (rows are truth, columns predictions).
 *
 * <p>The record owns copies of its arrays; the accessors return copies.
 *
 * @param labels the classes, sorted ascending, shape (k,)
 * @param matrix counts, shape (k, k)
 */
public record ConfusionMatrix(int[] labels, int[][] matrix) {

  /** Checks the shape and copies the arrays. */
  public ConfusionMatrix {
    if (labels == null || matrix == null || matrix.length != labels.length) {
      throw new IllegalArgumentException("matrix must have one row per label");
    }
    labels = labels.clone();
    matrix = copy(matrix);
    for (int[] row : matrix) {
      if (row.length != labels.length) {
        throw new IllegalArgumentException("matrix must have one column per label");
      }
    }
  }

  /** The classes, sorted ascending. */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** The counts, truth in rows and predictions in columns. */
  @Override
  public int[][] matrix() {
    return copy(matrix);
  }

  /** The count of samples of true class {@code trueLabel} predicted as {@code predictedLabel}. */
  public int count(int trueLabel, int predictedLabel) {
    int i = Arrays.binarySearch(labels, trueLabel);
    int j = Arrays.binarySearch(labels, predictedLabel);
    return i < 0 || j < 0 ? 0 : matrix[i][j];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfusionMatrix that
        && Arrays.equals(labels, that.labels) && Arrays.deepEquals(matrix, that.matrix);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labels) + Arrays.deepHashCode(matrix);
  }

  @Override
  public String toString() {
    return "ConfusionMatrix[labels=" + Arrays.toString(labels)
        + ", matrix=" + Arrays.deepToString(matrix) + "]";
  }

  private static int[][] copy(int[][] matrix) {
    int[][] copy = new int[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      copy[i] = matrix[i].clone();
    }
    return copy;
  }
}
