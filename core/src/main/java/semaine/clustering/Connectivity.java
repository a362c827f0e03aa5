package semaine.clustering;

import java.util.Arrays;

/**
 * A connectivity graph made ready for scikit-learn's structured trees
 * ({@code _fix_connectivity}): the graph C becomes C + Cᵀ (symmetric), its rows sorted as a LIL
 * matrix keeps them, and when it has several connected components it is completed, as
 * scikit-learn completes it with a warning: for every pair of components the closest pair of
 * samples (the first minimum, row by row) gets an edge both ways ({@link #warning()} says so).
 *
 * @param rows row i: the samples connected to sample i, ascending (i itself when C[i, i] ≠ 0)
 * @param nComponents the number of connected components before the completion
 */
record Connectivity(int[][] rows, int nComponents) {

  /**
   * The symmetric, completed graph.
   *
   * @param graph row i lists the samples j with C[i, j] ≠ 0 (any order, repeats allowed)
   * @param X the samples (or, for "precomputed", the distance matrix), one row per node
   * @param metric how the completion measures distances: "euclidean", "manhattan", "cosine" or
   *     "precomputed"
   * @throws IllegalArgumentException when the graph has not one row per sample or names a sample
   *     that does not exist
   */
  static Connectivity of(int[][] graph, double[][] X, String metric) {
    int n = X.length;
    if (graph.length != n) {
      throw new IllegalArgumentException("Wrong shape for connectivity matrix: (" + graph.length
          + ", " + graph.length + ") when X has " + n + " samples");
    }
    int[] count = new int[n];
    for (int i = 0; i < n; i++) {
      if (graph[i] == null) {
        throw new IllegalArgumentException("connectivity row " + i + " is null");
      }
      for (int j : graph[i]) {
        if (j < 0 || j >= n) {
          throw new IllegalArgumentException("connectivity row " + i + " names sample " + j
              + ", outside [0, " + n + ")");
        }
        count[i]++;
        count[j]++;
      }
    }
    int[][] rows = new int[n][];
    int[] fill = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = new int[count[i]];
    }
    for (int i = 0; i < n; i++) {
      for (int j : graph[i]) {
        rows[i][fill[i]++] = j;
        rows[j][fill[j]++] = i;
      }
    }
    for (int i = 0; i < n; i++) {
      rows[i] = Arrays.stream(rows[i]).sorted().distinct().toArray();
    }
    int[] labels = new int[n];
    int nComponents = components(rows, labels);
    if (nComponents > 1) {
      complete(rows, labels, nComponents, X, metric);
    }
    return new Connectivity(rows, nComponents);
  }

  /** scikit-learn's warning for a graph of several components, null for a connected one. */
  String warning() {
    return nComponents == 1 ? null : "the number of connected components of the connectivity"
        + " matrix is " + nComponents + " > 1. Completing it to avoid stopping the tree early.";
  }

  /**
   * SciPy's {@code connected_components}: a search from each sample not yet reached, in index
   * order, so component 0 holds sample 0.
   */
  private static int components(int[][] rows, int[] labels) {
    Arrays.fill(labels, -1);
    int[] stack = new int[rows.length];
    int label = 0;
    for (int start = 0; start < rows.length; start++) {
      if (labels[start] >= 0) {
        continue;
      }
      int top = 0;
      stack[top++] = start;
      labels[start] = label;
      while (top > 0) {
        int v = stack[--top];
        for (int w : rows[v]) {
          if (labels[w] < 0) {
            labels[w] = label;
            stack[top++] = w;
          }
        }
      }
      label++;
    }
    return label;
  }

  /** {@code _fix_connected_components}: component i to each j < i by its closest pair. */
  private static void complete(int[][] rows, int[] labels, int nComponents, double[][] X,
      String metric) {
    int[][] members = new int[nComponents][];
    int[] size = new int[nComponents];
    for (int label : labels) {
      size[label]++;
    }
    for (int c = 0; c < nComponents; c++) {
      members[c] = new int[size[c]];
      size[c] = 0;
    }
    for (int s = 0; s < labels.length; s++) {
      members[labels[s]][size[labels[s]]++] = s;
    }
    for (int i = 0; i < nComponents; i++) {
      for (int j = 0; j < i; j++) {
        int bestA = -1;
        int bestB = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int a : members[i]) {
          for (int b : members[j]) {
            double d = distance(X, a, b, metric);
            if (d < best || bestA < 0) {
              best = d;
              bestA = a;
              bestB = b;
            }
          }
        }
        rows[bestA] = insert(rows[bestA], bestB);
        rows[bestB] = insert(rows[bestB], bestA);
      }
    }
  }

  /** The distance {@code pairwise_distances} gives between samples a and b. */
  private static double distance(double[][] X, int a, int b, String metric) {
    return switch (metric) {
      case "precomputed" -> X[a][b];
      case "manhattan", "l1", "cityblock" -> {
        double s = 0;
        for (int f = 0; f < X[a].length; f++) {
          s += Math.abs(X[a][f] - X[b][f]);
        }
        yield s;
      }
      case "cosine" -> 1.0 - Paired.dot(X[a], X[b]) / Math.sqrt(Paired.dot(X[a], X[a]))
          / Math.sqrt(Paired.dot(X[b], X[b]));
      default -> PairwiseMetric.dotEuclidean(X[a], X[b]);
    };
  }

  private static int[] insert(int[] row, int j) {
    int at = Arrays.binarySearch(row, j);
    if (at >= 0) {
      return row;
    }
    int pos = -at - 1;
    int[] out = new int[row.length + 1];
    System.arraycopy(row, 0, out, 0, pos);
    out[pos] = j;
    System.arraycopy(row, pos, out, pos + 1, row.length - pos);
    return out;
  }

  /**
   * {@code paired_distances(X[row], X[col], metric)}: the distance of each pair of samples, as
   * scikit-learn computes it for the edges of the graph.
   */
  static final class Paired {

    private final double[][] X;
    private final String metric;
    private final double[] norms;

    Paired(double[][] X, String metric) {
      this.X = X;
      this.metric = metric;
      if (metric.equals("cosine")) {
        norms = new double[X.length];
        for (int i = 0; i < X.length; i++) {
          norms[i] = Math.sqrt(dot(X[i], X[i]));
          if (norms[i] == 0) {
            norms[i] = 1;
          }
        }
      } else {
        norms = null;
      }
    }

    /**
     * Euclidean: sqrt(Σ (a − b)²); Manhattan: Σ |a − b|; cosine: half the squared Euclidean
     * distance of the unit vectors; precomputed: X[a][b].
     */
    double distance(int a, int b) {
      double[] x = X[a];
      double s = 0;
      switch (metric) {
        case "precomputed" -> s = x[b];
        case "manhattan", "l1", "cityblock" -> {
          for (int f = 0; f < x.length; f++) {
            s += Math.abs(x[f] - X[b][f]);
          }
        }
        case "cosine" -> {
          for (int f = 0; f < x.length; f++) {
            double gap = x[f] / norms[a] - X[b][f] / norms[b];
            s += gap * gap;
          }
          s = 0.5 * s;
        }
        default -> {
          for (int f = 0; f < x.length; f++) {
            double gap = x[f] - X[b][f];
            s += gap * gap;
          }
          s = Math.sqrt(s);
        }
      }
      return s;
    }

    static double dot(double[] a, double[] b) {
      double s = 0;
      for (int f = 0; f < a.length; f++) {
        s += a[f] * b[f];
      }
      return s;
    }
  }
}
