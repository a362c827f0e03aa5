package semaine.tree;

import semaine.util.Parallel;

/**
 * The squared error's best splits in a subtree, each node's samples already sorted on every
 * feature: the subtree's samples are sorted once per feature where it starts, and each split
 * hands every feature's sorted order on to the two children by a stable partition, instead of
 * sorting each node again. The splits, sums and children's orders are the splitter's to the
 * last bit.
 *
 * <p>A node whose values on a feature are all distinct has one sorted order on it, which the
 * stable partition of its parent's gives. A node holding two equal values of the feature has
 * several, and the one scikit-learn's introsort leaves depends on the order it starts from
 * ({@link SimultaneousSort}): that feature is sorted again here with the introsort's steps,
 * from the order the previous feature's sort left, as the splitter sorts every node (the parts
 * of it without ties taken from the presorted order).
 *
 * <p>The subtree's samples get local ids 0..n−1 (in their order where the subtree starts): the
 * sorted keys hold (value, local id), and the features, targets and weights are read by local
 * id, copied for a subtree below the root so that a node reads only memory near its own.
 * {@link #entry} holds, at each position, the local id of the sample there, in the order the
 * splitter's {@code samples} would hold; {@link #criterion} sums the targets through it in that
 * order.
 */
final class PresortedSubtree {

  /** The smallest node whose loops are split between two cores (when parallel). */
  private static final int PARALLEL_LOOP = 1 << 15;
  /**
   * The largest subtree a depth-first tree splits on its own copies, started from the whole
   * tree's presorted keys: its data by local id stays in the second-level cache.
   */
  static final int SUBTREE = 4096;

  private static final int ENTRY = -1;
  private static final int EXACT = -2;

  /** The largest node a subtree starts at. */
  final int limit;
  private final float[][] columns;   // (n_features, n_samples) X as float32
  private final double[] y;          // (n_samples,)
  private final double[] sampleWeight;
  /** True when the one subtree is the root's and local ids are the sample indices. */
  private final boolean wholeTree;
  private final boolean parallel;
  /** The squared error on local ids, over {@link #entry}. */
  final SquaredError criterion;
  private final double[] yLocal;     // (capacity,) y by local id
  private final double[] wLocal;     // (capacity,) weights by local id, or null
  private final double[] wyLocal;    // (capacity,) w·y by local id
  private final float[][] xLocal;    // (n_features, capacity) X by local id
  private final long[][] sorted;     // (n_features, capacity) keys (value, local id) by position
  private final long[] exact;        // (capacity,) keys sorted with the introsort's steps
  private final int[] ties;          // (capacity,) tied neighbours counted along sorted keys
  private final long[][] spare;      // (2, capacity) right parts of stable partitions
  private final boolean[] goesLeft;  // (capacity,) by local id, at a split
  /** (n_samples,) the local id of the sample at each position of the active subtree. */
  final int[] entry;
  /** (capacity,) an inner subtree's local id of each of ours, or null ({@link #enterFrom}). */
  private final int[] rename;
  private int from = -1;             // the active subtree's positions [from, to)
  private int to = -1;
  /** Whose order the node's samples are in: {@link #ENTRY}, {@link #EXACT} or a feature. */
  private int current = ENTRY;

  /**
   * Buffers for subtrees of up to {@code min(limit, nSamples)} samples.
   *
   * @param samples the splitter's samples (those of non-zero weight), in increasing order
   * @param limit the largest node a subtree starts at
   * @param weightedNSamples the splitter's Σ of all weights, for the criterion
   * @param parallel true to split the loops of large nodes between two cores
   * @param outer true when inner subtrees start from this one ({@link #enterFrom})
   */
  PresortedSubtree(float[][] columns, int[] samples, int limit, double[] y,
      double[] sampleWeight, double weightedNSamples, boolean parallel, boolean outer) {
    int nSamples = samples.length;
    int capacity = Math.min(limit, nSamples);
    this.limit = limit;
    this.columns = columns;
    this.y = y;
    this.sampleWeight = sampleWeight;
    this.parallel = parallel;
    this.wholeTree = limit >= nSamples && nSamples == y.length;
    if (wholeTree) {
      xLocal = columns;
      yLocal = y;
      wLocal = sampleWeight;
      wyLocal = sampleWeight == null ? y : new double[nSamples];   // 1.0·y is y
      for (int i = 0; sampleWeight != null && i < nSamples; i++) {
        wyLocal[i] = sampleWeight[i] * y[i];
      }
    } else {
      xLocal = new float[columns.length][capacity];
      yLocal = new double[capacity];
      wLocal = sampleWeight == null ? null : new double[capacity];
      wyLocal = new double[capacity];
    }
    this.sorted = new long[columns.length][capacity];
    this.exact = new long[capacity];
    this.ties = new int[capacity];
    this.spare = new long[parallel ? 2 : 1][capacity];
    this.goesLeft = new boolean[capacity];
    this.entry = new int[nSamples];
    this.rename = outer ? new int[capacity] : null;
    this.criterion = new SquaredError(yLocal, wLocal);
    this.criterion.samples = entry;
    this.criterion.weightedNSamples = weightedNSamples;
  }

  /** True when the node {@code [start, end)} lies in the active subtree. */
  boolean contains(int start, int end) {
    return from <= start && end <= to;
  }

  /**
   * Starts a subtree at the node {@code samples[start:end]} (at most {@link #limit}): its
   * samples' data copied by local id (below the root) and sorted on every feature, ties in any
   * order.
   */
  void enter(int[] samples, int start, int end) {
    int n = end - start;
    from = start;
    to = end;
    for (int j = 0; j < n; j++) {
      entry[start + j] = j;
    }
    if (!wholeTree) {
      for (int j = 0; j < n; j++) {
        int i = samples[start + j];
        double w = sampleWeight == null ? 1.0 : sampleWeight[i];
        yLocal[j] = y[i];
        wyLocal[j] = w * y[i];
        if (wLocal != null) {
          wLocal[j] = w;
        }
      }
    }
    Parallel.RangeBody sortFeatures = (first, last) -> {
      for (int f = first; f < last; f++) {
        float[] column = columns[f];
        float[] x = xLocal[f];
        long[] keys = sorted[f];
        for (int j = 0; j < n; j++) {
          float v = wholeTree ? column[j] : column[samples[start + j]];
          if (!wholeTree) {
            x[j] = v;
          }
          keys[j] = SimultaneousSort.key(v, j);
        }
        java.util.Arrays.sort(keys, 0, n);
      }
    };
    if (parallel && n >= PARALLEL_LOOP) {
      Parallel.forRange(columns.length, 1, sortFeatures);
    } else {
      sortFeatures.run(0, columns.length);
    }
  }

  /**
   * Starts a subtree at the node {@code [start, end)} of a larger subtree (at most
   * {@link #limit} samples): new local ids in the node's entry order, the node's data copied to
   * them, and each feature's sorted keys taken from the outer subtree's with their ids renamed
   * (the values, hence the order, unchanged).
   */
  void enterFrom(PresortedSubtree outer, int start, int end) {
    int n = end - start;
    from = start;
    to = end;
    int[] rename = outer.rename;
    for (int j = 0; j < n; j++) {
      int id = outer.entry[start + j];
      rename[id] = j;
      entry[start + j] = j;
      yLocal[j] = outer.yLocal[id];
      wyLocal[j] = outer.wyLocal[id];
      if (wLocal != null) {
        wLocal[j] = outer.wLocal[id];
      }
    }
    int offset = start - outer.from;
    for (int f = 0; f < sorted.length; f++) {
      float[] x = xLocal[f];
      float[] outerX = outer.xLocal[f];
      long[] keys = sorted[f];
      long[] outerKeys = outer.sorted[f];
      for (int q = 0; q < n; q++) {
        long key = outerKeys[offset + q];
        int id = SimultaneousSort.payload(key);
        keys[q] = key & ~0xFFFFFFFFL | rename[id];
        x[rename[id]] = outerX[id];
      }
    }
  }

  /** A node's split begins: its samples are in their entry order. */
  void begin() {
    current = ENTRY;
  }

  /**
   * Sorts the node {@code [start, end)} on a feature as the splitter's sort would, starting
   * from the order the previous sort of the node left, and lays the sorted values, w·y and
   * weights at the node's positions of the splitter's arrays.
   *
   * @param weights the weights' array, or null without weights
   */
  void sortOn(int feature, int start, int end, float[] values, double[] weightedY,
      double[] weights) {
    long[] keys = sorted[feature];
    int q = start - from;
    int n = end - start;
    if (SimultaneousSort.countTies(keys, ties, q, n) == 0) {
      current = feature;
    } else {
      // tied values: the introsort's steps from the current order
      long[] order = orderKeys();
      float[] x = xLocal[feature];
      inHalves(q, q + n, (first, last) -> {
        for (int p = first; p < last; p++) {
          int id = order == null ? entry[p + from] : SimultaneousSort.payload(order[p]);
          exact[p] = SimultaneousSort.key(x[id], id);
        }
      });
      SimultaneousSort.sortFromSorted(exact, keys, ties, q, n, parallel);
      current = EXACT;
      keys = exact;
    }
    long[] ordered = keys;
    inHalves(start, end, (first, last) -> {
      for (int p = first; p < last; p++) {
        long key = ordered[p - from];
        int id = SimultaneousSort.payload(key);
        values[p] = SimultaneousSort.value(key);
        weightedY[p] = wyLocal[id];
        if (weights != null) {
          weights[p] = wLocal[id];
        }
      }
    });
  }

  /**
   * The split is made: the node's samples take the order of the last sort, then the
   * splitter's two-pointer partition on {@code x[bestFeature] <= threshold}; every feature's
   * sorted keys are partitioned stably the same way, the left child's first.
   */
  void finish(int start, int end, int bestFeature, double threshold) {
    long[] order = orderKeys();
    if (order != null) {
      for (int p = start; p < end; p++) {
        entry[p] = SimultaneousSort.payload(order[p - from]);
      }
    }
    float[] x = xLocal[bestFeature];
    for (int p = start; p < end; p++) {
      int id = entry[p];
      goesLeft[id] = x[id] <= threshold;
    }
    int left = start;
    int right = end;
    while (left < right) {
      if (goesLeft[entry[left]]) {
        left++;
      } else {
        right--;
        int t = entry[left];
        entry[left] = entry[right];
        entry[right] = t;
      }
    }
    int d = sorted.length;
    if (parallel && end - start >= PARALLEL_LOOP && d > 1) {
      java.util.concurrent.ForkJoinTask<?> firstHalf = java.util.concurrent.ForkJoinTask.adapt(
          () -> stablePartitions(0, d / 2, start - from, end - from, spare[1])).fork();
      stablePartitions(d / 2, d, start - from, end - from, spare[0]);
      firstHalf.join();
    } else {
      stablePartitions(0, d, start - from, end - from, spare[0]);
    }
  }

  /** The keys whose payloads give the current order, or null for the entry order. */
  private long[] orderKeys() {
    return current == ENTRY ? null : current == EXACT ? exact : sorted[current];
  }

  /** The sorted keys of features {@code [first, last)}, each partitioned stably. */
  private void stablePartitions(int first, int last, int start, int end, long[] room) {
    for (int f = first; f < last; f++) {
      stablePartition(sorted[f], start, end, room);
    }
  }

  /** The keys going left first, each part in its order ({@link #goesLeft}). */
  private void stablePartition(long[] keys, int start, int end, long[] room) {
    int l = start;
    int r = 0;
    for (int q = start; q < end; q++) {
      long key = keys[q];
      keys[l] = key;
      room[r] = key;
      int toLeft = goesLeft[SimultaneousSort.payload(key)] ? 1 : 0;
      l += toLeft;
      r += 1 - toLeft;
    }
    System.arraycopy(room, 0, keys, l, r);
  }

  /**
   * Runs a loop over {@code [start, end)} whose items are independent: on two cores for a
   * large node (the first half on another), else here.
   */
  private void inHalves(int start, int end, Parallel.RangeBody body) {
    if (!parallel || end - start < PARALLEL_LOOP) {
      body.run(start, end);
      return;
    }
    int middle = start + (end - start) / 2;
    java.util.concurrent.ForkJoinTask<?> first =
        java.util.concurrent.ForkJoinTask.adapt(() -> body.run(start, middle)).fork();
    body.run(middle, end);
    first.join();
  }
}
