package semaine.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HDBSCAN's condensed tree and its flat clustering (scikit-learn's {@code _tree.pyx}).
 *
 * <p>The single-linkage tree is walked breadth first from its root, left child before right, in
 * λ = 1 / distance (+inf at distance 0). At each merge: if both sides hold at least
 * {@code min_cluster_size} samples, each is a new cluster born at that λ (numbered n + 1, n + 2,
 * ... in walk order, the root being n); if both are smaller, the cluster ends there and all their
 * samples fall out of it at that λ; if one side is smaller, its samples fall out and the other
 * side goes on as the same cluster. Each row: parent cluster, child (a sample or a cluster), λ,
 * size.
 *
 * <p>A cluster's stability is Σ (λ − λ_birth) · size over its rows. Excess of mass ("eom") goes
 * through the clusters from the highest number down (children before parents): a cluster whose
 * children's stabilities sum to more than its own (or larger than {@code max_cluster_size}) gives
 * way to them and takes that sum; otherwise it is selected and its descendants are not. "leaf"
 * selects the leaves of the cluster tree. With {@code cluster_selection_epsilon}, a selected
 * cluster born at a distance below epsilon is replaced by its first ancestor born above it. The
 * selected clusters, in increasing number, are labels 0, 1, ...; a sample takes the label of its
 * nearest selected ancestor, −1 if none; its probability is min(λ_sample, λ_max) / λ_max, λ_max
 * being the largest λ in its cluster's rows.
 */
final class CondensedTree {

  private final int n;           // samples; the root cluster is n
  private final int[] parent;    // rows
  private final int[] child;
  private final double[] lambda;
  private final int[] size;
  private final int rows;
  private final int clusters;    // cluster numbers are n .. n + clusters - 1

  private CondensedTree(int n, int[] parent, int[] child, double[] lambda, int[] size, int rows,
      int clusters) {
    this.n = n;
    this.parent = parent;
    this.child = child;
    this.lambda = lambda;
    this.size = size;
    this.rows = rows;
    this.clusters = clusters;
  }

  /**
   * Condenses a single-linkage tree ({@code _condense_tree}).
   *
   * @param hierarchy (n − 1, 4) rows: left, right, distance, size, as {@link MutualReachability}
   *     gives them
   */
  static CondensedTree condense(double[][] hierarchy, int minClusterSize) {
    int n = hierarchy.length + 1;
    int root = 2 * (n - 1);
    int capacity = 3 * n;
    int[] parent = new int[capacity];
    int[] child = new int[capacity];
    double[] lambda = new double[capacity];
    int[] size = new int[capacity];
    int[] relabel = new int[root + 1];
    relabel[root] = n;
    int nextLabel = n + 1;
    boolean[] ignore = new boolean[root + 1];
    int rows = 0;
    for (int node : breadthFirst(hierarchy, root, n)) {
      if (ignore[node] || node < n) {
        continue;
      }
      double[] merge = hierarchy[node - n];
      int left = (int) merge[0];
      int right = (int) merge[1];
      double lam = merge[2] > 0.0 ? 1.0 / merge[2] : Double.POSITIVE_INFINITY;
      int leftCount = left >= n ? (int) hierarchy[left - n][3] : 1;
      int rightCount = right >= n ? (int) hierarchy[right - n][3] : 1;
      boolean bigLeft = leftCount >= minClusterSize;
      boolean bigRight = rightCount >= minClusterSize;
      int p = relabel[node];
      if (bigLeft && bigRight) {
        int[] sides = {left, right};
        int[] counts = {leftCount, rightCount};
        for (int s = 0; s < 2; s++) {
          relabel[sides[s]] = nextLabel++;
          parent[rows] = p;
          child[rows] = relabel[sides[s]];
          lambda[rows] = lam;
          size[rows++] = counts[s];
        }
        continue;
      }
      if (bigRight) {
        relabel[right] = p;
      }
      if (bigLeft) {
        relabel[left] = p;
      }
      for (int side : new int[] {left, right}) {
        if (side == left ? bigLeft : bigRight) {
          continue;
        }
        for (int sub : breadthFirst(hierarchy, side, n)) {
          if (sub < n) {
            parent[rows] = p;
            child[rows] = sub;
            lambda[rows] = lam;
            size[rows++] = 1;
          }
          ignore[sub] = true;
        }
      }
    }
    return new CondensedTree(n, parent, child, lambda, size, rows, nextLabel - n);
  }

  /** The nodes under start, level by level, left before right ({@code bfs_from_hierarchy}). */
  private static int[] breadthFirst(double[][] hierarchy, int start, int n) {
    int count = start >= n ? (int) hierarchy[start - n][3] * 2 - 1 : 1;
    int[] queue = new int[count];
    queue[0] = start;
    for (int head = 0, tail = 1; head < tail; head++) {
      int node = queue[head];
      if (node >= n) {
        queue[tail++] = (int) hierarchy[node - n][0];
        queue[tail++] = (int) hierarchy[node - n][1];
      }
    }
    return queue;
  }

  /**
   * The flat clustering: each sample's label (−1 noise) and membership probability.
   *
   * @param method "eom" or "leaf"
   * @param maxClusterSize the largest cluster eom may select, or 0 for no limit
   */
  Flat select(String method, boolean allowSingleCluster, double epsilon, int maxClusterSize) {
    Clusters tree = new Clusters();
    boolean[] selected = method.equals("eom")
        ? excessOfMass(tree, allowSingleCluster, epsilon, maxClusterSize)
        : leaves(tree, allowSingleCluster, epsilon);
    return label(selected, allowSingleCluster, epsilon);
  }

  /** The labels and probabilities of a flat clustering. */
  record Flat(int[] labels, double[] probabilities) {}

  /** The cluster tree: the rows whose child is a cluster, and each cluster's stability. */
  private final class Clusters {
    final int[] parentOf = new int[clusters];        // by cluster − n; −1 for the root
    final int[] sizeOf = new int[clusters];
    final double[] birth = new double[clusters];
    final int[][] children = new int[clusters][];
    final double[] stability = new double[clusters];

    Clusters() {
      Arrays.fill(parentOf, -1);
      int[] count = new int[clusters];
      for (int r = 0; r < rows; r++) {
        if (size[r] > 1) {
          count[parent[r] - n]++;
        }
      }
      for (int c = 0; c < clusters; c++) {
        children[c] = new int[count[c]];
      }
      Arrays.fill(count, 0);
      for (int r = 0; r < rows; r++) {
        if (size[r] > 1) {
          int c = child[r] - n;
          int p = parent[r] - n;
          parentOf[c] = p;
          sizeOf[c] = size[r];
          birth[c] = lambda[r];
          children[p][count[p]++] = c;
        }
      }
      for (int r = 0; r < rows; r++) {
        int p = parent[r] - n;
        stability[p] += (lambda[r] - birth[p]) * size[r];
      }
    }

    /** True when no cluster splits (the cluster tree has no row). */
    boolean flat() {
      return children[0].length == 0;
    }

    /** The clusters under c, c excluded. */
    List<Integer> descendants(int c) {
      List<Integer> found = new ArrayList<>();
      for (int k : children[c]) {
        found.add(k);
        found.addAll(descendants(k));
      }
      return found;
    }
  }

  /** Excess of mass ({@code _get_clusters}, "eom"), then epsilon; indexed by cluster − n. */
  private boolean[] excessOfMass(Clusters tree, boolean allowSingle, double epsilon,
      int maxClusterSize) {
    boolean[] selected = new boolean[clusters];
    double[] stability = tree.stability.clone();
    int lowest = allowSingle ? 0 : 1;
    for (int c = lowest; c < clusters; c++) {
      selected[c] = true;
    }
    int limit = maxClusterSize > 0 ? maxClusterSize : n + 1;
    for (int c = clusters - 1; c >= lowest; c--) {
      double subtree = 0.0;
      for (int k : tree.children[c]) {
        subtree += stability[k];
      }
      int clusterSize = tree.sizeOf[c];
      if (c == 0) {
        clusterSize = 0;
        for (int k : tree.children[0]) {
          clusterSize += tree.sizeOf[k];
        }
      }
      if (subtree > stability[c] || clusterSize > limit) {
        selected[c] = false;
        stability[c] = subtree;
      } else {
        for (int d : tree.descendants(c)) {
          selected[d] = false;
        }
      }
    }
    if (epsilon == 0.0 || tree.flat()) {
      return selected;
    }
    if (selected[0]) {  // the root alone (it excludes every other cluster)
      return selected;
    }
    return epsilonSearch(tree, selected, allowSingle, epsilon);
  }

  /** The leaves of the cluster tree ("leaf"), then epsilon; none if nothing splits. */
  private boolean[] leaves(Clusters tree, boolean allowSingle, double epsilon) {
    boolean[] selected = new boolean[clusters];
    for (int c = 1; c < clusters; c++) {
      selected[c] = tree.children[c].length == 0;
    }
    return epsilon == 0.0 ? selected : epsilonSearch(tree, selected, allowSingle, epsilon);
  }

  /**
   * {@code epsilon_search}: a candidate born at a distance below epsilon gives way to its first
   * ancestor born at a distance above epsilon (itself if that would be the root and a single
   * cluster is not allowed), whose descendants are then passed over.
   */
  private boolean[] epsilonSearch(Clusters tree, boolean[] candidates, boolean allowSingle,
      double epsilon) {
    boolean[] selected = new boolean[clusters];
    boolean[] processed = new boolean[clusters];
    for (int c = 1; c < clusters; c++) {
      if (!candidates[c]) {
        continue;
      }
      if (1.0 / tree.birth[c] < epsilon) {
        if (!processed[c]) {
          int up = upwards(tree, c, allowSingle, epsilon);
          selected[up] = true;
          for (int d : tree.descendants(up)) {
            processed[d] = true;
          }
        }
      } else {
        selected[c] = true;
      }
    }
    return selected;
  }

  /** {@code traverse_upwards}, followed to the end (scikit-learn fails beyond one level). */
  private static int upwards(Clusters tree, int c, boolean allowSingle, double epsilon) {
    while (true) {
      int p = tree.parentOf[c];
      if (p == 0) {
        return allowSingle ? 0 : c;
      }
      if (1.0 / tree.birth[p] > epsilon) {
        return p;
      }
      c = p;
    }
  }

  /** {@code _do_labelling} and {@code get_probabilities} for the selected clusters. */
  private Flat label(boolean[] selected, boolean allowSingle, double epsilon) {
    int[] labelOf = new int[clusters];
    int count = 0;
    for (int c = 0; c < clusters; c++) {
      labelOf[c] = selected[c] ? count++ : -1;
    }
    // each cluster's nearest selected ancestor-or-self (parents have lower numbers), else the root
    int[] owner = new int[clusters];
    int[] parentOf = new int[clusters];
    double[] death = new double[clusters];
    for (int r = 0; r < rows; r++) {
      if (size[r] > 1) {
        parentOf[child[r] - n] = parent[r] - n;
      }
      death[parent[r] - n] = Math.max(death[parent[r] - n], lambda[r]);
    }
    for (int c = 1; c < clusters; c++) {
      owner[c] = selected[c] ? c : owner[parentOf[c]];
    }
    boolean singleRoot = count == 1 && selected[0] && allowSingle;
    double threshold = epsilon != 0.0 ? 1.0 / epsilon : death[0];
    int[] labels = new int[n];
    double[] probabilities = new double[n];
    for (int r = 0; r < rows; r++) {
      if (child[r] >= n) {
        continue;
      }
      int point = child[r];
      int c = owner[parent[r] - n];
      int label = c != 0 ? labelOf[c] : singleRoot && lambda[r] >= threshold ? 0 : -1;
      labels[point] = label;
      if (label >= 0) {
        double max = death[c];
        probabilities[point] = max == 0.0 || Double.isInfinite(lambda[r]) ? 1.0
            : Math.min(lambda[r], max) / max;
      }
    }
    return new Flat(labels, probabilities);
  }
}
