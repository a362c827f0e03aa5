package semaine.clustering;

import java.util.Arrays;

/**
 * scikit-learn's structured hierarchical clustering: the merge tree when only samples joined by a
 * connectivity graph may merge ({@code ward_tree} and {@code linkage_tree} given a
 * {@code connectivity}), with the same merges in the same order, ties included.
 *
 * <p>Each candidate merge of two graph neighbours waits in a heap; the cheapest is taken, its
 * two clusters retire, and the new cluster inherits their neighbours. Ward's cost is the increase
 * of inertia, from each cluster's size and coordinate sums; complete and average linkage carry the
 * largest or the size-weighted mean distance to each neighbour; single linkage is the graph's
 * minimum spanning tree. Row r of {@code children} creates node n + r; the tree stops at
 * {@code nNodes} nodes (2n − 1 for the full tree, 2n − n_clusters for scikit-learn's early stop).
 *
 * @param children row r: the two nodes merged into node n + r
 * @param distances the distance of each merge (Ward: sqrt(2 · inertia increase), as SciPy's)
 */
record StructuredTree(int[][] children, double[] distances) {

  /**
   * {@code ward_tree(X, connectivity)}: the heap holds (inertia, i, j) tuples, i > j, so equal
   * costs go to the smaller i, then the smaller j; the new node's neighbours are the current roots
   * of the merged nodes' neighbour lists, the first's before the second's, without repeats.
   */
  static StructuredTree ward(double[][] X, Connectivity graph, int nNodes) {
    int n = X.length;
    int d = X[0].length;
    double[] size = new double[nNodes];
    double[] sums = new double[nNodes * d];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      System.arraycopy(X[i], 0, sums, i * d, d);
    }
    Lists neighbours = new Lists(nNodes, graph.rows());
    EdgeHeap heap = new EdgeHeap(8 * n, false);
    for (int i = 0; i < n; i++) {
      for (int j : graph.rows()[i]) {
        if (j < i) {
          heap.append(wardCost(size, sums, d, i, j), i, j);
        }
      }
    }
    heap.heapify();
    int[] root = identity(nNodes);
    boolean[] used = new boolean[nNodes];
    Arrays.fill(used, true);
    int[] seen = new int[nNodes];
    Arrays.fill(seen, -1);
    int[][] children = new int[nNodes - n][];
    double[] distances = new double[nNodes - n];
    int[] heads = new int[nNodes];
    for (int k = n; k < nNodes; k++) {
      int i;
      int j;
      do {
        heap.pop();
        i = heap.poppedA();
        j = heap.poppedB();
      } while (!(used[i] && used[j]));
      children[k - n] = new int[] {j, i};
      distances[k - n] = Math.sqrt(2.0 * heap.poppedWeight());
      used[i] = false;
      used[j] = false;
      root[i] = k;
      root[j] = k;
      size[k] = size[i] + size[j];
      for (int f = 0; f < d; f++) {
        sums[k * d + f] = sums[i * d + f] + sums[j * d + f];
      }
      seen[k] = k;
      int count = 0;
      for (int side = 0; side < 2; side++) {
        int node = side == 0 ? i : j;
        for (int t = 0; t < neighbours.length[node]; t++) {
          int head = find(root, neighbours.items[node][t]);
          if (seen[head] != k) {
            seen[head] = k;
            heads[count++] = head;
          }
        }
      }
      neighbours.set(k, Arrays.copyOf(heads, count));
      for (int t = 0; t < count; t++) {
        neighbours.append(heads[t], k);
        heap.push(wardCost(size, sums, d, k, heads[t]), k, heads[t]);
      }
    }
    return new StructuredTree(children, distances);
  }

  /**
   * {@code compute_ward_dist}: n_i·n_j/(n_i + n_j) · Σ_f (S_i/n_i − S_j/n_j)², where S are the
   * coordinate sums.
   */
  private static double wardCost(double[] size, double[] sums, int d, int i, int j) {
    double weight = (size[i] * size[j]) / (size[i] + size[j]);
    double s = 0.0;
    for (int f = 0; f < d; f++) {
      double gap = sums[i * d + f] / size[i] - sums[j * d + f] / size[j];
      s += gap * gap;
    }
    return s * weight;
  }

  /**
   * {@code linkage_tree(X, connectivity, linkage)} for "complete" or "average": the heap holds
   * edges compared by weight alone (as {@code WeightedEdge}), so equal weights leave the heap in
   * Python's order. The new node's distance to a neighbour of both merged nodes is the larger
   * (complete) or the size-weighted mean (average); to a neighbour of one, that one's distance.
   */
  static StructuredTree linkage(double[][] X, Connectivity graph, int nNodes, String linkage,
      String metric) {
    int n = X.length;
    boolean average = linkage.equals("average");
    Connectivity.Paired paired = new Connectivity.Paired(X, metric);
    int[][] keys = new int[nNodes][];
    double[][] values = new double[nNodes][];
    int[] length = new int[nNodes];
    EdgeHeap heap = new EdgeHeap(8 * n, true);
    for (int i = 0; i < n; i++) {
      int[] row = graph.rows()[i];
      keys[i] = new int[row.length + 4];
      values[i] = new double[row.length + 4];
      for (int j : row) {
        if (j != i) {
          double dist = paired.distance(i, j);
          keys[i][length[i]] = j;
          values[i][length[i]++] = dist;
          if (j < i) {
            heap.append(dist, i, j);
          }
        }
      }
    }
    heap.heapify();
    int[] members = new int[nNodes];
    Arrays.fill(members, 1);
    int[][] children = new int[nNodes - n][];
    double[] distances = new double[nNodes - n];
    for (int k = n; k < nNodes; k++) {
      int i;
      int j;
      do {
        heap.pop();
        i = heap.poppedA();
        j = heap.poppedB();
      } while (members[i] == 0 || members[j] == 0);
      children[k - n] = new int[] {j, i};
      distances[k - n] = heap.poppedWeight();
      int ni = members[i];
      int nj = members[j];
      members[k] = ni + nj;
      members[i] = 0;
      members[j] = 0;
      int[] outKeys = new int[length[i] + length[j] + 4];
      double[] outValues = new double[outKeys.length];
      int count = 0;
      int a = 0;
      int b = 0;
      while (a < length[i] || b < length[j]) {
        int ka = a < length[i] ? keys[i][a] : Integer.MAX_VALUE;
        int kb = b < length[j] ? keys[j][b] : Integer.MAX_VALUE;
        int key = Math.min(ka, kb);
        boolean inA = ka == key && members[key] != 0;
        boolean inB = kb == key && members[key] != 0;
        double value = 0;
        if (inA && inB) {
          double va = values[i][a];
          double vb = values[j][b];
          value = average ? (ni * va + nj * vb) / (double) (ni + nj) : Math.max(va, vb);
        } else if (inA) {
          value = values[i][a];
        } else if (inB) {
          value = values[j][b];
        }
        if (inA || inB) {
          outKeys[count] = key;
          outValues[count++] = value;
        }
        a += ka == key ? 1 : 0;
        b += kb == key ? 1 : 0;
      }
      for (int t = 0; t < count; t++) {
        int col = outKeys[t];
        if (length[col] == keys[col].length) {
          keys[col] = Arrays.copyOf(keys[col], 2 * length[col] + 4);
          values[col] = Arrays.copyOf(values[col], keys[col].length);
        }
        keys[col][length[col]] = k;
        values[col][length[col]++] = outValues[t];
        heap.push(outValues[t], k, col);
      }
      keys[k] = outKeys;
      values[k] = outValues;
      length[k] = count;
      keys[i] = keys[j] = null;
      values[i] = values[j] = null;
      length[i] = length[j] = 0;
    }
    return new StructuredTree(children, distances);
  }

  /**
   * {@code linkage_tree(X, connectivity, "single")}: SciPy's {@code minimum_spanning_tree} of the
   * graph's edges (Kruskal over a stable sort by weight, edges in row-major order, a zero weight
   * counted as machine epsilon so that it stays an edge), read back row by row, then the merges
   * sorted stably by distance and labelled as {@code _single_linkage_label} does (pairs as found).
   */
  static StructuredTree single(double[][] X, Connectivity graph, String metric) {
    int n = X.length;
    Connectivity.Paired paired = new Connectivity.Paired(X, metric);
    int edges = 0;
    for (int i = 0; i < n; i++) {
      for (int j : graph.rows()[i]) {
        edges += j != i ? 1 : 0;
      }
    }
    int[] from = new int[edges];
    int[] to = new int[edges];
    double[] weight = new double[edges];
    int e = 0;
    for (int i = 0; i < n; i++) {
      for (int j : graph.rows()[i]) {
        if (j != i) {
          from[e] = i;
          to[e] = j;
          double dist = paired.distance(i, j);
          weight[e++] = dist == 0 ? Math.ulp(1.0) : dist;
        }
      }
    }
    Integer[] order = new Integer[edges];
    for (int t = 0; t < edges; t++) {
      order[t] = t;
    }
    Arrays.sort(order, (p, q) -> Double.compare(weight[p], weight[q]));  // stable
    boolean[] kept = new boolean[edges];
    int[] root = identity(n);
    for (int t = 0; t < edges; t++) {
      int a = find(root, from[order[t]]);
      int b = find(root, to[order[t]]);
      if (a != b) {
        root[a] = b;
        kept[order[t]] = true;
      }
    }
    double[][] Z = new double[n - 1][];
    int row = 0;
    for (int t = 0; t < edges; t++) {
      if (kept[t]) {
        double w = weight[t] == Math.ulp(1.0) ? 0.0 : weight[t];
        Z[row++] = new double[] {from[t], to[t], w, 0};
      }
    }
    double[][] tree = Hierarchy.sortAndLabel(Z, n, false);
    int[][] children = new int[n - 1][];
    double[] distances = new double[n - 1];
    for (int r = 0; r < n - 1; r++) {
      children[r] = new int[] {(int) tree[r][0], (int) tree[r][1]};
      distances[r] = tree[r][2];
    }
    return new StructuredTree(children, distances);
  }

  /**
   * The labels of scikit-learn's early-stopped tree ({@code hc_get_heads}): each sample's top node
   * among the first {@code nNodes}, numbered by increasing node id.
   */
  static int[] headLabels(int[][] children, int n, int nNodes) {
    int[] parent = identity(nNodes);
    for (int r = 0; r < children.length && n + r < nNodes; r++) {
      for (int child : children[r]) {
        if (child < nNodes) {
          parent[child] = n + r;
        }
      }
    }
    int[] heads = new int[n];
    for (int i = 0; i < n; i++) {
      int node = i;
      while (parent[node] != node) {
        node = parent[node];
      }
      heads[i] = node;
    }
    int[] unique = Arrays.stream(heads).sorted().distinct().toArray();
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = Arrays.binarySearch(unique, heads[i]);
    }
    return labels;
  }

  private static int[] identity(int size) {
    int[] a = new int[size];
    for (int i = 0; i < size; i++) {
      a[i] = i;
    }
    return a;
  }

  /** The top of x's chain of merges, shortening the chain on the way (union-find). */
  private static int find(int[] root, int x) {
    int top = x;
    while (root[top] != top) {
      top = root[top];
    }
    while (root[x] != top) {
      int up = root[x];
      root[x] = top;
      x = up;
    }
    return top;
  }

  /** Growable int lists, one per node: the neighbour lists of {@code ward_tree}. */
  private static final class Lists {
    final int[][] items;
    final int[] length;

    Lists(int nodes, int[][] rows) {
      items = new int[nodes][];
      length = new int[nodes];
      for (int i = 0; i < rows.length; i++) {
        set(i, rows[i]);
      }
    }

    void set(int node, int[] values) {
      items[node] = values;
      length[node] = values.length;
    }

    void append(int node, int value) {
      if (length[node] == items[node].length) {
        items[node] = Arrays.copyOf(items[node], 2 * length[node] + 4);
      }
      items[node][length[node]++] = value;
    }
  }
}
