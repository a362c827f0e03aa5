package semaine.util;

/**
 * Sums in NumPy's order, so that means and variances match NumPy and scikit-learn to the last bit.
 *
 * <p>NumPy adds a contiguous 1-D array (or the rows of a C-contiguous 2-D array, {@code axis=1})
 * pairwise ({@link #pairwise}), but sums a 2-D array down its columns ({@code axis=0}) one row after
 * another ({@link #columnSums}). The two orders round differently, so each port picks the one NumPy
 * uses for the array at hand.
 */
public final class Sums {

  /** NumPy's unrolled block: eight partial sums, then pairwise halves above 128 elements. */
  private static final int BLOCK = 128;

  /** NumPy's ufunc buffer: a long array is summed in chunks of this many elements, in sequence. */
  private static final int BUFFER = 8192;

  private Sums() {}

  /**
   * The power of two {@code k} that brings {@code maxAbs · 2^k} near 1 when sums of squares of
   * values up to {@code maxAbs} would overflow or underflow (beyond 2^±400, e.g. data near 1e160 or
   * 1e-170), else 0. Sums of up to 2^200 squares of values within 2^±400 stay normal doubles; a
   * power of two scales exactly, so a ratio or a solution computed on scaled values is unscaled
   * exactly too. LAPACK's drivers ({@code gelsd}) scale into a safe range the same way.
   */
  public static int safeScaleExponent(double maxAbs) {
    if (maxAbs == 0 || !Double.isFinite(maxAbs) || (maxAbs >= 0x1p-400 && maxAbs <= 0x1p400)) {
      return 0;
    }
    return -Math.getExponent(maxAbs) - (maxAbs < Double.MIN_NORMAL ? 52 : 0);
  }

  /**
   * Sums {@code a} like {@code np.sum(a)} on a contiguous float64 array: pairwise within buffer
   * chunks of 8192 elements, chunks added in order to 0.0 (so an all {@code -0.0} array sums to
   * {@code 0.0}, as in NumPy).
   */
  public static double pairwise(double[] a) {
    return pairwise(a, 0, a.length);
  }

  /**
   * Sums {@code a} by NumPy's pairwise algorithm in one piece, as {@code np.add.reduce} does when
   * its whole contiguous operand reaches the inner loop unbuffered (the reduction over all entries
   * inside {@code X.var()}).
   */
  public static double pairwiseUnchunked(double[] a) {
    return 0.0 + pairwiseBlock(a, 0, a.length);
  }

  /** Sums {@code a[from, to)} like {@code np.sum(a[from:to])}. */
  public static double pairwise(double[] a, int from, int to) {
    return pairwise(0.0, a, from, to);
  }

  /**
   * Goes on with a sum of a long array that arrives in pieces: adds {@code a[from, to)} to
   * {@code total}, the sum of the pieces before it, as {@code np.sum} over the whole array would,
   * provided every piece before the last is a multiple of {@value #BUFFER} elements long.
   */
  public static double pairwise(double total, double[] a, int from, int to) {
    for (int start = from; start < to; start += BUFFER) {
      total += pairwiseBlock(a, start, Math.min(BUFFER, to - start));
    }
    return total;
  }

  /** Sums each column of {@code X} (rows are samples) sequentially, like {@code X.sum(axis=0)}. */
  public static double[] columnSums(double[][] X) {
    double[] sums = new double[X[0].length];
    for (double[] row : X) {
      for (int j = 0; j < sums.length; j++) {
        sums[j] += row[j];
      }
    }
    return sums;
  }

  /**
   * {@code out[j]} = the sum of column j of rows {@code [start, start + n)} of X in the order
   * {@link #pairwise} takes a contiguous column of at most {@value #BUFFER} values (NumPy's
   * {@code pairwise_sum}), all columns at once while each row is read once: the same bits as
   * {@code pairwise} on the transposed rows. A caller that sums chunks of {@value #BUFFER} rows
   * this way and adds the chunks in order to 0.0 has NumPy's {@code X.sum(axis=0)} of a
   * Fortran-ordered X.
   */
  public static void pairwiseColumns(double[][] X, int start, int n, double[] out) {
    int p = out.length;
    if (n < 8) {
      java.util.Arrays.fill(out, 0.0);
      for (int i = 0; i < n; i++) {
        double[] row = X[start + i];
        for (int j = 0; j < p; j++) {
          out[j] += row[j];
        }
      }
      return;
    }
    if (n <= BLOCK) {
      double[][] r = new double[8][];
      for (int k = 0; k < 8; k++) {
        r[k] = java.util.Arrays.copyOf(X[start + k], p);
      }
      int i = 8;
      for (; i < n - (n % 8); i += 8) {
        for (int k = 0; k < 8; k++) {
          double[] row = X[start + i + k];
          double[] rk = r[k];
          for (int j = 0; j < p; j++) {
            rk[j] += row[j];
          }
        }
      }
      for (int j = 0; j < p; j++) {
        out[j] = ((r[0][j] + r[1][j]) + (r[2][j] + r[3][j]))
            + ((r[4][j] + r[5][j]) + (r[6][j] + r[7][j]));
      }
      for (; i < n; i++) {
        double[] row = X[start + i];
        for (int j = 0; j < p; j++) {
          out[j] += row[j];
        }
      }
      return;
    }
    int half = n / 2;
    half -= half % 8;
    double[] right = new double[p];
    pairwiseColumns(X, start, half, out);
    pairwiseColumns(X, start + half, n - half, right);
    for (int j = 0; j < p; j++) {
      out[j] += right[j];
    }
  }

  /** NumPy's {@code pairwise_sum}: sequential below 8, eight accumulators up to 128, else halves. */
  private static double pairwiseBlock(double[] a, int start, int n) {
    if (n < 8) {
      double s = 0.0;
      for (int i = 0; i < n; i++) {
        s += a[start + i];
      }
      return s;
    }
    if (n <= BLOCK) {
      double[] r = new double[8];
      for (int j = 0; j < 8; j++) {
        r[j] = a[start + j];
      }
      int i = 8;
      for (; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[start + i + j];
        }
      }
      double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        s += a[start + i];
      }
      return s;
    }
    int half = n / 2;
    half -= half % 8;
    return pairwiseBlock(a, start, half) + pairwiseBlock(a, start + half, n - half);
  }
}
