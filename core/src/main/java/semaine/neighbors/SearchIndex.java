package semaine.neighbors;

import java.util.Arrays;
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
   * The distance scikit-learn's brute search returns when the training points and the queries are
   * float32 ({@code ArgKmin32}): the reduced distance, computed in float64 on the upcast values, is
   * passed to the float32 metric's {@code _rdist_to_dist}, so it is rounded to float32 and its root
   * is rounded to float32 again.
   */
  static double toFloat32Distance(double reduced) {
    return (float) Math.sqrt((float) reduced);
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
    return kneighbors(Q, nq, k, strategy, false, false);
  }

  /**
   * {@code kneighbors(None, n_neighbors=k)}: the k nearest other training points of each training
   * point ({@code float32}: the training points are float32, see {@link #kneighbors}). As
   * scikit-learn does, k + 1 neighbours are found and the point itself is dropped from
   * its row; when duplicates crowded it out of its own row, the first column is dropped instead.
   */
  final Neighbors kneighborsOfTraining(int k, boolean float32) {
    return kneighbors(X, n, k + 1, Strategy.AUTO, true, float32);
  }

  /**
   * {@link #kneighbors(double[], int, int, Strategy)}; with {@code dropSelf} (Q is X) each row
   * leaves its own point out, as {@link #kneighborsOfTraining} describes, and has k − 1 columns.
   * With {@code float32} (training points and queries both float32, upcast in Q and X) the brute
   * search returns {@link #toFloat32Distance}s as scikit-learn's float32 search does; the tree,
   * which scikit-learn runs on float64 copies of float32 data, ignores it.
   */
  final Neighbors kneighbors(double[] Q, int nq, int k, Strategy strategy, boolean dropSelf,
      boolean float32) {
    double[][] distances = new double[nq][];
    int[][] indices = new int[nq][];
    search(Q, nq, k, strategy, (q, values, found) -> {
      int drop = dropSelf ? dropped(q, found, k) : -1;
      int columns = dropSelf ? k - 1 : k;
      double[] dist = new double[columns];
      int[] ind = new int[columns];
      for (int c = 0, out = 0; c < k; c++) {
        if (c != drop) {
          dist[out] = distance(values[c], float32);
          ind[out++] = found[c];
        }
      }
      distances[q] = dist;
      indices[q] = ind;
    });
    return new Neighbors(distances, indices);
  }

  /**
   * {@link #kneighborsOfTraining} without per-row arrays: the indices of row i at
   * {@code [i·k, (i + 1)·k)} of the returned array, and the distance of its last (k-th) neighbour
   * in {@code kDistance[i]}; the other distances are {@link #trainingDistance}s.
   */
  final int[] kneighborIndicesOfTraining(int k, boolean float32, double[] kDistance) {
    int[] indices = new int[n * k];
    search(X, n, k + 1, Strategy.AUTO, (q, values, found) -> {
      int drop = dropped(q, found, k + 1);
      for (int c = 0, out = q * k; c <= k; c++) {
        if (c != drop) {
          indices[out++] = found[c];
        }
      }
      kDistance[q] = distance(values[drop == k ? k - 1 : k], float32);
    });
    return indices;
  }

  /**
   * The distance between training points i and j as {@link #kneighborsOfTraining} gives it, the
   * same bits (the same formula, the same operations).
   */
  final double trainingDistance(int i, int j, boolean float32) {
    return distance(reducedPair(X, i, j), float32);
  }

  /** Where a search puts each query's answer. */
  @FunctionalInterface
  interface Rows {
    /**
     * Takes query q's k nearest: {@code values} their reduced distances, sorted (scikit-learn's
     * order), {@code found} their indices; both arrays are reused for the next query.
     */
    void store(int q, double[] values, int[] found);
  }

  /**
   * The k nearest training points of each query, in scikit-learn's order (equal distances
   * included), handed to {@code rows} one query at a time (from several threads, each query once).
   */
  abstract void search(double[] Q, int nq, int k, Strategy strategy, Rows rows);

  /**
   * True when two of the k + 1 smallest values, sorted, are equal: then which points scikit-learn
   * keeps, and their order, depend on its search, not on the distances alone.
   */
  static boolean hasTie(double[] sorted, int k) {
    int last = Math.min(k, sorted.length - 1);
    for (int i = 0; i < last; i++) {
      if (sorted[i] == sorted[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** The column of a training point's own row to leave out: its own, else the first. */
  private static int dropped(int q, int[] found, int k) {
    for (int c = 0; c < k; c++) {
      if (found[c] == q) {
        return c;
      }
    }
    return 0;
  }

  /**
   * A result's distance from a reduced one: {@link #toFloat32Distance} for float32 points
   * searched by brute force, else {@link #toDistance} (scikit-learn's tree computes on float64
   * copies of float32 points, and returns float64 distances).
   */
  private double distance(double reduced, boolean float32) {
    return float32 && roundsFloat32() ? toFloat32Distance(reduced) : toDistance(reduced);
  }

  /**
   * Whether this search returns float32 distances for float32 points (scikit-learn's brute force
   * does; its trees search float64 copies): false here, true for {@link BruteForce}.
   */
  boolean roundsFloat32() {
    return false;
  }

  /**
   * The training points within {@code radius} of each query, nearest first, as scikit-learn's
   * {@code radius_neighbors(X, radius, sort_results=True)} lists them with the same algorithm:
   * {@link #within} collects each query's neighbours in the order scikit-learn's search meets them
   * and sorts them with {@link SimultaneousSort}, so equal distances come out in its order.
   */
  final Neighbors radiusNeighbors(double[] Q, int nq, double radius) {
    double[][] distances = new double[nq][];
    int[][] indices = new int[nq][];
    Parallel.forRange(nq, QUERY_BLOCK, (from, to) -> {
      Hits hits = new Hits();
      for (int q = from; q < to; q++) {
        hits.count = 0;
        within(Q, q, radius, hits);
        distances[q] = Arrays.copyOf(hits.distances, hits.count);
        indices[q] = Arrays.copyOf(hits.indices, hits.count);
      }
    });
    return new Neighbors(distances, indices);
  }

  /**
   * Fills {@code hits} with the radius neighbours of query q (true distances and indices), in
   * scikit-learn's order for {@code sort_results=True}.
   */
  abstract void within(double[] Q, int q, double radius, Hits hits);

  /**
   * The number of training points {@link #within} finds for query q, the same count, found
   * without listing or sorting them where the search allows.
   */
  int countWithin(double[] Q, int q, double radius, Hits hits) {
    hits.count = 0;
    withinUnordered(Q, q, radius, hits);
    return hits.count;
  }

  /** The points {@link #within} finds for query q, in an order of the search's own (unsorted). */
  void withinUnordered(double[] Q, int q, double radius, Hits hits) {
    within(Q, q, radius, hits);
  }

  /** The reduced form of a radius: squared for p = 2 ({@code _dist_to_rdist}). */
  final double toReduced(double radius) {
    return p == 2 ? radius * radius : radius;
  }

  /**
   * One query's radius neighbours as they are collected, in the order added; the buffers grow as
   * needed and are reused from query to query, so memory follows the largest neighbourhood.
   */
  static final class Hits {
    double[] distances = new double[64];  // (count,) used
    int[] indices = new int[64];          // (count,) used
    int count;
    double[] buffer;                      // a leaf's reduced distances, for the tree

    void add(double distance, int index) {
      if (count == indices.length) {
        distances = Arrays.copyOf(distances, 2 * count);
        indices = Arrays.copyOf(indices, 2 * count);
      }
      distances[count] = distance;
      indices[count++] = index;
    }
  }
}
