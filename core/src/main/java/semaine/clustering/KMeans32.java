package semaine.clustering;

import semaine.random.RandomState;

/**
 * {@link KMeans#fit(float[][])}'s computation: scikit-learn 1.9's {@code KMeans.fit} on a float32 X
 * (one OpenMP thread), every array float32 as there. The data's column means
 * ({@code X.mean(axis=0)}, float32) are taken off, the tolerance is
 * {@code np.mean(np.var(X, axis=0)) * tol} in float32, each run seeds ({@link KMeansPlusPlus32} or
 * k random samples) and iterates ({@link Lloyd32}), the best run is kept as in the float64 path and
 * the means are added back to its centres in float32.
 */
final class KMeans32 {

  private KMeans32() {}

  /** The kept run, its centres uncentred (row-major (k, d)). */
  record Result(int[] labels, float[] centers, float inertia, int nIter) {}

  /**
   * The fit; with {@code copyX} false X's rows are centred in place and the means added back
   * before returning (scikit-learn's {@code copy_x=False}), else a copy is centred.
   */
  static Result fit(float[][] X, int k, boolean plusPlus, double[][] initCenters, int runs,
      int maxIter, double tol, RandomState random, boolean copyX) {
    check(X);
    int n = X.length;
    int d = X[0].length;
    if (n < k) {
      throw new IllegalArgumentException("n_clusters (" + k + ") must be <= n_samples (" + n + ")");
    }
    float[][] x = X;
    if (copyX) {
      x = new float[n][];
      for (int i = 0; i < n; i++) {
        x[i] = X[i].clone();
      }
    }
    float[] mean = Float32Sums.columnMeans(x, n, d);
    // NEP 50: a float32 times a Python float is a float32 product
    float tolAbs = tol == 0 ? 0f : Float32Sums.meanVariance(x, n, d) * (float) tol;
    shift(x, mean, -1f);
    try {
      return fit(x, n, d, k, plusPlus, initCenters, runs, maxIter, tolAbs, mean, random);
    } finally {
      if (!copyX) {
        shift(x, mean, 1f);
      }
    }
  }

  /** x_i += sign · mean, in float32 ({@code X -= X_mean}, {@code X += X_mean}). */
  private static void shift(float[][] x, float[] mean, float sign) {
    for (float[] row : x) {
      for (int f = 0; f < row.length; f++) {
        row[f] = sign < 0 ? row[f] - mean[f] : row[f] + mean[f];
      }
    }
  }

  private static Result fit(float[][] x, int n, int d, int k, boolean plusPlus,
      double[][] initCenters, int runs, int maxIter, float tolAbs, float[] mean,
      RandomState random) {
    Lloyd32 lloyd = new Lloyd32(x, n, d);
    Lloyd32.Run best = null;
    for (int r = 0; r < runs; r++) {
      float[] start = initialCenters(x, n, d, k, plusPlus, initCenters, mean, random);
      Lloyd32.Run run = lloyd.run(start, k, maxIter, tolAbs);
      if (best == null || (run.inertia() < best.inertia()
          && !Lloyd.sameClustering(run.labels(), best.labels(), k))) {
        best = run;
      }
    }
    float[] centers = best.centers().clone();
    for (int j = 0; j < k; j++) {
      for (int f = 0; f < d; f++) {
        centers[j * d + f] += mean[f];
      }
    }
    return new Result(best.labels(), centers, best.inertia(), best.nIter());
  }

  private static float[] initialCenters(float[][] x, int n, int d, int k, boolean plusPlus,
      double[][] initCenters, float[] mean, RandomState random) {
    float[] centers = new float[k * d];
    if (initCenters != null) { // check_array(init, dtype=X.dtype), then centred in float32
      for (int j = 0; j < k; j++) {
        for (int f = 0; f < d; f++) {
          centers[j * d + f] = (float) initCenters[j][f] - mean[f];
        }
      }
      return centers;
    }
    if (plusPlus) {
      return KMeansPlusPlus32.centers(x, n, d, k, random);
    }
    float[] p = new float[n]; // sample_weight / sample_weight.sum(), in float32
    java.util.Arrays.fill(p, 1f / n);
    int[] seeds = random.choice(n, k, false, p);
    for (int j = 0; j < k; j++) {
      System.arraycopy(x[seeds[j]], 0, centers, j * d, d);
    }
    return centers;
  }

  /** Checks X: not empty, not ragged, every value finite. */
  static void check(float[][] X) {
    if (X == null || X.length == 0 || X[0] == null || X[0].length == 0) {
      throw new IllegalArgumentException("X " + (X == null ? "must not be null"
          : "is empty: it needs at least one row and one column"));
    }
    int d = X[0].length;
    for (int i = 0; i < X.length; i++) {
      if (X[i] == null || X[i].length != d) {
        throw new IllegalArgumentException("X is ragged: row " + i + " has "
            + (X[i] == null ? "no" : String.valueOf(X[i].length)) + " values but row 0 has " + d);
      }
      for (int f = 0; f < d; f++) {
        if (!Float.isFinite(X[i][f])) {
          throw new IllegalArgumentException("X must be finite: X[" + i + "][" + f + "] is "
              + X[i][f]);
        }
      }
    }
  }
}
