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

  /** True when the E-step labels one sample at a time ({@link #assignScan}). */
  static final boolean SCAN = "scan".equals(System.getProperty("semaine.assign"));

  private DistanceKernels() {}

  /**
   * The copy of the samples that the vector kernels read ({@link VectorDistanceKernels#panels}),
   * or null when they are not used; the other arguments called {@code xp} below take it.
   *
   * @param x samples, row-major, shape (n, d)
   */
  static double[] panels(double[] x, int n, int d) {
    return VECTOR ? VectorDistanceKernels.panels(x, n, d) : null;
  }

  /** The first sample from {@code start} at which a vector kernel can start: a whole vector's. */
  private static int aligned(int start, int end) {
    int lanes = VectorDistanceKernels.lanes();
    return Math.min(end, (start + lanes - 1) / lanes * lanes);
  }

  /**
   * Labels samples [start, end).
   *
   * @param x samples, row-major, shape (n, d)
   * @param xp the same samples' {@link #panels}, or null (scalar path only)
   * @param centersT centres transposed, shape (d, k)
   * @param cSq ‖c_j‖², shape (k,)
   */
  static void assign(double[] x, double[] xp, int d, double[] centersT, double[] cSq, int k,
      int start, int end, int[] labels) {
    if (VECTOR && xp != null) {
      int head = aligned(start, end);
      assignRest(x, d, centersT, cSq, k, start, head, labels);
      start = VectorDistanceKernels.assign(xp, d, centersT, cSq, k, head, end, labels);
    }
    assignRest(x, d, centersT, cSq, k, start, end, labels);
  }

  /** The scalar path of {@link #assign} for samples [start, end), none when the range is empty. */
  private static void assignRest(double[] x, int d, double[] centersT, double[] cSq, int k,
      int start, int end, int[] labels) {
    if (start == end) {
      return; // the vector kernel labelled them all (a workspace would be 63 KB of garbage a chunk)
    }
    if (SCAN) {
      assignScan(x, d, centersT, cSq, k, start, end, labels);
    } else {
      new Workspace(d, k).assign(x, centersT, cSq, start, end, labels);
    }
  }

  /**
   * {@link #assignScalar}'s twin for a JVM that runs C1 alone (the launcher's rule for short
   * k-means commands passes {@code -Dsemaine.assign=scan}): C1 vectorises nothing, and there one
   * sample at a time, its k dot products advancing feature by feature, is about twice as fast as
   * the blocked passes (one E-step of k = 8 on 10^6 x 2: 40 ms of CPU against 92).
   */
  static void assignScan(double[] x, int d, double[] centersT, double[] cSq, int k,
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

  /** Samples per block of {@link #assignScalar}: a block's columns and distances stay in cache. */
  static final int BLOCK = 256;

  /**
   * The scalar twin, written as loops C2 vectorises (one lane per sample, no reduction in an inner
   * loop): samples go by blocks of {@value #BLOCK}, copied column by column; for each centre j the
   * block's dot products advance feature by feature, acc = x_0·c_0 then acc = fma(x_f, c_f, acc)
   * (four features per pass), and become dist = ‖c_j‖² − 2·acc. The label is the first centre
   * with the smallest distance, found without a data-dependent branch: the minimum over j, then
   * the number of leading centres whose distance is above it (a − min is 0 only when a = min, and
   * (a − min)·2^2000 clamped to 1 makes 0 or 1 of it). Distances are never −0.0 (‖c‖² ≥ +0), so
   * this is the strict {@code <} scan's choice.
   */
  static void assignScalar(double[] x, int d, double[] centersT, double[] cSq, int k,
      int start, int end, int[] labels) {
    new Workspace(d, k).assign(x, centersT, cSq, start, end, labels);
  }

  /**
   * One call's buffers for {@link #assignScalar}, reused from block to block, and the block's
   * steps as small methods over them, which C2 compiles better than one long loop nest (thread CPU
   * time of one E-step of k = 8 on 10^6 x 20, 2026-12-06: 33-37 ms against 41-44 ms for the same
   * loops in one static method; the same bits).
   */
  static final class Workspace {

    private final int d;
    private final int k;
    private final double[][] columns; // the block's samples column by column, shape (d, BLOCK)
    private final double[][] dist; // shape (k, BLOCK)
    private final double[] best = new double[BLOCK];
    private final double[] open = new double[BLOCK]; // 1 while no centre so far reached the min
    private final double[] label = new double[BLOCK];

    Workspace(int d, int k) {
      this.d = d;
      this.k = k;
      columns = new double[d][BLOCK];
      dist = new double[k][BLOCK];
    }

    /** Labels samples [start, end) of x (row-major, shape (n, d)). */
    void assign(double[] x, double[] centersT, double[] cSq, int start, int end, int[] labels) {
      for (int from = start; from < end; from += BLOCK) {
        int m = Math.min(BLOCK, end - from);
        copyColumns(x, from, m);
        for (int j = 0; j < k; j++) {
          dotProducts(centersT, j, m, dist[j]);
        }
        label(cSq, m, labels, from);
      }
    }

    /**
     * The block's m samples from {@code from} into {@link #columns}, four features a pass (each
     * row read once a pass, four column arrays written in sequence): one E-step of 10^6 × 20 spent
     * 21-24 ms copying one sample at a time, 15 ms this way.
     */
    private void copyColumns(double[] x, int from, int m) {
      int f = 0;
      for (; f + 4 <= d; f += 4) {
        double[] c0 = columns[f];
        double[] c1 = columns[f + 1];
        double[] c2 = columns[f + 2];
        double[] c3 = columns[f + 3];
        for (int i = 0, at = from * d + f; i < m; i++, at += d) {
          c0[i] = x[at];
          c1[i] = x[at + 1];
          c2[i] = x[at + 2];
          c3[i] = x[at + 3];
        }
      }
      for (; f < d; f++) {
        double[] column = columns[f];
        for (int i = 0, at = from * d + f; i < m; i++, at += d) {
          column[i] = x[at];
        }
      }
    }

    /** acc[i] = x_i·c_j for the m samples of a block, from the first product, FMAs in order. */
    private void dotProducts(double[] centersT, int j, int m, double[] acc) {
      double c0 = centersT[j];
      double[] x0 = columns[0];
      for (int i = 0; i < m; i++) {
        acc[i] = x0[i] * c0;
      }
      int f = 1;
      for (; f + 4 <= d; f += 4) {
        double c1 = centersT[f * k + j];
        double c2 = centersT[(f + 1) * k + j];
        double c3 = centersT[(f + 2) * k + j];
        double c4 = centersT[(f + 3) * k + j];
        double[] x1 = columns[f];
        double[] x2 = columns[f + 1];
        double[] x3 = columns[f + 2];
        double[] x4 = columns[f + 3];
        for (int i = 0; i < m; i++) {
          acc[i] = Math.fma(x4[i], c4, Math.fma(x3[i], c3, Math.fma(x2[i], c2,
              Math.fma(x1[i], c1, acc[i]))));
        }
      }
      for (; f < d; f++) {
        double c = centersT[f * k + j];
        double[] xf = columns[f];
        for (int i = 0; i < m; i++) {
          acc[i] = Math.fma(xf[i], c, acc[i]);
        }
      }
    }

    /** labels[from + i] = the first j of the smallest ‖c_j‖² − 2·dist[j][i]. */
    private void label(double[] cSq, int m, int[] labels, int from) {
      for (int j = 0; j < k; j++) {
        double[] a = dist[j];
        double norm = cSq[j];
        for (int i = 0; i < m; i++) {
          a[i] = norm - 2.0 * a[i];
        }
      }
      System.arraycopy(dist[0], 0, best, 0, m);
      for (int j = 1; j < k; j++) {
        double[] a = dist[j];
        for (int i = 0; i < m; i++) {
          best[i] = Math.min(best[i], a[i]);
        }
      }
      java.util.Arrays.fill(open, 0, m, 1.0);
      java.util.Arrays.fill(label, 0, m, 0.0);
      for (int j = 0; j < k - 1; j++) {
        double[] a = dist[j];
        for (int i = 0; i < m; i++) {
          double above = Math.min(1.0, (a[i] - best[i]) * 0x1p1000 * 0x1p1000);
          double still = open[i] * above;
          open[i] = still;
          label[i] += still;
        }
      }
      for (int i = 0; i < m; i++) {
        labels[from + i] = (int) label[i];
      }
    }
  }

  /**
   * The M-step's running sums over samples [start, end), in sample order: counts[label] += 1 and
   * sums[label·d + f] += x[i·d + f] (row-major, shape (k, d)), as scikit-learn's chunk loop adds
   * them.
   */
  static void addRows(double[] x, int d, int[] labels, int start, int end, double[] sums,
      double[] counts) {
    for (int i = start; i < end; i++) {
      counts[labels[i]] += 1.0;
    }
    if (VECTOR) {
      VectorDistanceKernels.addRows(x, d, labels, start, end, sums);
    } else {
      addRowsScalar(x, d, labels, start, end, sums);
    }
  }

  /** The scalar twin of {@link VectorDistanceKernels#addRows}: one value at a time. */
  static void addRowsScalar(double[] x, int d, int[] labels, int start, int end,
      double[] sums) {
    for (int i = start; i < end; i++) {
      int offset = labels[i] * d;
      int row = i * d;
      for (int f = 0; f < d; f++) {
        sums[offset + f] += x[row + f];
      }
    }
  }

  /**
   * out[i] = max(0, (−2 x_i·x_s + ‖x_s‖²) + ‖x_i‖²) for samples [start, end), lowered to
   * closest[i] when {@code closest} is not null; scikit-learn's {@code _euclidean_distances} from
   * one sample s. With {@code gemv} the dot products take dgemv's order (features 1, 0, 2, ...).
   *
   * @param xp the samples' {@link #panels}, or null (scalar path only)
   */
  static void candidate(double[] x, double[] xp, int d, double[] xSq, int s, boolean gemv,
      double[] closest, int start, int end, double[] out) {
    if (VECTOR && xp != null) {
      int head = aligned(start, end);
      candidateScalar(x, d, xSq, s, gemv, closest, start, head, out);
      start = VectorDistanceKernels.candidate(x, xp, d, xSq, s, gemv, closest, head, end, out);
    }
    candidateScalar(x, d, xSq, s, gemv, closest, start, end, out);
  }

  /**
   * {@link #candidate} for several samples s[t] at once, each lowered to closest[i], into out[t]:
   * one pass over the samples for all of them, the same bits as one call per sample.
   */
  static void candidates(double[] x, double[] xp, int d, double[] xSq, int[] s,
      double[] closest, int start, int end, double[][] out) {
    if (VECTOR && xp != null) {
      int head = aligned(start, end);
      for (int t = 0; t < s.length; t++) {
        candidateScalar(x, d, xSq, s[t], false, closest, start, head, out[t]);
      }
      start = VectorDistanceKernels.candidates(x, xp, d, xSq, s, closest, head, end, out);
    }
    for (int t = 0; t < s.length; t++) {
      candidateScalar(x, d, xSq, s[t], false, closest, start, end, out[t]);
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
