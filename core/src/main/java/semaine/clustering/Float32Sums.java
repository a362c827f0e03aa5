package semaine.clustering;

/**
 * NumPy's float32 reductions, in float arithmetic and NumPy's order: the pairwise sum of a
 * contiguous run, column sums and means of a row-major (n, d) array, and the mean variance that
 * scales k-means' tolerance ({@code np.mean(np.var(X, axis=0))} on a float32 X).
 */
final class Float32Sums {

  private static final int BLOCK = 128; // NumPy's PW_BLOCKSIZE
  private static final int BUFFER = 8192; // NumPy's buffer size

  private Float32Sums() {}

  /**
   * Σ a[from..to) as {@code np.sum} of a contiguous float32 array: pairwise within buffer chunks
   * of 8192, the chunks added in order to 0 (as {@link semaine.util.Sums#pairwise}, in float).
   */
  static float pairwise(float[] a, int from, int to) {
    float total = 0f;
    for (int start = from; start < to; start += BUFFER) {
      total += block(a, start, Math.min(BUFFER, to - start));
    }
    return total;
  }

  /** NumPy's {@code pairwise_sum}: sequential below 8, eight accumulators up to 128, else halves. */
  private static float block(float[] a, int start, int n) {
    if (n < 8) {
      float s = 0f;
      for (int i = 0; i < n; i++) {
        s += a[start + i];
      }
      return s;
    }
    if (n <= BLOCK) {
      float[] r = new float[8];
      System.arraycopy(a, start, r, 0, 8);
      int i = 8;
      for (; i < n - n % 8; i += 8) {
        for (int l = 0; l < 8; l++) {
          r[l] += a[start + i + l];
        }
      }
      float s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        s += a[start + i];
      }
      return s;
    }
    int half = n / 2;
    half -= half % 8;
    return block(a, start, half) + block(a, start + half, n - half);
  }

  /** {@code X.mean(axis=0)} of a float32 X: column sums (row after row; pairwise for one column) / n. */
  static float[] columnMeans(float[][] x, int n, int d) {
    float[] sums = columnSums(x, n, d);
    for (int f = 0; f < d; f++) {
      sums[f] /= n;
    }
    return sums;
  }

  /**
   * {@code np.mean(np.var(X, axis=0))} of a float32 X, every step in float32: the squared
   * deviations formed on the fly (row after row, as {@link #columnSums} adds them).
   */
  static float meanVariance(float[][] x, int n, int d) {
    float[] mean = columnMeans(x, n, d);
    float[] variances;
    if (d == 1) {
      float[] squares = new float[n];
      for (int i = 0; i < n; i++) {
        float diff = x[i][0] - mean[0];
        squares[i] = diff * diff;
      }
      variances = new float[] {pairwise(squares, 0, n)};
    } else {
      variances = new float[d];
      for (int i = 0; i < n; i++) {
        for (int f = 0; f < d; f++) {
          float diff = x[i][f] - mean[f];
          variances[f] += diff * diff;
        }
      }
    }
    for (int f = 0; f < d; f++) {
      variances[f] /= n;
    }
    return pairwise(variances, 0, d) / d;
  }

  private static float[] columnSums(float[][] x, int n, int d) {
    if (d == 1) {
      float[] column = new float[n];
      for (int i = 0; i < n; i++) {
        column[i] = x[i][0];
      }
      return new float[] {pairwise(column, 0, n)};
    }
    float[] sums = new float[d];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < d; f++) {
        sums[f] += x[i][f];
      }
    }
    return sums;
  }
}
