package semaine.neighbors;

import java.util.Arrays;

/**
 * Fixed-size max-heaps of (distance, index) pairs, one per query row, with the exact push rule of
 * scikit-learn 1.9's {@code sklearn.utils._heap.heap_push}, so that points at equal distances are
 * kept or evicted as scikit-learn keeps or evicts them.
 *
 * <p>Each heap starts full of {@code +inf} (index −1). A candidate is rejected when
 * {@code dist >= root}: among equal distances, the one already inside stays. Otherwise it replaces
 * the root and sifts down: with two children the larger one is chosen (the left one when they are
 * equal), with one child that child; the candidate moves down while it is {@code <} the chosen
 * child. The root evicted by a closer point is therefore one of the tied maxima chosen by the heap
 * layout, not the one with the lowest index.
 */
final class NeighborHeap {

  final int size;
  final double[] values;   // (rows, size)
  final int[] indices;     // (rows, size)

  NeighborHeap(int rows, int size) {
    this.size = size;
    this.values = new double[rows * size];
    this.indices = new int[rows * size];
    reset();
  }

  /** Empties every heap: all values +inf, all indices −1. */
  void reset() {
    Arrays.fill(values, Double.POSITIVE_INFINITY);
    Arrays.fill(indices, -1);
  }

  /** The largest value kept in row {@code row}, the bar a candidate must get under. */
  double root(int row) {
    return values[row * size];
  }

  /** Offers {@code (value, index)} to the heap of row {@code row}. */
  void push(int row, double value, int index) {
    push(values, indices, row * size, size, value, index);
  }

  /** {@code heap_push} on the heap stored at {@code values[offset..offset+size)}. */
  static void push(double[] values, int[] indices, int offset, int size, double value, int index) {
    if (value >= values[offset]) {
      return;
    }
    // the child to compare with: the larger of two (the left one on equality), or the only one
    int current = 0;
    int left = 1;
    while (left < size) {
      int swap = left;
      if (left + 1 < size && values[offset + left] < values[offset + left + 1]) {
        swap = left + 1;
      }
      if (!(value < values[offset + swap])) {
        break;
      }
      values[offset + current] = values[offset + swap];
      indices[offset + current] = indices[offset + swap];
      current = swap;
      left = 2 * current + 1;
    }
    values[offset + current] = value;
    indices[offset + current] = index;
  }
}
