package semaine.neighbors;

import java.util.ArrayList;
import java.util.List;
import semaine.util.Parallel;

/**
 * An exact neighbour index over training points stored flat, shape (n, d), with the Minkowski
 * distance for p = 1 or 2: {@link BruteForce} or {@link KDTree}, each answering {@code kneighbors}
 * as its scikit-learn counterpart does, equal distances included. Distances are handled "reduced"
 * (squared for p = 2) and converted at the end.
 */
abstract class SearchIndex {

  /** Queries handled together by one task. */
  static final int QUERY_BLOCK = 16;

  final double[] X;   // (n, d)
  final int n;
  final int d;
  final int p;

  SearchIndex(double[] X, int n, int d, int p) {
    this.X = X;
    this.n = n;
    this.d = d;
    this.p = p;
  }

  /** The reduced distance between query {@code q} of {@code Q} and training point {@code j}. */
  abstract double reducedPair(double[] Q, int q, int j);

  /** The true distance from a reduced one. */
  final double toDistance(double reduced) {
    return p == 2 ? Math.sqrt(reduced) : reduced;
  }

  /**
   * The k nearest training points of each query, sorted by distance, in scikit-learn's order
   * (equal distances included).
   *
   * @param Q queries, shape (nq, d) flat
   * @param strategy how scikit-learn's brute search would split the work (ignored by the tree)
   * @return distances and indices, each shape (nq, k)
   */
  final Neighbors kneighbors(double[] Q, int nq, int k, Strategy strategy) {
    return kneighbors(Q, nq, k, strategy, false);
  }

  /**
   * {@code kneighbors(None, n_neighbors=k)}: the k nearest other training points of each training
   * point. As scikit-learn does, k + 1 neighbours are found and the point itself is dropped from
   * its row; when duplicates crowded it out of its own row, the first column is dropped instead.
   */
  final Neighbors kneighborsOfTraining(int k) {
    return kneighbors(X, n, k + 1, Strategy.AUTO, true);
  }

  /**
   * {@link #kneighbors(double[], int, int, Strategy)}; with {@code dropSelf} (Q is X) each row
   * leaves its own point out, as {@link #kneighborsOfTraining} describes, and has k − 1 columns.
   */
  abstract Neighbors kneighbors(double[] Q, int nq, int k, Strategy strategy, boolean dropSelf);

  /**
   * Stores row q of a result from its k sorted reduced values and indices, converted to
   * distances; with {@code dropSelf} the column holding q (else the first) is left out.
   */
  final void storeRow(double[][] distances, int[][] indices, int q, double[] values, int[] found,
      int k, boolean dropSelf) {
    int drop = -1;
    if (dropSelf) {
      drop = 0;
      for (int c = 0; c < k; c++) {
        if (found[c] == q) {
          drop = c;
          break;
        }
      }
    }
    int columns = dropSelf ? k - 1 : k;
    double[] dist = new double[columns];
    int[] ind = new int[columns];
    for (int c = 0, out = 0; c < k; c++) {
      if (c != drop) {
        dist[out] = toDistance(values[c]);
        ind[out++] = found[c];
      }
    }
    distances[q] = dist;
    indices[q] = ind;
  }

  /**
   * The training points within {@code radius} of each query ({@code dist <= radius}), sorted by
   * distance (scikit-learn's {@code sort_results=True}); equal distances by index.
   */
  final Neighbors radiusNeighbors(double[] Q, int nq, double radius) {
    double[][] distances = new double[nq][];
    int[][] indices = new int[nq][];
    double reducedRadius = p == 2 ? radius * radius : radius;
    Parallel.forRange(nq, QUERY_BLOCK, (from, to) -> {
      for (int q = from; q < to; q++) {
        List<double[]> found = new ArrayList<>();
        within(Q, q, reducedRadius, radius, found);
        found.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        distances[q] = new double[found.size()];
        indices[q] = new int[found.size()];
        for (int i = 0; i < found.size(); i++) {
          distances[q][i] = found.get(i)[0];
          indices[q][i] = (int) found.get(i)[1];
        }
      }
    });
    return new Neighbors(distances, indices);
  }

  /**
   * Adds {distance, index} for every training point within the radius of query q; the default
   * scans them all. Points are kept when their true distance is {@code <= radius}.
   */
  void within(double[] Q, int q, double reducedRadius, double radius, List<double[]> found) {
    for (int j = 0; j < n; j++) {
      double distance = toDistance(reducedPair(Q, q, j));
      if (distance <= radius) {
        found.add(new double[] {distance, j});
      }
    }
  }
}
