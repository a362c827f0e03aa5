package semaine.neighbors;

/**
 * {@code std::nth_element} as GCC's libstdc++ implements it (introselect), on an array of point
 * indices ordered by one feature: scikit-learn's k-d tree splits its nodes with it
 * ({@code partition_node_indices}), and the order it leaves the indices in decides which of
 * several equally distant points its queries keep.
 *
 * <p>The order is {@code a < b} when {@code x[a][f] < x[b][f]}, or the values are equal and
 * {@code a < b} (scikit-learn's {@code IndexComparator}), a strict total order. While more than 3
 * indices remain: the median of the second, middle and last index (by that order) is swapped to the
 * first position and the rest partitioned around it by the unguarded two-way scan; the side holding
 * position {@code nth} is kept. After {@code 2·floor(log2 n)} rounds the search falls back to a
 * heap selection; the last few indices are insertion-sorted.
 */
final class NthElement {

  /** Places scanned at once from each end of a long range by the partition. */
  static final int BLOCK = 64;

  private final double[] X;   // (n, d)
  private final int d;
  private final int f;
  /** False for the plain scan alone: the oracle of the tests. */
  private final boolean blocks;
  /** The places of a block where the scans stop, made for the first long range. */
  private int[] offsetsLeft;
  private int[] offsetsRight;

  private NthElement(double[] X, int d, int f, boolean blocks) {
    this.X = X;
    this.d = d;
    this.f = f;
    this.blocks = blocks;
  }

  /**
   * Reorders {@code order[first..last)} so that position {@code nth} holds the index that would be
   * there if the range were sorted by feature {@code f} (then index), no smaller index before it and
   * no larger after, exactly as libstdc++ leaves them.
   *
   * @param X points, shape (n, d) flat
   */
  static void select(int[] order, int first, int nth, int last, double[] X, int d, int f) {
    new NthElement(X, d, f, true).introselect(order, first, nth, last);
  }

  /** {@link #select} with the plain two-way scan only (no blocks): the tests' oracle. */
  static void selectByScan(int[] order, int first, int nth, int last, double[] X, int d, int f) {
    new NthElement(X, d, f, false).introselect(order, first, nth, last);
  }

  private boolean less(int a, int b) {
    return before(X[a * d + f], a, X[b * d + f], b);
  }

  /**
   * The order on (value, index) pairs, short enough for C1 to inline (a tree built in a command
   * run on C1 alone compares here most of its time; {@link #less} is a call in C1's code).
   */
  private static boolean before(double va, int a, double vb, int b) {
    return va == vb ? a < b : va < vb;
  }

  private void introselect(int[] a, int first, int nth, int last) {
    if (first == last || nth == last) {
      return;
    }
    int depthLimit = 2 * (31 - Integer.numberOfLeadingZeros(last - first));
    while (last - first > 3) {
      if (depthLimit == 0) {
        heapSelect(a, first, nth + 1, last);
        swap(a, first, nth);
        return;
      }
      depthLimit--;
      int cut = partitionPivot(a, first, last);
      if (cut <= nth) {
        first = cut;
      } else {
        last = cut;
      }
    }
    insertionSort(a, first, last);
  }

  private int partitionPivot(int[] a, int first, int last) {
    int mid = first + (last - first) / 2;
    moveMedianToFirst(a, first, first + 1, mid, last - 1);
    return unguardedPartition(a, first + 1, last, first);
  }

  private void moveMedianToFirst(int[] a, int result, int x, int y, int z) {
    int median;
    if (less(a[x], a[y])) {
      median = less(a[y], a[z]) ? y : less(a[x], a[z]) ? z : x;
    } else {
      median = less(a[x], a[z]) ? x : less(a[y], a[z]) ? z : y;
    }
    swap(a, result, median);
  }

  /**
   * Partitions [lo, hi) around the value at {@code pivot} (outside the range) as libstdc++'s
   * {@code __unguarded_partition} does, and returns the cut. That scan swaps the k-th index from
   * the left that is not below the pivot with the k-th from the right that is not above it, until
   * they cross; which indices those are depends only on the values, since a swap touches only
   * places both scans have passed. So the long ranges are scanned by blocks first ({@link
   * #BLOCK} places from each end, each place's test counted without a branch, as in Edelkamp and
   * Weiß's BlockQuicksort) and the recorded places swapped pairwise in order: the same swaps, the
   * scan's unpredictable branches gone. When what is left between the blocks is too short for
   * another block, the plain scan goes on from the last swapped pair.
   */
  private int unguardedPartition(int[] a, int lo, int hi, int pivot) {
    if (hi - lo >= 2 * BLOCK && blocks) {
      long pair = swapBlocks(a, lo, hi, a[pivot]);
      lo = (int) (pair >>> 32);
      hi = (int) pair;
    }
    return scan(a, lo, hi, pivot);
  }

  /** The two-way scan of libstdc++ from {@code lo} and {@code hi} on; returns the cut. */
  private int scan(int[] a, int lo, int hi, int pivot) {
    double[] x = X;
    int p = a[pivot];  // outside the range: no swap moves it
    double value = x[p * d + f];
    while (true) {
      while (before(x[a[lo] * d + f], a[lo], value, p)) {
        lo++;
      }
      hi--;
      while (before(value, p, x[a[hi] * d + f], a[hi])) {
        hi--;
      }
      if (lo >= hi) {
        return lo;
      }
      swap(a, lo, hi);
      lo++;
    }
  }

  /**
   * The block phase of {@link #unguardedPartition}: the swaps of the scan while both of its ends
   * are in whole blocks. Returns where the scan goes on, {@code lo} (high 32 bits) after the last
   * swapped pair's left place and {@code hi} at its right place ({@code lo} and {@code hi}
   * unchanged when nothing was swapped).
   */
  private long swapBlocks(int[] a, int lo, int hi, int p) {
    double[] x = X;
    double value = x[p * d + f];
    if (offsetsLeft == null) {
      offsetsLeft = new int[BLOCK];
      offsetsRight = new int[BLOCK];
    }
    int[] left = offsetsLeft;
    int[] right = offsetsRight;
    int l = lo;      // the first place no left block has scanned
    int r = hi - 1;  // the last place no right block has scanned
    int baseL = 0;
    int baseR = 0;
    int fromL = 0;
    int countL = 0;
    int fromR = 0;
    int countR = 0;
    int nextLo = lo;
    int nextHi = hi;
    while (true) {
      int wanted = (countL == 0 ? BLOCK : 0) + (countR == 0 ? BLOCK : 0);
      if (r - l + 1 < wanted) {
        break;
      }
      if (countL == 0) {
        // places whose index is not below the pivot: the left scan stops there
        fromL = 0;
        baseL = l;
        for (int i = 0; i < BLOCK; i++) {
          int index = a[l + i];
          long gap = Double.doubleToRawLongBits(value - x[index * d + f] + 0.0);
          int above = (int) (gap >>> 63);                  // v > value
          int equal = 1 - (int) ((gap | -gap) >>> 63);     // v == value
          left[countL] = i;
          countL += above | (equal & (1 - ((index - p) >>> 31)));  // or equal and index >= p
        }
        l += BLOCK;
      }
      if (countR == 0) {
        // places whose index is not above the pivot: the right scan stops there
        fromR = 0;
        baseR = r;
        for (int i = 0; i < BLOCK; i++) {
          int index = a[r - i];
          long gap = Double.doubleToRawLongBits(value - x[index * d + f] + 0.0);
          int unequal = (int) ((gap | -gap) >>> 63);
          int below = unequal & (1 - (int) (gap >>> 63));  // v < value
          right[countR] = i;
          countR += below | ((1 - unequal) & (1 - ((p - index) >>> 31)));  // or index <= p
        }
        r -= BLOCK;
      }
      int pairs = Math.min(countL, countR);
      for (int k = 0; k < pairs; k++) {
        swap(a, baseL + left[fromL + k], baseR - right[fromR + k]);
      }
      if (pairs > 0) {
        nextLo = baseL + left[fromL + pairs - 1] + 1;
        nextHi = baseR - right[fromR + pairs - 1];
      }
      fromL += pairs;
      countL -= pairs;
      fromR += pairs;
      countR -= pairs;
    }
    return ((long) nextLo << 32) | (nextHi & 0xFFFFFFFFL);
  }

  private void insertionSort(int[] a, int first, int last) {
    for (int i = first + 1; i < last; i++) {
      int value = a[i];
      if (less(value, a[first])) {
        System.arraycopy(a, first, a, first + 1, i - first);
        a[first] = value;
      } else {
        int j = i;
        while (less(value, a[j - 1])) {
          a[j] = a[j - 1];
          j--;
        }
        a[j] = value;
      }
    }
  }

  /** Keeps the {@code middle − first} smallest in a max-heap at [first, middle). */
  private void heapSelect(int[] a, int first, int middle, int last) {
    int len = middle - first;
    if (len >= 2) {
      for (int parent = (len - 2) / 2; parent >= 0; parent--) {
        adjustHeap(a, first, parent, len, a[first + parent]);
      }
    }
    for (int i = middle; i < last; i++) {
      if (less(a[i], a[first])) {
        int value = a[i];
        a[i] = a[first];
        adjustHeap(a, first, 0, len, value);
      }
    }
  }

  /** libstdc++'s {@code __adjust_heap}: moves the hole down to a leaf, then pushes value up. */
  private void adjustHeap(int[] a, int first, int hole, int len, int value) {
    int top = hole;
    int child = hole;
    while (child < (len - 1) / 2) {
      child = 2 * (child + 1);
      if (less(a[first + child], a[first + child - 1])) {
        child--;
      }
      a[first + hole] = a[first + child];
      hole = child;
    }
    if ((len & 1) == 0 && child == (len - 2) / 2) {
      child = 2 * (child + 1);
      a[first + hole] = a[first + child - 1];
      hole = child - 1;
    }
    int parent = (hole - 1) / 2;
    while (hole > top && less(a[first + parent], value)) {
      a[first + hole] = a[first + parent];
      hole = parent;
      parent = (hole - 1) / 2;
    }
    a[first + hole] = value;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
