package semaine.clustering;

/**
 * Python's {@code heapq} on a list of longs, move for move ({@code _siftdown}, and {@code _siftup},
 * which first walks the hole to a leaf by the smaller child): where scikit-learn reads a heap's
 * internal array order (as {@code _hc_cut} numbers its clusters), only the same moves give the
 * same answer.
 */
final class PythonHeap {

  private long[] heap;
  private int size;

  PythonHeap(int capacity) {
    heap = new long[Math.max(1, capacity)];
  }

  int size() {
    return size;
  }

  /** The i-th entry of the internal array. */
  long get(int i) {
    return heap[i];
  }

  /** {@code heappush}. */
  void push(long item) {
    if (size == heap.length) {
      heap = java.util.Arrays.copyOf(heap, 2 * size);
    }
    heap[size++] = item;
    siftDown(0, size - 1);
  }

  /** {@code heappushpop}: pushes item, then pops and returns the smallest. */
  long pushPop(long item) {
    if (size > 0 && heap[0] < item) {
      long smallest = heap[0];
      heap[0] = item;
      siftUp(0);
      return smallest;
    }
    return item;
  }

  private void siftDown(int start, int pos) {
    long item = heap[pos];
    while (pos > start) {
      int parent = (pos - 1) >> 1;
      if (item < heap[parent]) {
        heap[pos] = heap[parent];
        pos = parent;
        continue;
      }
      break;
    }
    heap[pos] = item;
  }

  private void siftUp(int pos) {
    int start = pos;
    long item = heap[pos];
    int child = 2 * pos + 1;
    while (child < size) {
      int right = child + 1;
      if (right < size && !(heap[child] < heap[right])) {
        child = right;
      }
      heap[pos] = heap[child];
      pos = child;
      child = 2 * pos + 1;
    }
    heap[pos] = item;
    siftDown(start, pos);
  }
}
