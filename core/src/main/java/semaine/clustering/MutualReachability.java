package semaine.clustering;

import java.util.Arrays;
import java.util.function.IntBinaryOperator;
import semaine.util.Parallel;

/**
 * HDBSCAN's single-linkage tree: the minimum spanning tree of the mutual reachability graph,
 * sorted by weight and numbered as a SciPy hierarchy (rows: left, right, distance, size).
 *
 * <p>The core distance of a sample is the distance to its {@code min_samples}-th nearest sample,
 * itself included (so min_samples = 1 gives 0); the mutual reachability of two samples is
 * {@code max(core(a), core(b), d(a, b) / alpha)}. Two constructions, as scikit-learn builds them:
 * <ul>
 *   <li>Prim over the data ({@code mst_from_data_matrix}, algorithms kd_tree and ball_tree): core
 *       distances from a k-nearest-neighbour query, not divided by alpha; exact metric distances;
 *       from sample 0, each step takes the outside sample with the smallest reachability to the
 *       tree (the lowest index on ties) and records the tree sample it was reached from.</li>
 *   <li>Prim over the whole mutual reachability matrix ({@code mst_from_mutual_reachability},
 *       algorithm brute and precomputed distances): distances divided by alpha, core distances
 *       taken from them; each step records the sample added just before, not the one the new
 *       sample was reached from (same weights, a different tree for the linkage).</li>
 * </ul>
 * The edges are then sorted by weight (stably: scikit-learn's quicksort may order equal weights
 * otherwise) and merged with a union-find ({@code make_single_linkage}).
 */
final class MutualReachability {

  /** Outside samples per task when a Prim step is shared between cores. */
  private static final int BLOCK = 4096;

  private MutualReachability() {}

  /**
   * The single-linkage tree by Prim over the data (scikit-learn's {@code _hdbscan_prims}).
   *
   * @param X the finite samples, shape (n, d), n >= 2
   * @param metric the metric of distances and core distances
   * @param coreDistances (n,) each sample's core distance
   * @param alpha the distance scale
   */
  static double[][] primsTree(double[][] X, PairwiseMetric metric, double[] coreDistances,
      double alpha) {
    if (metric.name().equals("euclidean")) {
      return Hierarchy.sortAndLabel(EuclideanPrim.edges(X, coreDistances, alpha), X.length, false);
    }
    return primsTree(X, metric, coreDistances, alpha, BLOCK);
  }

  /** {@link #primsTree} with Prim's steps shared between cores by blocks of {@code block}. */
  static double[][] primsTree(double[][] X, PairwiseMetric metric, double[] coreDistances,
      double alpha, int block) {
    int[] source = new int[X.length];
    Arrays.fill(source, 1);
    return prim(X.length, (minReach, cur, rest, from, to) -> {
      double[] a = X[cur];
      double coreCur = coreDistances[cur];
      for (int r = from; r < to; r++) {
        int j = rest[r];
        double reach = Math.max(Math.max(coreCur, coreDistances[j]),
            distance(metric, a, X[j]) / alpha);
        if (reach < minReach[j]) {
          minReach[j] = reach;
          source[j] = cur;
        }
      }
    }, (cur, next) -> source[next], block);
  }

  /**
   * The single-linkage tree by Prim over the mutual reachability matrix (scikit-learn's
   * {@code _hdbscan_brute}).
   *
   * @param D the distances, shape (n, n), already divided by alpha; the core distances are the
   *     {@code minSamples}-th smallest of each row
   * @param minSamples the neighbour, counted from 1, whose distance is the core distance
   */
  static double[][] bruteTree(double[][] D, int minSamples) {
    int n = D.length;
    double[] core = new double[n];
    Parallel.forRange(n, 64, (from, to) -> {
      for (int i = from; i < to; i++) {
        double[] row = D[i].clone();
        Arrays.sort(row);
        core[i] = row[minSamples - 1];
      }
    });
    return prim(n, (minReach, cur, rest, from, to) -> {
      double[] row = D[cur];
      for (int r = from; r < to; r++) {
        int j = rest[r];
        minReach[j] = Math.min(minReach[j], Math.max(Math.max(core[cur], core[j]), row[j]));
      }
    }, (cur, next) -> cur, BLOCK);
  }

  /** One Prim step's update of the outside samples rest[from..to) from the sample just added. */
  @FunctionalInterface
  private interface Relax {
    void run(double[] minReach, int current, int[] rest, int from, int to);
  }

  /**
   * Prim from sample 0: each step relaxes the outside samples from the one just added, takes the
   * smallest reachability (the first on ties) and records the edge (source(current, next), next,
   * reachability); the edges, merged, give the single-linkage tree.
   */
  private static double[][] prim(int n, Relax relax, IntBinaryOperator source, int block) {
    double[] minReach = new double[n];
    Arrays.fill(minReach, Double.POSITIVE_INFINITY);
    int[] rest = new int[n - 1];  // the samples outside the tree, ascending
    for (int j = 1; j < n; j++) {
      rest[j - 1] = j;
    }
    double[][] edges = new double[n - 1][];
    int current = 0;
    for (int i = 0; i < n - 1; i++) {
      int m = n - 1 - i;
      int cur = current;
      int pos = argmin(m, rest, minReach, block,
          (from, to) -> relax.run(minReach, cur, rest, from, to));
      int next = rest[pos];
      edges[i] = new double[] {source.applyAsInt(cur, next), next, minReach[next], 0};
      System.arraycopy(rest, pos + 1, rest, pos, m - pos - 1);
      current = next;
    }
    return Hierarchy.sortAndLabel(edges, n, false);
  }

  /**
   * Runs one Prim step's update over the first m outside samples ({@code update} on ranges of
   * {@code rest}, in parallel for large m), then returns the position in {@code rest} of the
   * smallest reachability, the first on ties (scikit-learn's strict comparison in index order).
   */
  private static int argmin(int m, int[] rest, double[] minReach, int block,
      Parallel.RangeBody update) {
    if (m < 2 * block) {
      update.run(0, m);
      return first(rest, minReach, 0, m);
    }
    int blocks = (m + block - 1) / block;
    int[] best = new int[blocks];
    Parallel.forRange(blocks, 1, (from, to) -> {
      for (int b = from; b < to; b++) {
        int lo = b * block;
        int hi = Math.min(m, lo + block);
        update.run(lo, hi);
        best[b] = first(rest, minReach, lo, hi);
      }
    });
    int pos = best[0];
    for (int b = 1; b < blocks; b++) {
      if (minReach[rest[best[b]]] < minReach[rest[pos]]) {
        pos = best[b];
      }
    }
    return pos;
  }

  /** The first position in rest[lo..hi) of the smallest reachability. */
  private static int first(int[] rest, double[] minReach, int lo, int hi) {
    int pos = lo;
    for (int r = lo + 1; r < hi; r++) {
      if (minReach[rest[r]] < minReach[rest[pos]]) {
        pos = r;
      }
    }
    return pos;
  }

  /** The exact metric distance (scikit-learn's {@code DistanceMetric.dist}), summed in order. */
  static double distance(PairwiseMetric metric, double[] a, double[] b) {
    if (metric.name().equals("euclidean")) {
      double s = 0.0;
      for (int f = 0; f < a.length; f++) {
        double gap = a[f] - b[f];
        s += gap * gap;
      }
      return Math.sqrt(s);
    }
    return metric.toDistance(metric.reduced(a, b));
  }
}
