package semaine.svm;

/**
 * liblinear's trust-region Newton method (Lin, Weng and Keerthi, 2008) for its primal problems:
 * from w = 0, each step solves the Newton system H·s = −g approximately by conjugate gradients
 * inside a ball of radius Δ (stopping when the residual is below 0.1·‖g‖ or at the boundary), takes
 * the step when the actual reduction exceeds 10⁻⁴ of the predicted one, and resizes Δ by their
 * ratio (η = 10⁻⁴, ¼, ¾; σ = ¼, ½, 4). Stops when ‖g‖ ≤ eps·‖g₀‖ or after maxIter steps.
 *
 * <p>liblinear calls BLAS for the norms, dot products and updates; they are computed here as
 * the OpenBLAS build scikit-learn's wheels load does them on x86-64 (see {@link #dot},
 * {@link #norm}, {@link #axpy}), so that the iterates follow scikit-learn's.
 */
final class Tron {

  /** A twice-differentiable objective: its value, gradient and Hessian-vector product. */
  interface Objective {
    /** f(w); also keeps what {@link #gradient} and {@link #hessianTimes} need at this w. */
    double value(double[] w);

    /** g = ∇f(w) at the w of the last {@link #value} call. */
    void gradient(double[] w, double[] g);

    /** Hs = ∇²f(w)·s at the w of the last {@link #gradient} call (a rejected step calls only
     * {@link #value}, so what the Hessian needs must be kept by {@link #gradient}). */
    void hessianTimes(double[] s, double[] hs);

    /** The number of variables. */
    int size();
  }

  private Tron() {}

  /**
   * Minimises the objective from w = 0 into w.
   *
   * @return the number of accepted steps
   */
  static int minimize(Objective objective, double[] w, double eps, int maxIter) {
    final double eta0 = 1e-4;
    final double eta1 = 0.25;
    final double eta2 = 0.75;
    final double sigma1 = 0.25;
    final double sigma2 = 0.5;
    final double sigma3 = 4;
    int n = objective.size();
    double[] s = new double[n];
    double[] r = new double[n];
    double[] wNew = new double[n];
    double[] g = new double[n];
    java.util.Arrays.fill(w, 0.0);
    double f = objective.value(w);
    objective.gradient(w, g);
    double delta = norm(g);
    double gnorm1 = delta;
    boolean search = !(delta <= eps * gnorm1);
    int iter = 1;
    while (iter <= maxIter && search) {
      conjugateGradient(objective, delta, g, s, r);
      System.arraycopy(w, 0, wNew, 0, n);
      axpy(1.0, s, wNew);
      double gs = dot(g, s);
      double prered = -0.5 * (gs - dot(s, r));
      double fnew = objective.value(wNew);
      double actred = f - fnew;
      double snorm = norm(s);
      if (iter == 1) {
        delta = Math.min(delta, snorm);
      }
      double alpha = fnew - f - gs <= 0 ? sigma3 : Math.max(sigma1, -0.5 * (gs / (fnew - f - gs)));
      if (actred < eta0 * prered) {
        delta = Math.min(Math.max(alpha, sigma1) * snorm, sigma2 * delta);
      } else if (actred < eta1 * prered) {
        delta = Math.max(sigma1 * delta, Math.min(alpha * snorm, sigma2 * delta));
      } else if (actred < eta2 * prered) {
        delta = Math.max(sigma1 * delta, Math.min(alpha * snorm, sigma3 * delta));
      } else {
        delta = Math.max(delta, Math.min(alpha * snorm, sigma3 * delta));
      }
      if (actred > eta0 * prered) {
        iter++;
        System.arraycopy(wNew, 0, w, 0, n);
        f = fnew;
        objective.gradient(w, g);
        if (norm(g) <= eps * gnorm1) {
          break;
        }
      }
      if (f < -1.0e+32) {
        break;
      }
      if (Math.abs(actred) <= 0 && prered <= 0) {
        break;
      }
      if (Math.abs(actred) <= 1.0e-12 * Math.abs(f) && Math.abs(prered) <= 1.0e-12 * Math.abs(f)) {
        break;
      }
    }
    return iter - 1;
  }

  /** Conjugate gradients on H·s = −g inside ‖s‖ ≤ Δ; r ends as the residual −g − H·s. */
  private static void conjugateGradient(Objective objective, double delta, double[] g,
      double[] s, double[] r) {
    int n = g.length;
    double[] d = new double[n];
    double[] hd = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = 0;
      r[i] = -g[i];
      d[i] = r[i];
    }
    double cgtol = 0.1 * norm(g);
    double rTr = dot(r, r);
    while (norm(r) > cgtol) {
      objective.hessianTimes(d, hd);
      double alpha = rTr / dot(d, hd);
      axpy(alpha, d, s);
      if (norm(s) > delta) {
        axpy(-alpha, d, s);
        double std = dot(s, d);
        double sts = dot(s, s);
        double dtd = dot(d, d);
        double dsq = delta * delta;
        double rad = Math.sqrt(std * std + dtd * (dsq - sts));
        alpha = std >= 0 ? (dsq - sts) / (std + rad) : (rad - std) / dtd;
        axpy(alpha, d, s);
        axpy(-alpha, hd, r);
        break;
      }
      axpy(-alpha, hd, r);
      double rnewTrnew = dot(r, r);
      double beta = rnewTrnew / rTr;
      for (int i = 0; i < n; i++) {
        d[i] = beta * d[i];
      }
      axpy(1.0, r, d);
      rTr = rnewTrnew;
    }
  }

  /**
   * OpenBLAS's ddot (x86-64 Haswell kernel): the first n &amp; −16 products fused-added into 16
   * accumulators (entry i into accumulator i mod 16), folded as (0+2), (4+6)... per lane, then
   * (h0+h1)+(h2+h3) and the two lanes added; the last n mod 16 products added one by one.
   */
  static double dot(double[] a, double[] b) {
    int n = a.length;
    int blocked = n & -16;
    double sum = 0.0;
    if (blocked > 0) {
      double[] acc = new double[16];
      for (int i = 0; i < blocked; i += 16) {
        for (int l = 0; l < 16; l++) {
          acc[l] = Math.fma(a[i + l], b[i + l], acc[l]);
        }
      }
      double[] lane = new double[2];
      for (int j = 0; j < 2; j++) {
        double h0 = acc[j] + acc[j + 2];
        double h1 = acc[4 + j] + acc[4 + j + 2];
        double h2 = acc[8 + j] + acc[8 + j + 2];
        double h3 = acc[12 + j] + acc[12 + j + 2];
        lane[j] = (h0 + h1) + (h2 + h3);
      }
      sum = lane[0] + lane[1];
    }
    for (int i = blocked; i < n; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /**
   * OpenBLAS's dnrm2 on x86-64: the squares summed in x87 extended precision and the square root
   * rounded once to double. Here the sum is kept as an unevaluated pair (hi + lo, about 106 bits)
   * and the root corrected by one Newton step, which rounds the same way but in the rare case of
   * a root within 2⁻⁶⁴ of a rounding boundary.
   */
  static double norm(double[] a) {
    double hi = 0;
    double lo = 0;
    for (double v : a) {
      double square = v * v;
      double squareError = Math.fma(v, v, -square);
      double sum = hi + square;
      double bv = sum - hi;
      double error = (hi - (sum - bv)) + (square - bv);
      hi = sum;
      lo += error + squareError;
    }
    double total = hi + lo;
    double rest = lo - (total - hi);
    if (total <= 0) {
      return Math.sqrt(total);
    }
    double root = Math.sqrt(total);
    double residual = Math.fma(-root, root, total) + rest;
    return root + residual / (2 * root);
  }

  /**
   * OpenBLAS's daxpy (Haswell kernel): y += a·x, the first n &amp; −16 entries fused (one
   * rounding, as its FMA kernel does), the last n mod 16 multiplied then added.
   */
  private static void axpy(double a, double[] x, double[] y) {
    int blocked = x.length & -16;
    for (int i = 0; i < blocked; i++) {
      y[i] = Math.fma(a, x[i], y[i]);
    }
    for (int i = blocked; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }
}
