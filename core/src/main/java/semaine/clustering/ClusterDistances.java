package semaine.clustering;

import semaine.util.Checks;

/**
 * The arithmetic of scikit-learn's k-means on flat row-major arrays, in the exact order of the
 * NumPy and OpenBLAS routines it calls, so that sums round the same way.
 *
 * <p>Samples are {@code x[i * d + f]} for sample i and feature f (shape (n, d)); centres the same
 * with k rows. Scalar code only: HotSpot vectorises none of these loops the way that would change
 * their rounding, which is the point.
 */
final class ClusterDistances {

  private ClusterDistances() {}

  /**
   * ‖x_i‖² for every row, like {@code np.einsum("ij,ij->i", X, X)} (scikit-learn's
   * {@code row_norms}): NumPy's baseline SIMD loop keeps two lanes (even and odd features), takes
   * the row in blocks of eight from the last pair to the first, then the rest pair by pair, and
   * adds the two lanes at the end. Verified bit for bit for 1 to 64 features.
   */
  static double[] rowNormsSquared(double[] x, int n, int d) {
    double[] out = new double[n];
    Chunks.forEach(n, chunk -> rowNormsSquared(x, d, Chunks.start(chunk), Chunks.end(chunk, n),
        out));
    return out;
  }

  /**
   * Rows {@code [from, to)} of {@link #rowNormsSquared(double[], int, int)}; the arrays as
   * parameters, so that C1 (short k-means commands) keeps them in registers rather than reading
   * the lambda's captured fields at every row.
   */
  private static void rowNormsSquared(double[] x, int d, int from, int to, double[] out) {
    for (int i = from; i < to; i++) {
      out[i] = rowNormSquared(x, i * d, d);
    }
  }

  /** ‖x_row‖² of the row starting at {@code offset}, in einsum's two-lane order. */
  static double rowNormSquared(double[] x, int offset, int d) {
    double even = 0.0;
    double odd = 0.0;
    int f = 0;
    for (; d - f >= 8; f += 8) {
      for (int pair = 3; pair >= 0; pair--) {
        int at = offset + f + 2 * pair;
        even = x[at] * x[at] + even;
        odd = x[at + 1] * x[at + 1] + odd;
      }
    }
    for (; f < d; f += 2) {
      int at = offset + f;
      even = x[at] * x[at] + even;
      if (f + 1 < d) { // a partial load fills the missing odd lane with zero
        odd = x[at + 1] * x[at + 1] + odd;
      }
    }
    return even + odd;
  }

  /**
   * x·c as OpenBLAS's dgemm kernel forms it: the first product rounded, then one fused
   * multiply-add per further feature (verified for 1 to 16 features).
   */
  static double dot(double[] x, int xOffset, double[] c, int cOffset, int d) {
    double acc = x[xOffset] * c[cOffset];
    for (int f = 1; f < d; f++) {
      acc = Math.fma(x[xOffset + f], c[cOffset + f], acc);
    }
    return acc;
  }

  /**
   * x·c as OpenBLAS's dgemv kernel forms it for one centre against all samples (the first
   * centre of k-means++): features 1 and 0 first, then the others in order, fused. Verified for 2
   * and 3 features; with more the last bit can differ, which k-means++ does not notice.
   */
  static double dotGemv(double[] x, int xOffset, double[] c, int cOffset, int d) {
    if (d == 1) {
      return x[xOffset] * c[cOffset];
    }
    double acc = Math.fma(x[xOffset], c[cOffset], x[xOffset + 1] * c[cOffset + 1]);
    for (int f = 2; f < d; f++) {
      acc = Math.fma(x[xOffset + f], c[cOffset + f], acc);
    }
    return acc;
  }

  /**
   * ‖a − b‖² with direct differences, four features at a time as scikit-learn's
   * {@code _euclidean_dense_dense}: {@code r += (t0 + t1 + t2 + t3)} per block, then the rest one
   * by one. Used for the inertia, the centre shift and {@code transform}.
   */
  static double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int d) {
    double result = 0.0;
    int f = 0;
    for (; f + 4 <= d; f += 4) {
      double t0 = a[aOffset + f] - b[bOffset + f];
      double t1 = a[aOffset + f + 1] - b[bOffset + f + 1];
      double t2 = a[aOffset + f + 2] - b[bOffset + f + 2];
      double t3 = a[aOffset + f + 3] - b[bOffset + f + 3];
      result += t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3;
    }
    for (; f < d; f++) {
      double t = a[aOffset + f] - b[bOffset + f];
      result += t * t;
    }
    return result;
  }

  /** Copies the rows of {@code X} into one row-major array, shape (n, d). */
  static double[] flatten(double[][] X) {
    int d = X[0].length;
    double[] flat = new double[X.length * d];
    for (int i = 0; i < X.length; i++) {
      System.arraycopy(X[i], 0, flat, i * d, d);
    }
    return flat;
  }

  /**
   * {@link Checks#checkMatrix} and {@link #flatten} in one parallel pass over the rows; on any
   * problem (null, ragged, non-finite) it defers to {@code checkMatrix} for the message.
   */
  static double[] checkedFlatten(String name, double[][] X) {
    if (X == null || X.length == 0 || X[0] == null || X[0].length == 0) {
      Checks.checkMatrix(name, X);
    }
    int n = X.length;
    int d = X[0].length;
    double[] flat = new double[n * d];
    boolean[] bad = new boolean[Chunks.count(n)];
    Chunks.forEach(n, chunk ->
        bad[chunk] = !copyRows(X, flat, d, Chunks.start(chunk), Chunks.end(chunk, n)));
    for (boolean b : bad) {
      if (b) {
        Checks.checkMatrix(name, X);
      }
    }
    return flat;
  }

  /**
   * Copies rows {@code [from, to)} of X into {@code flat}; false when one of them is null, ragged
   * or not finite. The arrays come as parameters, locals to the loop: C1 (short k-means commands)
   * would read a lambda's captured values from its fields at every element.
   */
  private static boolean copyRows(double[][] X, double[] flat, int d, int from, int to) {
    boolean finite = true;
    for (int i = from; i < to; i++) {
      double[] row = X[i];
      if (row == null || row.length != d) {
        return false;
      }
      for (int f = 0; f < d; f++) {
        double v = row[f];
        finite &= Double.isFinite(v);
        flat[i * d + f] = v;
      }
    }
    return finite;
  }

  /** Splits a row-major array of k rows back into {@code double[k][d]}. */
  static double[][] rows(double[] flat, int k, int d) {
    double[][] out = new double[k][d];
    for (int j = 0; j < k; j++) {
      System.arraycopy(flat, j * d, out[j], 0, d);
    }
    return out;
  }
}
