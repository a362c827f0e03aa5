package semaine.ensemble;

import java.util.ArrayList;
import java.util.List;
import semaine.ensemble.HistSplitter.Histograms;
import semaine.ensemble.HistSplitter.SplitInfo;
import semaine.util.Parallel;
import semaine.util.Sums;

/**
 * scikit-learn's {@code TreeGrower}: grows one tree of a gradient boosting leaf by leaf, always
 * splitting next the splittable node of largest gain (a Python {@code heapq}, whose sift order
 * this class follows so that equal gains are taken in the same order).
 *
 * <p>The root's gradient sum is the pairwise sum of feature 0's histogram; its hessian sum is the
 * histogram's too, or n times the constant hessian. A child is a leaf when the tree reached
 * {@code max_leaf_nodes} leaves (then every splittable node becomes a leaf too), when it is at
 * {@code max_depth}, when it has fewer than 2·{@code min_samples_leaf} samples, or when no split
 * of it has a positive gain. At the end every leaf value is multiplied by the learning rate.
 *
 * <p>With monotonic constraints, a node passes bounds to its children: after a split on a
 * constrained feature, the mean of the two children's values bounds the left child's children
 * above and the right one's below (the other way round for a decreasing constraint); a split on
 * another feature passes the node's own bounds on.
 */
final class HistTreeGrower {

  /** A node while growing ({@code TreeNode}). */
  static final class Node {
    final int depth;
    final int start;
    final int stop;
    final double sumGradients;
    final double sumHessians;
    double value;
    double childrenLowerBound = Double.NEGATIVE_INFINITY;
    double childrenUpperBound = Double.POSITIVE_INFINITY;
    SplitInfo split;
    boolean isLeaf;
    Node left;
    Node right;
    Histograms histograms;

    Node(int depth, int start, int stop, double sumGradients, double sumHessians, double value) {
      this.depth = depth;
      this.start = start;
      this.stop = stop;
      this.sumGradients = sumGradients;
      this.sumHessians = sumHessians;
      this.value = value;
    }

    int nSamples() {
      return stop - start;
    }

    /** heapq's order: a node comes first when its gain is larger ({@code TreeNode.__lt__}). */
    boolean before(Node other) {
      return split.gain() > other.split.gain();
    }
  }

  /** The samples updated by one task after the tree is grown. */
  private static final int UPDATE_GRAIN = 1 << 15;

  private final HistSplitter splitter;
  private final HistogramBuilder builder;
  private final Integer maxLeafNodes;
  private final Integer maxDepth;
  private final int minSamplesLeaf;
  private final double shrinkage;
  private final int[] partition;
  private final int[] buffer;
  private final List<Node> splittable = new ArrayList<>();
  private final List<Node> finalizedLeaves = new ArrayList<>();
  private int nNodes = 1;
  private int nCategoricalSplits;
  private Node root;

  /**
   * @param partition (n_samples,) the samples' positions, overwritten (re-used from tree to tree:
   *     the fit's trees are grown one after the other)
   * @param buffer (n_samples,) the partition's scratch, overwritten
   */
  HistTreeGrower(HistSplitter splitter, HistogramBuilder builder, int[] partition, int[] buffer,
      Integer maxLeafNodes, Integer maxDepth, int minSamplesLeaf, double shrinkage) {
    this.splitter = splitter;
    this.builder = builder;
    this.maxLeafNodes = maxLeafNodes;
    this.maxDepth = maxDepth;
    this.minSamplesLeaf = minSamplesLeaf;
    this.shrinkage = shrinkage;
    this.partition = partition;
    this.buffer = buffer;
    for (int i = 0; i < partition.length; i++) {
      partition[i] = i;
    }
  }

  /** {@code grow}: the root, the splits in order of gain, then the shrinkage of the leaves. */
  HistTreeGrower grow() {
    initializeRoot();
    while (!splittable.isEmpty()) {
      splitNext();
    }
    for (Node leaf : finalizedLeaves) {
      leaf.value *= shrinkage;
    }
    return this;
  }

  private void initializeRoot() {
    int n = partition.length;
    Histograms histograms = builder.root();
    int nBins = splitter.nBins();
    double sumGradients = Sums.pairwise(histograms.sumGradients(), 0, nBins);
    double sumHessians = splitter.constantHessians() ? (double) splitter.constantHessian() * n
        : Sums.pairwise(histograms.sumHessians(), 0, nBins);
    root = new Node(0, 0, n, sumGradients, sumHessians, 0);
    if (n < 2 * minSamplesLeaf || sumHessians < HistSplitter.MIN_HESSIAN_TO_SPLIT) {
      finalizedLeaves.add(root);
      root.isLeaf = true;
      builder.release(histograms);
      return;
    }
    root.histograms = histograms;
    computeBestSplitAndPush(root);
  }

  private void computeBestSplitAndPush(Node node) {
    node.split = splitter.findNodeSplit(node.nSamples(), node.histograms, node.sumGradients,
        node.sumHessians, node.value, node.childrenLowerBound, node.childrenUpperBound);
    if (node.split.gain() <= 0) {
      finalizeLeaf(node);
    } else {
      heappush(node);
    }
  }

  /** Makes a node a leaf; its histograms go back to the builder's pool. */
  private void finalizeLeaf(Node node) {
    node.isLeaf = true;
    finalizedLeaves.add(node);
    releaseHistograms(node);
  }

  private void releaseHistograms(Node node) {
    if (node.histograms != null) {
      builder.release(node.histograms);
      node.histograms = null;
    }
  }

  private void splitNext() {
    Node node = heappop();
    SplitInfo split = node.split;
    int middle = splitter.splitIndices(split, partition, node.start, node.stop, buffer);
    int depth = node.depth + 1;
    int nLeafNodes = finalizedLeaves.size() + splittable.size() + 2;
    Node left = new Node(depth, node.start, middle, split.sumGradientLeft(),
        split.sumHessianLeft(), split.valueLeft());
    Node right = new Node(depth, middle, node.stop, split.sumGradientRight(),
        split.sumHessianRight(), split.valueRight());
    node.left = left;
    node.right = right;
    if (!splitter.hasMissingValues(split.featureIdx())) {
      node.split = split.withMissingGoToLeft(left.nSamples() > right.nSamples());
    }
    nNodes += 2;
    nCategoricalSplits += split.isCategorical() ? 1 : 0;
    if (maxLeafNodes != null && nLeafNodes == maxLeafNodes) {
      finalizeLeaf(left);
      finalizeLeaf(right);
      while (!splittable.isEmpty()) {
        finalizeLeaf(splittable.remove(splittable.size() - 1));
      }
      releaseHistograms(node);
      return;
    }
    if (maxDepth != null && depth == maxDepth) {
      finalizeLeaf(left);
      finalizeLeaf(right);
      releaseHistograms(node);
      return;
    }
    if (left.nSamples() < 2 * minSamplesLeaf) {
      finalizeLeaf(left);
    }
    if (right.nSamples() < 2 * minSamplesLeaf) {
      finalizeLeaf(right);
    }
    setChildrenBounds(node, left, right);
    if (!left.isLeaf || !right.isLeaf) {
      Node smallest = left.nSamples() < right.nSamples() ? left : right;
      Node largest = smallest == left ? right : left;
      smallest.histograms = builder.node(partition, smallest.start, smallest.stop);
      largest.histograms =
          HistogramBuilder.subtract(node.histograms, smallest.histograms, builder.rootCounts());
      if (!left.isLeaf) {
        computeBestSplitAndPush(left);
      }
      if (!right.isLeaf) {
        computeBestSplitAndPush(right);
      }
      for (Node child : new Node[] {left, right}) {
        if (child.isLeaf) {
          releaseHistograms(child);
        }
      }
      node.histograms = null;
    } else {
      releaseHistograms(node);
    }
  }

  /** The bounds of the children's children values, from the node's and its split's constraint. */
  private void setChildrenBounds(Node node, Node left, Node right) {
    int cst = splitter.monotonicCst(node.split.featureIdx());
    left.childrenLowerBound = node.childrenLowerBound;
    left.childrenUpperBound = node.childrenUpperBound;
    right.childrenLowerBound = node.childrenLowerBound;
    right.childrenUpperBound = node.childrenUpperBound;
    if (cst == 0) {
      return;
    }
    double mid = (left.value + right.value) / 2;
    if (cst == 1) {
      left.childrenUpperBound = mid;
      right.childrenLowerBound = mid;
    } else {
      left.childrenLowerBound = mid;
      right.childrenUpperBound = mid;
    }
  }

  /** {@code heapq.heappush}: append, then sift toward the root. */
  private void heappush(Node node) {
    splittable.add(node);
    siftDown(0, splittable.size() - 1);
  }

  /** {@code heapq.heappop}: the first node; the last one takes its place and sifts down. */
  private Node heappop() {
    Node last = splittable.remove(splittable.size() - 1);
    if (splittable.isEmpty()) {
      return last;
    }
    Node first = splittable.get(0);
    splittable.set(0, last);
    siftUp(0);
    return first;
  }

  /** heapq's {@code _siftdown}: moves the node at pos up while it comes before its parent. */
  private void siftDown(int startPos, int pos) {
    Node item = splittable.get(pos);
    while (pos > startPos) {
      int parentPos = (pos - 1) >> 1;
      Node parent = splittable.get(parentPos);
      if (!item.before(parent)) {
        break;
      }
      splittable.set(pos, parent);
      pos = parentPos;
    }
    splittable.set(pos, item);
  }

  /** heapq's {@code _siftup}: the node at pos goes down to a leaf by the first child, then up. */
  private void siftUp(int pos) {
    int end = splittable.size();
    int startPos = pos;
    Node item = splittable.get(pos);
    int child = 2 * pos + 1;
    while (child < end) {
      int rightPos = child + 1;
      if (rightPos < end && !splittable.get(child).before(splittable.get(rightPos))) {
        child = rightPos;
      }
      splittable.set(pos, splittable.get(child));
      pos = child;
      child = 2 * pos + 1;
    }
    splittable.set(pos, item);
    siftDown(startPos, pos);
  }

  /**
   * {@code _update_raw_predictions}: adds each leaf's (shrunk) value to its samples' sums. The
   * leaves hold consecutive ranges of the partition, which is cut in ranges of equal length for
   * the cores (each sample gets one addition, whatever the cut).
   */
  void updateRawPredictions(double[] raw) {
    Node[] leaves = finalizedLeaves.toArray(Node[]::new);
    java.util.Arrays.sort(leaves, java.util.Comparator.comparingInt(leaf -> leaf.start));
    Parallel.forRange(partition.length, UPDATE_GRAIN, (p0, p1) -> {
      int leaf = 0;
      while (leaves[leaf].stop <= p0) {
        leaf++;
      }
      for (int p = p0; p < p1; leaf++) {
        int stop = Math.min(leaves[leaf].stop, p1);
        double value = leaves[leaf].value;
        for (; p < stop; p++) {
          raw[partition[p]] += value;
        }
      }
    });
  }

  /**
   * {@code make_predictor}: the nodes in preorder, thresholds on raw values from the bins'
   * thresholds (+inf for the last non-missing bin).
   */
  TreePredictor makePredictor(double[][] binThresholds, int[] nBinsNonMissing) {
    boolean categorical = nCategoricalSplits > 0;
    var p = new TreePredictor(new double[nNodes], new int[nNodes], new int[nNodes],
        new double[nNodes], new int[nNodes], new int[nNodes], new int[nNodes],
        new double[nNodes], new int[nNodes], new int[nNodes], new int[nNodes],
        categorical ? new int[nNodes] : null, categorical ? new int[nNodes] : null,
        categorical ? new int[nCategoricalSplits][8] : null,
        categorical ? new int[nCategoricalSplits][8] : null);
    fill(p, root, 0, new int[1], binThresholds, nBinsNonMissing);
    return p;
  }

  /**
   * Node i and its subtrees from {@code next} on; {@code nextBitset[0]} is the next free row of
   * the bitsets. A categorical split's raw bitset holds the categories (here their indices) whose
   * bins go left, without the missing values' bin.
   */
  private static int fill(TreePredictor p, Node node, int next, int[] nextBitset,
      double[][] thresholds, int[] nBinsNonMissing) {
    int i = next;
    p.count()[i] = node.nSamples();
    p.depth()[i] = node.depth;
    p.gain()[i] = node.split == null ? -1 : node.split.gain();
    p.value()[i] = node.value;
    if (node.isLeaf) {
      p.isLeaf()[i] = 1;
      return i + 1;
    }
    SplitInfo split = node.split;
    int f = split.featureIdx();
    p.featureIdx()[i] = f;
    p.binThreshold()[i] = split.binIdx();
    p.missingGoToLeft()[i] = split.missingGoToLeft() ? 1 : 0;
    if (p.isCategorical() != null) {
      p.isCategorical()[i] = split.isCategorical() ? 1 : 0;
    }
    if (split.binIdx() == nBinsNonMissing[f] - 1) {
      p.numThreshold()[i] = Double.POSITIVE_INFINITY;
    } else if (split.isCategorical()) {
      int row = nextBitset[0]++;
      p.bitsetIdx()[i] = row;
      System.arraycopy(split.leftCatBitset(), 0, p.binnedLeftCatBitsets()[row], 0, 8);
      for (int c = 0; c < thresholds[f].length; c++) {
        if (HistSplitter.inBitset(split.leftCatBitset(), c)) {
          int category = (int) thresholds[f][c];
          p.rawLeftCatBitsets()[row][category >>> 5] |= 1 << (category & 31);
        }
      }
    } else {
      p.numThreshold()[i] = thresholds[f][split.binIdx()];
    }
    p.left()[i] = i + 1;
    int afterLeft = fill(p, node.left, i + 1, nextBitset, thresholds, nBinsNonMissing);
    p.right()[i] = afterLeft;
    return fill(p, node.right, afterLeft, nextBitset, thresholds, nBinsNonMissing);
  }
}
