package semaine.neighbors;

/**
 * Brute-force neighbour search: every query is compared with every training point, as
 * scikit-learn's {@code ArgKmin} does for {@code algorithm='brute'}.
 *
 * <p>For p = 2 the reduced distance is scikit-learn's "dot trick"
 * {@code max(0, (‖q‖² − 2·q·y) + ‖y‖²)} (its Euclidean specialisation, which uses BLAS for
 * {@code q·y}); for p = 1 it is the Manhattan distance. Work is blocked: 16 queries against 256
 * training points at a time through the {@link Distances} kernels, the training points stored
 * transposed so that the vector lanes hold consecutive points.
 */
final class BruteForce extends SearchIndex {

  private static final int TRAIN_BLOCK = 256;

  private final double[] Xt;       // (d, n): feature f of point j at f·n + j
  private final double[] norms;    // (n,) ‖x_j‖², p = 2 only

  BruteForce(double[] X, int n, int d, int p) {
    super(X, n, d, p);
    this.Xt = new double[d * n];
    for (int j = 0; j < n; j++) {
      for (int f = 0; f < d; f++) {
        Xt[f * n + j] = X[j * d + f];
      }
    }
    this.norms = p == 2 ? Distances.squaredNorms(X, n, d) : null;
  }

  @Override
  double reducedPair(double[] Q, int q, int j) {
    int row = q * d;
    return p == 2
        ? Distances.dotTrick(Q, row, Distances.squaredNorm(Q, row, d), d, Xt, norms, n, j)
        : Distances.manhattan(Q, row, d, Xt, n, j);
  }

  @Override
  void candidates(double[] Q, int qFrom, int qTo, NeighborHeap heap) {
    int rows = qTo - qFrom;
    double[] qNorms = null;
    if (p == 2) {
      qNorms = new double[rows];
      for (int q = qFrom; q < qTo; q++) {
        qNorms[q - qFrom] = Distances.squaredNorm(Q, q * d, d);
      }
    }
    double[] block = new double[rows * TRAIN_BLOCK];
    for (int jFrom = 0; jFrom < n; jFrom += TRAIN_BLOCK) {
      int jTo = Math.min(n, jFrom + TRAIN_BLOCK);
      int width = jTo - jFrom;
      if (p == 2) {
        Distances.dotTrickBlock(Q, qNorms, qFrom, qTo, d, Xt, norms, n, jFrom, jTo, block);
      } else {
        Distances.manhattanBlock(Q, qFrom, qTo, d, Xt, n, jFrom, jTo, block);
      }
      for (int r = 0; r < rows; r++) {
        double root = heap.root(r);
        int offset = r * width;
        for (int j = 0; j < width; j++) {
          double value = block[offset + j];
          if (value < root) {
            heap.push(r, value, jFrom + j);
            root = heap.root(r);
          }
        }
      }
    }
  }
}
