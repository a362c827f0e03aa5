package semaine.clustering;

/**
 * The two hot loops of k-means over a range of samples [start, end): the E-step's labels
 * ({@link #assign}) and k-means++'s distances to a candidate ({@link #candidate}). Dot products are
 * a rounded first product then one FMA per feature, as OpenBLAS forms them.
 *
 * <p>Two implementations give the same bits: {@link VectorDistanceKernels} (the Vector API, one
 * lane per sample) when the {@code jdk.incubator.vector} module is present, and the scalar twins
 * here, which finish the vector loops' tails and serve as their test oracles. Set the system
 * property {@code semaine.vector=false} to force the scalar path.
 */
final class DistanceKernels {

  /** True when the Vector API module is loaded and not switched off. */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("semaine.vector"));

  private DistanceKernels() {}

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
      from = VectorDistanceKernels.assign(xT, n, d, centersT, cSq, k, start, end, labels);
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

  /**
   * out[i] = max(0, (−2 x_i·x_s + ‖x_s‖²) + ‖x_i‖²) for samples [start, end), lowered to
   * closest[i] when {@code closest} is not null; scikit-learn's {@code _euclidean_distances} from
   * one sample s. With {@code gemv} the dot products take dgemv's order (features 1, 0, 2, ...).
   *
   * @param xT samples column-major, shape (d, n), or null (scalar path only)
   */
  static void candidate(double[] x, double[] xT, int n, int d, double[] xSq, int s, boolean gemv,
      double[] closest, int start, int end, double[] out) {
    int from = start;
    if (VECTOR && xT != null) {
      from = VectorDistanceKernels.candidate(x, xT, n, d, xSq, s, gemv, closest, start, end, out);
    }
    candidateScalar(x, d, xSq, s, gemv, closest, from, end, out);
  }

  /**
   * {@link #candidate} for several samples s[t] at once, each lowered to closest[i], into out[t]:
   * one pass over the samples for all of them, the same bits as one call per sample.
   */
  static void candidates(double[] x, double[] xT, int n, int d, double[] xSq, int[] s,
      double[] closest, int start, int end, double[][] out) {
    int from = start;
    if (VECTOR && xT != null) {
      from = VectorDistanceKernels.candidates(x, xT, n, d, xSq, s, closest, start, end, out);
    }
    for (int t = 0; t < s.length; t++) {
      candidateScalar(x, d, xSq, s[t], false, closest, from, end, out[t]);
    }
  }

  /** The scalar twin of {@link #candidate}. */
  static void candidateScalar(double[] x, int d, double[] xSq, int s, boolean gemv,
      double[] closest, int start, int end, double[] out) {
    int offset = s * d;
    double cSq = ClusterDistances.rowNormSquared(x, offset, d);
    for (int i = start; i < end; i++) {
      double dot = gemv
          ? ClusterDistances.dotGemv(x, i * d, x, offset, d)
          : ClusterDistances.dot(x, i * d, x, offset, d);
      double dist = Math.max((-2.0 * dot + cSq) + xSq[i], 0.0);
      out[i] = closest == null ? dist : Math.min(closest[i], dist);
    }
  }

  /**
   * The nearest cluster to x among positions [start, end) for Ward's linkage: the lowest
   * position whose w = n_i·n_x / (n_i + n_x) · ‖c_i − c_x‖² is strictly below best[0], which
   * it then holds; −1 if none ({@link WardChain}). best[1] holds the runner-up: the smallest of
   * the other values seen, the bound best[0] came in with included.
   *
   * @param cols centroids column-major, coordinate f of position i at {@code cols[f·stride + i]}
   * @param sizes cluster sizes by position
   * @param cx the centroid of x, shape (d,)
   * @param nx the size of x
   * @param best {bound in and smallest out, runner-up}
   */
  static int nearestWard(double[] cols, int stride, int d, double[] sizes, double[] cx, double nx,
      int start, int end, double[] best) {
    int found = -1;
    int from = start;
    if (VECTOR) {
      found = VectorDistanceKernels.nearestWard(cols, stride, d, sizes, cx, nx, start, end, best);
      from = start + (end - start) / VectorDistanceKernels.lanes() * VectorDistanceKernels.lanes();
    }
    for (int i = from; i < end; i++) {
      double w = wardScalar(cols, stride, d, sizes, cx, nx, i);
      if (w < best[0]) {
        best[1] = Math.min(best[1], best[0]);
        best[0] = w;
        found = i;
      } else {
        best[1] = Math.min(best[1], w);
      }
    }
    return found;
  }

  /**
   * The scalar twin of {@link #nearestWard} for position i: the squared gaps summed by FMAs from
   * the first one, times n_i·n_x / (n_i + n_x).
   */
  static double wardScalar(double[] cols, int stride, int d, double[] sizes, double[] cx,
      double nx, int i) {
    double gap = cols[i] - cx[0];
    double s = gap * gap;
    for (int f = 1; f < d; f++) {
      gap = cols[f * stride + i] - cx[f];
      s = Math.fma(gap, gap, s);
    }
    double ni = sizes[i];
    return ni * nx / (ni + nx) * s;
  }
}
