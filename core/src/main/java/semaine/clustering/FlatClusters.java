package semaine.clustering;

/**
 * Flat clusters cut from a linkage matrix, as SciPy's {@code fcluster} numbers them
 * ({@code cluster_dist}, {@code cluster_maxclust_dist}, {@code cluster_monocrit} of
 * {@code _hierarchy.pyx}): a depth-first walk from the root, left child first, numbers the
 * clusters 1, 2, ... as it meets them.
 */
final class FlatClusters {

  private FlatClusters() {}

  /** {@code fcluster(Z, t, 'distance')}: clusters whose largest merge distance is {@code <= t}. */
  static int[] byDistance(double[][] Z, double t) {
    return monocrit(Z, maxDistances(Z), t);
  }

  /**
   * {@code fcluster(Z, t, 'maxclust')}: the smallest of the clusters' largest merge distances
   * that leaves at most t clusters, found by SciPy's bisection over them (each trial counted by
   * the same walk, stopping once the count passes t).
   */
  static int[] maxclust(double[][] Z, int maxClusters) {
    int n = Z.length + 1;
    if (maxClusters >= n) {
      int[] T = new int[n];
      for (int i = 0; i < n; i++) {
        T[i] = i + 1;
      }
      return T;
    }
    double[] md = maxDistances(Z);
    int lower = -1;
    int upper = n - 1;
    while (upper - lower > 1) {
      int i = (lower + upper) >> 1;
      if (count(Z, md, md[i], maxClusters) > maxClusters) {
        lower = i;
      } else {
        upper = i;
      }
    }
    return monocrit(Z, md, md[upper]);
  }

  /** The number of clusters at threshold {@code thresh}, or more than max once it passes it. */
  private static int count(double[][] Z, double[] md, double thresh, int max) {
    int n = Z.length + 1;
    boolean[] visited = new boolean[2 * n - 1];
    int[] stack = new int[n];
    int k = 0;
    int nc = 0;
    stack[0] = 2 * n - 2;
    while (k >= 0) {
      int root = stack[k] - n;
      int left = (int) Z[root][0];
      int right = (int) Z[root][1];
      if (md[root] <= thresh) {  // this subtree is one cluster
        if (++nc > max) {
          return nc;
        }
        k--;
        visited[left] = true;
        visited[right] = true;
        continue;
      }
      boolean descended = false;
      for (int child : new int[] {left, right}) {
        if (!visited[child]) {
          visited[child] = true;
          if (child >= n) {
            stack[++k] = child;
            descended = true;
            break;
          }
          if (++nc > max) {  // a sample alone
            return nc;
          }
        }
      }
      if (!descended) {
        k--;
      }
    }
    return nc;
  }

  /** {@code get_max_dist_for_each_cluster}: each merge's largest distance in its subtree. */
  static double[] maxDistances(double[][] Z) {
    int n = Z.length + 1;
    double[] md = new double[n - 1];
    boolean[] visited = new boolean[2 * n - 1];
    int[] stack = new int[n];
    int k = 0;
    stack[0] = 2 * n - 2;
    while (k >= 0) {
      int root = stack[k] - n;
      int left = (int) Z[root][0];
      int right = (int) Z[root][1];
      int deeper = descend(Z, visited, stack, k);
      if (deeper > k) {
        k = deeper;
        continue;
      }
      double max = Z[root][2];
      if (left >= n && md[left - n] > max) {
        max = md[left - n];
      }
      if (right >= n && md[right - n] > max) {
        max = md[right - n];
      }
      md[root] = max;
      k--;
    }
    return md;
  }

  /** {@code cluster_monocrit}: the subtrees with criterion {@code <= cutoff} become clusters. */
  static int[] monocrit(double[][] Z, double[] mc, double cutoff) {
    int n = Z.length + 1;
    int[] T = new int[n];
    boolean[] visited = new boolean[2 * n - 1];
    int[] stack = new int[n];
    int k = 0;
    int clusters = 0;
    int leader = -1;
    stack[0] = 2 * n - 2;
    while (k >= 0) {
      int root = stack[k] - n;
      int left = (int) Z[root][0];
      int right = (int) Z[root][1];
      if (leader == -1 && mc[root] <= cutoff) {  // found a cluster
        leader = root;
        clusters++;
      }
      int deeper = descend(Z, visited, stack, k);
      if (deeper > k) {
        k = deeper;
        continue;
      }
      if (left < n) {
        if (leader == -1) {  // a sample alone
          clusters++;
        }
        T[left] = clusters;
      }
      if (right < n) {
        if (leader == -1) {
          clusters++;
        }
        T[right] = clusters;
      }
      if (leader == root) {  // back at the leader
        leader = -1;
      }
      k--;
    }
    return T;
  }

  /**
   * The walks' step down: pushes the first not yet visited internal child (left, then right) of
   * the node on top of the stack and returns the new top, or k when both were visited.
   */
  private static int descend(double[][] Z, boolean[] visited, int[] stack, int k) {
    int n = Z.length + 1;
    int root = stack[k] - n;
    for (int side = 0; side < 2; side++) {
      int child = (int) Z[root][side];
      if (child >= n && !visited[child]) {
        visited[child] = true;
        stack[k + 1] = child;
        return k + 1;
      }
    }
    return k;
  }
}
