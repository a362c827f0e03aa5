package semaine.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Grows a {@link Tree} as scikit-learn 1.9's tree builders do ({@code sklearn/tree/_tree.pyx}).
 *
 * <p>Without {@code max_leaf_nodes}, {@code DepthFirstTreeBuilder}: a stack of nodes, the right
 * child pushed before the left so that the left subtree is grown first. A node is a leaf at
 * {@code max_depth}, with fewer than {@code min_samples_split} or 2·{@code min_samples_leaf}
 * samples, less than 2·{@code min_weight_leaf} weight, an impurity at most machine epsilon, no
 * split found, or an improvement + epsilon below {@code min_impurity_decrease}. The root's
 * impurity is computed; a child's is the one its parent's split computed.
 *
 * <p>With {@code max_leaf_nodes}, {@code BestFirstTreeBuilder}: each node's split is found when
 * the node is created; the nodes wait in a max-heap on their improvement (the same sift steps
 * as libstdc++'s {@code push_heap}/{@code pop_heap}, so equal improvements come out in the same
 * order); a popped node is split (its two children created, left first) while fewer than
 * {@code max_leaf_nodes − 1} nodes were split, else made a leaf. Every node starts with no known
 * constant feature.
 *
 * <p>With {@code monotonic_cst}, each node carries bounds on its value (−∞, +∞ at the root): its
 * value is clipped into them, and a split on a constrained feature gives its children the
 * parent's bounds cut at the middle of the two children's values.
 */
final class TreeBuilder {

  /** {@code np.finfo('double').eps}. */
  private static final double EPSILON = Math.ulp(1.0);

  /**
   * The stopping rules, as the builder receives them.
   *
   * @param maxDepth the depth limit ({@code Integer.MAX_VALUE} for None)
   * @param maxLeafNodes the leaf limit, or −1 for depth-first growth
   */
  record Limits(int maxDepth, int minSamplesSplit, int minSamplesLeaf, double minWeightLeaf,
      int maxLeafNodes, double minImpurityDecrease) {}

  private final Splitter splitter;
  private final Limits limits;
  private final Nodes nodes;

  TreeBuilder(Splitter splitter, Limits limits, int valueWidth) {
    this.splitter = splitter;
    this.limits = limits;
    this.nodes = new Nodes(valueWidth);
  }

  /** Grows the tree. */
  Tree build() {
    return limits.maxLeafNodes < 0 ? depthFirst() : bestFirst();
  }

  /** A node waiting on the stack ({@code StackRecord}). */
  private record Pending(int start, int end, int depth, int parent, boolean isLeft,
      double impurity, int nConstantFeatures, double lowerBound, double upperBound) {}

  private Tree depthFirst() {
    Deque<Pending> stack = new ArrayDeque<>();
    stack.push(new Pending(0, splitter.nSamples(), 0, -1, false, Double.POSITIVE_INFINITY, 0,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    boolean first = true;
    int maxDepthSeen = -1;
    while (!stack.isEmpty()) {
      Pending node = stack.pop();
      int n = node.end - node.start;
      double weighted = splitter.nodeReset(node.start, node.end);
      boolean isLeaf = tooSmall(node.depth, n, weighted);
      double impurity = node.impurity;
      if (first) {
        impurity = splitter.nodeImpurity();
        first = false;
      }
      isLeaf = isLeaf || impurity <= EPSILON;
      Splitter.Split split = null;
      if (!isLeaf) {
        split = splitter.split(node.start, node.end, impurity, node.nConstantFeatures,
            node.lowerBound, node.upperBound);
        isLeaf = noGain(split, node.end);
      }
      int id = nodes.add(node.parent, node.isLeft, isLeaf ? null : split, impurity, n, weighted);
      splitter.nodeValue(nodes.value[id], node.lowerBound, node.upperBound);
      if (!isLeaf) {
        double[] b = childBounds(split.feature(), node.lowerBound, node.upperBound,
            middleValue(split));
        stack.push(new Pending(split.pos(), node.end, node.depth + 1, id, false,
            split.impurityRight(), split.nConstantFeatures(), b[2], b[3]));
        stack.push(new Pending(node.start, split.pos(), node.depth + 1, id, true,
            split.impurityLeft(), split.nConstantFeatures(), b[0], b[1]));
      }
      maxDepthSeen = Math.max(maxDepthSeen, node.depth);
    }
    return nodes.toTree(maxDepthSeen);
  }

  /** A node of the best-first frontier ({@code FrontierRecord}). */
  private record Frontier(int id, int start, int end, int depth, Splitter.Split split,
      double impurity, double improvement, double lowerBound, double upperBound,
      double middleValue) {}

  private Tree bestFirst() {
    List<Frontier> frontier = new ArrayList<>();
    int maxSplitNodes = limits.maxLeafNodes - 1;
    int maxDepthSeen = -1;
    push(frontier, addSplitNode(0, splitter.nSamples(), -1, false, 0, Double.NaN, true,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    while (!frontier.isEmpty()) {
      Frontier record = pop(frontier);
      if (record.split == null || maxSplitNodes <= 0) {
        nodes.makeLeaf(record.id);
      } else {
        maxSplitNodes--;
        Splitter.Split split = record.split;
        double[] b = childBounds(split.feature(), record.lowerBound, record.upperBound,
            record.middleValue);
        Frontier left = addSplitNode(record.start, split.pos(), record.id, true,
            record.depth + 1, split.impurityLeft(), false, b[0], b[1]);
        Frontier right = addSplitNode(split.pos(), record.end, record.id, false,
            record.depth + 1, split.impurityRight(), false, b[2], b[3]);
        push(frontier, left);
        push(frontier, right);
      }
      maxDepthSeen = Math.max(maxDepthSeen, record.depth);
    }
    return nodes.toTree(maxDepthSeen);
  }

  /** {@code _add_split_node}: creates the node and looks for its split now. */
  private Frontier addSplitNode(int start, int end, int parent, boolean isLeft, int depth,
      double impurity, boolean isFirst, double lowerBound, double upperBound) {
    double weighted = splitter.nodeReset(start, end);
    if (isFirst) {
      impurity = splitter.nodeImpurity();
    }
    int n = end - start;
    boolean isLeaf = tooSmall(depth, n, weighted) || impurity <= EPSILON;
    Splitter.Split split = null;
    if (!isLeaf) {
      split = splitter.split(start, end, impurity, 0, lowerBound, upperBound);
      isLeaf = noGain(split, end);
    }
    int id = nodes.add(parent, isLeft, isLeaf ? null : split, impurity, n, weighted);
    splitter.nodeValue(nodes.value[id], lowerBound, upperBound);
    return isLeaf
        ? new Frontier(id, start, end, depth, null, impurity, 0.0, lowerBound, upperBound, 0.0)
        : new Frontier(id, start, end, depth, split, impurity, split.improvement(), lowerBound,
            upperBound, middleValue(split));
  }

  /** The middle value of a split just found on a constrained feature (NaN otherwise). */
  private double middleValue(Splitter.Split split) {
    return splitter.constraint(split.feature()) == 0 ? Double.NaN : splitter.middleValue();
  }

  /**
   * The children's monotonic bounds, {@code {leftMin, leftMax, rightMin, rightMax}}: the
   * parent's, except that under an increasing constraint the left child's maximum and the right
   * child's minimum become the middle value, and the reverse under a decreasing one.
   */
  private double[] childBounds(int feature, double lower, double upper, double middle) {
    return switch (splitter.constraint(feature)) {
      case 1 -> new double[] {lower, middle, middle, upper};
      case -1 -> new double[] {middle, upper, lower, middle};
      default -> new double[] {lower, upper, lower, upper};
    };
  }

  private boolean tooSmall(int depth, int n, double weighted) {
    return depth >= limits.maxDepth || n < limits.minSamplesSplit
        || n < 2 * limits.minSamplesLeaf || weighted < 2 * limits.minWeightLeaf;
  }

  private boolean noGain(Splitter.Split split, int end) {
    return split.pos() >= end || split.improvement() + EPSILON < limits.minImpurityDecrease;
  }

  /** libstdc++'s {@code push_heap} with "a before b when a.improvement < b.improvement". */
  private static void push(List<Frontier> heap, Frontier value) {
    heap.add(value);
    siftUp(heap, heap.size() - 1, 0, value);
  }

  private static void siftUp(List<Frontier> heap, int hole, int top, Frontier value) {
    int parent = (hole - 1) / 2;
    while (hole > top && heap.get(parent).improvement < value.improvement) {
      heap.set(hole, heap.get(parent));
      hole = parent;
      parent = (hole - 1) / 2;
    }
    heap.set(hole, value);
  }

  /** libstdc++'s {@code pop_heap} then {@code pop_back}: the largest improvement. */
  private static Frontier pop(List<Frontier> heap) {
    int last = heap.size() - 1;
    Frontier top = heap.get(0);
    Frontier value = heap.get(last);
    heap.set(last, top);
    // __adjust_heap(first, 0, last, value)
    int len = last;
    int hole = 0;
    int child = 0;
    while (child < (len - 1) / 2) {
      child = 2 * (child + 1);
      if (heap.get(child).improvement < heap.get(child - 1).improvement) {
        child--;
      }
      heap.set(hole, heap.get(child));
      hole = child;
    }
    if ((len & 1) == 0 && child == (len - 2) / 2) {
      child = 2 * (child + 1);
      heap.set(hole, heap.get(child - 1));
      hole = child - 1;
    }
    if (len > 0) {
      siftUp(heap, hole, 0, value);
    }
    heap.remove(last);
    return top;
  }

  /** The growing node arrays ({@code Tree._add_node}). */
  private static final class Nodes {
    private final int width;
    private int[] left = new int[64];
    private int[] right = new int[64];
    private int[] feature = new int[64];
    private double[] threshold = new double[64];
    private double[] impurity = new double[64];
    private int[] count = new int[64];
    private double[] weighted = new double[64];
    private int[] missingLeft = new int[64];
    double[][] value = new double[64][];
    private int size;

    Nodes(int width) {
      this.width = width;
    }

    /** A node; {@code split} null for a leaf. Its parent's child link is set. */
    int add(int parent, boolean isLeft, Splitter.Split split, double nodeImpurity, int n,
        double weightedN) {
      if (size == left.length) {
        grow();
      }
      int id = size++;
      if (parent >= 0) {
        if (isLeft) {
          left[parent] = id;
        } else {
          right[parent] = id;
        }
      }
      impurity[id] = nodeImpurity;
      count[id] = n;
      weighted[id] = weightedN;
      value[id] = new double[width];
      if (split == null) {
        makeLeaf(id);
      } else {
        feature[id] = split.feature();
        threshold[id] = split.threshold();
        missingLeft[id] = split.missingGoToLeft() ? 1 : 0;
      }
      return id;
    }

    void makeLeaf(int id) {
      left[id] = Tree.LEAF;
      right[id] = Tree.LEAF;
      feature[id] = Tree.UNDEFINED;
      threshold[id] = Tree.UNDEFINED;
    }

    private void grow() {
      int capacity = 2 * size;
      left = Arrays.copyOf(left, capacity);
      right = Arrays.copyOf(right, capacity);
      feature = Arrays.copyOf(feature, capacity);
      threshold = Arrays.copyOf(threshold, capacity);
      impurity = Arrays.copyOf(impurity, capacity);
      count = Arrays.copyOf(count, capacity);
      weighted = Arrays.copyOf(weighted, capacity);
      missingLeft = Arrays.copyOf(missingLeft, capacity);
      value = Arrays.copyOf(value, capacity);
    }

    Tree toTree(int maxDepth) {
      return new Tree(Arrays.copyOf(left, size), Arrays.copyOf(right, size),
          Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size),
          Arrays.copyOf(value, size), Arrays.copyOf(impurity, size), Arrays.copyOf(count, size),
          Arrays.copyOf(weighted, size), Arrays.copyOf(missingLeft, size), maxDepth);
    }
  }
}
