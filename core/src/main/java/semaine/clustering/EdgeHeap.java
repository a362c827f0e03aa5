package semaine.clustering;

import java.util.Arrays;

/**
 * Python's {@code heapq} on edges (weight, a, b), move for move ({@code heapify},
 * {@code heappush}, {@code heappop}), for scikit-learn's structured trees. Two orders:
 * scikit-learn's {@code ward_tree} pushes tuples, compared lexicographically (weight, then a, then
 * b), so the order of pops is the same for any heap; {@code linkage_tree} pushes
 * {@code WeightedEdge}s, which compare by weight only, so among equal weights the order of pops is
 * the heap's own, and only the same moves give the same merges.
 */
final class EdgeHeap {

  private final boolean byWeightOnly;
  private double[] weight;
  private int[] a;
  private int[] b;
  private int size;

  /** An empty heap; {@code byWeightOnly}: compare as {@code WeightedEdge} does, else as tuples. */
  EdgeHeap(int capacity, boolean byWeightOnly) {
    this.byWeightOnly = byWeightOnly;
    int c = Math.max(4, capacity);
    weight = new double[c];
    a = new int[c];
    b = new int[c];
  }

  int size() {
    return size;
  }

  /** Appends an edge without restoring the heap order (a list before {@link #heapify}). */
  void append(double w, int ea, int eb) {
    if (size == weight.length) {
      int c = 2 * size;
      weight = Arrays.copyOf(weight, c);
      a = Arrays.copyOf(a, c);
      b = Arrays.copyOf(b, c);
    }
    weight[size] = w;
    a[size] = ea;
    b[size] = eb;
    size++;
  }

  /** {@code heapify}: sift up every parent, the last first. */
  void heapify() {
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftUp(i);
    }
  }

  /** {@code heappush}. */
  void push(double w, int ea, int eb) {
    append(w, ea, eb);
    siftDown(0, size - 1);
  }

  /**
   * {@code heappop}: the smallest edge moves to the end of the array, where
   * {@link #poppedWeight()}, {@link #poppedA()} and {@link #poppedB()} read it.
   */
  void pop() {
    if (size == 0) {
      throw new IllegalStateException("pop from an empty heap");
    }
    size--;
    if (size > 0) {
      swap(0, size);
      siftUp(0);
    }
  }

  double poppedWeight() {
    return weight[size];
  }

  int poppedA() {
    return a[size];
  }

  int poppedB() {
    return b[size];
  }

  private boolean less(int i, int j) {
    if (weight[i] != weight[j] || byWeightOnly) {
      return weight[i] < weight[j];
    }
    return a[i] != a[j] ? a[i] < a[j] : b[i] < b[j];
  }

  /** {@code _siftdown}: the item at pos climbs while it is smaller than its parent. */
  private void siftDown(int start, int pos) {
    while (pos > start) {
      int parent = (pos - 1) >> 1;
      if (!less(pos, parent)) {
        break;
      }
      swap(pos, parent);
      pos = parent;
    }
  }

  /** {@code _siftup}: the hole walks to a leaf by the smaller child, then the item climbs. */
  private void siftUp(int pos) {
    int start = pos;
    int child = 2 * pos + 1;
    while (child < size) {
      int right = child + 1;
      if (right < size && !less(child, right)) {
        child = right;
      }
      swap(pos, child);
      pos = child;
      child = 2 * pos + 1;
    }
    siftDown(start, pos);
  }

  private void swap(int i, int j) {
    double w = weight[i];
    weight[i] = weight[j];
    weight[j] = w;
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    t = b[i];
    b[i] = b[j];
    b[j] = t;
  }
}
