package semaine.util;

/**
 * The dense products of the linear models' solvers, what scikit-learn and liblinear leave to
 * loops or BLAS: {@code X·w} row by row (raw scores, a Hessian times a vector), {@code Σ v_i x_i}
 * (a gradient, {@code Xᵀv}) and the finite test of a row. Each sum runs over its terms in the
 * order a plain loop takes them, a product then an addition, so that the answers are those the
 * models were fitted and checked with (liblinear's own order, the committed model files): the
 * speed comes from independent sums advancing together (eight rows at a time), whole vectors of
 * features (entrywise sums do not depend on the lane layout) and the callers splitting rows or
 * features between the cores. One kernel sums in a BLAS-like order instead, sixteen interleaved
 * partial sums ({@link #dot}), for the solvers whose answers only need to agree with
 * scikit-learn's to rounding (coordinate descent).
 *
 * <p>Two implementations give the same bits: {@link VectorDenseKernels} (the Vector API, 256-bit
 * vectors) when the {@code jdk.incubator.vector} module is present, and the scalar twins here,
 * which serve as their test oracles. Set the system property {@code semaine.vector=false} to force
 * the scalar path.
 */
public final class DenseKernels {

  /** True when the Vector API module is loaded and not switched off. */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("semaine.vector"));

  /** Rows per task when a caller splits rows between the cores: small inputs stay on one. */
  public static final int CHUNK_ROWS = 2048;

  private DenseKernels() {}

  /**
   * Whether every value of a is finite: {@code v − v} is 0 for a finite v and NaN otherwise, and
   * a sum of them is NaN as soon as one is (in any order).
   */
  public static boolean allFinite(double[] a) {
    int i = 0;
    double sum = 0;
    if (VECTOR && a.length >= 16) {
      i = a.length & -16;
      sum = VectorDenseKernels.zeroWhenFinite(a, i);
    }
    double s0 = 0;
    double s1 = 0;
    for (; i + 2 <= a.length; i += 2) {
      s0 += a[i] - a[i];
      s1 += a[i + 1] - a[i + 1];
    }
    for (; i < a.length; i++) {
      s0 += a[i] - a[i];
    }
    return sum + s0 + s1 == 0;
  }

  /**
   * {@code Σ a_i b_i} over {@code [0, n)} summed in sixteen interleaved partial sums (term i into
   * sum {@code i mod 16}, a product then an addition), combined pairwise at the end, the last
   * {@code n mod 16} terms added in order: the order of a BLAS {@code ddot} on 256-bit vectors,
   * not a plain loop's, so the last bits differ from a sequential sum (by rounding only). Both
   * paths give the same bits.
   */
  public static double dot(double[] a, double[] b, int n) {
    return dot(a, 0, b, 0, n);
  }

  /** {@link #dot} of {@code a[aFrom, aFrom + n)} and {@code b[bFrom, bFrom + n)}. */
  public static double dot(double[] a, int aFrom, double[] b, int bFrom, int n) {
    int end = n & -16;
    double s;
    if (VECTOR && end > 0) {
      s = VectorDenseKernels.dot(a, aFrom, b, bFrom, end);
    } else {
      s = dotScalar(a, aFrom, b, bFrom, end);
    }
    for (int i = end; i < n; i++) {
      s += a[aFrom + i] * b[bFrom + i];
    }
    return s;
  }

  /** The scalar twin of {@link #dot} over {@code [0, end)}, end a multiple of 16. */
  static double dotScalar(double[] a, int aFrom, double[] b, int bFrom, int end) {
    double[] s = new double[16];
    for (int i = 0; i < end; i += 16) {
      for (int k = 0; k < 16; k++) {
        s[k] += a[aFrom + i + k] * b[bFrom + i + k];
      }
    }
    // the four vectors added as ((v0 + v1) + (v2 + v3)), then the lanes as (l0 + l1) + (l2 + l3)
    double[] lane = new double[4];
    for (int l = 0; l < 4; l++) {
      lane[l] = (s[l] + s[4 + l]) + (s[8 + l] + s[12 + l]);
    }
    return (lane[0] + lane[1]) + (lane[2] + lane[3]);
  }

  /**
   * {@code out[outFrom + i − from] = start + Σ_j X[i][j] w[wFrom + j]} for the rows i in
   * [from, to), each sum formed as a plain loop forms it from start (a product, then an addition, feature after feature: the
   * order liblinear's solvers sum in); eight rows advance together so that their additions
   * overlap.
   */
  public static void rowDotsInOrder(double[][] X, int from, int to, double[] w, int wFrom,
      double start, double[] out, int outFrom) {
    int p = to > from ? X[from].length : 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      double[] x0 = X[i];
      double[] x1 = X[i + 1];
      double[] x2 = X[i + 2];
      double[] x3 = X[i + 3];
      double[] x4 = X[i + 4];
      double[] x5 = X[i + 5];
      double[] x6 = X[i + 6];
      double[] x7 = X[i + 7];
      double s0 = start;
      double s1 = start;
      double s2 = start;
      double s3 = start;
      double s4 = start;
      double s5 = start;
      double s6 = start;
      double s7 = start;
      for (int j = 0; j < p; j++) {
        double wj = w[wFrom + j];
        s0 += x0[j] * wj;
        s1 += x1[j] * wj;
        s2 += x2[j] * wj;
        s3 += x3[j] * wj;
        s4 += x4[j] * wj;
        s5 += x5[j] * wj;
        s6 += x6[j] * wj;
        s7 += x7[j] * wj;
      }
      int o = outFrom + i - from;
      out[o] = s0;
      out[o + 1] = s1;
      out[o + 2] = s2;
      out[o + 3] = s3;
      out[o + 4] = s4;
      out[o + 5] = s5;
      out[o + 6] = s6;
      out[o + 7] = s7;
    }
    for (; i < to; i++) {
      double[] x = X[i];
      double s = start;
      for (int j = 0; j < p; j++) {
        s += x[j] * w[wFrom + j];
      }
      out[outFrom + i - from] = s;
    }
  }

  /**
   * {@code out[outShift + j] += v[vFrom + i − from] · X[i][j]} for the features j in
   * [colFrom, colTo), rows i
   * in [from, to) in order, a product then an addition (liblinear's axpy): the same bits on the
   * vector path, which works on four features at a time.
   */
  public static void addRowsInOrder(double[][] X, int from, int to, double[] v, int vFrom,
      double[] out, int outShift, int colFrom, int colTo) {
    if (VECTOR && colTo - colFrom >= 8) {
      VectorDenseKernels.addRowsInOrder(X, from, to, v, vFrom - from, out, outShift, colFrom,
          colTo);
      return;
    }
    addRowsInOrderScalar(X, from, to, v, vFrom, out, outShift, colFrom, colTo);
  }

  /** The scalar twin of {@link #addRowsInOrder}. */
  static void addRowsInOrderScalar(double[][] X, int from, int to, double[] v, int vFrom,
      double[] out, int outShift, int colFrom, int colTo) {
    for (int i = from; i < to; i++) {
      double[] x = X[i];
      double a = v[vFrom + i - from];
      for (int j = colFrom; j < colTo; j++) {
        out[outShift + j] += a * x[j];
      }
    }
  }
}
