package semaine.regression;

/**
 * The R factor of a tall least-squares problem, computed by Householder QR over row blocks (TSQR).
 *
 * <p>For the augmented matrix {@code A = [X - xOffset | Y - yOffset]}, shape (n, k) with
 * {@code k = d + t}, the reduction keeps the first d rows of the triangular factor:
 * {@code [R | Qᵀ Y]}, shape (d, k), where {@code X - xOffset = Q R}. Minimising
 * {@code ‖X w - y‖} is then the small problem {@code R w = Qᵀ y}, whose singular values are those of X.
 * Rows are streamed in blocks of {@value #BLOCK_ROWS}: each block is stacked under the current R and
 * annihilated by d Householder reflections that only touch one row of R (it is already triangular).
 * Chunks of {@value RowChunks#CHUNK_ROWS} rows are reduced in parallel and their R factors are merged in
 * order, so the result does not depend on the number of cores. The input is never modified: the
 * centring happens while a block is copied.
 *
 * <p>Cost: about {@code 2 n d k} multiply-adds, one pass over the data; accuracy is that of
 * Householder QR (the condition number is not squared, unlike the normal equations).
 */
public final class TallQr {

  /** Rows per block: a block of 256 x 21 doubles (43 KB) stays in the L2 cache. */
  static final int BLOCK_ROWS = 256;


  private TallQr() {}

  /**
   * Reduces {@code [X - xOffset | targets - yOffset]} to its first d triangular rows.
   *
   * @param rows X, shape (n, d), and its target columns, shape (t, n), by chunks
   * @param xOffset subtracted from each row of X, shape (d,)
   * @param yOffset subtracted from each target column, shape (t,)
   * @return {@code [R | Qᵀ Y]}, row-major, shape (d, d + t)
   */
  static double[] reduce(RowChunks rows, double[] xOffset, double[] yOffset) {
    int d = xOffset.length;
    int k = d + yOffset.length;
    double[][] r = new double[1][];
    double[] block = new double[k * d];  // (k, d) column-major: another chunk's R as d rows
    rows.forEach(chunk -> reduceRows(chunk.X(), chunk.targets(), xOffset, yOffset, chunk.from(),
        chunk.to()), partial -> {
          if (r[0] == null) {
            r[0] = partial;
            return;
          }
          for (int row = 0; row < d; row++) {
            for (int col = 0; col < k; col++) {
              block[col * d + row] = partial[row * k + col];
            }
          }
          annihilate(r[0], d, k, block, d, d);
        });
    return r[0];
  }

  /**
   * The triangular factor R, shape (d, d) row-major, of {@code X - offset = Q R}: the same singular
   * values and right singular vectors as the centred data (what PCA's full solver decomposes).
   */
  public static double[] triangularFactor(double[][] X, double[] offset) {
    return reduce(RowChunks.of(X, new double[0][]), offset, new double[0]);
  }

  /** The triangular rows of rows [from, to), starting from R = 0. */
  private static double[] reduceRows(double[][] X, double[][] targets, double[] xOffset,
      double[] yOffset, int from, int to) {
    int d = xOffset.length;
    int t = targets.length;
    int k = d + t;
    double[] r = new double[d * k];                 // (d, k) row-major
    double[] block = new double[k * BLOCK_ROWS];    // (k, BLOCK_ROWS) column-major
    for (int start = from; start < to; start += BLOCK_ROWS) {
      int rows = Math.min(BLOCK_ROWS, to - start);
      for (int i = 0; i < rows; i++) {
        double[] x = X[start + i];
        for (int j = 0; j < d; j++) {
          block[j * BLOCK_ROWS + i] = x[j] - xOffset[j];
        }
      }
      for (int c = 0; c < t; c++) {
        double[] y = targets[c];
        int offset = (d + c) * BLOCK_ROWS;
        for (int i = 0; i < rows; i++) {
          block[offset + i] = y[start + i] - yOffset[c];
        }
      }
      annihilate(r, d, k, block, rows, BLOCK_ROWS);
    }
    return r;
  }

  /**
   * Replaces R by the triangular factor of {@code [R; B]}: for each column j, the reflection
   * {@code H = I - tau u uᵀ} with {@code u = [1; B[:, j] / (alpha - beta)]} maps
   * {@code (R[j][j], B[:, j])} to {@code (beta, 0)} and is applied to the columns on its right.
   *
   * @param r (d, k) row-major, upper triangular in its first d columns
   * @param block (k, stride) column-major; its first {@code rows} entries per column are used
   */
  static void annihilate(double[] r, int d, int k, double[] block, int rows, int stride) {
    for (int j = 0; j < d; j++) {
      int uj = j * stride;
      double norm2 = Blas.dot(block, uj, block, uj, rows);
      if (norm2 == 0) {
        continue;  // the column is already zero below R: the reflection is the identity
      }
      double alpha = r[j * k + j];
      double norm = Math.sqrt(alpha * alpha + norm2);
      // beta takes the sign opposite to alpha, so alpha - beta never cancels.
      double beta = alpha > 0 ? -norm : norm;
      double tau = (beta - alpha) / beta;
      Blas.scale(1 / (alpha - beta), block, uj, rows);
      r[j * k + j] = beta;
      for (int c = j + 1; c < k; c++) {
        int col = c * stride;
        double s = tau * (r[j * k + c] + Blas.dot(block, uj, block, col, rows));
        r[j * k + c] -= s;
        Blas.axpy(-s, block, uj, block, col, rows);
      }
    }
  }
}
