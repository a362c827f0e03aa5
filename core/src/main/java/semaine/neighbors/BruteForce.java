package semaine.neighbors;

import java.util.Arrays;
import semaine.util.Parallel;

/**
 * Brute-force neighbour search: every query is compared with every training point, as
 * scikit-learn's {@code ArgKmin} does for {@code algorithm='brute'}.
 *
 * <p>For p = 2 the reduced distance is scikit-learn's "dot trick"
 * {@code max(0, (‖q‖² − 2·q·y) + ‖y‖²)} (its Euclidean specialisation, which uses BLAS for
 * {@code q·y}); for p = 1 it is the Manhattan distance. Work is blocked: 16 queries against 256
 * training points at a time through the {@link Distances} kernels, the training points stored
 * transposed so that the vector lanes hold consecutive points.
 *
 * <p>Ties: each query asks the kernels for the k + 1 smallest reduced distances (any order among
 * equals). When they are all different, the k nearest and their order are unique and are returned
 * sorted. When two of them are equal, which points scikit-learn keeps and how it lists them depend
 * on its heap and sort, so the query is replayed: every training point is pushed in index order,
 * with the same distance formula, through {@link NeighborHeap} as the chosen {@link Strategy}
 * would, and sorted by {@link SimultaneousSort}. Continuous data rarely ties; integer grids do all
 * the time.
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

  /**
   * Fills, for each query in {@code qFrom..qTo-1}, a max-heap of the {@code m} smallest reduced
   * distances in {@code heap} (row {@code q − qFrom}).
   */
  private void candidates(double[] Q, int qFrom, int qTo, NeighborHeap heap) {
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

  @Override
  Neighbors kneighbors(double[] Q, int nq, int k, Strategy strategy) {
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
