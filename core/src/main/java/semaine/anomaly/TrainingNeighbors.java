package semaine.anomaly;

import java.util.Arrays;
import semaine.neighbors.NearestNeighbors;
import semaine.neighbors.Neighbors;

/**
 * The k nearest OTHER training samples of every training sample, as
 * {@link NearestNeighbors#kneighbors(int)} answers, but asked in a space-filling (Z-order) order of
 * the samples so that consecutive queries walk the same branches of the k-d tree (about a third
 * faster on 10^5 points; each row's answer does not depend on the order in which rows are asked).
 */
final class TrainingNeighbors {

  /** Bits per coordinate in the Z-order key (three coordinates fit in a long). */
  private static final int BITS = 20;

  private TrainingNeighbors() {}

  /**
   * Row i lists the k nearest training samples of sample i other than itself: k + 1 are found and
   * i is dropped from its row, or the first column when duplicates crowded i out (scikit-learn's
   * {@code kneighbors()} with no X).
   */
  static Neighbors of(NearestNeighbors index, double[][] X, int k) {
    int n = X.length;
    int[] order = zOrder(X);
    double[][] queries = new double[n][];
    for (int r = 0; r < n; r++) {
      queries[r] = X[order[r]];
    }
    Neighbors found = index.kneighbors(queries, k + 1);
    double[][] distances = new double[n][];
    int[][] indices = new int[n][];
    for (int r = 0; r < n; r++) {
      int i = order[r];
      int[] row = found.indices()[r];
      int drop = 0;
      for (int c = 0; c < row.length; c++) {
        if (row[c] == i) {
          drop = c;
          break;
        }
      }
      distances[i] = remove(found.distances()[r], drop);
      indices[i] = remove(row, drop);
    }
    return new Neighbors(distances, indices);
  }

  /** The sample indices sorted by the Morton code of their first (up to) three coordinates. */
  static int[] zOrder(double[][] X) {
    int n = X.length;
    int dims = Math.min(3, X[0].length);
    double[] low = new double[dims];
    double[] scale = new double[dims];
    for (int f = 0; f < dims; f++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] row : X) {
        min = Math.min(min, row[f]);
        max = Math.max(max, row[f]);
      }
      low[f] = min;
      scale[f] = max > min ? ((1 << BITS) - 1) / (max - min) : 0;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long key = 0;
      for (int f = 0; f < dims; f++) {
        long cell = (long) ((X[i][f] - low[f]) * scale[f]);
        for (int b = 0; b < BITS; b++) {
          key |= ((cell >>> b) & 1L) << (b * dims + f);
        }
      }
      keys[i] = key;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = order[i];
    }
    return out;
  }

  private static double[] remove(double[] row, int column) {
    double[] out = new double[row.length - 1];
    System.arraycopy(row, 0, out, 0, column);
    System.arraycopy(row, column + 1, out, column, out.length - column);
    return out;
  }

  private static int[] remove(int[] row, int column) {
    int[] out = new int[row.length - 1];
    System.arraycopy(row, 0, out, 0, column);
    System.arraycopy(row, column + 1, out, column, out.length - column);
    return out;
  }
}
