package semaine.clustering;

/**
 * The per-sample steps of {@link KMeans}' Lloyd iterations, for code that holds the samples in
 * pieces (a distributed k-means labels each block of rows where it lives): the E-step's
 * assignment and the squared distance of the inertia, with the very kernels {@code KMeans} runs,
 * so a block gives the labels the local fit would give its rows.
 */
public final class LloydKernels {

  private LloydKernels() {}

  /**
   * labels[i] = argmin_j (‖c_j‖² − 2 x_i·c_j) for the n rows of {@code x} (row-major, shape
   * (n, d)) against the k centres (row-major, shape (k, d)); the first centre wins ties.
   */
  public static void assign(double[] x, int n, int d, double[] centers, int k, int[] labels) {
    double[] xp = DistanceKernels.panels(x, n, d);
    new Lloyd(x, xp, n, d).assign(centers, k, labels);
  }

  /** ‖a_row − b_row‖² of the d values from each offset, in {@code KMeans}' inertia order. */
  public static double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int d) {
    return ClusterDistances.squaredDistance(a, aOffset, b, bOffset, d);
  }
}
