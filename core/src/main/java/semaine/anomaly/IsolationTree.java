package semaine.anomaly;

import java.util.Arrays;
import semaine.random.RandomState;

/**
 * One tree of an {@link IsolationForest}: scikit-learn's {@code ExtraTreeRegressor(max_features=1,
 * splitter='random', max_depth=ceil(log2(max_samples)))} grown on a random subsample. Each node
 * picks a random feature that is not constant on its samples and a threshold drawn uniformly
 * between that feature's min and max there (the max is replaced by the min, as scikit-learn does,
 * so both sides are non-empty); samples with {@code x <= threshold} go left. A node becomes a leaf
 * at the depth limit, with a single sample, or when every feature is constant on it.
 *
 * <p>Each leaf stores the path length it stands for: its depth plus {@link #averagePathLength} of
 * the samples it still holds (the expected depth of the unbuilt subtree).
 */
final class IsolationTree {

  /** scikit-learn's FEATURE_THRESHOLD: a feature whose range is no wider is constant. */
  private static final double FEATURE_THRESHOLD = 1e-7;

  private int[] feature = new int[16];          // (nodes,) −1 for a leaf
  private double[] threshold = new double[16];  // (nodes,) split value, or the leaf's path length
  private int[] left = new int[16];             // (nodes,) right child is stored in right[]
  private int[] right = new int[16];
  private int nodes;

  /**
   * Grows a tree on {@code samples} (row indices of X).
   *
   * @param X the data, rounded to float as scikit-learn's float32 copy, shape (n, d)
   */
  IsolationTree(double[][] X, int[] samples, int maxDepth, RandomState rs) {
    grow(X, samples.clone(), 0, samples.length, 0, maxDepth, rs);
  }

  /** The path length of x: the depth of its leaf plus that leaf's average path length. */
  double pathLength(double[] x) {
    int node = 0;
    while (feature[node] >= 0) {
      node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
    }
    return threshold[node];
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
    double eulerGamma = 0.5772156649015329;
    return 2.0 * (Math.log(n - 1.0) + eulerGamma) - 2.0 * (n - 1.0) / n;
  }

  private int grow(double[][] X, int[] samples, int from, int to, int depth, int maxDepth,
      RandomState rs) {
    int node = newNode();
    int count = to - from;
    if (depth >= maxDepth || count < 2) {
      return leaf(node, depth, count);
    }
    int d = X[0].length;
    // draw features without replacement until one is not constant on these samples
    int[] candidates = new int[d];
    for (int f = 0; f < d; f++) {
      candidates[f] = f;
    }
    for (int remaining = d; remaining > 0; remaining--) {
      int pick = (int) rs.randint(0, remaining);
      int f = candidates[pick];
      candidates[pick] = candidates[remaining - 1];
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        double v = X[samples[i]][f];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (max <= min + FEATURE_THRESHOLD) {
        continue;
      }
      double split = rs.uniform(min, max);
      if (split == max) {
        split = min;
      }
      int middle = partition(X, samples, from, to, f, split);
      feature[node] = f;
      threshold[node] = split;
      int leftChild = grow(X, samples, from, middle, depth + 1, maxDepth, rs);
      int rightChild = grow(X, samples, middle, to, depth + 1, maxDepth, rs);
      left[node] = leftChild;
      right[node] = rightChild;
      return node;
    }
    return leaf(node, depth, count);
  }

  private int leaf(int node, int depth, int count) {
    feature[node] = -1;
    threshold[node] = depth + averagePathLength(count);
    return node;
  }

  /** Moves the samples with {@code x[f] <= split} to the front; returns where the rest start. */
  private static int partition(double[][] X, int[] samples, int from, int to, int f, double split) {
    int i = from;
    int j = to - 1;
    while (i <= j) {
      if (X[samples[i]][f] <= split) {
        i++;
      } else {
        int t = samples[i];
        samples[i] = samples[j];
        samples[j] = t;
        j--;
      }
    }
    return i;
  }

  private int newNode() {
    if (nodes == feature.length) {
      int capacity = 2 * nodes;
      feature = Arrays.copyOf(feature, capacity);
      threshold = Arrays.copyOf(threshold, capacity);
      left = Arrays.copyOf(left, capacity);
      right = Arrays.copyOf(right, capacity);
    }
    return nodes++;
  }
}
