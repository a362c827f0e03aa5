package semaine.anomaly;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import semaine.tree.XorShiftRandom;

/**
 * Grows one {@link IsolationTree} as scikit-learn 1.9 grows the {@code ExtraTreeRegressor(
 * max_features=1, splitter="random", max_depth=...)} of an IsolationForest, node for node:
 * <ul>
 *   <li>{@code DepthFirstTreeBuilder}: a stack of nodes (right child pushed first, so the left
 *       subtree is built first); a node is a leaf at {@code maxDepth}, with fewer than 2 samples,
 *       when its MSE impurity is ≤ machine epsilon, or when no split was found or it does not
 *       improve the impurity by more than −epsilon;</li>
 *   <li>{@code RandomSplitter.node_split}: features drawn by a Fisher–Yates walk over an array
 *       kept from node to node, skipping the features known to be constant from the ancestors and
 *       recording those found constant (range ≤ 1e-7 in float); the first non-constant feature is
 *       split at {@code rand_uniform(min, max)} (the max replaced by the min); samples are
 *       partitioned in place;</li>
 *   <li>{@code MSE} criterion on the random targets y, with scikit-learn's summation order, which
 *       decides the impurity tests above.</li>
 * </ul>
 * The training samples are the subsample in increasing index order, as scikit-learn passes the
 * subsample as sample weights 0/1 and the splitter keeps the rows of non-zero weight.
 */
final class IsolationTreeBuilder {

  /** {@code FEATURE_THRESHOLD} (a float32): a feature whose range is no wider is constant. */
  private static final float FEATURE_THRESHOLD = 1e-7f;

  /** {@code np.finfo('double').eps}: the impurity tolerance of the tree builder. */
  private static final double EPSILON = Math.ulp(1.0);

  /** The tree's {@code max_features}: one non-constant feature is drawn per split. */
  private static final int MAX_FEATURES = 1;

  private final float[][] X;               // (n_samples, n_features) the float32 training data
  private final double[] y;                // (n_samples,) random regression targets
  private final int maxDepth;
  private final XorShiftRandom random;
  private final int[] subsample;           // (max_samples,) as drawn, kept for the tree
  private final int[] samples;             // (max_samples,) row indices, partitioned per node
  private final int[] features;            // (n_features,) Fisher-Yates state, kept across nodes
  private final int[] constantFeatures;    // (n_features,) constant features, ancestors first
  private final double weightedNSamples;   // total weight: the subsample size

  // the criterion at the current node samples[start:end]
  private double sumTotal;
  private double sqSumTotal;
  private double weightedNNodeSamples;
  private double sumLeft;
  private double sumRight;
  private double weightedNLeft;
  private double weightedNRight;

  private final Nodes nodes = new Nodes();

  /** A node waiting on the stack ({@code StackRecord}). */
  private record Pending(int start, int end, int depth, int parent, boolean isLeft,
      double impurity, int nConstantFeatures) {}

  /** The split found at a node ({@code SplitRecord}); {@code pos == end} when there is none. */
  private record Split(int pos, int feature, double threshold, double impurityLeft,
      double impurityRight, double improvement, int nConstantFeatures) {}

  /**
   * @param X the data as float32, shape (n_samples, n_features)
   * @param y the random targets, shape (n_samples,)
   * @param subsample the rows the tree is grown on (any order)
   * @param randRSeed the splitter's seed, {@code randint(0, RAND_R_MAX)} of the tree's RandomState
   */
  IsolationTreeBuilder(float[][] X, double[] y, int[] subsample, int maxDepth, long randRSeed) {
    this.X = X;
    this.y = y;
    this.maxDepth = maxDepth;
    this.random = new XorShiftRandom(randRSeed);
    this.subsample = subsample;
    this.samples = subsample.clone();
    Arrays.sort(samples);
    int d = X[0].length;
    this.features = new int[d];
    for (int f = 0; f < d; f++) {
      features[f] = f;
    }
    this.constantFeatures = new int[d];
    this.weightedNSamples = subsample.length;
  }

  /** Grows the tree ({@code DepthFirstTreeBuilder.build}). */
  IsolationTree build() {
    Deque<Pending> stack = new ArrayDeque<>();
    stack.push(new Pending(0, samples.length, 0, -1, false, Double.POSITIVE_INFINITY, 0));
    boolean first = true;
    while (!stack.isEmpty()) {
      Pending node = stack.pop();
      int start = node.start;
      int end = node.end;
      resetCriterion(start, end);
      boolean isLeaf = node.depth >= maxDepth || end - start < 2;
      double impurity = node.impurity;
      if (first) {
        impurity = nodeImpurity();
        first = false;
      }
      // impurity == 0 with a tolerance for rounding
      isLeaf = isLeaf || impurity <= EPSILON;
      Split split = null;
      if (!isLeaf) {
        split = nodeSplit(start, end, impurity, node.nConstantFeatures);
        isLeaf = split.pos >= end || split.improvement + EPSILON < 0.0;
      }
      int id = isLeaf ? nodes.addLeaf(node.parent, node.isLeft, end - start, node.depth)
          : nodes.addSplit(node.parent, node.isLeft, split.feature, split.threshold, end - start);
      if (!isLeaf) {
        stack.push(new Pending(split.pos, end, node.depth + 1, id, false, split.impurityRight,
            split.nConstantFeatures));
        stack.push(new Pending(start, split.pos, node.depth + 1, id, true, split.impurityLeft,
            split.nConstantFeatures));
      }
    }
    return nodes.toTree(subsample);
  }

  /**
   * {@code node_split_random}: draws features until one is not constant (with max_features = 1 the
   * first one ends the search), splits it at a random threshold and partitions the samples.
   */
  private Split nodeSplit(int start, int end, double impurity, int nKnownConstants) {
    int fI = features.length;
    int nFoundConstants = 0;
    int nDrawnConstants = 0;
    int nTotalConstants = nKnownConstants;
    int nVisited = 0;
    int bestPos = end;
    int bestFeature = 0;
    double bestThreshold = 0.0;
    while (fI > nTotalConstants
        && (nVisited < MAX_FEATURES || nVisited <= nFoundConstants + nDrawnConstants)) {
      nVisited++;
      // features[:nDrawn] drawn known constants, [nDrawn:nKnown] known constants not drawn yet,
      // [nKnown:nTotal] found constant here, [nTotal:fI] not drawn yet, [fI:] drawn non-constant
      int fJ = random.randInt(nDrawnConstants, fI - nFoundConstants);
      if (fJ < nKnownConstants) {
        swap(features, nDrawnConstants, fJ);
        nDrawnConstants++;
        continue;
      }
      fJ += nFoundConstants;
      int feature = features[fJ];
      float min = X[samples[start]][feature];
      float max = min;
      for (int p = start + 1; p < end; p++) {
        float v = X[samples[p]][feature];
        if (v < min) {
          min = v;
        } else if (v > max) {
          max = v;
        }
      }
      if (max <= min + FEATURE_THRESHOLD) {   // float sum, as in the C code
        features[fJ] = features[nTotalConstants];
        features[nTotalConstants] = feature;
        nFoundConstants++;
        nTotalConstants++;
        continue;
      }
      fI--;
      swap(features, fI, fJ);
      double threshold = random.uniform(min, max);
      if (threshold == max) {   // keep both sides non-empty
        threshold = min;
      }
      int pos = partition(start, end, feature, threshold);
      if (pos - start < 1 || end - pos < 1) {   // min_samples_leaf = 1
        continue;
      }
      // the only split evaluated, so the best (its proxy improvement beats −inf)
      bestPos = pos;
      bestFeature = feature;
      bestThreshold = threshold;
    }
    double impurityLeft = Double.POSITIVE_INFINITY;
    double impurityRight = Double.POSITIVE_INFINITY;
    double improvement = Double.NEGATIVE_INFINITY;
    if (bestPos < end) {
      updateCriterion(start, end, bestPos);
      double sqSumLeft = 0.0;
      for (int p = start; p < bestPos; p++) {
        double v = y[samples[p]];
        sqSumLeft += v * v;
      }
      double sqSumRight = sqSumTotal - sqSumLeft;
      double meanLeft = sumLeft / weightedNLeft;
      double meanRight = sumRight / weightedNRight;
      impurityLeft = sqSumLeft / weightedNLeft - meanLeft * meanLeft;
      impurityRight = sqSumRight / weightedNRight - meanRight * meanRight;
      improvement = weightedNNodeSamples / weightedNSamples
          * (impurity - weightedNRight / weightedNNodeSamples * impurityRight
              - weightedNLeft / weightedNNodeSamples * impurityLeft);
    }
    // the known constants keep their original order for siblings and children
    System.arraycopy(constantFeatures, 0, features, 0, nKnownConstants);
    System.arraycopy(features, nKnownConstants, constantFeatures, nKnownConstants,
        nFoundConstants);
    return new Split(bestPos, bestFeature, bestThreshold, impurityLeft, impurityRight,
        improvement, nTotalConstants);
  }

  /** {@code RegressionCriterion.init}: weighted sums of y and y² over samples[start:end]. */
  private void resetCriterion(int start, int end) {
    sumTotal = 0.0;
    sqSumTotal = 0.0;
    weightedNNodeSamples = 0.0;
    for (int p = start; p < end; p++) {
      double v = y[samples[p]];
      sumTotal += v;
      sqSumTotal += v * v;
      weightedNNodeSamples += 1.0;
    }
  }

  /** {@code MSE.node_impurity}: mean of y² minus the squared mean. */
  private double nodeImpurity() {
    double mean = sumTotal / weightedNNodeSamples;
    return sqSumTotal / weightedNNodeSamples - mean * mean;
  }

  /**
   * {@code RegressionCriterion.reset} then {@code update(pos)}: the left sum is accumulated from
   * whichever end is nearer, as scikit-learn does.
   */
  private void updateCriterion(int start, int end, int pos) {
    if (pos - start <= end - pos) {
      sumLeft = 0.0;
      weightedNLeft = 0.0;
      for (int p = start; p < pos; p++) {
        sumLeft += y[samples[p]];
        weightedNLeft += 1.0;
      }
    } else {
      sumLeft = sumTotal;
      weightedNLeft = weightedNNodeSamples;
      for (int p = end - 1; p >= pos; p--) {
        sumLeft -= y[samples[p]];
        weightedNLeft -= 1.0;
      }
    }
    weightedNRight = weightedNNodeSamples - weightedNLeft;
    sumRight = sumTotal - sumLeft;
  }

  /** Moves samples with {@code x[f] <= threshold} to the front; returns where the rest start. */
  private int partition(int start, int end, int feature, double threshold) {
    int left = start;
    int right = end;
    while (left < right) {
      if (X[samples[left]][feature] <= threshold) {
        left++;
      } else {
        right--;
        swap(samples, left, right);
      }
    }
    return right;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** The growing node arrays ({@code Tree._add_node}). */
  private static final class Nodes {
    private int[] feature = new int[64];
    private double[] threshold = new double[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private int[] count = new int[64];
    private double[] pathLength = new double[64];
    private int size;

    int addSplit(int parent, boolean isLeft, int f, double t, int n) {
      int id = add(parent, isLeft, n);
      feature[id] = f;
      threshold[id] = t;
      return id;
    }

    /** A leaf at 0-based {@code depth}: its path length uses the 1-based depth, then − 1. */
    int addLeaf(int parent, boolean isLeft, int n, int depth) {
      int id = add(parent, isLeft, n);
      feature[id] = IsolationTree.UNDEFINED;
      threshold[id] = IsolationTree.UNDEFINED;
      left[id] = IsolationTree.LEAF;
      right[id] = IsolationTree.LEAF;
      pathLength[id] = ((double) (depth + 1) + IsolationTree.averagePathLength(n)) - 1.0;
      return id;
    }

    IsolationTree toTree(int[] subsample) {
      return new IsolationTree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size),
          Arrays.copyOf(left, size), Arrays.copyOf(right, size), Arrays.copyOf(count, size),
          Arrays.copyOf(pathLength, size), subsample);
    }

    private int add(int parent, boolean isLeft, int n) {
      if (size == feature.length) {
        int capacity = 2 * size;
        feature = Arrays.copyOf(feature, capacity);
        threshold = Arrays.copyOf(threshold, capacity);
        left = Arrays.copyOf(left, capacity);
        right = Arrays.copyOf(right, capacity);
        count = Arrays.copyOf(count, capacity);
        pathLength = Arrays.copyOf(pathLength, capacity);
      }
      int id = size++;
      if (parent >= 0) {
        if (isLeft) {
          left[parent] = id;
        } else {
          right[parent] = id;
        }
      }
      count[id] = n;
      return id;
    }
  }
}
