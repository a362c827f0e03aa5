package semaine.ensemble;

import semaine.base.Nullable;

/**
 * One tree of a histogram gradient boosting as scikit-learn's {@code TreePredictor.nodes} arrays,
 * one entry per node in preorder (a node, its left subtree, then its right subtree). Node i sends
 * x left when {@code x[featureIdx[i]] <= numThreshold[i]}, or when x is NaN and
 * {@code missingGoToLeft[i]} is 1. A leaf's value is already multiplied by the learning rate; a
 * split node keeps the value it had as a child, before shrinkage (the root: 0).
 *
 * <p>A categorical split (a tree with one has the last four arrays, else they are null) sends x
 * left when its category is in the node's row of {@code rawLeftCatBitsets} (a category is there
 * the index of its value among the feature's sorted categories, as the model encodes it); NaN,
 * a negative value and a category unknown to the feature go where missing values go. Bitsets are
 * eight 32-bit words, bit c of word c / 32 for category c.
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
 * @param isCategorical (n_nodes,) 1 for a categorical split, or null when the tree has none
 * @param bitsetIdx (n_nodes,) a categorical split's row of the bitsets, or null
 * @param binnedLeftCatBitsets (n_categorical_splits, 8) the bins going left (the missing
 *     values' bin included when they go left), or null
 * @param rawLeftCatBitsets (n_categorical_splits, 8) the categories going left, or null
 */
public record TreePredictor(double[] value, int[] count, int[] featureIdx, double[] numThreshold,
    int[] missingGoToLeft, int[] left, int[] right, double[] gain, int[] depth, int[] isLeaf,
    int[] binThreshold, @Nullable int[] isCategorical, @Nullable int[] bitsetIdx,
    @Nullable int[][] binnedLeftCatBitsets, @Nullable int[][] rawLeftCatBitsets) {

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

  /**
   * The leaf value of one row ({@code predict}), categorical features encoded as the model
   * encodes them (the first columns, a category as its index).
   *
   * @param nCategories (n_features,) each categorical feature's number of categories (the
   *     categories it knows are 0 to that count − 1), 0 for a numerical one; null when the tree
   *     has no categorical split
   */
  public double predict(double[] x, int[] nCategories) {
    int node = 0;
    while (isLeaf[node] == 0) {
      double v = x[featureIdx[node]];
      boolean goLeft;
      if (Double.isNaN(v)) {
        goLeft = missingGoToLeft[node] != 0;
      } else if (isCategorical != null && isCategorical[node] != 0) {
        int category = (int) v;
        int known = nCategories == null ? 256 : nCategories[featureIdx[node]];
        if (v < 0 || category >= known) {
          goLeft = missingGoToLeft[node] != 0;
        } else {
          goLeft = HistSplitter.inBitset(rawLeftCatBitsets[bitsetIdx[node]], category);
        }
      } else {
        goLeft = v <= numThreshold[node];
      }
      node = goLeft ? left[node] : right[node];
    }
    return value[node];
  }

  /** The leaf value of one row of numerical features ({@code predict}). */
  public double predict(double[] x) {
    return predict(x, null);
  }

  /** The leaf value of one binned row, column {@code i} of {@code binned} ({@code predict_binned}). */
  double predictBinned(byte[][] binned, int i, int missingBin) {
    int node = 0;
    while (isLeaf[node] == 0) {
      int bin = binned[featureIdx[node]][i] & 0xFF;
      boolean goLeft = bin == missingBin ? missingGoToLeft[node] != 0
          : isCategorical != null && isCategorical[node] != 0
              ? HistSplitter.inBitset(binnedLeftCatBitsets[bitsetIdx[node]], bin)
              : bin <= binThreshold[node];
      node = goLeft ? left[node] : right[node];
    }
    return value[node];
  }
}
