package semaine.clustering;

/**
 * Sums of a vector in the order OpenBLAS (the x86-64 Haswell kernels NumPy's wheels dispatch to)
 * adds them when NumPy multiplies by a vector of ones, as scikit-learn's k-means++ does for its
 * potentials ({@code closest_dist_sq @ sample_weight} with unit weights).
 *
 * <p>Two routines: {@code ddot} for a (1, n) row times a vector, {@code dgemv} (transposed kernel)
 * for each row of a (T, n) matrix times a column. Their lane layouts, read from OpenBLAS's kernels
 * and checked against NumPy for n up to 5,000 and T up to 8, are described on each method. With
 * unit weights every product is exact, so only the order of the additions matters.
 */
final class BlasSums {

  /** dgemv_t works through the vector in blocks of this many entries. */
  private static final int GEMV_BLOCK = 2048;

  private BlasSums() {}

  /**
   * Σ a[0..n) as {@code ddot}: the first n &amp; −16 entries in four 4-lane accumulators (entry i
   * goes to accumulator (i / 4) mod 4, lane i mod 4); each accumulator folds its halves (lanes 0+2,
   * 1+3), the accumulators add as (0+1)+(2+3), the two lanes add; the last n mod 16 entries
   * follow one by one.
   */
  static double dot(double[] a, int n) {
    int blocked = n & -16;
    double sum = 0.0;
    if (blocked > 0) {
      double[] acc = new double[16];
      for (int i = 0; i < blocked; i += 16) {
        for (int l = 0; l < 16; l++) {
          acc[l] += a[i + l];
        }
      }
      double[] lane = new double[2];
      for (int j = 0; j < 2; j++) {
        double h0 = acc[j] + acc[j + 2];
        double h1 = acc[4 + j] + acc[4 + j + 2];
        double h2 = acc[8 + j] + acc[8 + j + 2];
        double h3 = acc[12 + j] + acc[12 + j + 2];
        lane[j] = (h0 + h1) + (h2 + h3);
      }
      sum = lane[0] + lane[1];
    }
    for (int i = blocked; i < n; i++) {
      sum += a[i];
    }
    return sum;
  }

  /**
   * Σ a[0..n) as {@code dgemv_t} forms row {@code row} of a matrix of {@code rows} rows: rows go
   * through a 4-row kernel in fours (4 lanes, entry i in lane i mod 4, result (l0+l2)+(l1+l3)),
   * then a pair through a 2-row kernel (2 lanes, l0+l1) when rows mod 4 ≥ 2, then a last row
   * through the 1-row kernel (the 4-lane order again). The first n &amp; −4 entries go in blocks of
   * 2048, each block's sum added to the result in turn; the last n mod 4 entries are summed apart
   * and added at the end.
   */
  static double gemvRow(double[] a, int n, int row, int rows) {
    int fours = rows & -4;
    boolean pair = row >= fours && (rows & 2) != 0 && row < fours + 2;
    int tail = n & 3;
    int blocked = n - tail;
    double y = 0.0;
    for (int start = 0; start < blocked; start += GEMV_BLOCK) {
      int end = Math.min(start + GEMV_BLOCK, blocked);
      y = y + (pair ? twoLanes(a, start, end) : fourLanes(a, start, end));
    }
    if (tail > 0) {
      double rest = a[blocked];
      for (int i = blocked + 1; i < n; i++) {
        rest = rest + a[i];
      }
      y = y + rest;
    }
    return y;
  }

  private static double fourLanes(double[] a, int start, int end) {
    double l0 = 0.0;
    double l1 = 0.0;
    double l2 = 0.0;
    double l3 = 0.0;
    for (int i = start; i < end; i += 4) {
      l0 += a[i];
      l1 += a[i + 1];
      l2 += a[i + 2];
      l3 += a[i + 3];
    }
    return (l0 + l2) + (l1 + l3);
  }

  private static double twoLanes(double[] a, int start, int end) {
    double l0 = 0.0;
    double l1 = 0.0;
    for (int i = start; i < end; i += 2) {
      l0 += a[i];
      l1 += a[i + 1];
    }
    return l0 + l1;
  }
}
