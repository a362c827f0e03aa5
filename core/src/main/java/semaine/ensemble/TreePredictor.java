package semaine.ensemble;

/**
 * One tree of a histogram gradient boosting as scikit-learn's {@code TreePredictor.nodes} arrays,
 * one entry per node in preorder (a node, its left subtree, then its right subtree). Node i sends
 * x left when {@code x[featureIdx[i]] <= numThreshold[i]}, or when x is NaN and
 * {@code missingGoToLeft[i]} is 1. A leaf's value is already multiplied by the learning rate; a
 * split node keeps the value it had as a child, before shrinkage (the root: 0).
 *
 * @param value (n_nodes,) the leaf values (split nodes: their unshrunk value)
 * @param count (n_nodes,) training samples at the node
 * @param featureIdx (n_nodes,) the split feature (0 for a leaf)
 * @param numThreshold (n_nodes,) the split threshold on raw values, +inf when every non-missing
 *     bin goes left
 * @param missingGoToLeft (n_nodes,) 1 where NaN goes left
 * @param left (n_nodes,) the left child (0 for a leaf)
 * @param right (n_nodes,) the right child (0 for a leaf)
 * @param gain (n_nodes,) the split gain, −1 for a node whose split was never searched or found
 * @param depth (n_nodes,) the distance to the root
 * @param isLeaf (n_nodes,) 1 for a leaf
 * @param binThreshold (n_nodes,) the split bin: bins up to it go left
 */
public record TreePredictor(double[] value, int[] count, int[] featureIdx, double[] numThreshold,
    int[] missingGoToLeft, int[] left, int[] right, double[] gain, int[] depth, int[] isLeaf,
    int[] binThreshold) {

  /** The number of nodes. */
  public int nNodes() {
    return value.length;
  }

  /** The number of leaves ({@code get_n_leaf_nodes}). */
  public int nLeaves() {
    int leaves = 0;
    for (int leaf : isLeaf) {
      leaves += leaf;
    }
    return leaves;
  }

  /** The depth of the deepest leaf ({@code get_max_depth}). */
  public int maxDepth() {
    int max = 0;
    for (int d : depth) {
      max = Math.max(max, d);
    }
    return max;
  }

  /** The leaf value of one raw row ({@code predict}). */
  public double predict(double[] x) {
    int node = 0;
    while (isLeaf[node] == 0) {
      double v = x[featureIdx[node]];
      boolean goLeft = Double.isNaN(v) ? missingGoToLeft[node] != 0 : v <= numThreshold[node];
      node = goLeft ? left[node] : right[node];
    }
    return value[node];
  }

  /** The leaf value of one binned row, column {@code i} of {@code binned} ({@code predict_binned}). */
  double predictBinned(byte[][] binned, int i, int missingBin) {
    int node = 0;
    while (isLeaf[node] == 0) {
      int bin = binned[featureIdx[node]][i] & 0xFF;
      boolean goLeft = bin == missingBin ? missingGoToLeft[node] != 0
          : bin <= binThreshold[node];
      node = goLeft ? left[node] : right[node];
    }
    return value[node];
  }
}
