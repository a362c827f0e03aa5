package semaine.anomaly;

/**
 * The trees of an {@link IsolationForest} packed into flat arrays for scoring, walked without
 * data-dependent branches: a leaf's two children are the leaf itself, so every walk takes exactly
 * the tree's depth in steps and each step picks child {@code 2·node + (x[f] > t)}. The leaf reached,
 * and so its path length, is the one {@link IsolationTree#pathLength} reaches.
 */
final class PackedForest {

  private final int[] feature;       // (n_nodes,) split feature, 0 for a leaf
  private final double[] threshold;  // (n_nodes,) split value, +inf for a leaf
  private final int[] children;      // (2 * n_nodes,) left then right child, a leaf's are itself
  private final double[] value;      // (n_nodes,) a leaf's path length
  private final int[] roots;         // (n_trees,) each tree's first node
  private final int[] depths;        // (n_trees,) each tree's deepest leaf, root at 0

  PackedForest(IsolationTree[] trees) {
    int total = 0;
    for (IsolationTree tree : trees) {
      total += tree.nodeCount();
    }
    feature = new int[total];
    threshold = new double[total];
    children = new int[2 * total];
    value = new double[total];
    roots = new int[trees.length];
    depths = new int[trees.length];
    int base = 0;
    for (int t = 0; t < trees.length; t++) {
      roots[t] = base;
      depths[t] = pack(trees[t], base);
      base += trees[t].nodeCount();
    }
  }

  /** Copies one tree's nodes from {@code base} on; returns its depth. */
  private int pack(IsolationTree tree, int base) {
    int n = tree.nodeCount();
    int[] nodeDepth = new int[n];
    int maxDepth = 0;
    for (int i = 0; i < n; i++) {   // a child always comes after its parent
      int node = base + i;
      if (tree.childrenLeft()[i] == IsolationTree.LEAF) {
        threshold[node] = Double.POSITIVE_INFINITY;
        children[2 * node] = node;
        children[2 * node + 1] = node;
        value[node] = tree.pathLength()[i];
        maxDepth = Math.max(maxDepth, nodeDepth[i]);
      } else {
        feature[node] = tree.feature()[i];
        threshold[node] = tree.threshold()[i];
        children[2 * node] = base + tree.childrenLeft()[i];
        children[2 * node + 1] = base + tree.childrenRight()[i];
        nodeDepth[tree.childrenLeft()[i]] = nodeDepth[i] + 1;
        nodeDepth[tree.childrenRight()[i]] = nodeDepth[i] + 1;
      }
    }
    return maxDepth;
  }

  /**
   * Adds each row's path lengths to {@code sums[i]}, tree by tree in order (scikit-learn's
   * {@code depths +=} order), for the {@code nRows} float rows of {@code rows}, shape
   * (nRows, nFeatures).
   */
  void addPathLengths(float[] rows, int nRows, int nFeatures, double[] sums, int sumsOffset) {
    // the arrays in locals: C1, which runs this loop until C2 has compiled it, reads a field
    // again at every use
    int[] f = feature;
    double[] t = threshold;
    int[] c = children;
    double[] leafValue = value;
    for (int tree = 0; tree < roots.length; tree++) {
      int root = roots[tree];
      int steps = depths[tree];
      int r = 0;
      // eight independent walks side by side: each one's loads hide the latency of the others
      for (; r + 8 <= nRows; r += 8) {
        int row = r * nFeatures;
        int n0 = root;
        int n1 = root;
        int n2 = root;
        int n3 = root;
        int n4 = root;
        int n5 = root;
        int n6 = root;
        int n7 = root;
        for (int s = 0; s < steps; s++) {
          n0 = c[2 * n0 + right(rows[row + f[n0]], t[n0])];
          n1 = c[2 * n1 + right(rows[row + nFeatures + f[n1]], t[n1])];
          n2 = c[2 * n2 + right(rows[row + 2 * nFeatures + f[n2]], t[n2])];
          n3 = c[2 * n3 + right(rows[row + 3 * nFeatures + f[n3]], t[n3])];
          n4 = c[2 * n4 + right(rows[row + 4 * nFeatures + f[n4]], t[n4])];
          n5 = c[2 * n5 + right(rows[row + 5 * nFeatures + f[n5]], t[n5])];
          n6 = c[2 * n6 + right(rows[row + 6 * nFeatures + f[n6]], t[n6])];
          n7 = c[2 * n7 + right(rows[row + 7 * nFeatures + f[n7]], t[n7])];
        }
        int at = sumsOffset + r;
        sums[at] += leafValue[n0];
        sums[at + 1] += leafValue[n1];
        sums[at + 2] += leafValue[n2];
        sums[at + 3] += leafValue[n3];
        sums[at + 4] += leafValue[n4];
        sums[at + 5] += leafValue[n5];
        sums[at + 6] += leafValue[n6];
        sums[at + 7] += leafValue[n7];
      }
      for (; r < nRows; r++) {
        int row = r * nFeatures;
        int node = root;
        for (int s = 0; s < steps; s++) {
          node = c[2 * node + right(rows[row + f[node]], t[node])];
        }
        sums[sumsOffset + r] += leafValue[node];
      }
    }
  }

  /**
   * 1 when a sample with value x of the split feature goes right ({@code x > threshold}), else 0,
   * from the sign of {@code threshold − x} (+0.0 added, so that −0.0 − 0.0 counts as equal):
   * no branch for C1 either. A leaf's threshold is +∞, so its walk stays put.
   */
  private static int right(float x, double threshold) {
    return (int) (Double.doubleToRawLongBits(threshold - x + 0.0) >>> 63);
  }
}
