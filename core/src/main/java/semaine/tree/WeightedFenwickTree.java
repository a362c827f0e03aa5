package semaine.tree;

import java.util.Arrays;

/**
 * A Fenwick tree (binary indexed tree) over ranks holding prefix sums of the weights and of the
 * weighted targets, as scikit-learn 1.9's {@code WeightedFenwickTree} ({@code _utils.pyx}): the
 * absolute-error criterion activates the samples of a node one by one at the rank of their
 * target, and after each one finds the weighted median by a binary search on the cumulative
 * weight. Indices are 1-based inside, 0-based outside.
 */
final class WeightedFenwickTree {

  private final double[] treeW;
  private final double[] treeWy;
  private int size;
  private int maxPow2;
  double totalW;
  double totalWy;
  /** What the last {@link #search} found besides its result. */
  double cumulWeight;
  double cumulWeightedY;
  int prevIndex;

  WeightedFenwickTree(int capacity) {
    treeW = new double[capacity + 1];
    treeWy = new double[capacity + 1];
  }

  /** Empties the tree and sizes it for {@code size} ranks. */
  void reset(int size) {
    this.size = size;
    Arrays.fill(treeW, 0, size + 1, 0.0);
    Arrays.fill(treeWy, 0, size + 1, 0.0);
    totalW = 0.0;
    totalWy = 0.0;
    maxPow2 = Integer.highestOneBit(size);
  }

  /** Adds a sample of target y and weight w at rank {@code index}. */
  void add(int index, double y, double weight) {
    double weightedY = weight * y;
    for (int k = index + 1; k <= size; k += k & -k) {
      treeW[k] += weight;
      treeWy[k] += weightedY;
    }
    totalW += weight;
    totalWy += weightedY;
  }

  /**
   * The rank where the cumulative weight reaches {@code target}: the largest rank whose prefix
   * (excluded) weighs less than the target, unless some prefix weighs exactly the target, then
   * the first rank after it. Leaves the prefix sums before that rank in {@link #cumulWeight} and
   * {@link #cumulWeightedY}, and in {@link #prevIndex} the largest rank whose prefix weighs less
   * than the target (equal to the result unless the target was met exactly).
   */
  int search(double target) {
    int current = 0;
    double weight = 0.0;
    double weightedY = 0.0;
    int bit = maxPow2;
    double equalTarget = 0.0;
    int equalBit = 0;
    for (; bit != 0; bit >>= 1) {
      int next = current + bit;
      if (next <= size) {
        double nodeWeight = treeW[next];
        if (target == nodeWeight) {
          equalTarget = target;
          equalBit = bit;
          break;
        } else if (target > nodeWeight) {
          target -= nodeWeight;
          current = next;
          weight += nodeWeight;
          weightedY += treeWy[next];
        }
      }
    }
    if (bit == 0) {
      cumulWeight = weight;
      cumulWeightedY = weightedY;
      prevIndex = current;
      return current;
    }
    int previous = current;   // the largest rank with a prefix lighter than the target
    for (; bit != 0; bit >>= 1) {
      int next = previous + bit;
      if (next <= size && target > treeW[next]) {
        target -= treeW[next];
        previous = next;
      }
    }
    target = equalTarget;   // the largest rank with a prefix at most the target
    for (bit = equalBit; bit != 0; bit >>= 1) {
      int next = current + bit;
      if (next <= size && target >= treeW[next]) {
        target -= treeW[next];
        current = next;
        weight += treeW[next];
        weightedY += treeWy[next];
      }
    }
    cumulWeight = weight;
    cumulWeightedY = weightedY;
    prevIndex = previous;
    return current;
  }
}
