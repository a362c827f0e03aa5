package semaine.svm;

/**
 * The training samples as liblinear stores them: for each row, its non-zero features (index,
 * value) in feature order, exact zeros dropped, and the bias appended as one more feature when it
 * is positive. liblinear's sums run over these entries only, in this order, and so do ours.
 *
 * <p>The same structure holds the columns of the transposed problem (each column's non-zero rows,
 * in row order) for the solvers that work feature by feature.
 *
 * @param index for each row (or column), the 0-based indices of its entries
 * @param value for each row (or column), the values of its entries
 * @param width the number of columns (features, with the bias)
 */
record SparseRows(int[][] index, double[][] value, int width) {

  /** liblinear's {@code dense_to_sparse}: the non-zero entries of each row, then the bias if > 0. */
  static SparseRows of(double[][] X, double bias) {
    int d = X[0].length;
    boolean hasBias = bias > 0;
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
      if (nnz - (hasBias ? 1 : 0) == d) {   // no zero: the row as it is
        System.arraycopy(X[i], 0, val, 0, d);
        for (; k < d; k++) {
          idx[k] = k;
        }
      }
      for (int j = 0; k < nnz - (hasBias ? 1 : 0) && j < d; j++) {
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
    return new SparseRows(index, value, d + (hasBias ? 1 : 0));
  }

  /**
   * The rows as a dense matrix, shape (rows, width), when every row holds all its entries (no
   * zero dropped): then {@code value} is that matrix, in the same order; null otherwise.
   */
  double[][] dense() {
    for (int[] idx : index) {
      if (idx.length != width) {
        return null;
      }
    }
    return value;
  }

  /** The number of rows. */
  int rows() {
    return index.length;
  }

  /** The rows at the given positions, sharing their entries (liblinear's {@code x[perm[i]]}). */
  SparseRows select(int[] rows) {
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
    int[] idx = index[i];
    double[] val = value[i];
    for (int k = 0; k < idx.length; k++) {
      w[idx[k]] += a * val[k];
    }
  }

  /** start + Σ value² over row i, added entry by entry. */
  double squaredNorm(int i, double start) {
    double sum = start;
    for (double v : value[i]) {
      sum += v * v;
    }
    return sum;
  }

  /** liblinear's {@code transpose}: column j lists its rows (in order) and their values. */
  SparseRows transpose() {
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
