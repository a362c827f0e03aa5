package semaine.tree;

/**
 * scikit-learn's {@code simultaneous_sort} with the three-way partition, the sort its splitters use
 * ({@code sklearn/utils/_sorting.pyx}): an introsort (Musser 1997) of float values that moves an
 * int array along. It is not stable, and the order it leaves equal values in decides the order of
 * the samples in the children, hence the order of later float sums: a port must take the same
 * steps, not only sort.
 *
 * <ul>
 *   <li>depth limit 2·floor(log2 n), then heapsort;</li>
 *   <li>while more than 15 values: pivot = median of the first, middle ({@code n/2}) and last
 *       values (not moved); Dutch-flag partition into &lt; pivot, = pivot, &gt; pivot; recurse on
 *       the first part, loop on the last;</li>
 *   <li>insertion sort for 15 values or fewer.</li>
 * </ul>
 *
 * <p>The pairs are sorted packed in one {@code long} each ({@link #key}): the float as an int that
 * orders as the float does in the high half, the moved int in the low half. One array to swap
 * instead of two, and the comparisons of the float values become comparisons of longs
 * ({@code v < pivot} is {@code key < pivot·2^32}); the steps, hence the order of ties, are
 * scikit-learn's. Where the order of ties cannot change the result, {@link #sortAnyTieOrder} sorts
 * the same keys with the JDK's (vectorised) sort instead.
 */
final class SimultaneousSort {

  private static final long LOW = 0xFFFFFFFFL;
  /** True when the Vector API module is loaded and not switched off ({@code semaine.vector}). */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("semaine.vector"));
  /** The smallest part {@link VectorPartition} partitions (smaller ones step by step). */
  private static final int VECTOR_PART = 64;
  /**
   * The smallest part {@link #sortParallel} hands to another core: below it a fork costs more
   * than the sort. Its sort takes some 10^2 µs, a fork some µs.
   */
  private static final int PARALLEL_PART = 1 << 12;

  /** The smallest part {@link #sortAsIntrosort} sorts by radix rather than with the JDK. */
  private static final int RADIX_SORT = 2048;
  private static final int RADIX_BITS = 11;
  private static final int RADIX = 1 << RADIX_BITS;
  private static final int RADIX_MASK = RADIX - 1;

  private SimultaneousSort() {}

  /**
   * The key of the pair (value, payload): the float's bits mapped to an int in the float order
   * (−0 as +0, which compare equal), shifted to the high half; the payload in the low half.
   * Values must not be NaN.
   */
  static long key(float value, int payload) {
    int bits = Float.floatToRawIntBits(value + 0.0f);   // −0 + 0 = +0
    return (long) (bits ^ ((bits >> 31) & 0x7FFFFFFF)) << 32 | (payload & LOW);
  }

  /** The value of a key (+0 for a −0 packed). */
  static float value(long key) {
    int sortable = (int) (key >> 32);
    return Float.intBitsToFloat(sortable ^ ((sortable >> 31) & 0x7FFFFFFF));
  }

  /** The payload of a key. */
  static int payload(long key) {
    return (int) key;
  }

  /** Sorts {@code values[from:from+n]} ascending, applying the same swaps to {@code indices}. */
  static void sort(float[] values, int[] indices, int from, int n) {
    long[] keys = new long[n];
    for (int p = 0; p < n; p++) {
      keys[p] = key(values[from + p], p);
    }
    sort(keys, 0, n);
    float[] v = java.util.Arrays.copyOfRange(values, from, from + n);
    int[] idx = java.util.Arrays.copyOfRange(indices, from, from + n);
    for (int p = 0; p < n; p++) {
      int q = payload(keys[p]);
      values[from + p] = v[q];
      indices[from + p] = idx[q];
    }
  }

  /** Sorts {@code keys[from:from+n]} on their values with scikit-learn's steps. */
  static void sort(long[] keys, int from, int n) {
    if (n == 0) {
      return;
    }
    int maxDepth = 2 * (31 - Integer.numberOfLeadingZeros(n));   // 2 * floor(log2(n))
    introsort(keys, from, n, maxDepth);
  }

  /**
   * {@link #sort} with its parts of at least {@link #PARALLEL_PART} keys sorted on other cores
   * of the fork-join pool: every partition takes the same steps on the same keys, the parts
   * being disjoint, so the order left, ties included, is {@link #sort}'s.
   */
  static void sortParallel(long[] keys, int from, int n) {
    if (n < 2 * PARALLEL_PART) {
      sort(keys, from, n);
      return;
    }
    introsortParallel(keys, from, n, 2 * (31 - Integer.numberOfLeadingZeros(n)), null);
  }

  /**
   * {@link #introsort} forking each left part large enough, the loop going on with the right
   * part; returns once every forked part is sorted.
   */
  private static void introsortParallel(long[] k, int from, int n, int maxDepth, Sorted done) {
    java.util.List<java.util.concurrent.ForkJoinTask<?>> forked = new java.util.ArrayList<>();
    while (n > 15 && maxDepth > 0 && !(done != null && done.tieFree(from, n))) {
      maxDepth--;
      long bounds = partition(k, from, n);
      int l = (int) (bounds >>> 32);
      int r = (int) bounds;
      int leftFrom = from;
      int leftN = l - from;
      int depth = maxDepth;
      if (leftN >= PARALLEL_PART) {
        forked.add(java.util.concurrent.ForkJoinTask.adapt(
            () -> introsortParallel(k, leftFrom, leftN, depth, done)).fork());
      } else {
        introsort(k, leftFrom, leftN, depth, done);
      }
      n -= r - from;
      from = r;
    }
    introsort(k, from, n, maxDepth, done);
    for (java.util.concurrent.ForkJoinTask<?> part : forked) {
      part.join();
    }
  }

  /**
   * Sorts {@code keys[from:from+n]} on their values, ties in payload order: the same sorted
   * values as {@link #sort}, ties in another order.
   */
  static void sortAnyTieOrder(long[] keys, int from, int n) {
    java.util.Arrays.sort(keys, from, from + n);
  }

  /** {@link #sortAsIntrosort(long[], long[], int, int, boolean, boolean)} on one core. */
  static boolean sortAsIntrosort(long[] keys, long[] scratch, int from, int n, boolean tryFast) {
    return sortAsIntrosort(keys, scratch, from, n, tryFast, false);
  }

  /**
   * The order {@link #sort} leaves, found faster where possible: when the values are distinct the
   * sorted order is unique, so any sort gives it. The JDK's sort is tried first when
   * {@code tryFast}; on a tie the keys are put back and sorted with scikit-learn's steps.
   *
   * @param scratch room for a copy of {@code keys[from:from+n]}, at the same positions
   * @param parallel true to sort large parts on other cores ({@link #sortParallel})
   * @return true when the values were distinct (so the fast sort stood)
   */
  static boolean sortAsIntrosort(long[] keys, long[] scratch, int from, int n, boolean tryFast,
      boolean parallel) {
    if (tryFast) {
      System.arraycopy(keys, from, scratch, from, n);
      sortAnyTieOrder(keys, from, n);
      if (distinct(keys, from, n)) {
        return true;
      }
      System.arraycopy(scratch, from, keys, from, n);
    }
    if (parallel) {
      sortParallel(keys, from, n);
    } else {
      sort(keys, from, n);
    }
    return false;
  }

  /**
   * Sorts {@code keys[from:from+n]} on their values into {@code dst} (same positions), ties in
   * their order: three passes of a radix sort on 11, 11 and 10 bits of the value, through
   * {@code spare}; {@code keys} is left as it was.
   */
  private static void radixSort(long[] keys, long[] dst, long[] spare, int from, int n) {
    int[] offsets = new int[3 * RADIX];
    int to = from + n;
    for (int p = from; p < to; p++) {
      int u = unsignedValue(keys[p]);
      offsets[u & RADIX_MASK]++;
      offsets[RADIX + (u >>> RADIX_BITS & RADIX_MASK)]++;
      offsets[2 * RADIX + (u >>> 2 * RADIX_BITS)]++;
    }
    for (int pass = 0; pass < 3; pass++) {
      int at = from;
      for (int b = pass * RADIX; b < (pass + 1) * RADIX; b++) {
        int count = offsets[b];
        offsets[b] = at;
        at += count;
      }
    }
    for (int p = from; p < to; p++) {
      long k = keys[p];
      dst[offsets[unsignedValue(k) & RADIX_MASK]++] = k;
    }
    for (int p = from; p < to; p++) {
      long k = dst[p];
      spare[offsets[RADIX + (unsignedValue(k) >>> RADIX_BITS & RADIX_MASK)]++] = k;
    }
    for (int p = from; p < to; p++) {
      long k = spare[p];
      dst[offsets[2 * RADIX + (unsignedValue(k) >>> 2 * RADIX_BITS)]++] = k;
    }
  }

  /** The value half of a key as an int ordered as unsigned. */
  private static int unsignedValue(long key) {
    return (int) (key >>> 32) ^ Integer.MIN_VALUE;
  }

  /** True when no two neighbours of sorted {@code keys[from:from+n]} hold the same value. */
  private static boolean distinct(long[] keys, int from, int n) {
    long previous = keys[from] >> 32;
    for (int p = from + 1; p < from + n; p++) {
      long v = keys[p] >> 32;
      if (v == previous) {
        return false;
      }
      previous = v;
    }
    return true;
  }

  private static void introsort(long[] k, int from, int n, int maxDepth) {
    introsort(k, from, n, maxDepth, null);
  }

  /**
   * The introsort, each part without ties taken from {@code done} when given: a part holds the
   * keys whose sorted positions are its positions, so without two equal values its sorted order
   * is {@code done}'s.
   */
  private static void introsort(long[] k, int from, int n, int maxDepth, Sorted done) {
    while (n > 15) {
      if (done != null && done.tieFree(from, n)) {
        done.copyTo(k, from, n);
        return;
      }
      if (maxDepth <= 0) {
        heapsort(k, from, n);
        return;
      }
      maxDepth--;
      long bounds = partition(k, from, n);
      int r = (int) bounds;
      introsort(k, from, (int) (bounds >>> 32) - from, maxDepth, done);
      n -= r - from;
      from = r;
    }
    if (done != null && done.tieFree(from, n)) {
      done.copyTo(k, from, n);
    } else {
      insertionSort(k, from, n);
    }
  }

  /**
   * The keys already sorted by the JDK's sort, ties in any order, and for each position the number
   * of positions up to it whose value equals the previous one's.
   */
  private record Sorted(long[] keys, int[] ties) {

    /** True when no two of {@code keys[from:from+n]} hold the same value. */
    boolean tieFree(int from, int n) {
      return n < 2 || ties[from + n - 1] == ties[from];
    }

    void copyTo(long[] k, int from, int n) {
      System.arraycopy(keys, from, k, from, n);
    }
  }

  /**
   * {@link #sort} (or {@link #sortParallel}), the same order found faster: the keys are first
   * sorted into {@code sorted}, ties in any order (a radix sort for large parts, else the JDK's),
   * and the introsort's steps are taken only in the
   * parts that hold tied values (a part without ties has one sorted order, {@code sorted}'s).
   * Among n float32 values of a continuous feature the ties are few, so most parts are copied.
   *
   * @param sorted room for {@code keys[from:from+n]} at the same positions
   * @param spare as much room again, for the radix sort of large parts
   * @param ties room for an int per position, at the same positions
   * @param parallel true to sort large parts on other cores ({@link #sortParallel})
   * @return true when the values were distinct
   */
  static boolean sortAsIntrosort(long[] keys, long[] sorted, long[] spare, int[] ties, int from,
      int n, boolean parallel) {
    if (n == 0) {
      return true;
    }
    if (n >= RADIX_SORT) {
      radixSort(keys, sorted, spare, from, n);
    } else {
      System.arraycopy(keys, from, sorted, from, n);
      sortAnyTieOrder(sorted, from, n);
    }
    if (countTies(sorted, ties, from, n) == 0) {
      System.arraycopy(sorted, from, keys, from, n);
      return true;
    }
    sortFromSorted(keys, sorted, ties, from, n, parallel);
    return false;
  }

  /**
   * The number of neighbours of sorted {@code sorted[from:from+n]} that hold the same value,
   * and in {@code ties[p]} the number up to each position p.
   */
  static int countTies(long[] sorted, int[] ties, int from, int n) {
    int count = 0;
    ties[from] = 0;
    long previous = sorted[from] >> 32;
    for (int p = from + 1; p < from + n; p++) {
      long v = sorted[p] >> 32;
      count += v == previous ? 1 : 0;
      ties[p] = count;
      previous = v;
    }
    return count;
  }

  /**
   * {@link #sort} (or {@link #sortParallel}) of {@code keys[from:from+n]}, its parts without
   * ties copied from {@code sorted}: the same keys sorted, ties in any order, with their
   * {@link #countTies} in {@code ties}.
   */
  static void sortFromSorted(long[] keys, long[] sorted, int[] ties, int from, int n,
      boolean parallel) {
    Sorted done = new Sorted(sorted, ties);
    int maxDepth = 2 * (31 - Integer.numberOfLeadingZeros(n));
    if (parallel && n >= 2 * PARALLEL_PART) {
      introsortParallel(keys, from, n, maxDepth, done);
    } else {
      introsort(keys, from, n, maxDepth, done);
    }
  }

  /**
   * The Dutch-flag partition of {@code k[from:from+n]} around the median of three: values below
   * the pivot in {@code [from, l)}, equal in {@code [l, r)}, above in {@code [r, from+n)};
   * returns {@code l << 32 | r}.
   */
  private static long partition(long[] k, int from, int n) {
    long below = median3(k, from, n) << 32;   // keys under it: values < pivot
    long above = below | LOW;                   // keys over it: values > pivot
    if (VECTOR && n >= VECTOR_PART) {
      long bounds = VectorPartition.partition(k, from, n, below, above);
      if (bounds >= 0) {
        return bounds;
      }
    }
    return scalarPartition(k, from, n, below, above);
  }

  /**
   * The Dutch-flag partition step by step around the pivot whose keys lie in
   * {@code [below, above]} (the scalar twin of {@link VectorPartition#partition}).
   */
  static long scalarPartition(long[] k, int from, int n, long below, long above) {
    int i = from;
    int l = from;
    int r = from + n;
    while (i < r) {
      long ki = k[i];
      if (ki < below) {
        k[i] = k[l];
        k[l] = ki;
        i++;
        l++;
      } else if (ki > above) {
        r--;
        k[i] = k[r];
        k[r] = ki;
      } else {
        i++;
      }
    }
    return (long) l << 32 | r;
  }

  /** The median of the first, middle and last values (Bentley and McIlroy), nothing moved. */
  private static long median3(long[] k, int from, int n) {
    long a = k[from] >> 32;
    long b = k[from + n / 2] >> 32;
    long c = k[from + n - 1] >> 32;
    if (a < b) {
      return b < c ? b : a < c ? c : a;
    }
    if (b < c) {
      return a < c ? a : c;
    }
    return b;
  }

  private static void heapsort(long[] k, int from, int n) {
    for (int start = (n - 2) / 2; ; start--) {
      siftDown(k, from, start, n);
      if (start == 0) {
        break;
      }
    }
    for (int end = n - 1; end > 0; end--) {
      swap(k, from, from + end);
      siftDown(k, from, 0, end);
    }
  }

  /** Restores the max-heap order of {@code k[from+start : from+end]} on the values. */
  private static void siftDown(long[] k, int from, int start, int end) {
    int root = start;
    while (true) {
      int child = 2 * root + 1;
      int max = root;
      if (child < end && k[from + max] >> 32 < k[from + child] >> 32) {
        max = child;
      }
      if (child + 1 < end && k[from + max] >> 32 < k[from + child + 1] >> 32) {
        max = child + 1;
      }
      if (max == root) {
        return;
      }
      swap(k, from + root, from + max);
      root = max;
    }
  }

  private static void insertionSort(long[] k, int from, int n) {
    for (int i = from + 1; i < from + n; i++) {
      long key = k[i];
      long above = key | LOW;   // keys over it: larger values
      int j = i;
      while (j > from && k[j - 1] > above) {
        k[j] = k[j - 1];
        j--;
      }
      k[j] = key;
    }
  }

  private static void swap(long[] k, int i, int j) {
    long t = k[i];
    k[i] = k[j];
    k[j] = t;
  }
}
