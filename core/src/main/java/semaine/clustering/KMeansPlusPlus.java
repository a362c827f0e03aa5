package semaine.clustering;

import semaine.random.RandomState;

/**
 * Greedy k-means++ seeding, as scikit-learn 1.9's {@code _kmeans_plusplus} with unit weights.
 *
 * <p>The first centre is {@code choice(n, p=1/n)} (one double, since scikit-learn 1.3; 1.2 drew
 * {@code randint(n)} instead). Each further centre draws {@code 2 + ⌊ln k⌋} candidates with
 * probability proportional to D(x)², the squared distance to the closest centre so far (uniform
 * doubles scaled by the potential ΣD², located by a left binary search in the running sum of D²),
 * and keeps the candidate that lowers the potential most, the first on ties. The potentials are
 * summed in the order of the BLAS calls scikit-learn makes ({@link BlasSums}): two candidates
 * whose potentials differ in the last bit are told apart as scikit-learn tells them apart. ClusterDistances use the
 * "dot trick" {@code max(0, (−2 x·c + ‖c‖²) + ‖x‖²)}, as scikit-learn's
 * {@code _euclidean_distances}.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>D. Arthur and S. Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007.
 * </ol>
 */
final class KMeansPlusPlus {

  private KMeansPlusPlus() {}

  /**
   * Chooses k initial centres among the samples.
   *
   * @param x samples, row-major, shape (n, d), already centred
   * @param xp the same samples' panels ({@link DistanceKernels#panels}), or null
   * @param xSq ‖x_i‖², shape (n,)
   * @return the centres, row-major, shape (k, d)
   */
  static double[] centers(
      double[] x, double[] xp, int n, int d, double[] xSq, int k, RandomState random) {
    int trials = 2 + (int) Math.log(k);
    double[] centers = new double[k * d];

    int first = random.choiceUniform(n);
    System.arraycopy(x, first * d, centers, 0, d);

    double[] closest = new double[n]; // D(x)², shape (n,)
    double potential = distances(x, xp, n, d, xSq, first, null, closest);

    double[][] candidateDist = new double[trials][n]; // shape (trials, n)
    for (int c = 1; c < k; c++) {
      double[] draws = random.uniform(0.0, 1.0, trials);
      int[] candidates = searchCumulative(closest, n, draws, potential);
      double[][] out = candidateDist;
      double[] near = closest;
      Chunks.forEach(n, chunk -> DistanceKernels.candidates(x, xp, d, xSq, candidates, near,
          Chunks.start(chunk), Chunks.end(chunk, n), out));
      double[] candidatePotentials = new double[trials];
      for (int t = 0; t < trials; t++) {
        // distance_to_candidates @ sample_weight.reshape(-1, 1): one dgemv over the trials
        candidatePotentials[t] = BlasSums.gemvRow(out[t], n, t, trials);
      }
      int best = 0;
      double bestPotential = candidatePotentials[0];
      for (int t = 1; t < trials; t++) {
        if (candidatePotentials[t] < bestPotential) {
          best = t;
          bestPotential = candidatePotentials[t];
        }
      }
      potential = bestPotential;
      double[] swap = closest;
      closest = candidateDist[best];
      candidateDist[best] = swap;
      System.arraycopy(x, candidates[best] * d, centers, c * d, d);
    }
    return centers;
  }

  /**
   * out[i] = max(0, (−2 x_i·x_s + ‖x_s‖²) + ‖x_i‖²) for the sample s, lowered to closest[i] when
   * {@code closest} is given; returns Σ out in ddot's order ({@code closest_dist_sq @
   * sample_weight}). Parallel over chunks of samples. With no {@code closest} (the first centre)
   * the dot products follow dgemv's order, as NumPy calls it for one row.
   */
  private static double distances(double[] x, double[] xp, int n, int d, double[] xSq, int s,
      double[] closest, double[] out) {
    Chunks.forEach(n, chunk -> DistanceKernels.candidate(x, xp, d, xSq, s, closest == null,
        closest, Chunks.start(chunk), Chunks.end(chunk, n), out));
    return BlasSums.dot(out, n);
  }

  /**
   * For each draw u, the first sample whose running sum of {@code closest} is ≥ u·potential
   * ({@code np.searchsorted(np.cumsum(closest), u * potential)}), clipped to the last sample
   * (rounding can put a draw past the last sum): one pass, no array of the running sums.
   */
  static int[] searchCumulative(double[] closest, int n, double[] draws, double potential) {
    int trials = draws.length;
    Integer[] order = new Integer[trials];
    double[] targets = new double[trials];
    for (int t = 0; t < trials; t++) {
      order[t] = t;
      targets[t] = draws[t] * potential;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(targets[a], targets[b]));
    int[] found = new int[trials];
    java.util.Arrays.fill(found, n - 1);
    int next = 0;
    double running = 0.0;
    for (int i = 0; i < n && next < trials; i++) {
      running += closest[i];
      while (next < trials && running >= targets[order[next]]) {
        found[order[next++]] = i;
      }
    }
    return found;
  }

  /** The first index whose value is ≥ v: {@code np.searchsorted(a, v)} (side='left'). */
  static int searchLeft(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
