package semaine.clustering;

import java.util.Arrays;
import java.util.Comparator;
import semaine.util.Checks;

/**
 * Hierarchical clustering as SciPy's {@code scipy.cluster.hierarchy} does it: {@link #linkage}
 * builds the linkage matrix, {@link #fcluster} cuts it into flat clusters.
 *
 * <p>A linkage matrix Z has n − 1 rows {@code [a, b, distance, size]}: row r merges clusters a < b
 * (ids below n are samples, id n + r is the cluster row r creates) at that distance into a
 * cluster of that many samples, rows by increasing distance.
 *
 * <p>Same matrices as SciPy 1.17, ties included: "single" is Prim's minimum spanning tree
 * ({@code mst_single_linkage}) from sample 0, where the first of equally near samples is taken;
 * "complete", "average", "weighted" and "ward" follow the nearest-neighbour chain
 * ({@code nn_chain}), where the previous link of the chain wins a tie, then the lowest index, and
 * the merged cluster takes the higher slot; both then sort the merges stably by distance and
 * renumber them with a union-find ({@code label}). Distances are SciPy's {@code pdist} bits
 * ({@link CondensedDistances}) and the Lance–Williams updates are written as SciPy writes them.
 *
 * <p>Ward's linkage of {@value #WARD_CENTROIDS_DEFAULT} observations or more runs the same chain
 * over the clusters' centroids and sizes instead ({@link WardChain}): O(n·d) memory rather than
 * n(n − 1)/2 distances, and contiguous scans. Its distances are the same up to rounding (within
 * 1e-12 relative), so the same tree whenever no two candidate merges are equal to the last bits;
 * where two are (duplicates, integer grids) the fit goes back to the matrix, whose rounding
 * decides ties as SciPy's does, up to {@value #WARD_MATRIX_MAX} observations; beyond, such ties
 * fall as the centroids' rounding says. The system property {@code semaine.wardCentroidsFrom}
 * moves the threshold.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * double[][] Z = Hierarchy.linkage(X, "ward", "euclidean");  // Z = linkage(X, 'ward')
 * int[] T = Hierarchy.fcluster(Z, 3, "maxclust");            // fcluster(Z, 3, 'maxclust')
 * }</pre>
 */
public final class Hierarchy {

  private Hierarchy() {}

  /**
   * {@code scipy.cluster.hierarchy.linkage(X, method, metric)} of observations X.
   *
   * @param X observations, shape (n, d), finite, n >= 2
   * @param method "single", "complete", "average", "weighted" or "ward"
   * @param metric "euclidean", "cityblock", "chebyshev" or "cosine" (ward: euclidean only)
   * @return the linkage matrix, shape (n − 1, 4)
   * @throws IllegalArgumentException for an unknown method or metric, ward with another metric,
   *     bad X or a non-finite distance
   */
  public static double[][] linkage(double[][] X, String method, String metric) {
    checkMethod(method);
    Checks.checkMatrix("X", X);
    if (method.equals("ward") && !"euclidean".equals(metric)) {
      throw new IllegalArgumentException("`method=ward` requires the distance metric to be"
          + " Euclidean: metric (\"" + metric + "\") must be \"euclidean\"");
    }
    checkSamples(X.length);
    if (method.equals("ward") && X.length >= WARD_CENTROIDS_FROM) {
      return wardOfCentroids(X);
    }
    return linkage(CondensedDistances.pdist(X, metric), X.length, method);
  }

  /** The default of {@link #WARD_CENTROIDS_FROM}: below, the matrix costs at most 4 MB. */
  static final int WARD_CENTROIDS_DEFAULT = 1000;

  /**
   * From this many observations Ward's linkage runs over centroids ({@link WardChain}), without
   * the n(n − 1)/2 distances; below, over SciPy's matrix, which matches its bits.
   */
  static final int WARD_CENTROIDS_FROM =
      Integer.getInteger("semaine.wardCentroidsFrom", WARD_CENTROIDS_DEFAULT);

  /**
   * Ward's linkage of checked, finite observations X (n >= 2) over their centroids; when two
   * merges tie to rounding, over SciPy's matrix instead if it fits in {@value #WARD_MATRIX_MAX}
   * observations (1 GB), so that ties fall as SciPy's fall.
   */
  static double[][] wardOfCentroids(double[][] X) {
    int n = X.length;
    double[][] Z = WardChain.merges(X);
    if (Z == null && n <= WARD_MATRIX_MAX) {
      return linkage(CondensedDistances.pdist(X, "euclidean"), n, "ward");
    }
    return sortAndLabel(Z != null ? Z : WardChain.merges(X, false), n, true);
  }

  /** The most observations for which tied Ward merges go back to the distance matrix. */
  static final int WARD_MATRIX_MAX = 16_384;

  /**
   * {@code linkage(y, method)} of a condensed distance matrix y over n samples (what
   * {@code pdist} returns), length n(n − 1)/2, finite.
   */
  public static double[][] linkage(double[] y, String method) {
    checkMethod(method);
    Checks.checkVector("y", y);
    long n = Math.round((1 + Math.sqrt(1 + 8.0 * y.length)) / 2);
    Checks.checkArgument(n * (n - 1) / 2 == y.length, "y has " + y.length + " values: a condensed"
        + " distance matrix has n(n - 1)/2 for some n");
    return linkage(y.clone(), (int) n, method);
  }

  /** The linkage of condensed distances D (overwritten) over n samples. */
  static double[][] linkage(double[] D, int n, String method) {
    double[][] Z = method.equals("single") ? primSingle(D, n) : nnChain(D, n, method);
    return sortAndLabel(Z, n, true);
  }

  /**
   * {@code fcluster(Z, t, criterion)}: flat clusters numbered from 1, in SciPy's order (a
   * depth-first walk from the root, left child first). "distance": every cluster whose largest
   * merge distance is {@code <= t}; "maxclust": the lowest such threshold giving at most t
   * clusters.
   *
   * @param Z a linkage matrix, shape (n − 1, 4)
   * @param criterion "distance" or "maxclust"
   */
  public static int[] fcluster(double[][] Z, double t, String criterion) {
    Checks.checkMatrix("Z", Z);
    Checks.checkArgument(Z[0].length == 4, "Z must have 4 columns, not " + Z[0].length);
    return switch (criterion) {
      case "distance" -> FlatClusters.byDistance(Z, t);
      case "maxclust" -> FlatClusters.maxclust(Z, (int) t);
      default -> throw new IllegalArgumentException("criterion (\"" + criterion + "\") must be"
          + " \"distance\" or \"maxclust\"");
    };
  }

  private static void checkMethod(String method) {
    if (method == null || !Arrays.asList("single", "complete", "average", "weighted", "ward")
        .contains(method)) {
      throw new IllegalArgumentException("method (" + method + ") must be one of \"single\","
          + " \"complete\", \"average\", \"weighted\" or \"ward\"");
    }
  }

  static void checkSamples(int n) {
    Checks.checkArgument(n >= 2, "X has " + n + " sample: hierarchical clustering needs at least"
        + " 2");
  }

  /**
   * {@code mst_single_linkage}: Prim's tree from sample 0. Each step relaxes the distances to
   * the newest sample and records (newest, nearest outside, distance), the nearest being the first
   * index with the strictly smallest distance.
   */
  static double[][] primSingle(double[] D, int n) {
    double[][] Z = new double[n - 1][4];
    boolean[] merged = new boolean[n];
    double[] nearest = new double[n];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    int x = 0;
    for (int k = 0; k < n - 1; k++) {
      merged[x] = true;
      double best = Double.POSITIVE_INFINITY;
      int y = 0;
      for (int i = 0; i < n; i++) {
        if (merged[i]) {
          continue;
        }
        double dist = D[(int) CondensedDistances.index(n, x, i)];
        if (nearest[i] > dist) {
          nearest[i] = dist;
        }
        if (nearest[i] < best) {
          y = i;
          best = nearest[i];
        }
      }
      Z[k][0] = x;
      Z[k][1] = y;
      Z[k][2] = best;
      x = y;
    }
    return Z;
  }

  /**
   * {@code nn_chain}: follows nearest neighbours from the lowest live cluster until two clusters
   * are each other's nearest, merges them into the higher slot and updates its distances by the
   * method's Lance–Williams formula.
   */
  private static double[][] nnChain(double[] D, int n, String method) {
    double[][] Z = new double[n - 1][4];
    int[] size = new int[n];
    Arrays.fill(size, 1);
    int[] chain = new int[n];
    int length = 0;
    int y = 0;
    for (int k = 0; k < n - 1; k++) {
      if (length == 0) {
        length = 1;
        for (int i = 0; i < n; i++) {
          if (size[i] > 0) {
            chain[0] = i;
            break;
          }
        }
      }
      int x;
      double currentMin;
      while (true) {
        x = chain[length - 1];
        // the previous link wins ties, so the chain cannot cycle
        if (length > 1) {
          y = chain[length - 2];
          currentMin = D[(int) CondensedDistances.index(n, x, y)];
        } else {
          currentMin = Double.POSITIVE_INFINITY;
        }
        // row x of the matrix: pairs (i, x) for i < x step through the rows, (x, i) are contiguous
        long at = x - 1;
        for (int i = 0; i < x; i++) {
          if (size[i] != 0 && D[(int) at] < currentMin) {
            currentMin = D[(int) at];
            y = i;
          }
          at += n - i - 2;
        }
        long rowStart = (long) n * x - (long) x * (x + 1) / 2 - x - 1;
        for (int i = x + 1; i < n; i++) {
          if (size[i] != 0 && D[(int) (rowStart + i)] < currentMin) {
            currentMin = D[(int) (rowStart + i)];
            y = i;
          }
        }
        if (length > 1 && y == chain[length - 2]) {
          break;
        }
        chain[length++] = y;
      }
      length -= 2;
      if (x > y) {
        int t = x;
        x = y;
        y = t;
      }
      int nx = size[x];
      int ny = size[y];
      Z[k][0] = x;
      Z[k][1] = y;
      Z[k][2] = currentMin;
      Z[k][3] = nx + ny;
      size[x] = 0;
      size[y] = nx + ny;
      int rule = updateRule(method);
      for (int i = 0; i < n; i++) {
        int ni = size[i];
        if (ni == 0 || i == y) {
          continue;
        }
        int iy = (int) CondensedDistances.index(n, i, y);
        D[iy] = update(rule, D[(int) CondensedDistances.index(n, i, x)], D[iy], currentMin,
            nx, ny, ni);
      }
    }
    return Z;
  }

  private static final int COMPLETE = 0;
  private static final int AVERAGE = 1;
  private static final int WEIGHTED = 2;
  private static final int WARD = 3;

  /** The Lance–Williams rule of a method, decided once per merge rather than once per distance. */
  private static int updateRule(String method) {
    return switch (method) {
      case "complete" -> COMPLETE;
      case "average" -> AVERAGE;
      case "weighted" -> WEIGHTED;
      default -> WARD;
    };
  }

  /** The distance from cluster i to x ∪ y ({@code _hierarchy_distance_update.pxi}). */
  private static double update(int rule, double dxi, double dyi, double dxy, int nx, int ny,
      int ni) {
    return switch (rule) {
      case COMPLETE -> Math.max(dxi, dyi);
      case AVERAGE -> (nx * dxi + ny * dyi) / (nx + ny);
      case WEIGHTED -> 0.5 * (dxi + dyi);
      default -> {
        double t = 1.0 / (nx + ny + ni);  // ward
        yield Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
      }
    };
  }

  /**
   * Sorts the merges stably by distance and renames their clusters with a union-find: each merge
   * joins the current roots of its two members and creates id n, n + 1, ... in row order. With
   * {@code ordered} the pair is written (smaller, larger) as SciPy's {@code label} does;
   * otherwise as found, as scikit-learn's {@code _single_linkage_label} does.
   */
  static double[][] sortAndLabel(double[][] Z, int n, boolean ordered) {
    double[][] sorted = Z.clone();
    Arrays.sort(sorted, Comparator.comparingDouble(row -> row[2]));  // stable, as mergesort
    int[] parent = new int[2 * n - 1];
    int[] size = new int[2 * n - 1];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
      size[i] = 1;
    }
    for (int r = 0; r < n - 1; r++) {
      int a = find(parent, (int) sorted[r][0]);
      int b = find(parent, (int) sorted[r][1]);
      int next = n + r;
      boolean swap = ordered && a > b;
      sorted[r][0] = swap ? b : a;
      sorted[r][1] = swap ? a : b;
      parent[a] = next;
      parent[b] = next;
      size[next] = size[a] + size[b];
      sorted[r][3] = size[next];
    }
    return sorted;
  }

  private static int find(int[] parent, int x) {
    int root = x;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[x] != root) {
      int up = parent[x];
      parent[x] = root;
      x = up;
    }
    return root;
  }
}
