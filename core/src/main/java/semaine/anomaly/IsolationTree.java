package semaine.anomaly;

import semaine.tree.Tree;

/**
 * One fitted tree of an {@link IsolationForest}, stored as scikit-learn's {@code tree_} arrays:
 * node i splits on {@code feature[i]} at {@code threshold[i]} (samples with
 * {@code x[feature] <= threshold} go to {@code childrenLeft[i]}), or is a leaf (feature −2,
 * children −1) that held {@code nNodeSamples[i]} training samples. Nodes are numbered in the
 * order scikit-learn's depth-first builder creates them. The arrays are owned
 * by the record (not copied) and never modified.
 *
 * <p>Each leaf also stores the path length it stands for, as {@code IsolationForest} computes it:
 * {@code (depth + c(nNodeSamples)) − 1} with the root at depth 1 ({@code compute_node_depths}),
 * where c is {@link #averagePathLength}, the expected depth of the subtree that was not grown.
 *
 * @param feature (node_count,) the split feature, −2 for a leaf ({@code tree_.feature})
 * @param threshold (node_count,) the split value, −2 for a leaf ({@code tree_.threshold})
 * @param childrenLeft (node_count,) left child, −1 for a leaf ({@code tree_.children_left})
 * @param childrenRight (node_count,) right child, −1 for a leaf ({@code tree_.children_right})
 * @param nNodeSamples (node_count,) training samples at the node ({@code tree_.n_node_samples})
 * @param pathLength (node_count,) a leaf's path length, 0 for a split node
 * @param samples (max_samples,) the subsample the tree was grown on ({@code estimators_samples_})
 */
record IsolationTree(int[] feature, double[] threshold, int[] childrenLeft, int[] childrenRight,
    int[] nNodeSamples, double[] pathLength, int[] samples) {

  /** scikit-learn's {@code _TREE_LEAF} and {@code _TREE_UNDEFINED}. */
  static final int LEAF = -1;
  static final int UNDEFINED = -2;

  /**
   * The isolation tree of a fitted tree: its arrays, and each leaf's path length
   * {@code ((depth + 1) + c(nNodeSamples)) − 1} with the root at depth 0 (split nodes 0).
   */
  static IsolationTree of(Tree tree, int[] subsample) {
    int n = tree.nodeCount();
    int[] depth = new int[n];
    double[] pathLength = new double[n];
    for (int node = 0; node < n; node++) {
      int left = tree.childrenLeft()[node];
      if (left == LEAF) {
        pathLength[node] = ((double) (depth[node] + 1)
            + averagePathLength(tree.nNodeSamples()[node])) - 1.0;
      } else {   // children come after their parent
        depth[left] = depth[node] + 1;
        depth[tree.childrenRight()[node]] = depth[node] + 1;
      }
    }
    return new IsolationTree(tree.feature(), tree.threshold(), tree.childrenLeft(),
        tree.childrenRight(), tree.nNodeSamples(), pathLength, subsample);
  }

  /** The number of nodes ({@code tree_.node_count}). */
  int nodeCount() {
    return feature.length;
  }

  /**
   * The path length of x (already rounded to float): the leaf reached by {@code tree.apply}, then
   * that leaf's {@link #pathLength}. The reference walk: {@link PackedForest} does the same
   * without branches for scoring.
   */
  double pathLength(float[] x) {
    int node = 0;
    while (childrenLeft[node] != LEAF) {
      node = x[feature[node]] <= threshold[node] ? childrenLeft[node] : childrenRight[node];
    }
    return pathLength[node];
  }

  /**
   * c(n), the average depth of an unsuccessful search in a binary search tree of n samples:
   * 0 for n ≤ 1, 1 for n = 2, else {@code 2·(ln(n − 1) + γ) − 2·(n − 1)/n}
   * (scikit-learn's {@code _average_path_length}).
   */
  static double averagePathLength(int n) {
    if (n <= 1) {
      return 0.0;
    }
    if (n == 2) {
      return 1.0;
    }
    double eulerGamma = 0.5772156649015329;   // np.euler_gamma
    return 2.0 * (Math.log(n - 1.0) + eulerGamma) - 2.0 * (n - 1.0) / n;
  }
}
