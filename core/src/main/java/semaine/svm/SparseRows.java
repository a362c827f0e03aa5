package semaine.svm;

/**
 * The training samples as liblinear stores them: for each row, its non-zero features (index,
 * value) in feature order, exact zeros dropped, and the bias appended as one more feature when it
 * is positive. liblinear's sums run over these entries only, in this order, and so do ours.
 *
 * <p>When no row has a zero, the rows are the caller's own ({@link #dense}, not copied) and the
 * bias is added after a row's features, as its last entry would be: the same products in the same
 * order, without a copy of the matrix (10^5 × 100 copied as entries is 120 MB that the collector
 * then moves out of the young generation: about 0.2 s of a first LinearSVC fit). The entries
 * ({@link #index}, {@link #value}) are made from them only for the solvers that read entries.
 *
 * <p>The same structure holds the columns of the transposed problem (each column's non-zero rows,
 * in row order) for the solvers that work feature by feature.
 */
final class SparseRows {

  /** The rows without the bias when every row holds all its features, else null. */
  private final double[][] dense;
  /** The bias appended to every row, or 0 for none (dense rows only). */
  private final double bias;
  /** For each row (or column), the 0-based indices of its entries; made on first use if dense. */
  private int[][] index;
  /** For each row (or column), the values of its entries; made on first use if dense. */
  private double[][] value;
  /** The number of columns (features, with the bias). */
  private final int width;

  /** Rows (or columns) given as entries. */
  SparseRows(int[][] index, double[][] value, int width) {
    this.dense = null;
    this.bias = 0;
    this.index = index;
    this.value = value;
    this.width = width;
  }

  private SparseRows(double[][] dense, double bias, int width) {
    this.dense = dense;
    this.bias = bias;
    this.width = width;
  }

  /** liblinear's {@code dense_to_sparse}: the non-zero entries of each row, then the bias if > 0. */
  static SparseRows of(double[][] X, double bias) {
    int d = X[0].length;
    boolean hasBias = bias > 0;
    int width = d + (hasBias ? 1 : 0);
    boolean noZero = true;
    for (int i = 0; i < X.length && noZero; i++) {
      for (double v : X[i]) {
        noZero &= v != 0;
      }
    }
    if (noZero) {
      return new SparseRows(X, hasBias ? bias : 0, width);
    }
    int[][] index = new int[X.length][];
    double[][] value = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      int nnz = hasBias ? 1 : 0;
      for (double v : X[i]) {
        nnz += v != 0 ? 1 : 0;
      }
      int[] idx = new int[nnz];
      double[] val = new double[nnz];
      int k = 0;
      for (int j = 0; j < d; j++) {
        if (X[i][j] != 0) {
          idx[k] = j;
          val[k++] = X[i][j];
        }
      }
      if (hasBias) {
        idx[k] = d;
        val[k] = bias;
      }
      index[i] = idx;
      value[i] = val;
    }
    return new SparseRows(index, value, width);
  }

  /** The rows without the bias when no row has a zero (the caller's arrays), else null. */
  double[][] dense() {
    return dense;
  }

  /** The value of the last column added to every dense row, or 0 when there is none. */
  double bias() {
    return bias;
  }

  /** For each row (or column), the 0-based indices of its entries. */
  int[][] index() {
    entries();
    return index;
  }

  /** For each row (or column), the values of its entries. */
  double[][] value() {
    entries();
    return value;
  }

  /** The number of columns (features, with the bias). */
  int width() {
    return width;
  }

  /** Dense rows as entries, once: one index row shared by all, each row's values with the bias. */
  private void entries() {
    if (index != null) {
      return;
    }
    int[] all = new int[width];
    for (int k = 0; k < width; k++) {
      all[k] = k;
    }
    int[][] idx = new int[dense.length][];
    double[][] val = new double[dense.length][];
    for (int i = 0; i < dense.length; i++) {
      idx[i] = all;
      val[i] = bias > 0 ? withBias(dense[i]) : dense[i];
    }
    value = val;
    index = idx;
  }

  private double[] withBias(double[] row) {
    double[] val = java.util.Arrays.copyOf(row, width);
    val[width - 1] = bias;
    return val;
  }

  /** The number of rows. */
  int rows() {
    return dense != null ? dense.length : index.length;
  }

  /** The rows at the given positions, sharing their entries (liblinear's {@code x[perm[i]]}). */
  SparseRows select(int[] rows) {
    if (dense != null) {
      double[][] selected = new double[rows.length][];
      for (int r = 0; r < rows.length; r++) {
        selected[r] = dense[rows[r]];
      }
      return new SparseRows(selected, bias, width);
    }
    int[][] idx = new int[rows.length][];
    double[][] val = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      idx[r] = index[rows[r]];
      val[r] = value[rows[r]];
    }
    return new SparseRows(idx, val, width);
  }

  /** Σ w[index]·value over row i, in entry order. */
  double dot(int i, double[] w) {
    return dot(i, w, 0.0);
  }

  /** start + Σ w[index]·value over row i, added to start entry by entry (liblinear's loops). */
  double dot(int i, double[] w, double start) {
    if (dense != null) {
      double[] row = dense[i];
      double sum = start;
      for (int k = 0; k < row.length; k++) {
        sum += w[k] * row[k];
      }
      return bias > 0 ? sum + w[row.length] * bias : sum;
    }
    int[] idx = index[i];
    double[] val = value[i];
    double sum = start;
    for (int k = 0; k < idx.length; k++) {
      sum += w[idx[k]] * val[k];
    }
    return sum;
  }

  /** w[index] += a·value over row i. */
  void axpy(int i, double a, double[] w) {
    if (dense != null) {
      double[] row = dense[i];
      for (int k = 0; k < row.length; k++) {
        w[k] += a * row[k];
      }
      if (bias > 0) {
        w[row.length] += a * bias;
      }
      return;
    }
    int[] idx = index[i];
    double[] val = value[i];
    for (int k = 0; k < idx.length; k++) {
      w[idx[k]] += a * val[k];
    }
  }

  /** start + Σ value² over row i, added entry by entry. */
  double squaredNorm(int i, double start) {
    double sum = start;
    for (double v : dense != null ? dense[i] : value[i]) {
      sum += v * v;
    }
    return dense != null && bias > 0 ? sum + bias * bias : sum;
  }

  /** liblinear's {@code transpose}: column j lists its rows (in order) and their values. */
  SparseRows transpose() {
    int[][] index = index();
    double[][] value = value();
    int[] count = new int[width];
    for (int[] idx : index) {
      for (int j : idx) {
        count[j]++;
      }
    }
    int[][] rowsOf = new int[width][];
    double[][] valuesOf = new double[width][];
    for (int j = 0; j < width; j++) {
      rowsOf[j] = new int[count[j]];
      valuesOf[j] = new double[count[j]];
    }
    int[] fill = new int[width];
    for (int i = 0; i < index.length; i++) {
      for (int k = 0; k < index[i].length; k++) {
        int j = index[i][k];
        rowsOf[j][fill[j]] = i;
        valuesOf[j][fill[j]++] = value[i][k];
      }
    }
    return new SparseRows(rowsOf, valuesOf, index.length);
  }
}
