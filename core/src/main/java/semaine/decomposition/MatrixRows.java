package semaine.decomposition;

/**
 * The rows of a tall matrix, shape (n, p): the arrays of X, or one row-major array.
 *
 * @param arrays one array per row, or null
 * @param flat the rows one after the other when arrays is null
 */
record MatrixRows(double[][] arrays, double[] flat, int n, int p) {

  /** The rows of X. */
  static MatrixRows of(double[][] X, int p) {
    return new MatrixRows(X, null, X.length, p);
  }

  /** The rows of a (n, p) row-major array. */
  static MatrixRows of(double[] a, int n, int p) {
    return new MatrixRows(null, a, n, p);
  }

  /** The array that holds row i. */
  double[] array(int i) {
    return arrays != null ? arrays[i] : flat;
  }

  /** Where row i starts in {@link #array}. */
  int offset(int i) {
    return arrays != null ? 0 : i * p;
  }
}
