package semaine.neighbors;

import java.util.Arrays;
import java.util.concurrent.ForkJoinTask;
import semaine.util.MinMax;
import semaine.util.Parallel;

/**
 * A k-d tree for exact neighbour queries in low dimension: scikit-learn 1.9's {@code KDTree}
 * (which {@code algorithm='auto'} picks for at most 15 features), built and searched the same way
 * so that queries return the same neighbours in the same order, equal distances included.
 *
 * <p>Construction: the tree is complete, with {@code levels = 1 + floor(log2(max(1, (n − 1) /
 * leafSize)))} levels and {@code 2^levels − 1} nodes; node i has children 2i + 1 and 2i + 2 and
 * covers a contiguous range of the index array {@link #order}, initially 0..n−1. A node on the last
 * level (or with fewer than 2 points) is a leaf; any other is split in the dimension of largest
 * spread (the first one on ties) by {@link NthElement}, which moves the {@code m / 2} smallest
 * indices (by value, then index) to the left child, the rest to the right. Each node keeps its
 * bounding box.
 *
 * <p>Query (depth first, one bounded heap per query, {@link NeighborHeap}): a node whose box lower
 * bound (reduced) exceeds the heap's largest value is skipped; a leaf offers its points in index
 * array order; otherwise the child with the smaller lower bound is visited first, the left one on
 * equality. The heap is then sorted by {@link SimultaneousSort}. Distances are computed directly,
 * {@code Σ (q_f − y_f)²} or {@code Σ |q_f − y_f|} in feature order, and the square root taken at
 * the end, as scikit-learn's tree does, so they are the same bits.
 *
 * <p>Radius query ({@code query_radius}, {@link #gather}): the node's lower and upper bounds are
 * true distances ({@code min_max_dist}: the root of the summed squared gaps to the box and to its
 * farthest corner); a node is pruned when the lower bound exceeds the radius, taken whole (no
 * per-point test) when the upper bound is within it, scanned when it is a leaf and otherwise
 * split left then right; the row is then sorted by {@link SimultaneousSort} on the distances.
 * scikit-learn squares and roots the bounds with the C library's {@code pow}; we use
 * {@code g * g} and {@link Math#sqrt}, which agree with glibc except in about 1 call in 1,200,
 * where the bound is an ulp apart (it only matters when that lands on the radius).
 */
final class KDTree extends SearchIndex {

  final int nodes;
  final int[] order;       // (n,) idx_array: original index of each reordered point
  final int[] start;       // (nodes,) idx_start
  final int[] end;         // (nodes,) idx_end
  final boolean[] leaf;    // (nodes,) is_leaf
  final double[] lower;    // (nodes, d) bounding box
  final double[] upper;    // (nodes, d)
  private final double[] bounds;  // (nodes, d, 2): lower and upper side by side, for the queries
  private final double[] points;  // (n, d) reordered; each leaf [start, end) stored transposed (d, m)
  private int largestLeaf;

  /** Nodes with at least this many points build their two subtrees in parallel. */
  private static final int PARALLEL_BUILD = 8192;

  KDTree(double[] X, int n, int d, int p, int leafSize) {
    super(X, n, d, p);
    this.nodes = (1 << levels(n, leafSize)) - 1;
    this.order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    this.start = new int[nodes];
    this.end = new int[nodes];
    this.leaf = new boolean[nodes];
    this.lower = new double[nodes * d];
    this.upper = new double[nodes * d];
    this.points = new double[n * d];
    build(0, 0, n);
    for (int node = 0; node < nodes; node++) {
      if (leaf[node]) {
        largestLeaf = Math.max(largestLeaf, end[node] - start[node]);
      }
    }
    this.bounds = new double[2 * nodes * d];
    for (int i = 0; i < nodes * d; i++) {
      bounds[2 * i] = lower[i];
      bounds[2 * i + 1] = upper[i];
    }
  }

  /** {@code n_levels}: 1 + floor(log2(max(1, (n − 1) / leafSize))). */
  static int levels(int n, int leafSize) {
    double ratio = Math.max(1.0, (n - 1) / (double) leafSize);
    int levels = 1;
    while (Math.scalb(1.0, levels) <= ratio) {
      levels++;
    }
    return levels;
  }

  private void build(int node, int from, int to) {
    start[node] = from;
    end[node] = to;
    // the bounding box a feature at a time, its two bounds in locals (no array store a point)
    int box = node * d;
    for (int f = 0; f < d; f++) {
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        double v = X[order[i] * d + f];
        low = MinMax.min(low, v);
        high = MinMax.max(high, v);
      }
      lower[box + f] = low;
      upper[box + f] = high;
    }
    int widest = 0;
    double widestSpread = 0.0;
    for (int f = 0; f < d; f++) {
      double spread = upper[box + f] - lower[box + f];
      if (spread > widestSpread) {
        widestSpread = spread;
        widest = f;
      }
    }
    if (2 * node + 1 >= nodes || to - from < 2) {
      leaf[node] = true;
      storeLeaf(from, to);
      return;
    }
    int middle = from + (to - from) / 2;
    NthElement.select(order, from, middle, to, X, d, widest);
    if (to - from >= PARALLEL_BUILD) {
      // the two subtrees own disjoint parts of every array: build them side by side
      ForkJoinTask.invokeAll(
          ForkJoinTask.adapt(() -> build(2 * node + 1, from, middle)),
          ForkJoinTask.adapt(() -> build(2 * node + 2, middle, to)));
    } else {
      build(2 * node + 1, from, middle);
      build(2 * node + 2, middle, to);
    }
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

  @Override
  double reducedPair(double[] Q, int q, int j) {
    return Distances.reduced(Q, q * d, X, j * d, d, p);
  }

  /**
   * {@inheritDoc} When the queries are the training points themselves ({@code Q == X}), they are
   * taken in the tree's point order, so that consecutive queries walk the same nodes and leaves
   * (each answer is the same in any order).
   */
  @Override
  void search(double[] Q, int nq, int k, Strategy strategy, Rows rows) {
    boolean training = Q == X && nq == n;
    Parallel.forRange(nq, QUERY_BLOCK, (from, to) -> {
      double[] values = new double[k];
      int[] found = new int[k];
      for (int i = from; i < to; i++) {
        int q = training ? order[i] : i;
        Arrays.fill(values, Double.POSITIVE_INFINITY);
        Arrays.fill(found, -1);
        int row = q * d;
        visit(0, boxDistance(0, Q, row), Q, row, values, found);
        SimultaneousSort.sort(values, found, 0, k);
        rows.store(q, values, found);
      }
    });
  }

  /**
   * {@code _query_single_depthfirst} with the heap {@code (values, found)} (root at 0). Nodes
   * whose bound equals the heap's largest value are skipped too (scikit-learn visits them): none
   * of their points could enter the heap, whose push rejects values {@code >=} its largest, and
   * the bound never exceeds a point's distance, bit for bit.
   */
  private void visit(int node, double boxDistance, double[] Q, int row, double[] values,
      int[] found) {
    if (boxDistance >= values[0]) {
      return;
    }
    if (leaf[node]) {
      scanLeaf(Q, row, start[node], end[node] - start[node], values, found);
      return;
    }
    int left = 2 * node + 1;
    // boxDistance of both children at once: two independent chains of additions
    double leftDistance = 0.0;
    double rightDistance = 0.0;
    int box = 2 * left * d;
    int rightBox = box + 2 * d;
    for (int f = 0; f < d; f++) {
      double v = Q[row + f];
      double l = gap(bounds[box + 2 * f] - v, v - bounds[box + 2 * f + 1]);
      double r = gap(bounds[rightBox + 2 * f] - v, v - bounds[rightBox + 2 * f + 1]);
      leftDistance += p == 2 ? l * l : l;
      rightDistance += p == 2 ? r * r : r;
    }
    if (leftDistance <= rightDistance) {
      visit(left, leftDistance, Q, row, values, found);
      visit(left + 1, rightDistance, Q, row, values, found);
    } else {
      visit(left + 1, rightDistance, Q, row, values, found);
      visit(left, leftDistance, Q, row, values, found);
    }
  }

  /**
   * Offers the m points of the leaf stored (transposed) from {@code points[from·d]} to the heap,
   * in index array order, each with its reduced distance summed in feature order as
   * {@link Distances#reduced} sums it. Four points are summed side by side: four independent
   * chains of additions, which the processor overlaps (one chain waits on each addition), with
   * the JIT's quick tier (C1) as with C2.
   */
  private void scanLeaf(double[] Q, int row, int from, int m, double[] values, int[] found) {
    int base = from * d;
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      double s0 = 0.0;
      double s1 = 0.0;
      double s2 = 0.0;
      double s3 = 0.0;
      int at = base + i;
      if (p == 2) {
        for (int f = 0; f < d; f++, at += m) {
          double v = Q[row + f];
          double e0 = v - points[at];
          double e1 = v - points[at + 1];
          double e2 = v - points[at + 2];
          double e3 = v - points[at + 3];
          s0 += e0 * e0;
          s1 += e1 * e1;
          s2 += e2 * e2;
          s3 += e3 * e3;
        }
      } else {
        for (int f = 0; f < d; f++, at += m) {
          double v = Q[row + f];
          s0 += Math.abs(v - points[at]);
          s1 += Math.abs(v - points[at + 1]);
          s2 += Math.abs(v - points[at + 2]);
          s3 += Math.abs(v - points[at + 3]);
        }
      }
      offer(values, found, s0, from + i);
      offer(values, found, s1, from + i + 1);
      offer(values, found, s2, from + i + 2);
      offer(values, found, s3, from + i + 3);
    }
    for (; i < m; i++) {
      double s = 0.0;
      int at = base + i;
      for (int f = 0; f < d; f++, at += m) {
        double e = Q[row + f] - points[at];
        s += p == 2 ? e * e : Math.abs(e);
      }
      offer(values, found, s, from + i);
    }
  }

  /** Pushes point {@code order[position]} at reduced distance s when it beats the heap's largest. */
  private void offer(double[] values, int[] found, double s, int position) {
    if (s < values[0]) {
      NeighborHeap.push(values, found, 0, values.length, s, order[position]);
    }
  }

  /**
   * {@code min_rdist}: the reduced distance from the query to the node's box, summed in feature
   * order, each feature's {@link #gap} squared for p = 2.
   */
  private double boxDistance(int node, double[] Q, int row) {
    double s = 0.0;
    int box = 2 * node * d;
    for (int f = 0; f < d; f++) {
      double v = Q[row + f];
      double g = gap(bounds[box + 2 * f] - v, v - bounds[box + 2 * f + 1]);
      s += p == 2 ? g * g : g;
    }
    return s;
  }

  /**
   * The gap between a query value v and a box side [lower, upper], from {@code below = lower − v}
   * and {@code above = v − upper}: scikit-learn's {@code 0.5·((d_lo + |d_lo|) + (d_hi + |d_hi|))},
   * the same number as {@code max(0, below, above)} (at most one of the two is positive, and
   * {@code x + |x|} is 2x or 0 exactly), computed without branches.
   */
  private static double gap(double below, double above) {
    return 0.5 * ((below + Math.abs(below)) + (above + Math.abs(above)));
  }

  /**
   * {@code query_radius(..., sort_results=True)} for one query: {@link #gather} from the root,
   * then {@link SimultaneousSort} on the true distances (the tree sorts after converting them).
   */
  @Override
  void within(double[] Q, int q, double radius, Hits hits) {
    gather(0, Q, q * d, radius, toReduced(radius), hits, leafBuffer(hits));
    SimultaneousSort.sort(hits.distances, hits.indices, 0, hits.count);
  }

  /** {@link #within} without the sort: the same points in the order the search meets them. */
  @Override
  void withinUnordered(double[] Q, int q, double radius, Hits hits) {
    gather(0, Q, q * d, radius, toReduced(radius), hits, leafBuffer(hits));
  }

  /**
   * {@link #within}'s count by the same traversal and tests, without listing the points: a node
   * wholly within the radius adds its size.
   */
  @Override
  int countWithin(double[] Q, int q, double radius, Hits hits) {
    return count(0, Q, q * d, radius, toReduced(radius), leafBuffer(hits));
  }

  private double[] leafBuffer(Hits hits) {
    if (hits.buffer == null || hits.buffer.length < largestLeaf) {
      hits.buffer = new double[largestLeaf];
    }
    return hits.buffer;
  }

  private int count(int node, double[] Q, int row, double radius, double reducedRadius,
      double[] buffer) {
    if (toDistance(boxDistance(node, Q, row)) > radius) {
      return 0;
    }
    int from = start[node];
    int m = end[node] - from;
    if (toDistance(farthestBoxDistance(node, Q, row)) <= radius) {
      return m;
    }
    if (leaf[node]) {
      Distances.reducedToLeaf(Q, row, d, p, points, from * d, m, buffer);
      int c = 0;
      for (int i = 0; i < m; i++) {
        c += buffer[i] <= reducedRadius ? 1 : 0;
      }
      return c;
    }
    return count(2 * node + 1, Q, row, radius, reducedRadius, buffer)
        + count(2 * node + 2, Q, row, radius, reducedRadius, buffer);
  }

  /**
   * {@code _query_radius_single}, depth first, in its four cases: a node whose lower bound
   * exceeds the radius is pruned; a node whose upper bound is within it has all its points added
   * in index array order with no test (a point just past the radius by rounding can thus be
   * kept, as in scikit-learn); a leaf keeps its points whose reduced distance is
   * {@code <= reducedRadius}; any other node visits its left child, then its right one. Both
   * bounds are true distances, compared with the radius itself.
   */
  private void gather(int node, double[] Q, int row, double radius, double reducedRadius,
      Hits hits, double[] buffer) {
    if (toDistance(boxDistance(node, Q, row)) > radius) {
      return;
    }
    int from = start[node];
    int m = end[node] - from;
    if (toDistance(farthestBoxDistance(node, Q, row)) <= radius) {
      for (int i = from; i < from + m; i++) {
        hits.add(toDistance(Distances.reduced(Q, row, X, order[i] * d, d, p)), order[i]);
      }
    } else if (leaf[node]) {
      Distances.reducedToLeaf(Q, row, d, p, points, from * d, m, buffer);
      for (int i = 0; i < m; i++) {
        if (buffer[i] <= reducedRadius) {
          hits.add(toDistance(buffer[i]), order[from + i]);
        }
      }
    } else {
      gather(2 * node + 1, Q, row, radius, reducedRadius, hits, buffer);
      gather(2 * node + 2, Q, row, radius, reducedRadius, hits, buffer);
    }
  }

  /**
   * The reduced distance from the query to the farthest corner of the node's box, summed in
   * feature order: per feature {@code max(|lower − q|, |q − upper|)}, squared for p = 2 (the
   * {@code max_dist} half of scikit-learn's {@code min_max_dist}, before its root).
   */
  private double farthestBoxDistance(int node, double[] Q, int row) {
    double s = 0.0;
    int box = 2 * node * d;
    for (int f = 0; f < d; f++) {
      double v = Q[row + f];
      double gap = Math.max(Math.abs(bounds[box + 2 * f] - v),
          Math.abs(v - bounds[box + 2 * f + 1]));
      s += p == 2 ? gap * gap : gap;
    }
    return s;
  }
}
