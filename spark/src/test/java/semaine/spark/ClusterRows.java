package semaine.spark;

/**
 * The rows of the standalone-cluster test, computed from their index alone, so that the cluster's
 * executors and the test's JVM make the same doubles: four groups around far-apart centres, the
 * offsets from a multiplicative hash of (row, feature).
 */
final class ClusterRows {

  static final int FEATURES = 4;
  static final int GROUPS = 4;

  private ClusterRows() {}

  /** Row i. */
  static double[] row(long i) {
    double[] x = new double[FEATURES];
    int group = (int) (i % GROUPS);
    for (int f = 0; f < FEATURES; f++) {
      long h = (i * 0x9E3779B97F4A7C15L + f * 0xBF58476D1CE4E5B9L) >>> 11;
      double noise = (h % 1_000_003) / 1_000_003.0 * 4 - 2;
      x[f] = (f == group % FEATURES ? 8.0 : 0.0) + group * 0.5 + noise;
    }
    return x;
  }

  /** Row i's group: the class the forest learns. */
  static int label(long i) {
    return (int) (i % GROUPS);
  }

  /** Rows [0, n). */
  static double[][] rows(int n) {
    double[][] X = new double[n][];
    for (int i = 0; i < n; i++) {
      X[i] = row(i);
    }
    return X;
  }
}
