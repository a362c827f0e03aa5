package semaine.clustering;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Ward's linkage of Euclidean observations by the nearest-neighbour chain over the clusters'
 * centroids and sizes, with no distance matrix (fastcluster's {@code linkage_vector}): memory
 * O(n·d) instead of SciPy's n(n − 1)/2 distances.
 *
 * <p>The Ward distance of clusters A and B is a closed form of their sizes and centroids,
 * d(A, B)² = 2·|A|·|B| / (|A| + |B|) · ‖c_A − c_B‖², which is what SciPy's Lance–Williams
 * recurrence computes from the pairwise distances; the two differ only in the last bits. The
 * chain follows SciPy's {@code nn_chain} exactly: it starts from the lowest live cluster, the
 * previous link wins a tie, then the lowest index, and the merged cluster takes the higher slot.
 * Each step scans the live centroids, stored column by column so that the scan reads contiguous
 * memory ({@link DistanceKernels#nearestWard}, vectorised when the Vector API is present).
 *
 * <p>Dead clusters stay in place with +∞ as first coordinate (their distance is +∞, never
 * nearest) until they are an eighth of the columns; then the live ones are packed, in slot
 * order, so a scan still meets the clusters by increasing index.
 */
final class WardChain {

  /** Columns from which a scan is split across two threads. */
  private static final int PARALLEL_FROM = Integer.getInteger("semaine.wardParallelFrom", 8192);

  /**
   * Relative gap under which two candidate merges count as tied: the centroid distances and
   * SciPy's Lance–Williams ones differ by far less (about 1e-15), so above it both choose alike.
   */
  static final double TIE = 1e-11;

  private final int d;
  /** Centroids column-major: coordinate f of the cluster at position p is cols[f·stride + p]. */
  private final double[] cols;
  private final int stride;
  /** Cluster sizes by position, as doubles for the scan. */
  private final double[] sizes;
  /** The slot (SciPy's cluster index) at each position, increasing, and back. */
  private final int[] slotAt;
  private final int[] posOf;
  private int used;
  private int dead;
  /** Whether a tie to rounding stops the chain (null result). */
  private final boolean ties;

  private WardChain(double[][] X, boolean ties) {
    this.ties = ties;
    int n = X.length;
    d = X[0].length;
    stride = n;
    cols = new double[d * n];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < d; f++) {
        cols[f * stride + i] = X[i][f];
      }
    }
    sizes = new double[n];
    Arrays.fill(sizes, 1.0);
    slotAt = new int[n];
    posOf = new int[n];
    for (int i = 0; i < n; i++) {
      slotAt[i] = i;
      posOf[i] = i;
    }
    used = n;
  }

  /**
   * The unsorted merges {@code [x, y, distance, size]} (x < y slots, as {@code nn_chain} writes
   * them) of Ward's linkage of the finite observations X, n >= 2; or null when two candidate
   * merges of a chain step, or two merge distances, are equal within {@link #TIE} (duplicates,
   * integer grids), where SciPy's rounding decides which comes first.
   *
   * @throws IllegalArgumentException if a distance overflows
   */
  static double[][] merges(double[][] X) {
    return new WardChain(X, true).run();
  }

  /** {@link #merges(double[][])}, with {@code ties} false taking tied merges as they come. */
  static double[][] merges(double[][] X, boolean ties) {
    return new WardChain(X, ties).run();
  }

  private double[][] run() {
    int n = slotAt.length;
    double[][] Z = new double[n - 1][];
    boolean[] alive = new boolean[n];
    Arrays.fill(alive, true);
    int lowest = 0;
    int[] chain = new int[n];
    int length = 0;
    double[] cx = new double[d];
    double[] best = new double[2];
    for (int k = 0; k < n - 1; k++) {
      if (length == 0) {
        while (!alive[lowest]) {
          lowest++;
        }
        chain[length++] = lowest;
      }
      int x;
      int y;
      while (true) {
        x = chain[length - 1];
        int px = posOf[x];
        for (int f = 0; f < d; f++) {
          cx[f] = cols[f * stride + px];
        }
        double nx = sizes[px];
        int py = -1;
        best[1] = Double.POSITIVE_INFINITY;
        if (length > 1) {  // the previous link wins ties, so the chain cannot cycle
          y = chain[length - 2];
          py = posOf[y];
          best[0] = DistanceKernels.wardScalar(cols, stride, d, sizes, cx, nx, py);
        } else {
          y = -1;
          best[0] = Double.POSITIVE_INFINITY;
        }
        // x is not its own neighbour, and the previous link is already the bound
        cols[px] = Double.POSITIVE_INFINITY;
        double py0 = py < 0 ? 0.0 : cols[py];
        if (py >= 0) {
          cols[py] = Double.POSITIVE_INFINITY;
        }
        int found = nearest(cx, nx, best);
        cols[px] = cx[0];
        if (py >= 0) {
          cols[py] = py0;
        }
        if (ties && best[1] - best[0] <= TIE * best[0]) {
          return null;  // two candidates within rounding: SciPy's matrix may choose the other
        }
        if (found >= 0) {
          y = slotAt[found];
        }
        if (y < 0 || !Double.isFinite(best[0])) {
          throw new IllegalArgumentException("the Ward distance from cluster " + x + " is "
              + best[0] + ": the observations are too large for finite distances");
        }
        if (length > 1 && y == chain[length - 2]) {
          break;
        }
        chain[length++] = y;
      }
      length -= 2;
      double distance = Math.sqrt(2.0 * best[0]);
      Z[k] = merge(Math.min(x, y), Math.max(x, y), distance);
      alive[Math.min(x, y)] = false;
    }
    return ties && tiedDistances(Z) ? null : Z;
  }

  /** True when two merge distances are equal within {@link #TIE}. */
  private static boolean tiedDistances(double[][] Z) {
    int n = Z.length + 1;
    double[] distances = new double[n - 1];
    for (int k = 0; k < n - 1; k++) {
      distances[k] = Z[k][2];
    }
    Arrays.sort(distances);
    for (int k = 1; k < n - 1; k++) {
      if (distances[k] - distances[k - 1] <= TIE * distances[k]) {
        return true;  // two merges within rounding: their order is SciPy's rounding's
      }
    }
    return false;
  }

  /**
   * The position of the nearest cluster to (cx, nx) strictly below best[0], or −1. From
   * {@link #PARALLEL_FROM} live columns the right half is scanned on the common pool while this
   * thread scans the left half; the left one wins equal distances, as one scan in order would.
   */
  private int nearest(double[] cx, double nx, double[] best) {
    int end = used;
    if (end < PARALLEL_FROM) {
      return DistanceKernels.nearestWard(cols, stride, d, sizes, cx, nx, 0, end, best);
    }
    int mid = end / 2 & ~7;
    double[] rightBest = best.clone();
    ForkJoinTask<Integer> right = ForkJoinPool.commonPool().submit(
        () -> DistanceKernels.nearestWard(cols, stride, d, sizes, cx, nx, mid, end, rightBest));
    int left = DistanceKernels.nearestWard(cols, stride, d, sizes, cx, nx, 0, mid, best);
    int found = right.join();
    if (found >= 0 && rightBest[0] < best[0]) {
      best[1] = Math.min(rightBest[1], best[0]);
      best[0] = rightBest[0];
      return found;
    }
    best[1] = Math.min(best[1], found >= 0 ? rightBest[0] : rightBest[1]);
    return left;
  }

  /** Merges slot x into slot y (x < y): y takes the size-weighted centroid, x dies. */
  private double[] merge(int x, int y, double distance) {
    int px = posOf[x];
    int py = posOf[y];
    double nx = sizes[px];
    double ny = sizes[py];
    double total = nx + ny;
    for (int f = 0; f < d; f++) {
      int row = f * stride;
      double c = (nx * cols[row + px] + ny * cols[row + py]) / total;
      if (!Double.isFinite(c)) {
        throw new IllegalArgumentException("the centroid of clusters " + x + " and " + y + " is"
            + " not finite: the observations are too large");
      }
      cols[row + py] = c;
    }
    sizes[py] = total;
    cols[px] = Double.POSITIVE_INFINITY;
    if (++dead * 8 > used) {
      pack();
    }
    return new double[] {x, y, distance, total};
  }

  /** Moves the live clusters to the front, in slot order, and forgets the dead ones. */
  private void pack() {
    int to = 0;
    for (int p = 0; p < used; p++) {
      if (cols[p] == Double.POSITIVE_INFINITY) {
        continue;
      }
      for (int f = 0; f < d; f++) {
        cols[f * stride + to] = cols[f * stride + p];
      }
      sizes[to] = sizes[p];
      slotAt[to] = slotAt[p];
      posOf[slotAt[to]] = to;
      to++;
    }
    used = to;
    dead = 0;
  }
}
