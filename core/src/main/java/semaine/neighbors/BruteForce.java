package semaine.neighbors;

import java.util.Arrays;
import semaine.util.Parallel;

/**
 * Brute-force neighbour search: every query is compared with every training point, as
 * scikit-learn's {@code ArgKmin} does for {@code algorithm='brute'}.
 *
 * <p>For p = 2 the reduced distance is scikit-learn's "dot trick"
 * {@code max(0, (‖q‖² − 2·q·y) + ‖y‖²)} (its Euclidean specialisation, which uses BLAS for
 * {@code q·y}); for p = 1 it is the Manhattan distance. The training points are stored in blocks
 * of 256, each block transposed (feature-major) so that the vector lanes hold consecutive points.
 * A task takes up to 1024 queries and sweeps the blocks once: each block, while it sits in cache,
 * meets all the task's queries through the {@link Distances} kernels, and every query's heap still
 * receives the training points in index order.
 *
 * <p>Ties: each query asks the kernels for the k + 1 smallest reduced distances (any order among
 * equals). When they are all different, the k nearest and their order are unique and are returned
 * sorted. When two of them are equal, which points scikit-learn keeps and how it lists them depend
 * on its heap and sort, so the query is replayed: every training point is pushed in index order,
 * with the same distance formula, through {@link NeighborHeap} as the chosen {@link Strategy}
 * would, and sorted by {@link SimultaneousSort}. Continuous data rarely ties; integer grids do all
 * the time.
 *
 * <p>Radius queries ({@link #within}) keep, in index order, the points whose reduced distance is
 * {@code <= radius²} (p = 2) or {@code <= radius} (p = 1) and sort them with
 * {@link SimultaneousSort} before taking square roots, as scikit-learn's
 * {@code RadiusNeighbors} does with either of its strategies.
 */
final class BruteForce extends SearchIndex {

  /** scikit-learn's brute force rounds the distances of float32 points to float32. */
  @Override
  boolean roundsFloat32() {
    return true;
  }

  private static final int TRAIN_BLOCK = 32;
  /** Queries that share one sweep over the training blocks. */
  private static final int SWEEP = 1024;
  /** Queries per kernel call (the rows of the distance block). */
  private static final int ROWS = 64;

  private final double[] packed;   // (n, d): block [b, b + w) stored (d, w) at b·d
  private final double[] norms;    // (n,) ‖x_j‖², p = 2 only

  BruteForce(double[] X, int n, int d, int p) {
    super(X, n, d, p);
    this.packed = new double[n * d];
    for (int jFrom = 0; jFrom < n; jFrom += TRAIN_BLOCK) {
      int width = Math.min(n, jFrom + TRAIN_BLOCK) - jFrom;
      for (int j = 0; j < width; j++) {
        for (int f = 0; f < d; f++) {
          packed[jFrom * d + f * width + j] = X[(jFrom + j) * d + f];
        }
      }
    }
    this.norms = p == 2 ? Distances.squaredNorms(X, n, d) : null;
  }

  @Override
  double reducedPair(double[] Q, int q, int j) {
    int row = q * d;
    return p == 2
        ? Distances.dotTrick(Q, row, Distances.squaredNorm(Q, row, d), d, X, j * d, 1, norms[j])
        : Distances.manhattan(Q, row, d, X, j * d, 1);
  }

  /**
   * Fills, for each query in {@code qFrom..qTo-1}, a max-heap of the {@code m} smallest reduced
   * distances in {@code heap} (row {@code q − qFrom}): one sweep over the training blocks, each
   * block computed {@link #ROWS} queries at a time into {@code block}.
   */
  private void candidates(double[] Q, double[] qNorms, int qFrom, int qTo, NeighborHeap heap,
      double[] block) {
    for (int jFrom = 0; jFrom < n; jFrom += TRAIN_BLOCK) {
      int jTo = Math.min(n, jFrom + TRAIN_BLOCK);
      int width = jTo - jFrom;
      for (int rFrom = qFrom; rFrom < qTo; rFrom += ROWS) {
        int rTo = Math.min(qTo, rFrom + ROWS);
        if (p == 2) {
          Distances.dotTrickBlock(Q, qNorms, rFrom, rTo, d, packed, jFrom * d, width, norms,
              jFrom, jTo, block);
        } else {
          Distances.manhattanBlock(Q, rFrom, rTo, d, packed, jFrom * d, width, jFrom, jTo, block);
        }
        for (int r = 0; r < rTo - rFrom; r++) {
          int row = rFrom - qFrom + r;
          int offset = r * width;
          int end = offset + width;
          int i = Distances.firstBelow(block, offset, end, heap.root(row));
          while (i < end) {
            heap.push(row, block[i], jFrom + i - offset);
            i = Distances.firstBelow(block, i + 1, end, heap.root(row));
          }
        }
      }
    }
  }

  @Override
  void search(double[] Q, int nq, int k, Strategy strategy, Rows rows) {
    Strategy resolved = strategy.resolve(nq, n);
    int m = Math.min(k + 1, n);
    double[] qNorms = p == 2 ? Distances.squaredNorms(Q, nq, d) : null;
    Parallel.forRange(nq, QUERY_BLOCK, (from, to) -> {
      int sweep = Math.min(SWEEP, to - from);
      NeighborHeap heap = new NeighborHeap(sweep, m);
      double[] block = new double[Math.min(ROWS, sweep) * Math.min(n, TRAIN_BLOCK)];
      double[] values = new double[m];
      int[] order = new int[m];
      for (int start = from; start < to; start += sweep) {
        int end = Math.min(to, start + sweep);
        heap.reset();
        candidates(Q, qNorms, start, end, heap, block);
        for (int q = start; q < end; q++) {
          System.arraycopy(heap.values, (q - start) * m, values, 0, m);
          System.arraycopy(heap.indices, (q - start) * m, order, 0, m);
          sortByValueThenIndex(values, order);
          if (hasTie(values, k)) {
            replay(Q, q, k, resolved, values, order);
          }
          rows.store(q, values, order);
        }
      }
    });
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

  /**
   * scikit-learn's brute {@code RadiusNeighbors}: every training point whose reduced distance
   * (the dot trick for p = 2, as in {@code EuclideanRadiusNeighbors}; Manhattan for p = 1) is
   * {@code <= toReduced(radius)} is appended in index order (with either of scikit-learn's
   * strategies: each thread's chunks are contiguous and their vectors are concatenated in thread
   * order); the row is sorted on the reduced values by {@link SimultaneousSort}, and only then
   * turned into distances ({@code sqrt} for p = 2), as its {@code compute_exact_distances} does.
   */
  @Override
  void within(double[] Q, int q, double radius, Hits hits) {
    double reducedRadius = toReduced(radius);
    int row = q * d;
    double qNorm = p == 2 ? Distances.squaredNorm(Q, row, d) : 0.0;
    for (int j = 0; j < n; j++) {
      double reduced = p == 2
          ? Distances.dotTrick(Q, row, qNorm, d, X, j * d, 1, norms[j])
          : Distances.manhattan(Q, row, d, X, j * d, 1);
      if (reduced <= reducedRadius) {
        hits.add(reduced, j);
      }
    }
    SimultaneousSort.sort(hits.distances, hits.indices, 0, hits.count);
    for (int i = 0; i < hits.count; i++) {
      hits.distances[i] = toDistance(hits.distances[i]);
    }
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
