package semaine.tree;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Minimal cost-complexity pruning as scikit-learn 1.9 does it ({@code _cost_complexity_prune} in
 * {@code sklearn/tree/_tree.pyx}). A node's cost is R(t) = W_t·impurity_t / W_root, a branch's
 * the sum of its leaves' costs; the weakest link is the split node with the smallest
 * (R(t) − R(branch)) / (leaves − 1), the first in node order on ties. It is collapsed into a
 * leaf, and so on while that effective alpha is at most {@code ccp_alpha} (or, for the path, until
 * only the root is left). The pruned tree keeps the surviving nodes in preorder, their arrays
 * copied.
 */
public final class CostComplexityPruning {

  /**
   * The pruning path ({@code cost_complexity_pruning_path}).
   *
   * @param ccpAlphas the effective alphas, from 0, increasing
   * @param impurities the total leaf cost of the tree pruned at each alpha
   */
  public record Path(double[] ccpAlphas, double[] impurities) {}

  private final Tree tree;
  private final int[] parent;
  private final boolean[] leaf;         // leaves_in_subtree
  private final boolean[] inSubtree;
  private final boolean[] candidate;
  private final int[] nLeaves;
  private final double[] rNode;
  private final double[] rBranch;

  private CostComplexityPruning(Tree tree) {
    this.tree = tree;
    int n = tree.nodeCount();
    parent = new int[n];
    leaf = new boolean[n];
    inSubtree = new boolean[n];
    Arrays.fill(inSubtree, true);
    candidate = new boolean[n];
    nLeaves = new int[n];
    rNode = new double[n];
    rBranch = new double[n];
    double total = tree.weightedNNodeSamples()[0];
    for (int i = 0; i < n; i++) {
      rNode[i] = tree.weightedNNodeSamples()[i] * tree.impurity()[i] / total;
    }
    parent[0] = Tree.UNDEFINED;
    for (int i = 0; i < n; i++) {
      if (tree.childrenLeft()[i] == Tree.LEAF) {
        leaf[i] = true;
      } else {
        parent[tree.childrenLeft()[i]] = i;
        parent[tree.childrenRight()[i]] = i;
      }
    }
    // each leaf adds its cost to its ancestors, leaves in node order
    for (int i = 0; i < n; i++) {
      if (!leaf[i]) {
        continue;
      }
      rBranch[i] = rNode[i];
      for (int node = i; node != 0; node = parent[node]) {
        rBranch[parent[node]] += rNode[i];
        nLeaves[parent[node]]++;
      }
    }
    for (int i = 0; i < n; i++) {
      candidate[i] = !leaf[i];
    }
  }

  /** The tree pruned at {@code ccpAlpha}, renumbered in preorder even if nothing is pruned. */
  static Tree prune(Tree tree, double ccpAlpha) {
    CostComplexityPruning pruning = new CostComplexityPruning(tree);
    pruning.run(ccpAlpha, null);
    return pruning.rebuild();
  }

  /** The effective alphas and leaf costs of every pruning step, from the whole tree. */
  public static Path path(Tree tree) {
    CostComplexityPruning pruning = new CostComplexityPruning(tree);
    double[][] out = {new double[tree.nodeCount()], new double[tree.nodeCount()]};
    int count = pruning.run(Double.POSITIVE_INFINITY, out);
    return new Path(Arrays.copyOf(out[0], count), Arrays.copyOf(out[1], count));
  }

  /**
   * Collapses weakest links while their alpha is at most {@code ccpAlpha}; records each step's
   * alpha and cost in {@code path} when given. Returns the number of steps recorded.
   */
  private int run(double ccpAlpha, double[][] path) {
    int count = 0;
    if (path != null) {
      path[0][count] = 0.0;
      path[1][count++] = rBranch[0];
    }
    while (candidate[0]) {
      double effectiveAlpha = Double.MAX_VALUE;
      int pruned = -1;
      for (int i = 0; i < candidate.length; i++) {
        if (candidate[i]) {
          double alpha = (rNode[i] - rBranch[i]) / (nLeaves[i] - 1);
          if (alpha < effectiveAlpha) {
            effectiveAlpha = alpha;
            pruned = i;
          }
        }
      }
      if (ccpAlpha < effectiveAlpha) {
        break;
      }
      Deque<Integer> stack = new ArrayDeque<>();
      stack.push(pruned);
      while (!stack.isEmpty()) {
        int node = stack.pop();
        if (!inSubtree[node]) {
          continue;
        }
        candidate[node] = false;
        leaf[node] = false;
        inSubtree[node] = false;
        if (tree.childrenLeft()[node] != Tree.LEAF) {
          stack.push(tree.childrenLeft()[node]);
          stack.push(tree.childrenRight()[node]);
        }
      }
      leaf[pruned] = true;
      inSubtree[pruned] = true;
      int prunedLeaves = nLeaves[pruned] - 1;
      nLeaves[pruned] = 0;
      double rDiff = rNode[pruned] - rBranch[pruned];
      rBranch[pruned] = rNode[pruned];
      for (int node = parent[pruned]; node != Tree.UNDEFINED; node = parent[node]) {
        nLeaves[node] -= prunedLeaves;
        rBranch[node] += rDiff;
      }
      if (path != null) {
        path[0][count] = effectiveAlpha;
        path[1][count++] = rBranch[0];
      }
    }
    return count;
  }

  /** {@code _build_pruned_tree}: the kept nodes in preorder, each a leaf where pruned. */
  private Tree rebuild() {
    int n = 0;
    for (boolean kept : inSubtree) {
      n += kept ? 1 : 0;
    }
    int[] left = new int[n];
    int[] right = new int[n];
    int[] feature = new int[n];
    double[] threshold = new double[n];
    double[][] value = new double[n][];
    double[] impurity = new double[n];
    int[] count = new int[n];
    double[] weighted = new double[n];
    int[] missing = new int[n];
    int size = 0;
    int maxDepth = -1;
    Deque<int[]> stack = new ArrayDeque<>();   // {original node, depth, new parent, is left}
    stack.push(new int[] {0, 0, -1, 0});
    while (!stack.isEmpty()) {
      int[] record = stack.pop();
      int orig = record[0];
      int id = size++;
      if (record[2] >= 0) {
        if (record[3] == 1) {
          left[record[2]] = id;
        } else {
          right[record[2]] = id;
        }
      }
      impurity[id] = tree.impurity()[orig];
      count[id] = tree.nNodeSamples()[orig];
      weighted[id] = tree.weightedNNodeSamples()[orig];
      value[id] = tree.value()[orig].clone();
      if (leaf[orig]) {
        left[id] = Tree.LEAF;
        right[id] = Tree.LEAF;
        feature[id] = Tree.UNDEFINED;
        threshold[id] = Tree.UNDEFINED;
      } else {
        feature[id] = tree.feature()[orig];
        threshold[id] = tree.threshold()[orig];
        missing[id] = tree.missingGoToLeft()[orig];
        stack.push(new int[] {tree.childrenRight()[orig], record[1] + 1, id, 0});
        stack.push(new int[] {tree.childrenLeft()[orig], record[1] + 1, id, 1});
      }
      maxDepth = Math.max(maxDepth, record[1]);
    }
    return new Tree(left, right, feature, threshold, value, impurity, count, weighted, missing,
        maxDepth);
  }
}
