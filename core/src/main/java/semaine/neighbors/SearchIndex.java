package semaine.neighbors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import semaine.util.Parallel;

/**
 * An exact neighbour index over training points stored flat, shape (n, d), with the Minkowski
 * distance for p = 1 or 2. Subclasses ({@link BruteForce}, {@link KDTree}) find candidates fast;
 * this class turns them into scikit-learn's answer.
 *
 * <p>Distances are handled "reduced" (squared for p = 2) and converted at the end. Each query asks
 * its subclass for the k + 1 smallest reduced distances (any order among equals). When they are all
 * different, the k nearest and their order are unique and are returned sorted. When two of them are
 * equal, which points scikit-learn keeps and how it lists them depend on its heap and sort, so the
 * query is replayed: every training point is pushed in index order, with the same distance formula,
 * through {@link NeighborHeap} as the chosen {@link Strategy} would, and sorted by
 * {@link SimultaneousSort}. Continuous data rarely ties; integer grids do all the time.
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

  /**
   * Fills, for each query in {@code qFrom..qTo-1}, a max-heap of the {@code m} smallest reduced
   * distances in {@code heap} (row {@code q − qFrom}).
   */
  abstract void candidates(double[] Q, int qFrom, int qTo, NeighborHeap heap);

  /** The true distance from a reduced one. */
  final double toDistance(double reduced) {
    return p == 2 ? Math.sqrt(reduced) : reduced;
  }

  /**
   * The k nearest training points of each query, sorted by distance, scikit-learn's order.
   *
   * @param Q queries, shape (nq, d) flat
   * @return distances and indices, each shape (nq, k)
   */
  final Neighbors kneighbors(double[] Q, int nq, int k, Strategy strategy) {
    Strategy resolved = strategy.resolve(nq, n);
    double[][] distances = new double[nq][];
    int[][] indices = new int[nq][];
    int m = Math.min(k + 1, n);
    Parallel.forRange(nq, QUERY_BLOCK, (from, to) -> {
      NeighborHeap heap = new NeighborHeap(QUERY_BLOCK, m);
      double[] values = new double[m];
      int[] order = new int[m];
      for (int start = from; start < to; start += QUERY_BLOCK) {
        int end = Math.min(to, start + QUERY_BLOCK);
        heap.reset();
        candidates(Q, start, end, heap);
        for (int q = start; q < end; q++) {
          System.arraycopy(heap.values, (q - start) * m, values, 0, m);
          System.arraycopy(heap.indices, (q - start) * m, order, 0, m);
          sortByValueThenIndex(values, order);
          if (hasTie(values, k)) {
            replay(Q, q, k, resolved, values, order);
          }
          double[] dist = new double[k];
          for (int i = 0; i < k; i++) {
            dist[i] = toDistance(values[i]);
          }
          distances[q] = dist;
          indices[q] = Arrays.copyOf(order, k);
        }
      }
    });
    return new Neighbors(distances, indices);
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

  /** True when two of the k + 1 smallest values are equal (the answer then depends on order). */
  private static boolean hasTie(double[] sorted, int k) {
    int last = Math.min(k, sorted.length - 1);
    for (int i = 0; i < last; i++) {
      if (sorted[i] == sorted[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** scikit-learn's brute search for one query, written into values/order[0..k). */
  private void replay(double[] Q, int q, int k, Strategy strategy, double[] values, int[] order) {
    double[] heapValues = new double[k];
    int[] heapIndices = new int[k];
    Arrays.fill(heapValues, Double.POSITIVE_INFINITY);
    Arrays.fill(heapIndices, -1);
    if (strategy == Strategy.PARALLEL_ON_X) {
      for (int j = 0; j < n; j++) {
        NeighborHeap.push(heapValues, heapIndices, 0, k, reducedPair(Q, q, j), j);
      }
    } else {
      int chunk = Math.min(n, Strategy.CHUNK);
      int chunks = (n + chunk - 1) / chunk;
      int threads = Math.min(chunks, Strategy.THREADS);
      double[] threadValues = new double[k];
      int[] threadIndices = new int[k];
      for (int t = 0; t < threads; t++) {
        // OpenMP's static schedule: the first (chunks % threads) threads take one chunk more
        int base = chunks / threads;
        int extra = chunks % threads;
        int firstChunk = t * base + Math.min(t, extra);
        int count = base + (t < extra ? 1 : 0);
        Arrays.fill(threadValues, Double.POSITIVE_INFINITY);
        Arrays.fill(threadIndices, -1);
        int jEnd = Math.min(n, (firstChunk + count) * chunk);
        for (int j = firstChunk * chunk; j < jEnd; j++) {
          NeighborHeap.push(threadValues, threadIndices, 0, k, reducedPair(Q, q, j), j);
        }
        for (int i = 0; i < k; i++) {
          NeighborHeap.push(heapValues, heapIndices, 0, k, threadValues[i], threadIndices[i]);
        }
      }
    }
    SimultaneousSort.sort(heapValues, heapIndices, 0, k);
    System.arraycopy(heapValues, 0, values, 0, k);
    System.arraycopy(heapIndices, 0, order, 0, k);
  }

  private static void sortByValueThenIndex(double[] values, int[] order) {
    if (values.length > 32) {
      Integer[] positions = new Integer[values.length];
      for (int i = 0; i < positions.length; i++) {
        positions[i] = i;
      }
      Arrays.sort(positions, (a, b) -> values[a] != values[b]
          ? Double.compare(values[a], values[b]) : Integer.compare(order[a], order[b]));
      double[] v = values.clone();
      int[] o = order.clone();
      for (int i = 0; i < positions.length; i++) {
        values[i] = v[positions[i]];
        order[i] = o[positions[i]];
      }
      return;
    }
    // small m (k + 1, the usual case): insertion sort on (value, index)
    for (int i = 1; i < values.length; i++) {
      double v = values[i];
      int ix = order[i];
      int j = i;
      while (j > 0 && (values[j - 1] > v || (values[j - 1] == v && order[j - 1] > ix))) {
        values[j] = values[j - 1];
        order[j] = order[j - 1];
        j--;
      }
      values[j] = v;
      order[j] = ix;
    }
  }
}
