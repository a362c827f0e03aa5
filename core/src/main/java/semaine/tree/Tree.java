package semaine.tree;

import semaine.util.Sums;

/**
 * A fitted decision tree as scikit-learn's {@code tree_} arrays, one entry per node, nodes
 * numbered in the order they were created (depth first, left before right, without
 * {@code max_leaf_nodes}). Node i sends x to {@code childrenLeft[i]} when
 * {@code x[feature[i]] <= threshold[i]} (x rounded to float32 first, the comparison in double),
 * NaN to the side {@code missingGoToLeft[i]} names, else to {@code childrenRight[i]}; a leaf has
 * children −1, feature −2 and threshold −2. The arrays belong to the record and are never
 * modified.
 *
 * @param childrenLeft (node_count,) left child, −1 for a leaf
 * @param childrenRight (node_count,) right child, −1 for a leaf
 * @param feature (node_count,) the split feature, −2 for a leaf
 * @param threshold (node_count,) the split threshold, −2 for a leaf
 * @param value (node_count, n_classes or 1) class fractions (classifier) or the mean target
 * @param impurity (node_count,) the node's impurity
 * @param nNodeSamples (node_count,) training samples at the node
 * @param weightedNNodeSamples (node_count,) their total weight
 * @param missingGoToLeft (node_count,) 1 where NaN goes left, else 0
 * @param maxDepth the depth of the deepest node, the root at 0
 */
public record Tree(int[] childrenLeft, int[] childrenRight, int[] feature, double[] threshold,
    double[][] value, double[] impurity, int[] nNodeSamples, double[] weightedNNodeSamples,
    int[] missingGoToLeft, int maxDepth) {

  /** scikit-learn's {@code TREE_LEAF} and {@code TREE_UNDEFINED}. */
  public static final int LEAF = -1;
  public static final int UNDEFINED = -2;

  /** The number of nodes ({@code node_count}). */
  public int nodeCount() {
    return feature.length;
  }

  /** The number of leaves ({@code n_leaves}). */
  public int nLeaves() {
    int leaves = 0;
    for (int left : childrenLeft) {
      if (left == LEAF) {
        leaves++;
      }
    }
    return leaves;
  }

  /** The leaf that x (one sample, already rounded to float32) falls in ({@code apply}). */
  public int apply(float[] x) {
    int node = 0;
    while (childrenLeft[node] != LEAF) {
      float v = x[feature[node]];
      boolean left = Float.isNaN(v) ? missingGoToLeft[node] != 0 : v <= threshold[node];
      node = left ? childrenLeft[node] : childrenRight[node];
    }
    return node;
  }

  /**
   * {@code compute_feature_importances}: for each split node in node order, its feature gains
   * {@code W·impurity − W_left·impurity_left − W_right·impurity_right}; the gains are divided by
   * the root's weight, then, when they sum above zero, by their (pairwise) sum.
   *
   * @param nFeatures the number of features the tree was fitted with
   */
  public double[] featureImportances(int nFeatures) {
    double[] importances = new double[nFeatures];
    for (int node = 0; node < nodeCount(); node++) {
      int left = childrenLeft[node];
      if (left != LEAF) {
        int right = childrenRight[node];
        importances[feature[node]] += weightedNNodeSamples[node] * impurity[node]
            - weightedNNodeSamples[left] * impurity[left]
            - weightedNNodeSamples[right] * impurity[right];
      }
    }
    for (int f = 0; f < nFeatures; f++) {
      importances[f] /= weightedNNodeSamples[0];
    }
    double normalizer = Sums.pairwise(importances);
    if (normalizer > 0.0) {
      for (int f = 0; f < nFeatures; f++) {
        importances[f] /= normalizer;
      }
    }
    return importances;
  }

  /** Each row's class of largest probability, the first on ties ({@code classes_[argmax]}). */
  public static int[] mostProbable(double[][] proba, int[] classes) {
    int[] labels = new int[proba.length];
    for (int i = 0; i < proba.length; i++) {
      labels[i] = classes[argmax(proba[i])];
    }
    return labels;
  }

  /** The index of the first largest value ({@code np.argmax}): a class from probabilities. */
  public static int argmax(double[] values) {
    int best = 0;
    for (int c = 1; c < values.length; c++) {
      if (values[c] > values[best]) {
        best = c;
      }
    }
    return best;
  }
}
