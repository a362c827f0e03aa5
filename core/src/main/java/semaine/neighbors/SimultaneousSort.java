package semaine.neighbors;

/**
 * Sorts a row of distances and carries the indices along, with the same algorithm as
 * scikit-learn 1.9's {@code sklearn.utils._sorting.simultaneous_sort} (two-way partition), so that
 * equal distances come out in scikit-learn's order. The sort is not stable in general.
 *
 * <p>Introsort: while more than 15 values remain, take the median of the first, middle and last
 * value as pivot (moved to the last position), partition the rest into {@code <= pivot} and
 * {@code >= pivot} by scanning from both ends, put the pivot between them, recurse on the left
 * part and loop on the right one; past a depth of 2·floor(log2 n) switch to heapsort. Runs of at
 * most 15 values are finished by insertion sort, which is stable.
 */
final class SimultaneousSort {

  private SimultaneousSort() {}

  /** Sorts {@code values[offset..offset+n)} ascending, permuting {@code indices} the same way. */
  static void sort(double[] values, int[] indices, int offset, int n) {
    if (n == 0) {
      return;
    }
    int maxDepth = 2 * (31 - Integer.numberOfLeadingZeros(n));
    introsort(values, indices, offset, n, maxDepth);
  }

  private static void introsort(double[] v, int[] ix, int offset, int n, int maxDepth) {
    while (n > 15) {
      if (maxDepth <= 0) {
        heapsort(v, ix, offset, n);
        return;
      }
      maxDepth--;
      double pivot = medianOfThree(v, ix, offset, n);
      // medianOfThree leaves v[0] <= pivot and the pivot itself at n − 1
      int i = 1;
      int j = n - 2;
      while (true) {
        while (i <= j && v[offset + i] < pivot) {
          i++;
        }
        while (i <= j && v[offset + j] > pivot) {
          j--;
        }
        if (i >= j) {
          break;
        }
        swap(v, ix, offset + i, offset + j);
        i++;
        j--;
      }
      swap(v, ix, offset + i, offset + n - 1);
      introsort(v, ix, offset, i, maxDepth);
      offset += i + 1;
      n -= i + 1;
    }
    insertionSort(v, ix, offset, n);
  }

  /** Orders first, middle and last so that the median ends at the last position; returns it. */
  private static double medianOfThree(double[] v, int[] ix, int offset, int n) {
    int first = offset;
    int middle = offset + n / 2;
    int last = offset + n - 1;
    if (v[first] > v[last]) {
      swap(v, ix, first, last);
    }
    if (v[last] > v[middle]) {
      swap(v, ix, last, middle);
      if (v[first] > v[last]) {
        swap(v, ix, first, last);
      }
    }
    return v[last];
  }

  private static void heapsort(double[] v, int[] ix, int offset, int n) {
    for (int start = (n - 2) / 2; start >= 0; start--) {
      siftDown(v, ix, offset, start, n);
    }
    for (int end = n - 1; end > 0; end--) {
      swap(v, ix, offset, offset + end);
      siftDown(v, ix, offset, 0, end);
    }
  }

  private static void siftDown(double[] v, int[] ix, int offset, int root, int end) {
    while (true) {
      int child = 2 * root + 1;
      int largest = root;
      if (child < end && v[offset + largest] < v[offset + child]) {
        largest = child;
      }
      if (child + 1 < end && v[offset + largest] < v[offset + child + 1]) {
        largest = child + 1;
      }
      if (largest == root) {
        return;
      }
      swap(v, ix, offset + root, offset + largest);
      root = largest;
    }
  }

  private static void insertionSort(double[] v, int[] ix, int offset, int n) {
    for (int i = 1; i < n; i++) {
      double value = v[offset + i];
      int index = ix[offset + i];
      int j = i;
      while (j > 0 && v[offset + j - 1] > value) {
        v[offset + j] = v[offset + j - 1];
        ix[offset + j] = ix[offset + j - 1];
        j--;
      }
      v[offset + j] = value;
      ix[offset + j] = index;
    }
  }

  private static void swap(double[] v, int[] ix, int a, int b) {
    double t = v[a];
    v[a] = v[b];
    v[b] = t;
    int u = ix[a];
    ix[a] = ix[b];
    ix[b] = u;
  }
}
