package semaine.optimize;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Minimises a smooth function with the limited-memory BFGS method, with the options and stopping
 * rules scikit-learn gives {@code scipy.optimize.minimize(method="L-BFGS-B")} (no bounds):
 * memory {@code maxcor = 10}, at most {@code maxls} function evaluations per line search, and three
 * ways to stop, checked after each iteration in L-BFGS-B's order:
 * <ol>
 *   <li>{@code max_j |g_j| <= gtol} (converged, status 0);
 *   <li>{@code f_old - f <= ftol · max(|f_old|, |f|, 1)} (converged, status 0);
 *   <li>{@code maxIter} iterations done (status 1).
 * </ol>
 * A line search that finds no acceptable step, even from the steepest descent direction, ends
 * with status 2.
 *
 * <p>Each iteration takes the direction {@code -H g} of the two-loop recursion (Nocedal and Wright,
 * Algorithm 7.4) over the last pairs (s, y) with {@code sᵀy > eps · yᵀy}, scaled by
 * {@code sᵀy / yᵀy}, and a step satisfying the strong Wolfe conditions with c1 = 1e-3 and
 * c2 = 0.9 (MINPACK-2's {@code dcsrch} constants, as L-BFGS-B uses), by bracketing and cubic
 * interpolation (Algorithms 3.5 and 3.6). The first step has length {@code 1/‖g‖}, later ones
 * start at 1. The path differs from SciPy's (which adds the generalised Cauchy point machinery for
 * bounds) but the optimum of a strictly convex function is the same.
 */
public final class Lbfgs {

  /** Pairs (s, y) kept: SciPy's {@code maxcor} default. */
  public static final int MEMORY = 10;

  private static final double C1 = 1e-3;
  private static final double C2 = 0.9;

  /** The function: returns f(x) and writes its gradient into {@code gradient}. */
  @FunctionalInterface
  public interface Objective {
    double valueAndGradient(double[] x, double[] gradient);
  }

  /**
   * What the minimisation reached.
   *
   * @param x the last iterate, shape (n,)
   * @param f f(x)
   * @param gradient the gradient at x, shape (n,)
   * @param nIter the iterations done ({@code nit})
   * @param status 0 converged, 1 iteration limit reached, 2 line search failed
   * @param message why it stopped, in SciPy's words
   */
  public record Result(double[] x, double f, double[] gradient, int nIter, int status,
      String message) {}

  private final Objective objective;
  private final int maxIter;
  private final double gtol;
  private final double ftol;
  private final int maxls;

  /**
   * A minimiser with SciPy's {@code maxiter}, {@code gtol}, {@code ftol} and {@code maxls}.
   *
   * @throws IllegalArgumentException if maxIter or maxls is negative, or gtol or ftol is negative
   *     or NaN
   */
  public Lbfgs(Objective objective, int maxIter, double gtol, double ftol, int maxls) {
    if (maxIter < 0 || maxls < 1 || !(gtol >= 0) || !(ftol >= 0)) {
      throw new IllegalArgumentException("L-BFGS needs maxIter >= 0, maxls >= 1, gtol >= 0 and"
          + " ftol >= 0, got " + maxIter + ", " + maxls + ", " + gtol + ", " + ftol);
    }
    this.objective = objective;
    this.maxIter = maxIter;
    this.gtol = gtol;
    this.ftol = ftol;
    this.maxls = maxls;
  }

  /** Minimises from x0 (not modified). */
  public Result minimize(double[] x0) {
    int n = x0.length;
    double[] x = x0.clone();
    double[] g = new double[n];
    double f = objective.valueAndGradient(x, g);
    checkFinite(f, g);
    if (maxAbs(g) <= gtol) {
      return new Result(x, f, g, 0, 0, "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL");
    }
    Deque<double[][]> pairs = new ArrayDeque<>();   // (s, y, {1 / sᵀy}), newest first
    int nIter = 0;
    while (true) {
      if (nIter >= maxIter) {
        return new Result(x, f, g, nIter, 1, "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT");
      }
      // the first step, and the one after a restart, has length 1/‖g‖; later ones start at 1
      Step step = pairs.isEmpty() ? lineSearch(x, f, g, negate(g), 1 / norm(g))
          : lineSearch(x, f, g, direction(g, pairs), 1);
      if (step == null && !pairs.isEmpty()) {
        pairs.clear();   // restart once from the steepest descent direction
        step = lineSearch(x, f, g, negate(g), 1 / norm(g));
      }
      if (step == null) {
        return new Result(x, f, g, nIter, 2, "ABNORMAL: line search did not converge");
      }
      nIter++;
      double[] s = new double[n];
      double[] y = new double[n];
      for (int j = 0; j < n; j++) {
        s[j] = step.x[j] - x[j];
        y[j] = step.g[j] - g[j];
      }
      double sy = dot(s, y);
      if (sy > Math.ulp(1.0) * dot(y, y)) {
        pairs.addFirst(new double[][] {s, y, {1 / sy}});
        if (pairs.size() > MEMORY) {
          pairs.removeLast();
        }
      }
      double fOld = f;
      x = step.x;
      g = step.g;
      f = step.f;
      if (maxAbs(g) <= gtol) {
        return new Result(x, f, g, nIter, 0, "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL");
      }
      if (fOld - f <= ftol * Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1)) {
        return new Result(x, f, g, nIter, 0,
            "CONVERGENCE: RELATIVE REDUCTION OF F <= FACTR*EPSMCH");
      }
    }
  }

  /** A point accepted by the line search, with its value and gradient. */
  private record Step(double[] x, double f, double[] g, double slope) {}

  /** {@code -H g} by the two-loop recursion. */
  private static double[] direction(double[] g, Deque<double[][]> pairs) {
    double[] q = negate(g);
    double[] alpha = new double[pairs.size()];
    int i = 0;
    for (double[][] p : pairs) {
      alpha[i] = p[2][0] * dot(p[0], q);
      axpy(-alpha[i], p[1], q);
      i++;
    }
    double[][] newest = pairs.getFirst();
    double gamma = 1 / (newest[2][0] * dot(newest[1], newest[1]));
    for (int j = 0; j < q.length; j++) {
      q[j] *= gamma;
    }
    var oldestFirst = pairs.descendingIterator();
    i = pairs.size() - 1;
    while (oldestFirst.hasNext()) {
      double[][] p = oldestFirst.next();
      double beta = p[2][0] * dot(p[1], q);
      axpy(alpha[i] - beta, p[0], q);
      i--;
    }
    return q;
  }

  /**
   * A step length a with f(x + a d) <= f + c1 a slope and |∇f(x + a d) · d| <= c2 |slope|, or null
   * when {@code maxls} evaluations find none.
   */
  private Step lineSearch(double[] x, double f0, double[] g, double[] d, double first) {
    double slope0 = dot(g, d);
    if (!(slope0 < 0)) {
      return null;   // not a descent direction
    }
    double a = first;
    double aLo = 0;
    double fLo = f0;
    double dLo = slope0;
    for (int evals = 0; evals < maxls; evals++) {
      Step trial = evaluate(x, d, a);
      if (trial.f > f0 + C1 * a * slope0 || (evals > 0 && trial.f >= fLo)) {
        return zoom(x, f0, d, slope0, aLo, fLo, dLo, a, trial.f, trial.slope, evals + 1);
      }
      if (Math.abs(trial.slope) <= -C2 * slope0) {
        return trial;
      }
      if (trial.slope >= 0) {
        return zoom(x, f0, d, slope0, a, trial.f, trial.slope, aLo, fLo, dLo, evals + 1);
      }
      double next = cubicMinimum(aLo, fLo, dLo, a, trial.f, trial.slope);
      double low = a + 1.1 * (a - aLo);   // extrapolate, at least a bit and at most 4 times
      double high = 4 * a;
      aLo = a;
      fLo = trial.f;
      dLo = trial.slope;
      a = Double.isFinite(next) ? Math.min(Math.max(next, low), high) : high;
    }
    return null;
  }

  /** Algorithm 3.6: shrinks [lo, hi], which holds an acceptable step, by cubic interpolation. */
  private Step zoom(double[] x, double f0, double[] d, double slope0, double aLo, double fLo,
      double dLo, double aHi, double fHi, double dHi, int evals) {
    for (; evals < maxls; evals++) {
      double width = aHi - aLo;
      if (Math.abs(width) <= Math.ulp(Math.max(Math.abs(aLo), Math.abs(aHi))) * 4) {
        return null;
      }
      double a = cubicMinimum(aLo, fLo, dLo, aHi, fHi, dHi);
      double inner = 0.1 * Math.abs(width);
      double left = Math.min(aLo, aHi) + inner;
      double right = Math.max(aLo, aHi) - inner;
      if (!Double.isFinite(a) || a < left || a > right) {
        a = aLo + 0.5 * width;   // bisect when the cubic leaves the safe middle of the interval
      }
      Step trial = evaluate(x, d, a);
      if (trial.f > f0 + C1 * a * slope0 || trial.f >= fLo) {
        aHi = a;
        fHi = trial.f;
        dHi = trial.slope;
      } else {
        if (Math.abs(trial.slope) <= -C2 * slope0) {
          return trial;
        }
        if (trial.slope * (aHi - aLo) >= 0) {
          aHi = aLo;
          fHi = fLo;
          dHi = dLo;
        }
        aLo = a;
        fLo = trial.f;
        dLo = trial.slope;
      }
    }
    return null;
  }

  private Step evaluate(double[] x, double[] d, double a) {
    double[] xa = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      xa[j] = x[j] + a * d[j];
    }
    double[] ga = new double[x.length];
    double fa = objective.valueAndGradient(xa, ga);
    checkFinite(fa, ga);
    return new Step(xa, fa, ga, dot(ga, d));
  }

  /** The minimiser of the cubic through (a, fa, da) and (b, fb, db); NaN when it has none. */
  private static double cubicMinimum(double a, double fa, double da, double b, double fb,
      double db) {
    double d1 = da + db - 3 * (fa - fb) / (a - b);
    double radicand = d1 * d1 - da * db;
    if (!(radicand >= 0)) {
      return Double.NaN;
    }
    double d2 = Math.signum(b - a) * Math.sqrt(radicand);
    return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
  }

  private static void checkFinite(double f, double[] g) {
    if (!Double.isFinite(f) || !Double.isFinite(maxAbs(g))) {
      throw new ArithmeticException("L-BFGS: the objective or its gradient is not finite (f = "
          + f + ")");
    }
  }

  /** max_j |v_j|, NaN if any entry is NaN (Math.max propagates it). */
  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  private static double norm(double[] v) {
    return Math.sqrt(dot(v, v));
  }

  private static double[] negate(double[] v) {
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = -v[j];
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  private static void axpy(double alpha, double[] x, double[] y) {
    for (int j = 0; j < y.length; j++) {
      y[j] += alpha * x[j];
    }
  }
}
