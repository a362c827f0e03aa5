package semaine.clustering;

import semaine.random.RandomState;

/**
 * Greedy k-means++ seeding of float32 samples, as scikit-learn 1.9's {@code _kmeans_plusplus}
 * with a float32 X and unit weights (see {@link KMeansPlusPlus} for the algorithm).
 *
 * <p>What float32 changes there: the first centre is drawn with the probabilities
 * {@code sample_weight / sample_weight.sum()} computed in float32 ({@code (double) (1f / n)} each);
 * distances come from {@code _euclidean_distances_upcast}: each row upcast to float64, the dot
 * trick {@code (−2 x·c + ‖c‖²) + ‖x‖²} in float64 in the order of the float64 path, then stored
 * as float32 and clipped at 0; the running sum that locates the draws is a float32
 * {@code np.cumsum}, compared with the float64 draws. The potentials are float32 BLAS sums
 * ({@code sdot}, {@code sgemv}) whose lane order semaine does not reproduce: they are summed in
 * float64 and rounded to float32, so two candidates whose potentials differ in the last float32
 * bit may be told apart differently (not seen on the reference data, whose labels are identical).
 */
final class KMeansPlusPlus32 {

  private KMeansPlusPlus32() {}

  /** Chooses k centres among the rows of x (shape (n, d), centred); row-major (k, d). */
  static float[] centers(float[][] x, int n, int d, int k, RandomState random) {
    int trials = 2 + (int) Math.log(k);
    float[] centers = new float[k * d];
    float[] p = new float[n]; // sample_weight / sample_weight.sum(), in float32
    java.util.Arrays.fill(p, 1f / n);
    int first = random.choice(n, p);
    System.arraycopy(x[first], 0, centers, 0, d);

    float[] closest = new float[n];
    distances(x, n, d, first, true, null, closest);
    float potential = sum(closest);
    float[][] candidateDist = new float[trials][n];
    double[] cumulative = new double[n]; // float32 running sums, held exactly as doubles
    for (int c = 1; c < k; c++) {
      double[] draws = random.uniform(0.0, 1.0, trials);
      float running = 0f;
      for (int i = 0; i < n; i++) {
        running += closest[i];
        cumulative[i] = running;
      }
      int best = 0;
      int[] candidates = new int[trials];
      float[] potentials = new float[trials];
      for (int t = 0; t < trials; t++) {
        candidates[t] = Math.min(KMeansPlusPlus.searchLeft(cumulative, draws[t] * potential),
            n - 1);
        distances(x, n, d, candidates[t], false, closest, candidateDist[t]);
        potentials[t] = sum(candidateDist[t]);
        if (potentials[t] < potentials[best]) {
          best = t;
        }
      }
      potential = potentials[best];
      float[] swap = closest;
      closest = candidateDist[best];
      candidateDist[best] = swap;
      System.arraycopy(x[candidates[best]], 0, centers, c * d, d);
    }
    return centers;
  }

  /**
   * out[i] = max(0, (float) ((−2 x_i·x_s + ‖x_s‖²) + ‖x_i‖²)) from float64 copies of the rows,
   * lowered to closest[i] when given; {@code gemv} takes dgemv's order for the dot products (one
   * centre), otherwise dgemm's.
   */
  private static void distances(float[][] x, int n, int d, int s, boolean gemv, float[] closest,
      float[] out) {
    double[] centre = upcast(x, s, d, new double[d]);
    double cSq = ClusterDistances.rowNormSquared(centre, 0, d);
    Chunks.forEach(n, chunk -> {
      double[] row = new double[d];
      for (int i = Chunks.start(chunk), end = Chunks.end(chunk, n); i < end; i++) {
        upcast(x, i, d, row);
        double dot = gemv ? ClusterDistances.dotGemv(row, 0, centre, 0, d)
            : ClusterDistances.dot(row, 0, centre, 0, d);
        float dist = Math.max((float) ((-2.0 * dot + cSq)
            + ClusterDistances.rowNormSquared(row, 0, d)), 0f);
        out[i] = closest == null ? dist : Math.min(closest[i], dist);
      }
    });
  }

  private static double[] upcast(float[][] x, int row, int d, double[] out) {
    for (int f = 0; f < d; f++) {
      out[f] = x[row][f];
    }
    return out;
  }

  /** A float32 BLAS sum, approximated: the float64 sum rounded to float32. */
  private static float sum(float[] a) {
    double total = 0.0;
    for (float v : a) {
      total += v;
    }
    return (float) total;
  }
}
