package semaine.spark;

import java.io.Serializable;

/**
 * Per-cluster sums of rows, counts and a total, as one partition of a distributed k-means adds
 * them up and as the tree reduction merges them. Every sum is kept as an unevaluated pair
 * hi + lo (Knuth's two-sum: lo gathers what rounding took from hi), about 2⁻¹⁰⁰ from the exact
 * real sum, so that hi + lo rounded to a double is, in all but the rarest cases, the exact sum
 * correctly rounded, whichever partition held which row and in whatever order the tree met them:
 * the centres do not depend on the partitioning.
 */
final class ClusterSums implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int k;
  private final int d;
  private final double[] hi; // (k, d) sums, then one slot for the total
  private final double[] lo;
  private final long[] counts;

  ClusterSums(int k, int d) {
    this.k = k;
    this.d = d;
    this.hi = new double[k * d + 1];
    this.lo = new double[k * d + 1];
    this.counts = new long[k];
  }

  /** Adds row {@code row} of x (row-major, d columns) to cluster j's sum. */
  void addRow(int j, double[] x, int row) {
    counts[j]++;
    int at = j * d;
    for (int f = 0; f < d; f++) {
      add(at + f, x[row * d + f]);
    }
  }

  /** Adds v to the total (an inertia, a sum of squares). */
  void addTotal(double v) {
    add(k * d, v);
  }

  /** Adds every sum, count and total of {@code other} to this one; returns this. */
  ClusterSums merge(ClusterSums other) {
    for (int s = 0; s < hi.length; s++) {
      add(s, other.hi[s]);
      lo[s] += other.lo[s];
    }
    for (int j = 0; j < k; j++) {
      counts[j] += other.counts[j];
    }
    return this;
  }

  /**
   * Moves one row from cluster {@code source} to the empty cluster {@code target}, whose sum
   * becomes that row (k-means' relocation of an empty cluster).
   */
  void move(int source, int target, double[] row) {
    for (int f = 0; f < d; f++) {
      add(source * d + f, -row[f]);
      hi[target * d + f] = row[f];
      lo[target * d + f] = 0.0;
    }
    counts[source]--;
    counts[target] = 1;
  }

  /** Cluster j's sum of feature f. */
  double sum(int j, int f) {
    return hi[j * d + f] + lo[j * d + f];
  }

  /** The total. */
  double total() {
    return hi[k * d] + lo[k * d];
  }

  /** The number of features summed. */
  int width() {
    return d;
  }

  /** The number of rows in cluster j. */
  long count(int j) {
    return counts[j];
  }

  private void add(int s, double v) {
    double sum = hi[s] + v;
    double back = sum - hi[s];
    lo[s] += (hi[s] - (sum - back)) + (v - back);
    hi[s] = sum;
  }
}
