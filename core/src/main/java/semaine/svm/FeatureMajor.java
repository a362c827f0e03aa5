package semaine.svm;

/**
 * Rows stored feature by feature ({@code t[f][j]} = feature f of row j), so that the dot products
 * (or squared distances) of one vector with many rows run as independent sums that the JIT
 * vectorises across rows, while each row's sum still adds its features in order, exactly as
 * {@link Kernel#dot} does. The results are bit-identical to the row-by-row loops.
 */
final class FeatureMajor {

  private final double[][] t;
  private final int n;

  FeatureMajor(double[][] rows) {
    n = rows.length;
    int d = n == 0 ? 0 : rows[0].length;
    t = new double[d][n];
    for (int j = 0; j < n; j++) {
      for (int f = 0; f < d; f++) {
        t[f][j] = rows[j][f];
      }
    }
  }

  /**
   * {@code out[j − from] = Σ_f x[f]·row_j[f]} for j in [from, to), features in order: four
   * features a pass (each sum still adds them one after the other), so that a pass reads and
   * writes {@code out} once for four products, which is what C1's code (a short run's) spends on.
   */
  void dots(double[] x, int from, int to, double[] out) {
    java.util.Arrays.fill(out, 0, to - from, 0.0);
    int f = 0;
    for (; f + 4 <= t.length; f += 4) {
      addDots(x[f], x[f + 1], x[f + 2], x[f + 3], t[f], t[f + 1], t[f + 2], t[f + 3], from, to,
          out);
    }
    for (; f < t.length; f++) {
      double xf = x[f];
      double[] column = t[f];
      for (int j = from; j < to; j++) {
        out[j - from] += xf * column[j];
      }
    }
  }

  /** {@code out[j − from] += a·ca[j] + b·cb[j] + c·cc[j] + e·ce[j]}, added in that order. */
  private static void addDots(double a, double b, double c, double e, double[] ca, double[] cb,
      double[] cc, double[] ce, int from, int to, double[] out) {
    for (int j = from; j < to; j++) {
      out[j - from] = out[j - from] + a * ca[j] + b * cb[j] + c * cc[j] + e * ce[j];
    }
  }

  /**
   * {@code out[j − from] = Σ_f (x[f] − row_j[f])²} for j in [from, to), features in order, four
   * features a pass as {@link #dots}.
   */
  void squaredDistances(double[] x, int from, int to, double[] out) {
    java.util.Arrays.fill(out, 0, to - from, 0.0);
    int f = 0;
    for (; f + 4 <= t.length; f += 4) {
      addSquares(x[f], x[f + 1], x[f + 2], x[f + 3], t[f], t[f + 1], t[f + 2], t[f + 3], from, to,
          out);
    }
    for (; f < t.length; f++) {
      double xf = x[f];
      double[] column = t[f];
      for (int j = from; j < to; j++) {
        double d = xf - column[j];
        out[j - from] += d * d;
      }
    }
  }

  /** {@code out[j − from] += (a − ca[j])² + (b − cb[j])² + (c − cc[j])² + (e − ce[j])²}, in order. */
  private static void addSquares(double a, double b, double c, double e, double[] ca,
      double[] cb, double[] cc, double[] ce, int from, int to, double[] out) {
    for (int j = from; j < to; j++) {
      double da = a - ca[j];
      double db = b - cb[j];
      double dc = c - cc[j];
      double de = e - ce[j];
      out[j - from] = out[j - from] + da * da + db * db + dc * dc + de * de;
    }
  }

  /** {@code Σ_f (x[f] − row_j[f])²}, features in order. */
  double squaredDistance(double[] x, int j) {
    double sum = 0;
    for (int f = 0; f < t.length; f++) {
      double d = x[f] - t[f][j];
      sum += d * d;
    }
    return sum;
  }

  /** The columns {@code t[f][j]}, shape (n_features, n). */
  double[][] columns() {
    return t;
  }

  int size() {
    return n;
  }

  /** Exchanges rows i and j (the solver's positions move the samples). */
  void swap(int i, int j) {
    for (double[] column : t) {
      double v = column[i];
      column[i] = column[j];
      column[j] = v;
    }
  }
}
