package semaine.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import semaine.util.Sums;

/**
 * Lloyd's k-means iterations, as scikit-learn 1.9's {@code _kmeans_single_lloyd} and
 * {@code lloyd_iter_chunked_dense} with unit weights and one OpenMP thread (its bit-exact case).
 *
 * <p>Each iteration: the E-step labels every sample with argmin_j (‖c_j‖² − 2 x·c_j) (strict
 * {@code <}, the first centre wins ties), in parallel over fixed chunks; the M-step sums the
 * samples of each cluster in sample order, following the E-step chunk by chunk as scikit-learn's
 * chunk loop does, relocates empty clusters, and multiplies each sum by the reciprocal of its
 * count. The run stops when the labels repeat ("strict convergence") or when
 * Σ_j ‖c_j' − c_j‖² ≤ tol; otherwise a last E-step makes the labels agree with the final centres.
 * The sums are sequential whatever the number of threads, so results never depend on it.
 */
final class Lloyd {

  private final double[] x; // samples, centred, shape (n, d)
  private final int n;
  private final int d;
  private final double[] xp; // the same samples' panels (DistanceKernels.panels), or null

  Lloyd(double[] x, double[] xp, int n, int d) {
    this.x = x;
    this.xp = xp;
    this.n = n;
    this.d = d;
  }

  /**
   * Runs Lloyd's iterations from {@code initial} (row-major, shape (k, d), not modified).
   *
   * @param steps if not null, receives the centres (centred coordinates) and labels of every E-step
   */
  Run run(double[] initial, int k, int maxIter, double tol, List<KMeansStep> steps) {
    double[] centers = initial.clone();
    double[] next = new double[k * d];
    double[] counts = new double[k];
    double[] shift = new double[k];
    int[] labels = new int[n];
    int[] labelsOld = new int[n];
    Arrays.fill(labelsOld, -1);
    boolean strict = false;
    int iteration = 0;
    for (; iteration < maxIter; iteration++) {
      assignAndSum(centers, k, labels, next, counts);
      record(steps, centers, k, labels);
      update(centers, k, labels, next, counts, shift);
      double[] swap = centers;
      centers = next;
      next = swap;
      if (Arrays.equals(labels, labelsOld)) {
        strict = true;
        break;
      }
      double[] shiftSq = new double[k];
      for (int j = 0; j < k; j++) {
        shiftSq[j] = shift[j] * shift[j];
      }
      if (Sums.pairwise(shiftSq) <= tol) {
        break;
      }
      // the next E-step overwrites every label: swap rather than copy
      int[] previous = labelsOld;
      labelsOld = labels;
      labels = previous;
    }
    if (!strict) {
      // rerun the E-step so that the labels match the final centres
      assign(centers, k, labels);
      record(steps, centers, k, labels);
    }
    int nIter = Math.min(iteration + 1, maxIter);
    return new Run(labels, centers, inertia(centers, labels), nIter);
  }

  /**
   * E-step: labels[i] = argmin_j (‖c_j‖² − 2 x_i·c_j), in parallel over chunks of samples (see
   * {@link DistanceKernels}).
   */
  void assign(double[] centers, int k, int[] labels) {
    double[] cSq = ClusterDistances.rowNormsSquared(centers, k, d);
    double[] transposed = transposed(centers, k);
    Chunks.forEach(n, chunk -> DistanceKernels.assign(x, xp, d, transposed, cSq, k,
        Chunks.start(chunk), Chunks.end(chunk, n), labels));
  }

  /**
   * The E-step, and the M-step's sums and counts in sample order, each chunk summed on the calling
   * thread as soon as it is labelled while the other cores label the next ones
   * ({@link Chunks#forEachThenInOrder}): one E-step and one summing pass over 10^6 x 20 (k = 8,
   * two cores, 2026-12-07) took 6.4-6.9 ms and 10.5-12.6 ms one after the other.
   */
  private void assignAndSum(double[] centers, int k, int[] labels, double[] sums,
      double[] counts) {
    double[] cSq = ClusterDistances.rowNormsSquared(centers, k, d);
    double[] transposed = transposed(centers, k);
    Arrays.fill(sums, 0.0);
    Arrays.fill(counts, 0.0);
    Chunks.forEachThenInOrder(n,
        chunk -> DistanceKernels.assign(x, xp, d, transposed, cSq, k, Chunks.start(chunk),
            Chunks.end(chunk, n), labels),
        chunk -> DistanceKernels.addRows(x, d, labels, Chunks.start(chunk), Chunks.end(chunk, n),
            sums, counts));
  }

  /** The centres transposed, shape (d, k). */
  private double[] transposed(double[] centers, int k) {
    double[] transposed = new double[d * k];
    for (int j = 0; j < k; j++) {
      for (int f = 0; f < d; f++) {
        transposed[f * k + j] = centers[j * d + f];
      }
    }
    return transposed;
  }

  /** inertia = Σ_i ‖x_i − c_label(i)‖², summed in sample order as scikit-learn's one thread. */
  double inertia(double[] centers, int[] labels) {
    double total = 0.0;
    for (int i = 0; i < n; i++) {
      total += ClusterDistances.squaredDistance(x, i * d, centers, labels[i] * d, d);
    }
    return total;
  }

  /**
   * M-step: new centres from the sums and counts of {@link #assignAndSum}, empty clusters
   * relocated; fills {@code shift}.
   */
  private void update(
      double[] old, int k, int[] labels, double[] sums, double[] counts, double[] shift) {
    relocateEmptyClusters(old, k, labels, sums, counts);
    int heaviest = 0;
    for (int j = 1; j < k; j++) {
      if (counts[j] > counts[heaviest]) {
        heaviest = j;
      }
    }
    for (int j = 0; j < k; j++) {
      if (counts[j] > 0) {
        double alpha = 1.0 / counts[j];
        for (int f = 0; f < d; f++) {
          sums[j * d + f] *= alpha;
        }
      }
    }
    for (int j = 0; j < k; j++) {
      if (counts[j] == 0) {
        // still empty (duplicate samples): sit on the heaviest cluster rather than the origin
        System.arraycopy(sums, heaviest * d, sums, j * d, d);
      }
    }
    for (int j = 0; j < k; j++) {
      shift[j] = Math.sqrt(ClusterDistances.squaredDistance(sums, j * d, old, j * d, d));
    }
  }

  /**
   * Gives each empty cluster one of the samples farthest from their centre, farthest first, as
   * scikit-learn's {@code _relocate_empty_clusters_dense}: the sample leaves its cluster's sum and
   * becomes the empty cluster's. Skipped when every sample sits on its centre (more clusters than
   * distinct samples). Equal distances are taken in index order.
   */
  private void relocateEmptyClusters(
      double[] old, int k, int[] labels, double[] sums, double[] counts) {
    List<Integer> empty = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      if (counts[j] == 0) {
        empty.add(j);
      }
    }
    if (empty.isEmpty()) {
      return;
    }
    double[] distances = new double[n];
    double[] squares = new double[d];
    double max = 0.0;
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < d; f++) {
        double diff = x[i * d + f] - old[labels[i] * d + f];
        squares[f] = diff * diff;
      }
      distances[i] = Sums.pairwise(squares);
      max = Math.max(max, distances[i]);
    }
    if (max == 0) {
      return;
    }
    int[] farthest = farthest(distances, empty.size());
    for (int e = 0; e < empty.size(); e++) {
      int target = empty.get(e);
      int far = farthest[e];
      int source = labels[far];
      for (int f = 0; f < d; f++) {
        sums[source * d + f] -= x[far * d + f];
        sums[target * d + f] = x[far * d + f];
      }
      counts[target] = 1.0;
      counts[source] -= 1.0;
    }
  }

  /** True when two labelings are the same partition up to renaming: {@code _is_same_clustering}. */
  static boolean sameClustering(int[] a, int[] b, int k) {
    int[] mapping = new int[k];
    java.util.Arrays.fill(mapping, -1);
    for (int i = 0; i < a.length; i++) {
      if (mapping[a[i]] == -1) {
        mapping[a[i]] = b[i];
      } else if (mapping[a[i]] != b[i]) {
        return false;
      }
    }
    return true;
  }
  /** The {@code count} samples farthest from their centre, farthest first, ties in index order. */
  static int[] farthest(double[] distances, int count) {
    boolean[] taken = new boolean[distances.length];
    int[] out = new int[count];
    for (int e = 0; e < count; e++) {
      int far = -1;
      for (int i = 0; i < distances.length; i++) {
        if (!taken[i] && (far < 0 || distances[i] > distances[far])) {
          far = i;
        }
      }
      taken[far] = true;
      out[e] = far;
    }
    return out;
  }

  private void record(List<KMeansStep> steps, double[] centers, int k, int[] labels) {
    if (steps != null) {
      steps.add(new KMeansStep(ClusterDistances.rows(centers, k, d), labels.clone()));
    }
  }

  /** One run's result: labels (n,), centres (k, d) row-major and centred, inertia, iterations. */
  record Run(int[] labels, double[] centers, double inertia, int nIter) {}
}
