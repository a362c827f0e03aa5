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
    for (int t = 0; t < roots.length; t++) {
      int root = roots[t];
      int steps = depths[t];
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
          n0 = child(n0, rows[row + feature[n0]]);
          n1 = child(n1, rows[row + nFeatures + feature[n1]]);
          n2 = child(n2, rows[row + 2 * nFeatures + feature[n2]]);
          n3 = child(n3, rows[row + 3 * nFeatures + feature[n3]]);
          n4 = child(n4, rows[row + 4 * nFeatures + feature[n4]]);
          n5 = child(n5, rows[row + 5 * nFeatures + feature[n5]]);
          n6 = child(n6, rows[row + 6 * nFeatures + feature[n6]]);
          n7 = child(n7, rows[row + 7 * nFeatures + feature[n7]]);
        }
        int at = sumsOffset + r;
        sums[at] += value[n0];
        sums[at + 1] += value[n1];
        sums[at + 2] += value[n2];
        sums[at + 3] += value[n3];
        sums[at + 4] += value[n4];
        sums[at + 5] += value[n5];
        sums[at + 6] += value[n6];
        sums[at + 7] += value[n7];
      }
      for (; r < nRows; r++) {
        int row = r * nFeatures;
        int node = root;
        for (int s = 0; s < steps; s++) {
          node = child(node, rows[row + feature[node]]);
        }
        sums[sumsOffset + r] += value[node];
      }
    }
  }

  /** The child of {@code node} that a sample with value x of the split feature goes to. */
  private int child(int node, float x) {
    return children[2 * node + (x <= threshold[node] ? 0 : 1)];
  }
}
