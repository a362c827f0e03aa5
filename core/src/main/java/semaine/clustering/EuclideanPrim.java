package semaine.clustering;

import semaine.util.Parallel;

/**
 * {@link MutualReachability#primsTree} for the Euclidean metric, laid out for speed with the same
 * edges: the samples outside the tree are kept column by column (one array per feature, with
 * their core distances, reachabilities, sources and ids), a sample joining the tree is replaced by
 * the last outside one, and ties are broken by the lowest id instead of by position, which is the
 * original order's answer (the first sample with the smallest reachability). Each step's relaxation
 * runs one lane per sample with the Vector API when present ({@link VectorDistanceKernels#relax}),
 * the same operations per lane as the scalar loop here: sqrt((0 + g₀²) + g₁² + ...) / alpha, then
 * max with both core distances, so the same bits.
 */
final class EuclideanPrim {

  /** Outside samples per task when a step is shared between cores. */
  private static final int BLOCK = 8192;

  private final int d;
  private final double alpha;
  private final double[][] columns;  // (d, m): the outside samples' coordinates
  private final double[] core;
  private final double[] reach;
  private final int[] source;
  private final int[] id;

  private EuclideanPrim(double[][] X, double[] coreDistances, double alpha) {
    int n = X.length;
    d = X[0].length;
    this.alpha = alpha;
    columns = new double[d][n - 1];
    core = new double[n - 1];
    reach = new double[n - 1];
    source = new int[n - 1];
    id = new int[n - 1];
    for (int p = 0; p < n - 1; p++) {
      for (int f = 0; f < d; f++) {
        columns[f][p] = X[p + 1][f];
      }
      core[p] = coreDistances[p + 1];
      reach[p] = Double.POSITIVE_INFINITY;
      source[p] = 1;
      id[p] = p + 1;
    }
  }

  /** The edges (source, sample, reachability, 0) in the order Prim adds the samples. */
  static double[][] edges(double[][] X, double[] coreDistances, double alpha) {
    return new EuclideanPrim(X, coreDistances, alpha).run(X, coreDistances);
  }

  private double[][] run(double[][] X, double[] coreDistances) {
    int n = X.length;
    double[][] edges = new double[n - 1][];
    int current = 0;
    for (int i = 0; i < n - 1; i++) {
      int m = n - 1 - i;
      double[] a = X[current];
      double coreCur = coreDistances[current];
      int cur = current;
      int pos;
      if (m < 2 * BLOCK) {
        pos = relaxAndFind(a, coreCur, cur, 0, m);
      } else {
        int blocks = (m + BLOCK - 1) / BLOCK;
        int[] best = new int[blocks];
        Parallel.forRange(blocks, 1, (from, to) -> {
          for (int b = from; b < to; b++) {
            best[b] = relaxAndFind(a, coreCur, cur, b * BLOCK, Math.min(m, (b + 1) * BLOCK));
          }
        });
        pos = best[0];
        for (int b = 1; b < blocks; b++) {
          pos = better(best[b], pos) ? best[b] : pos;
        }
      }
      int next = id[pos];
      edges[i] = new double[] {source[pos], next, reach[pos], 0};
      remove(pos, m - 1);
      current = next;
    }
    return edges;
  }

  /** Relaxes positions [lo, hi) from the sample just added; the position of the smallest. */
  private int relaxAndFind(double[] a, double coreCur, int cur, int lo, int hi) {
    int from = lo;
    if (DistanceKernels.VECTOR) {
      from = VectorDistanceKernels.relax(columns, a, coreCur, alpha, core, reach, source, cur,
          lo, hi);
    }
    for (int p = from; p < hi; p++) {
      double s = 0.0;
      for (int f = 0; f < d; f++) {
        double gap = a[f] - columns[f][p];
        s += gap * gap;
      }
      double r = Math.max(Math.max(coreCur, core[p]), Math.sqrt(s) / alpha);
      if (r < reach[p]) {
        reach[p] = r;
        source[p] = cur;
      }
    }
    int pos = lo;
    for (int p = lo + 1; p < hi; p++) {
      pos = better(p, pos) ? p : pos;
    }
    return pos;
  }

  /** Smaller reachability, then lower id. */
  private boolean better(int p, int q) {
    return reach[p] < reach[q] || reach[p] == reach[q] && id[p] < id[q];
  }

  private void remove(int pos, int last) {
    for (int f = 0; f < d; f++) {
      columns[f][pos] = columns[f][last];
    }
    core[pos] = core[last];
    reach[pos] = reach[last];
    source[pos] = source[last];
    id[pos] = id[last];
  }
}
