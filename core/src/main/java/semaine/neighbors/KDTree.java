package semaine.neighbors;

import java.util.List;

/**
 * A k-d tree for exact neighbour queries in low dimension (scikit-learn's {@code KDTree}, which
 * {@code algorithm='auto'} picks for at most 15 features).
 *
 * <p>Each node covers a contiguous range of the reordered points and keeps their bounding box. A
 * node with more than {@code leafSize} points is split at the median of its widest dimension. A
 * query descends to the nearer child first and skips every node whose box is no closer than the
 * current k-th candidate. Distances are computed directly, {@code Σ (q_f − y_f)²} or
 * {@code Σ |q_f − y_f|} in feature order, as scikit-learn's trees do.
 *
 * <p>Deliberate difference: the tree builds its own partition, so among points at exactly equal
 * distances it does not reproduce scikit-learn's tree order; {@link SearchIndex} resolves those
 * cases as scikit-learn's brute search does, which gives the same neighbour sets on the tie-heavy
 * grids we checked.
 */
final class KDTree extends SearchIndex {

  private final int leafSize;
  private final int[] order;      // (n,) original index of each reordered point
  private final double[] points;  // (n, d) reordered; each leaf [start, end) stored transposed (d, m)
  private final int[] start;      // (nodes,) first reordered point of each node
  private final int[] end;        // (nodes,) one past the last
  private final int[] left;       // (nodes,) left child (right is left + 1), −1 for a leaf
  private final double[] lower;   // (nodes, d) bounding box
  private final double[] upper;   // (nodes, d)
  private int nodes;

  KDTree(double[] X, int n, int d, int p, int leafSize) {
    super(X, n, d, p);
    this.leafSize = leafSize;
    this.order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int capacity = 2 * Math.max(1, 2 * n / Math.max(1, leafSize) + 1) + 1;
    this.start = new int[capacity];
    this.end = new int[capacity];
    this.left = new int[capacity];
    this.lower = new double[capacity * d];
    this.upper = new double[capacity * d];
    this.points = new double[n * d];
    nodes = 1;
    build(0, 0, n);
  }

  private void build(int node, int from, int to) {
    start[node] = from;
    end[node] = to;
    int widest = 0;
    double widestSpread = -1;
    for (int f = 0; f < d; f++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        double v = X[order[i] * d + f];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      lower[node * d + f] = lo;
      upper[node * d + f] = hi;
      if (hi - lo > widestSpread) {
        widestSpread = hi - lo;
        widest = f;
      }
    }
    if (to - from <= leafSize || widestSpread == 0) {
      left[node] = -1;
      storeLeaf(from, to);
      return;
    }
    int middle = (from + to) >>> 1;
    select(from, to - 1, middle, widest);
    int child = nodes;
    nodes += 2;
    left[node] = child;
    build(child, from, middle);
    build(child + 1, middle, to);
  }

  /** Copies the leaf's points transposed, shape (d, m), at points[from·d ..]. */
  private void storeLeaf(int from, int to) {
    int m = to - from;
    for (int i = 0; i < m; i++) {
      int source = order[from + i] * d;
      for (int f = 0; f < d; f++) {
        points[from * d + f * m + i] = X[source + f];
      }
    }
  }

  /** Reorders order[lo..hi] so that position k holds the k-th smallest value of feature f. */
  private void select(int lo, int hi, int k, int f) {
    while (hi > lo) {
      double pivot = X[order[(lo + hi) >>> 1] * d + f];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (X[order[i] * d + f] < pivot) {
          i++;
        }
        while (X[order[j] * d + f] > pivot) {
          j--;
        }
        if (i <= j) {
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  @Override
  double reducedPair(double[] Q, int q, int j) {
    return Distances.reduced(Q, q * d, X, j * d, d, p);
  }

  @Override
  void candidates(double[] Q, int qFrom, int qTo, NeighborHeap heap) {
    double[] buffer = new double[Math.max(leafSize, 1) + 1];
    for (int q = qFrom; q < qTo; q++) {
      visit(0, boxDistance(0, Q, q * d), Q, q * d, heap, q - qFrom, buffer);
    }
  }

  private void visit(int node, double boxDistance, double[] Q, int row, NeighborHeap heap, int r,
      double[] buffer) {
    if (boxDistance >= heap.root(r)) {
      return;
    }
    int child = left[node];
    if (child < 0) {
      int from = start[node];
      int m = end[node] - from;
      if (buffer.length < m) {
        buffer = new double[m];
      }
      Distances.reducedToLeaf(Q, row, d, p, points, from * d, m, buffer);
      double root = heap.root(r);
      for (int i = 0; i < m; i++) {
        if (buffer[i] < root) {
          heap.push(r, buffer[i], order[from + i]);
          root = heap.root(r);
        }
      }
      return;
    }
    double leftDistance = boxDistance(child, Q, row);
    double rightDistance = boxDistance(child + 1, Q, row);
    if (leftDistance <= rightDistance) {
      visit(child, leftDistance, Q, row, heap, r, buffer);
      visit(child + 1, rightDistance, Q, row, heap, r, buffer);
    } else {
      visit(child + 1, rightDistance, Q, row, heap, r, buffer);
      visit(child, leftDistance, Q, row, heap, r, buffer);
    }
  }

  /** Reduced distance from the query to the node's box; never above a point's distance. */
  private double boxDistance(int node, double[] Q, int row) {
    double s = 0.0;
    int box = node * d;
    for (int f = 0; f < d; f++) {
      double v = Q[row + f];
      double diff = Math.max(0.0, Math.max(lower[box + f] - v, v - upper[box + f]));
      s += p == 2 ? diff * diff : diff;
    }
    return s;
  }

  @Override
  void within(double[] Q, int q, double reducedRadius, double radius, List<double[]> found) {
    collect(0, Q, q * d, reducedRadius, radius, found, new double[leafSize + 1]);
  }

  private void collect(int node, double[] Q, int row, double reducedRadius, double radius,
      List<double[]> found, double[] buffer) {
    if (boxDistance(node, Q, row) > reducedRadius) {
      return;
    }
    int child = left[node];
    if (child >= 0) {
      collect(child, Q, row, reducedRadius, radius, found, buffer);
      collect(child + 1, Q, row, reducedRadius, radius, found, buffer);
      return;
    }
    int from = start[node];
    int m = end[node] - from;
    double[] distances = buffer.length >= m ? buffer : new double[m];
    Distances.reducedToLeaf(Q, row, d, p, points, from * d, m, distances);
    for (int i = 0; i < m; i++) {
      double distance = toDistance(distances[i]);
      if (distance <= radius) {
        found.add(new double[] {distance, order[from + i]});
      }
    }
  }
}
