package semaine.clustering;

/**
 * The E-step's inner loop: for samples [start, end), label = argmin_j (‖c_j‖² − 2 x·c_j), the
 * dot product formed as a rounded first product then one FMA per feature, strict {@code <} so the
 * first centre wins ties.
 *
 * <p>Two implementations give the same bits: {@link VectorAssign} (the Vector API, lanes over
 * samples) when the {@code jdk.incubator.vector} module is present, and {@link #assignScalar}, which
 * finishes the vector loop's tail and serves as its test oracle. Set the system property
 * {@code semaine.vector=false} to force the scalar path.
 */
final class AssignKernel {

  /** True when the Vector API module is loaded and not switched off. */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("semaine.vector"));

  private AssignKernel() {}

  /**
   * Labels samples [start, end).
   *
   * @param x samples, row-major, shape (n, d)
   * @param xT the same samples column-major, shape (d, n), or null (scalar path only)
   * @param centersT centres transposed, shape (d, k)
   * @param cSq ‖c_j‖², shape (k,)
   */
  static void assign(double[] x, double[] xT, int n, int d, double[] centersT, double[] cSq, int k,
      int start, int end, int[] labels) {
    int from = start;
    if (VECTOR && xT != null) {
      from = VectorAssign.assign(xT, n, d, centersT, cSq, k, start, end, labels);
    }
    assignScalar(x, d, centersT, cSq, k, from, end, labels);
  }

  /** The scalar twin: one sample at a time, its k dot products advancing feature by feature. */
  static void assignScalar(double[] x, int d, double[] centersT, double[] cSq, int k,
      int start, int end, int[] labels) {
    double[] acc = new double[k];
    for (int i = start; i < end; i++) {
      int offset = i * d;
      double first = x[offset];
      for (int j = 0; j < k; j++) {
        acc[j] = first * centersT[j];
      }
      for (int f = 1; f < d; f++) {
        double xf = x[offset + f];
        int row = f * k;
        for (int j = 0; j < k; j++) {
          acc[j] = Math.fma(xf, centersT[row + j], acc[j]);
        }
      }
      double best = cSq[0] - 2.0 * acc[0];
      int label = 0;
      for (int j = 1; j < k; j++) {
        double dist = cSq[j] - 2.0 * acc[j];
        boolean closer = dist < best; // strict: the first centre wins ties
        best = closer ? dist : best;
        label = closer ? j : label;
      }
      labels[i] = label;
    }
  }
}
