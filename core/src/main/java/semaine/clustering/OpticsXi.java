package semaine.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * OPTICS's two ways to turn a reachability plot into clusters, as scikit-learn 1.9's
 * {@code cluster_optics_xi} ({@code _xi_cluster}, {@code _extend_region},
 * {@code _update_filter_sdas}, {@code _correct_predecessor}, {@code _extract_xi_labels}) and
 * {@code cluster_optics_dbscan} compute them.
 *
 * <p>ξ method: a point is steep downward when its reachability is at least 1/(1 − ξ) times the
 * next one, steep upward when at most (1 − ξ) times; steep areas are grown from them (allowing up
 * to min_samples flat points), and a cluster runs from a steep-down area to a later steep-up area
 * whose levels match within ξ. The plot is read in ordering order with +inf appended, as
 * scikit-learn does, so a cluster can end at the last point.
 */
final class OpticsXi {

  private OpticsXi() {}

  /** A steep-down area: its first and last positions and the largest reachability after it. */
  private static final class SteepDown {
    final int start;
    final int end;
    double mib;

    SteepDown(int start, int end) {
      this.start = start;
      this.end = end;
    }
  }

  /**
   * {@code _xi_cluster}: the clusters as [start, end] positions in the ordering (inclusive),
   * inner clusters before the clusters that contain them.
   *
   * @param reach the reachability in ordering order, length n
   * @param predecessor the predecessor in ordering order, length n
   */
  static int[][] clusters(double[] reach, int[] predecessor, int[] ordering, double xi,
      int minSamples, int minClusterSize, boolean predecessorCorrection) {
    int n = reach.length;
    double[] r = Arrays.copyOf(reach, n + 1);
    r[n] = Double.POSITIVE_INFINITY;
    double xiComplement = 1 - xi;
    boolean[] steepUp = new boolean[n];
    boolean[] steepDown = new boolean[n];
    boolean[] down = new boolean[n];
    boolean[] up = new boolean[n];
    for (int i = 0; i < n; i++) {
      double ratio = r[i] / r[i + 1];  // inf/inf and 0/0 are NaN: no comparison holds
      steepUp[i] = ratio <= xiComplement;
      steepDown[i] = ratio >= 1 / xiComplement;
      down[i] = ratio > 1;
      up[i] = ratio < 1;
    }
    List<SteepDown> sdas = new ArrayList<>();
    List<int[]> clusters = new ArrayList<>();
    int index = 0;
    double mib = 0.0;
    for (int s = 0; s < n; s++) {
      if (!(steepUp[s] || steepDown[s]) || s < index) {
        continue;
      }
      for (int i = index; i <= s; i++) {
        mib = Math.max(mib, r[i]);
      }
      sdas = filter(sdas, mib, xiComplement, r);
      if (steepDown[s]) {
        int end = extendRegion(steepDown, up, s, minSamples);
        sdas.add(new SteepDown(s, end));
        index = end + 1;
        mib = r[index];
        continue;
      }
      int upEnd = extendRegion(steepUp, down, s, minSamples);
      index = upEnd + 1;
      mib = r[index];
      List<int[]> found = new ArrayList<>();
      for (SteepDown d : sdas) {
        int cStart = d.start;
        int cEnd = upEnd;
        if (r[cEnd + 1] * xiComplement < d.mib) {
          continue;
        }
        double dMax = r[d.start];
        if (dMax * xiComplement >= r[cEnd + 1]) {
          // the first index from the left at about the level of the cluster's end
          while (r[cStart + 1] > r[cEnd + 1] && cStart < d.end) {
            cStart++;
          }
        } else if (r[cEnd + 1] * xiComplement >= dMax) {
          // the first index from the right at about the level of its start
          while (r[cEnd - 1] > dMax && cEnd > s) {
            cEnd--;
          }
        }
        if (predecessorCorrection) {
          cEnd = correctPredecessor(r, predecessor, ordering, cStart, cEnd);
          if (cEnd < 0) {
            continue;
          }
        }
        if (cEnd - cStart + 1 < minClusterSize || cStart > d.end || cEnd < s) {
          continue;
        }
        found.add(new int[] {cStart, cEnd});
      }
      for (int i = found.size() - 1; i >= 0; i--) {  // smaller clusters first
        clusters.add(found.get(i));
      }
    }
    return clusters.toArray(new int[0][]);
  }

  /**
   * {@code _extend_region}: from a steep point, the last position of its area, which may hold up
   * to {@code minSamples} consecutive points that are neither steep nor against its direction.
   */
  private static int extendRegion(boolean[] steep, boolean[] against, int start, int minSamples) {
    int flat = 0;
    int end = start;
    for (int i = start; i < steep.length; i++) {
      if (steep[i]) {
        flat = 0;
        end = i;
      } else if (!against[i]) {
        if (++flat > minSamples) {
          break;
        }
      } else {
        return end;
      }
    }
    return end;
  }

  /** {@code _update_filter_sdas}: keeps the areas still higher than mib, raising their mib. */
  private static List<SteepDown> filter(List<SteepDown> sdas, double mib, double xiComplement,
      double[] r) {
    List<SteepDown> kept = new ArrayList<>();
    if (Double.isInfinite(mib)) {
      return kept;
    }
    for (SteepDown d : sdas) {
      if (mib <= r[d.start] * xiComplement) {
        d.mib = Math.max(d.mib, mib);
        kept.add(d);
      }
    }
    return kept;
  }

  /**
   * {@code _correct_predecessor}: moves the end left until the end's predecessor lies inside the
   * cluster or the start is higher than the end; −1 when no end qualifies.
   */
  private static int correctPredecessor(double[] r, int[] predecessor, int[] ordering, int s,
      int e) {
    while (s < e) {
      if (r[s] > r[e]) {
        return e;
      }
      for (int i = s; i < e; i++) {
        if (predecessor[e] == ordering[i]) {
          return e;
        }
      }
      e--;
    }
    return -1;
  }

  /**
   * {@code _extract_xi_labels}: each cluster in turn takes the next label when none of its
   * positions has one; labels then go back from positions to samples.
   */
  static int[] labels(int[] ordering, int[][] clusters) {
    int n = ordering.length;
    int[] byPosition = new int[n];
    Arrays.fill(byPosition, -1);
    int label = 0;
    for (int[] c : clusters) {
      boolean free = true;
      for (int i = c[0]; i <= c[1]; i++) {
        free &= byPosition[i] == -1;
      }
      if (free) {
        Arrays.fill(byPosition, c[0], c[1] + 1, label++);
      }
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[ordering[i]] = byPosition[i];
    }
    return labels;
  }

  /**
   * {@code cluster_optics_dbscan}: in ordering order, a point farther than eps from every earlier
   * one that is itself core within eps starts a new cluster; the others join the current one,
   * except far points that are not core, which are noise.
   */
  static int[] dbscanLabels(double[] reachability, double[] coreDistances, int[] ordering,
      double eps) {
    int n = ordering.length;
    int[] labels = new int[n];
    int current = -1;
    for (int point : ordering) {
      boolean far = reachability[point] > eps;
      boolean nearCore = coreDistances[point] <= eps;
      if (far && nearCore) {
        current++;
      }
      labels[point] = far && !nearCore ? -1 : current;
    }
    return labels;
  }
}
