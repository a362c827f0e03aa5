package semaine.classification;

import java.util.List;
import semaine.optimize.Cholesky;

/**
 * scikit-learn 1.9's {@code NewtonCholeskySolver} for {@link LogisticLoss}: Newton steps
 * {@code H d = −g} solved by Cholesky, a backtracking line search, and its stopping rule
 * {@code max|g| <= tol} and {@code ½ dᵀ H d <= tol}.
 *
 * <p>The line search tries t = 1, ½, ¼, ... (21 tries) and accepts the first t with
 * {@code L(w + t d) − L(w) <= 2⁻¹¹ t gᵀd}, or with a change below 16 eps |L(w)| that still lowers
 * Σ|g|. The multinomial model has one redundant degree of freedom per feature (adding a constant
 * to every class changes nothing): with an intercept and a penalty the last intercept is held at
 * 0, without penalty the whole last class is; at the end the intercepts (or all of W) are centred
 * over the classes, scikit-learn's symmetric parametrisation. A Hessian that is not positive
 * definite or a failed line search hands over to L-BFGS, as scikit-learn does, with its warning.
 */
final class NewtonCholesky {

  private static final double ARMIJO = 0x1p-11;

  /** What the solver reached: the parameters, the Newton steps taken, whether it converged. */
  record Solution(double[] coef, int nIter, boolean converged) {}

  private NewtonCholesky() {}

  /** Minimises the loss from 0, adding scikit-learn's warnings to {@code warnings}. */
  static Solution solve(LogisticLoss loss, int classes, boolean penalised, boolean fitIntercept,
      double tol, int maxIter, List<String> warnings) {
    int m = loss.size();
    int q = loss.stride();
    boolean[] pinned = new boolean[m];
    if (classes > 1 && !penalised) {
      for (int a = (classes - 1) * q; a < m; a++) {
        pinned[a] = true;
      }
    } else if (classes > 1 && fitIntercept) {
      pinned[m - 1] = true;
    }
    double[] coef = new double[m];
    double[] gradient = new double[m];
    double value = loss.valueAndGradient(coef, gradient);
    int iteration = 1;
    boolean converged = false;
    boolean fallback = false;
    while (iteration <= maxIter && !converged) {
      double[][] H = loss.hessian(coef);
      double[] step = newtonStep(H, gradient, pinned);
      if (step == null) {
        warnings.add("The inner solver of NewtonCholeskySolver stumbled upon a singular or very"
            + " ill-conditioned Hessian matrix at iteration " + iteration + ". It will now"
            + " resort to lbfgs instead.");
        fallback = true;
        break;
      }
      double slope = dot(gradient, step);
      double[] next = new double[m];
      double[] nextGradient = new double[m];
      double nextValue = Double.NaN;
      boolean accepted = false;
      double t = 1;
      double sumAbsOld = -1;
      for (int i = 0; i < 21 && !accepted; i++, t *= 0.5) {
        for (int a = 0; a < m; a++) {
          next[a] = coef[a] + t * step[a];
        }
        nextValue = loss.valueAndGradient(next, nextGradient);
        double improvement = nextValue - value;
        if (improvement <= t * ARMIJO * slope) {
          accepted = true;
        } else if (Math.abs(improvement) <= Math.abs(value * 16 * Math.ulp(1.0))) {
          sumAbsOld = sumAbsOld < 0 ? sumAbs(gradient) : sumAbsOld;
          accepted = sumAbs(nextGradient) < sumAbsOld;
        }
      }
      if (!accepted) {
        warnings.add("Line search of Newton solver NewtonCholeskySolver at iteration #"
            + iteration + " did not converge after 21 line search refinement iterations. It"
            + " will now resort to lbfgs instead.");
        fallback = true;
        break;
      }
      coef = next;
      gradient = nextGradient;
      value = nextValue;
      double decrement = 0;
      for (int a = 0; a < m; a++) {
        decrement += step[a] * dot(H[a], step);
      }
      converged = maxAbs(gradient) <= tol && 0.5 * decrement <= tol;
      iteration++;
    }
    int nIter = iteration - 1;
    if (!converged && fallback) {
      var rest = loss.lbfgs(coef, maxIter - nIter, tol, warnings);
      coef = rest.x();
      nIter += rest.nIter();
      converged = rest.status() == 0;
      warnings.add("Newton solver did not converge after " + nIter + " iterations.");
    }
    if (classes > 1 && !penalised) {
      centre(coef, classes, q, 0);
    } else if (classes > 1 && fitIntercept) {
      centre(coef, classes, q, q - 1);
    }
    return new Solution(coef, nIter, converged);
  }

  /** d with H d = −g over the free parameters (pinned ones stay 0); null if H is not SPD. */
  private static double[] newtonStep(double[][] H, double[] gradient, boolean[] pinned) {
    int m = gradient.length;
    int[] free = java.util.stream.IntStream.range(0, m).filter(a -> !pinned[a]).toArray();
    double[][] A = new double[free.length][free.length];
    double[] b = new double[free.length];
    for (int r = 0; r < free.length; r++) {
      for (int c = 0; c <= r; c++) {
        A[r][c] = H[free[r]][free[c]];
      }
      b[r] = -gradient[free[r]];
    }
    Cholesky factor = Cholesky.factor(A);
    if (factor == null) {
      return null;
    }
    double[] solved = factor.solve(b);
    double[] step = new double[m];
    for (int r = 0; r < free.length; r++) {
      step[free[r]] = solved[r];
    }
    return step;
  }

  /**
   * Subtracts the mean over the classes from each parameter index {@code >= from} of the blocks:
   * the intercepts only ({@code from = q − 1}), or everything ({@code from = 0}).
   */
  private static void centre(double[] coef, int classes, int q, int from) {
    for (int a = from; a < q; a++) {
      double mean = 0;
      for (int k = 0; k < classes; k++) {
        mean += coef[k * q + a];
      }
      mean /= classes;
      for (int k = 0; k < classes; k++) {
        coef[k * q + a] -= mean;
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  private static double sumAbs(double[] v) {
    double s = 0;
    for (double x : v) {
      s += Math.abs(x);
    }
    return s;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
