package semaine.classification;

/**
 * The binary log-loss and its gradient over a range of rows, in one pass: for each row its raw
 * score {@code r = x · w + b}, then {@code s (log(1 + e^r) − y r)} and the residual
 * {@code s (σ(r) − y)}, which is added times x to the gradient while the row is still in cache.
 * Eight rows go together, so each vector of w is loaded once for eight rows and the residuals of
 * the eight are added feature by feature.
 *
 * <p>The order of every sum is fixed, whatever the lanes: a dot product keeps four partial sums
 * (feature j into sum j mod 4, by fused multiply-adds), adds them as {@code (s0 + s1) + (s2 + s3)},
 * then the last {@code p mod 4} features in order, then b; the gradient and the loss take the rows
 * in order. {@link VectorBinomialKernel} (the Vector API, four lanes) and the scalar twin here
 * give the same bits, so a fit does not depend on the JIT's warm-up or on the module's presence.
 * The exponential and log1p of the loss are short polynomials in fused multiply-adds
 * ({@link #exp}, {@link #log1p}: a few ulps from Math's, without its branches and calls); the
 * fitted coefficients stay within rounding of the optimum either way.
 */
final class BinomialKernel {

  /** True when the Vector API module is loaded and not switched off ({@code semaine.vector}). */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("semaine.vector"));

  /** Rows handled together. */
  static final int ROWS = 8;

  private BinomialKernel() {}

  /** The scalar twin of {@link VectorBinomialKernel#addRows}: the same operations, lane by lane. */
  static double addRowsScalar(double[][] X, int[] y, double[] weights, double[] coef,
      boolean fitIntercept, int from, int to, double[] sums, double loss) {
    int p = X[from].length;
    double b = fitIntercept ? coef[p] : 0;
    double[] residual = new double[ROWS];
    double[] raw = new double[ROWS + 1];   // an odd last row is taken twice, into t and t + 1
    for (int start = from; start < to; start += ROWS) {
      int rows = Math.min(ROWS, to - start);
      for (int t = 0; t < rows; t += 2) {
        dots(X[start + t], X[start + Math.min(t + 1, rows - 1)], coef, p, raw, t);
      }
      for (int t = 0; t < rows; t++) {
        int i = start + t;
        loss = addTerms(raw[t] + b, y[i], weights[i], residual, t, loss);
      }
      for (int t = 0; t < rows; t++) {
        double[] x = X[start + t];
        double a = residual[t];
        for (int j = 0; j < p; j++) {
          sums[j] = Math.fma(x[j], a, sums[j]);
        }
        if (fitIntercept) {
          sums[p] += a;
        }
      }
    }
    return loss;
  }

  /**
   * x · w and z · w over p features, written to {@code out[t]} and {@code out[t + 1]}: for each
   * row four partial sums (feature j into sum j mod 4), added as {@code (s0 + s1) + (s2 + s3)},
   * then the last p mod 4 features in order. Two rows at once make eight independent chains of
   * fused multiply-adds where one row has four (a chain waits for its previous addition; eight
   * keep the core's two FMA units busy).
   */
  static void dots(double[] x, double[] z, double[] w, int p, double[] out, int t) {
    int end = p & -4;
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0;   // x's four partial sums
    double c0 = 0, c1 = 0, c2 = 0, c3 = 0;   // z's
    for (int j = 0; j < end; j += 4) {
      a0 = Math.fma(x[j], w[j], a0);
      c0 = Math.fma(z[j], w[j], c0);
      a1 = Math.fma(x[j + 1], w[j + 1], a1);
      c1 = Math.fma(z[j + 1], w[j + 1], c1);
      a2 = Math.fma(x[j + 2], w[j + 2], a2);
      c2 = Math.fma(z[j + 2], w[j + 2], c2);
      a3 = Math.fma(x[j + 3], w[j + 3], a3);
      c3 = Math.fma(z[j + 3], w[j + 3], c3);
    }
    out[t] = tail(x, w, end, p, (a0 + a1) + (a2 + a3));
    out[t + 1] = tail(z, w, end, p, (c0 + c1) + (c2 + c3));
  }

  /** s, then x_j w_j added for j in [from, p) by fused multiply-adds. */
  static double tail(double[] x, double[] w, int from, int p, double s) {
    for (int j = from; j < p; j++) {
      s = Math.fma(x[j], w[j], s);
    }
    return s;
  }

  /** ln 2 in two parts, high then low, and what turns a double into an integer by rounding. */
  static final double LN2_HI = 0x1.62e42fefa39efp-1;
  static final double LN2_LO = 0x1.abc9e3b39803fp-56;
  static final double LOG2_E = 0x1.71547652b82fep0;
  static final double ROUND = 0x1.8p52;
  /** Below this, e^x is taken as e^-708 (3e-308, the smallest order of a normal double). */
  static final double EXP_MIN = -708;
  /** 1/k! for k = 13 down to 2: the Taylor polynomial of e^f on |f| <= ln 2 / 2. */
  static final double[] EXP_TAYLOR = new double[12];
  /** 1/(2k + 1) for k = 17 down to 1: the series of atanh(s)/s, s <= 1/3. */
  static final double[] ATANH_SERIES = new double[17];

  static {
    double factorial = 1;
    for (int k = 2; k <= 13; k++) {
      factorial *= k;
      EXP_TAYLOR[13 - k] = 1 / factorial;
    }
    for (int k = 1; k <= 17; k++) {
      ATANH_SERIES[17 - k] = 1.0 / (2 * k + 1);
    }
  }

  /**
   * Row t's residual and loss from its raw score r: writes {@code s (σ(r) − y)} to
   * {@code residual[t]} and returns {@code loss + s (log(1 + e^r) − y r)}. σ and log(1 + e^r) come
   * from one exponential, e = e^{−|r|}, as scikit-learn's {@code HalfBinomialLoss} computes them
   * without overflow: σ(r) = (r >= 0 ? 1 : e) / (1 + e), log(1 + e^r) = max(r, 0) + log1p(e),
   * with no branch on the sign of r (half the rows would mispredict it).
   */
  static double addTerms(double r, int label, double s, double[] residual, int t, double loss) {
    double e = exp(-Math.abs(r));
    double sigma = (r >= 0 ? 1 : e) / (1 + e);
    residual[t] = s * (sigma - label);
    return loss + s * ((Math.max(r, 0) + log1p(e)) - label * r);
  }

  /** 2^k for {@code shifted = ROUND + k}, k an integer in [-1022, 0], from the exponent's bits. */
  private static double twoTo(double shifted) {
    long k = Double.doubleToRawLongBits(shifted) - Double.doubleToRawLongBits(ROUND);
    return Double.longBitsToDouble((k + 1023) << 52);
  }

  /**
   * e^x for x <= 0: x = k ln 2 + f with k = round(x / ln 2) and |f| <= ln 2 / 2 (the product
   * k ln 2 exact through fused multiply-adds), e^f by its Taylor polynomial to degree 13 (the
   * remainder below 1e-17), times 2^k from the exponent's bits; within a few ulps of
   * {@link Math#exp}. x below {@value #EXP_MIN} counts as {@value #EXP_MIN}.
   */
  static double exp(double x) {
    x = Math.max(x, EXP_MIN);
    double shifted = Math.fma(x, LOG2_E, ROUND);
    double k = shifted - ROUND;
    double f = Math.fma(k, -LN2_LO, Math.fma(k, -LN2_HI, x));
    double q = EXP_TAYLOR[0];
    for (int c = 1; c < EXP_TAYLOR.length; c++) {
      q = Math.fma(q, f, EXP_TAYLOR[c]);
    }
    q = Math.fma(q, f, 1);
    q = Math.fma(q, f, 1);
    return q * twoTo(shifted);
  }

  /**
   * log(1 + e) for e in [0, 1]: with s = e / (2 + e) <= 1/3, log(1 + e) = 2 atanh(s)
   * = 2s (1 + s²/3 + s⁴/5 + ...), the series to s^34 (the remainder below 1e-17).
   */
  static double log1p(double e) {
    double s = e / (2 + e);
    double z = s * s;
    double q = ATANH_SERIES[0];
    for (int c = 1; c < ATANH_SERIES.length; c++) {
      q = Math.fma(q, z, ATANH_SERIES[c]);
    }
    q = Math.fma(q, z, 1);
    return 2 * s * q;
  }
}
