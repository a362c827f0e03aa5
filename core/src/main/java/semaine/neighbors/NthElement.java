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

  private final double[] X;   // (n, d)
  private final int d;
  private final int f;

  private NthElement(double[] X, int d, int f) {
    this.X = X;
    this.d = d;
    this.f = f;
  }

  /**
   * Reorders {@code order[first..last)} so that position {@code nth} holds the index that would be
   * there if the range were sorted by feature {@code f} (then index), no smaller index before it and
   * no larger after, exactly as libstdc++ leaves them.
   *
   * @param X points, shape (n, d) flat
   */
  static void select(int[] order, int first, int nth, int last, double[] X, int d, int f) {
    new NthElement(X, d, f).introselect(order, first, nth, last);
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

  /** Partitions [lo, hi) around the value at {@code pivot} (outside the range); returns the cut. */
  private int unguardedPartition(int[] a, int lo, int hi, int pivot) {
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
