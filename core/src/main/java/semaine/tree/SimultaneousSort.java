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
 */
final class SimultaneousSort {

  private SimultaneousSort() {}

  /** Sorts {@code values[from:from+n]} ascending, applying the same swaps to {@code indices}. */
  static void sort(float[] values, int[] indices, int from, int n) {
    if (n == 0) {
      return;
    }
    int maxDepth = 2 * (31 - Integer.numberOfLeadingZeros(n));   // 2 * floor(log2(n))
    introsort(values, indices, from, n, maxDepth);
  }

  private static void introsort(float[] v, int[] idx, int from, int n, int maxDepth) {
    while (n > 15) {
      if (maxDepth <= 0) {
        heapsort(v, idx, from, n);
        return;
      }
      maxDepth--;
      float pivot = median3(v, from, n);
      int i = from;
      int l = from;
      int r = from + n;
      while (i < r) {
        if (v[i] < pivot) {
          swap(v, idx, i, l);
          i++;
          l++;
        } else if (v[i] > pivot) {
          r--;
          swap(v, idx, i, r);
        } else {
          i++;
        }
      }
      introsort(v, idx, from, l - from, maxDepth);
      n -= r - from;
      from = r;
    }
    insertionSort(v, idx, from, n);
  }

  /** The median of the first, middle and last values (Bentley and McIlroy), nothing moved. */
  private static float median3(float[] v, int from, int n) {
    float a = v[from];
    float b = v[from + n / 2];
    float c = v[from + n - 1];
    if (a < b) {
      return b < c ? b : a < c ? c : a;
    }
    if (b < c) {
      return a < c ? a : c;
    }
    return b;
  }

  private static void heapsort(float[] v, int[] idx, int from, int n) {
    for (int start = (n - 2) / 2; ; start--) {
      siftDown(v, idx, from, start, n);
      if (start == 0) {
        break;
      }
    }
    for (int end = n - 1; end > 0; end--) {
      swap(v, idx, from, from + end);
      siftDown(v, idx, from, 0, end);
    }
  }

  /** Restores the max-heap order of {@code v[from+start : from+end]}. */
  private static void siftDown(float[] v, int[] idx, int from, int start, int end) {
    int root = start;
    while (true) {
      int child = 2 * root + 1;
      int max = root;
      if (child < end && v[from + max] < v[from + child]) {
        max = child;
      }
      if (child + 1 < end && v[from + max] < v[from + child + 1]) {
        max = child + 1;
      }
      if (max == root) {
        return;
      }
      swap(v, idx, from + root, from + max);
      root = max;
    }
  }

  private static void insertionSort(float[] v, int[] idx, int from, int n) {
    for (int i = from + 1; i < from + n; i++) {
      float value = v[i];
      int index = idx[i];
      int j = i;
      while (j > from && v[j - 1] > value) {
        v[j] = v[j - 1];
        idx[j] = idx[j - 1];
        j--;
      }
      v[j] = value;
      idx[j] = index;
    }
  }

  private static void swap(float[] v, int[] idx, int i, int j) {
    float t = v[i];
    v[i] = v[j];
    v[j] = t;
    int k = idx[i];
    idx[i] = idx[j];
    idx[j] = k;
  }
}
