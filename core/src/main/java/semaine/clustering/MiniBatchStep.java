package semaine.clustering;

import semaine.random.RandomState;
import semaine.util.Checks;
import semaine.util.Sums;

/**
 * One step of mini-batch k-means on a batch of samples, as scikit-learn 1.9's
 * {@code _mini_batch_step} and {@code _minibatch_update_dense}, and the weighted E-step both use
 * ({@code _labels_inertia}).
 *
 * <p>Every centre keeps the total weight of the samples it has absorbed so far (its count). A step
 * labels the batch against the current centres, then moves each centre that received samples to
 * the weighted mean of its old position (weighted by its count) and its new samples: c' = (c·N +
 * Σ w_i x_i) / (N + Σ w_i), so each new sample pulls with learning rate w_i / (N + Σ w_i), which
 * shrinks as the centre matures. Sums run in sample order, as scikit-learn's one thread.
 */
final class MiniBatchStep {

  private MiniBatchStep() {}

  /**
   * Labels each sample with its closest centre and returns the weighted inertia
   * Σ_i w_i ‖x_i − c_label(i)‖², summed in sample order: {@code _labels_inertia}.
   *
   * @param x samples, row-major, shape (n, d)
   * @param w sample weights, shape (n,)
   * @param centers centres, row-major, shape (k, d)
   * @param labels receives the labels, shape (n,)
   */
  static double labelsInertia(
      double[] x, int n, int d, double[] w, double[] centers, int k, int[] labels) {
    double[] xp = DistanceKernels.panels(x, n, d);
    new Lloyd(x, xp, n, d).assign(centers, k, labels);
    double inertia = 0.0;
    for (int i = 0; i < n; i++) {
      inertia += ClusterDistances.squaredDistance(x, i * d, centers, labels[i] * d, d) * w[i];
    }
    return inertia;
  }

  /**
   * One step on the batch {@code xb} (shape (nb, d), weights {@code wb}): labels, centre moves into
   * {@code next} (which may be {@code centers} itself), counts updated, then, if
   * {@code reassign}, random reassignment of the centres whose count is below
   * {@code ratio · max(counts)}.
   *
   * @return the batch's weighted inertia against the centres before the move
   */
  static double step(double[] xb, int nb, int d, double[] wb, double[] centers, double[] next,
      int k, double[] counts, RandomState random, boolean reassign, double ratio) {
    int[] labels = new int[nb];
    double inertia = labelsInertia(xb, nb, d, wb, centers, k, labels);
    update(xb, nb, d, wb, centers, next, k, counts, labels);
    if (reassign && ratio > 0) {
      reassignSmallClusters(xb, nb, d, next, k, counts, random, ratio);
    }
    return inertia;
  }

  /** c' = (c·N + Σ w_i x_i) · (1 / (N + Σ w_i)) for centres that received weight; others stay. */
  private static void update(double[] xb, int nb, int d, double[] wb, double[] centers,
      double[] next, int k, double[] counts, int[] labels) {
    double[] batchWeight = new double[k];
    for (int i = 0; i < nb; i++) {
      batchWeight[labels[i]] += wb[i];
    }
    for (int j = 0; j < k; j++) {
      for (int f = 0; f < d; f++) {
        // undo the previous scaling (or copy the centre unchanged when it got no weight)
        next[j * d + f] = batchWeight[j] > 0 ? centers[j * d + f] * counts[j] : centers[j * d + f];
      }
    }
    for (int i = 0; i < nb; i++) {
      int j = labels[i];
      if (batchWeight[j] > 0) {
        for (int f = 0; f < d; f++) {
          next[j * d + f] += xb[i * d + f] * wb[i];
        }
      }
    }
    for (int j = 0; j < k; j++) {
      if (batchWeight[j] > 0) {
        counts[j] += batchWeight[j];
        double alpha = 1 / counts[j];
        for (int f = 0; f < d; f++) {
          next[j * d + f] *= alpha;
        }
      }
    }
  }

  /**
   * Moves the centres whose count is below {@code ratio · max(counts)} onto distinct samples of the
   * batch drawn uniformly ({@code choice(nb, size, replace=False)}), at most half a batch of them
   * (the lightest), and raises their counts to the smallest count of the others so that they are
   * not reassigned again at once. When more than half a batch would move, the heaviest are kept by
   * a stable sort of the counts (NumPy's default sort, whose order of equal counts is the same for
   * up to 16 centres).
   */
  private static void reassignSmallClusters(double[] xb, int nb, int d, double[] next, int k,
      double[] counts, RandomState random, double ratio) {
    double max = counts[0];
    for (double c : counts) {
      max = Math.max(max, c);
    }
    double threshold = ratio * max;
    boolean[] move = new boolean[k];
    int moving = 0;
    for (int j = 0; j < k; j++) {
      move[j] = counts[j] < threshold;
      moving += move[j] ? 1 : 0;
    }
    if (moving > 0.5 * nb) {
      Integer[] order = new Integer[k];
      for (int j = 0; j < k; j++) {
        order[j] = j;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(counts[a], counts[b]));
      for (int r = (int) (0.5 * nb); r < k; r++) {
        move[order[r]] = false;
      }
      moving = 0;
      for (boolean m : move) {
        moving += m ? 1 : 0;
      }
    }
    if (moving == 0) {
      return;
    }
    if (moving == k) {
      throw new IllegalArgumentException("reassignment_ratio (" + ratio + ") reassigns every"
          + " centre (all counts are below ratio * max(counts)): use a ratio below 1");
    }
    int[] samples = random.choice(nb, moving, false);
    double smallest = Double.POSITIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      if (!move[j]) {
        smallest = Math.min(smallest, counts[j]);
      }
    }
    for (int j = 0, s = 0; j < k; j++) {
      if (move[j]) {
        System.arraycopy(xb, samples[s++] * d, next, j * d, d);
        counts[j] = smallest;
      }
    }
  }

  /** {@code _random_reassign}: a reassignment every 10·k samples, or at once if a count is 0. */
  static final class Reassignments {
    final int batch;
    private final int k;
    long sinceLast;

    Reassignments(int batch, int k) {
      this.batch = batch;
      this.k = k;
    }

    /** Counts one more batch; true when this step must reassign (and restarts the count). */
    boolean due(double[] counts) {
      sinceLast += batch;
      boolean empty = false;
      for (double c : counts) {
        empty |= c == 0;
      }
      if (empty || sinceLast >= 10L * k) {
        sinceLast = 0;
        return true;
      }
      return false;
    }
  }

  /** The weights of n samples: 1 each for null, else checked (finite, ≥ 0, some > 0). */
  static double[] sampleWeights(double[] sampleWeight, int n) {
    double[] w = new double[n];
    if (sampleWeight == null) {
      java.util.Arrays.fill(w, 1.0);
      return w;
    }
    Checks.checkSameLength("X", n, "sample_weight", sampleWeight.length);
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(sampleWeight[i]) || sampleWeight[i] < 0) {
        throw new IllegalArgumentException("sample_weight[" + i + "] (" + sampleWeight[i]
            + ") must be finite and >= 0");
      }
      w[i] = sampleWeight[i];
    }
    if (!(Sums.pairwise(w) > 0)) {
      throw new IllegalArgumentException(
          "sample_weight sums to 0: at least one weight must be > 0");
    }
    return w;
  }

  /** Row indices drawn by {@code randint} (int64, each below an int n) as ints. */
  static int[] indices(long[] rows) {
    int[] out = new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      out[r] = Math.toIntExact(rows[r]);
    }
    return out;
  }

  /** The rows {@code rows} of the (·, d) array x, in that order: {@code X[rows]}. */
  static double[] rowsOf(double[] x, int d, int[] rows) {
    double[] out = new double[rows.length * d];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(x, rows[r] * d, out, r * d, d);
    }
    return out;
  }

  /** {@code v[rows]}. */
  static double[] valuesOf(double[] v, int[] rows) {
    double[] out = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      out[r] = v[rows[r]];
    }
    return out;
  }
}
