package semaine.tree;

/**
 * The squared error's best splits in a small subtree, each node's samples already sorted on
 * every feature: the subtree's samples are sorted once per feature where it starts, and each
 * split hands every feature's sorted order on to the two children by a stable partition,
 * instead of sorting each node again. The splits, sums and children's orders are the
 * splitter's to the last bit.
 *
 * <p>A node whose values on a feature are all distinct has one sorted order on it, which the
 * stable partition of its parent's gives. A node holding two equal values of the feature has
 * several, and the one scikit-learn's introsort leaves depends on the order it starts from
 * ({@link SimultaneousSort}): that feature is sorted again here with the introsort's steps,
 * from the order the previous feature's sort left, as the splitter sorts every node.
 *
 * <p>The subtree's samples get local ids 0..n−1 (in their order where the subtree starts): the
 * sorted keys hold (value, local id), and the features, targets and weights of the subtree are
 * copied by local id, so that the work of a node reads only memory near its own. {@link #entry}
 * holds, at each position, the local id of the sample there, in the order the splitter's
 * {@code samples} would hold; {@link #criterion} sums the targets through it in that order.
 */
final class PresortedSubtree {

  /** The largest node a subtree starts at: its sorted keys stay in the second-level cache. */
  static final int MAX_SAMPLES = 4096;

  /** The largest node a subtree starts at here (at most {@link #MAX_SAMPLES}). */
  final int limit;

  private static final int ENTRY = -1;
  private static final int EXACT = -2;

  private final float[][] columns;   // (n_features, n_samples) X as float32
  private final double[] y;          // (n_samples,)
  private final double[] sampleWeight;
  /** The squared error on local ids, over {@link #entry}. */
  final SquaredError criterion;
  private final double[] yLocal;     // (capacity,) y by local id
  private final double[] wLocal;     // (capacity,) weights by local id, or null
  private final double[] wyLocal;    // (capacity,) w·y by local id
  private final float[][] xLocal;    // (n_features, capacity) X by local id
  private final long[][] sorted;     // (n_features, capacity) keys (value, local id) by position
  private final long[] exact;        // (capacity,) keys sorted with the introsort's steps
  private final long[] spare;        // (capacity,) the right part of a stable partition
  private final boolean[] goesLeft;  // (capacity,) by local id, at a split
  /** (n_samples,) the local id of the sample at each position of the active subtree. */
  final int[] entry;
  private int from = -1;             // the active subtree's positions [from, to)
  private int to = -1;
  /** Whose order the node's samples are in: {@link #ENTRY}, {@link #EXACT} or a feature. */
  private int current = ENTRY;

  /**
   * Buffers for subtrees of up to {@code min(limit, nSamples)} samples.
   *
   * @param limit the largest node a subtree starts at, at most {@link #MAX_SAMPLES}
   * @param weightedNSamples the splitter's Σ of all weights, for the criterion
   */
  PresortedSubtree(float[][] columns, int nSamples, int limit, double[] y,
      double[] sampleWeight, double weightedNSamples) {
    this.limit = Math.min(limit, MAX_SAMPLES);
    int capacity = Math.min(this.limit, nSamples);
    this.columns = columns;
    this.y = y;
    this.sampleWeight = sampleWeight;
    this.yLocal = new double[capacity];
    this.wLocal = sampleWeight == null ? null : new double[capacity];
    this.wyLocal = new double[capacity];
    this.xLocal = new float[columns.length][capacity];
    this.sorted = new long[columns.length][capacity];
    this.exact = new long[capacity];
    this.spare = new long[capacity];
    this.goesLeft = new boolean[capacity];
    this.entry = new int[nSamples];
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
   * samples' data copied by local id and sorted on every feature, ties in any order.
   */
  void enter(int[] samples, int start, int end) {
    int n = end - start;
    from = start;
    to = end;
    for (int j = 0; j < n; j++) {
      int i = samples[start + j];
      entry[start + j] = j;
      double w = sampleWeight == null ? 1.0 : sampleWeight[i];
      yLocal[j] = y[i];
      wyLocal[j] = w * y[i];
      if (wLocal != null) {
        wLocal[j] = w;
      }
    }
    for (int f = 0; f < columns.length; f++) {
      float[] column = columns[f];
      float[] x = xLocal[f];
      long[] keys = sorted[f];
      for (int j = 0; j < n; j++) {
        float v = column[samples[start + j]];
        x[j] = v;
        keys[j] = SimultaneousSort.key(v, j);
      }
      java.util.Arrays.sort(keys, 0, n);
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
    if (scatter(sorted[feature], start, end, values, weightedY, weights)) {
      current = feature;
      return;
    }
    // tied values: the introsort's steps from the current order
    float[] x = xLocal[feature];
    long[] order = orderKeys();
    for (int q = start - from; q < end - from; q++) {
      int id = order == null ? entry[q + from] : SimultaneousSort.payload(order[q]);
      exact[q] = SimultaneousSort.key(x[id], id);
    }
    SimultaneousSort.sort(exact, start - from, end - start);
    current = EXACT;
    scatter(exact, start, end, values, weightedY, weights);
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
    for (long[] keys : sorted) {
      stablePartition(keys, start - from, end - from);
    }
  }

  /** The keys whose payloads give the current order, or null for the entry order. */
  private long[] orderKeys() {
    return current == ENTRY ? null : current == EXACT ? exact : sorted[current];
  }

  /**
   * Lays the values, w·y and weights of {@code keys[start−from : end−from]} at positions
   * {@code [start, end)}; returns false when two neighbours hold the same value.
   */
  private boolean scatter(long[] keys, int start, int end, float[] values, double[] weightedY,
      double[] weights) {
    int offset = from;
    long previous = keys[start - offset] - (1L << 32);   // a value below the first
    boolean distinct = true;
    for (int p = start; p < end; p++) {
      long key = keys[p - offset];
      distinct &= (key >> 32) != (previous >> 32);
      previous = key;
      int id = SimultaneousSort.payload(key);
      values[p] = SimultaneousSort.value(key);
      weightedY[p] = wyLocal[id];
      if (weights != null) {
        weights[p] = wLocal[id];
      }
    }
    return distinct;
  }

  /** The keys going left first, each part in its order ({@link #goesLeft}). */
  private void stablePartition(long[] keys, int start, int end) {
    int l = start;
    int r = 0;
    for (int q = start; q < end; q++) {
      long key = keys[q];
      keys[l] = key;
      spare[r] = key;
      int toLeft = goesLeft[SimultaneousSort.payload(key)] ? 1 : 0;
      l += toLeft;
      r += 1 - toLeft;
    }
    System.arraycopy(spare, 0, keys, l, r);
  }
}
