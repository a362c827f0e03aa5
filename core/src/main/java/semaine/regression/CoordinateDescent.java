package semaine.regression;

import semaine.tree.XorShiftRandom;
import semaine.random.RandomState;
import semaine.util.DenseKernels;

/**
 * scikit-learn 1.9's elastic-net coordinate descent ({@code _cd_fast.enet_coordinate_descent},
 * dense X, no Gram matrix), which minimises
 * <pre>
 *   P(w) = ½ ‖y − X w‖² + a ‖w‖₁ + (b/2) ‖w‖²
 * </pre>
 * on centred data (the estimators pass a = α ρ n and b = α (1 − ρ) n).
 *
 * <p>A sweep updates each coordinate in turn, {@code w_j ← S(X_jᵀR + w_j ‖X_j‖², a) / (‖X_j‖² + b)}
 * with S the soft threshold, keeping the residual R = y − X w up to date. After a sweep whose
 * largest change is at most {@code tol · max|w|} (or where w = 0, or the last one) the duality gap
 * G is computed; it stops when {@code G <= tol ‖y‖²}. The gap is also checked before the first
 * sweep, and gap-safe screening (Fercoq et al. 2015, eq. 11) drops the features it proves are 0
 * from the sweeps each time the gap is computed, as scikit-learn does. With
 * {@code selection="random"} each of the n_active updates of a sweep picks a coordinate
 * {@code our_rand_r() % n_active} from an {@link XorShiftRandom} seeded by
 * {@code rng.randint(0, 2^31 − 1)}, a draw scikit-learn makes even for cyclic selection.
 *
 * <p>The data come as {@link CentredData}: the centred columns themselves, R kept as a vector
 * (scikit-learn's sweeps), or their Gram matrix, R kept as {@code XᵀR = Xᵀy − G w} ({@link
 * CenteredProducts}, its {@code enet_coordinate_descent_gram}): the same updates in the same order,
 * the products summed in another order, so the same iterates to rounding.
 */
final class CoordinateDescent {

  /** What a run reached: the weights, the gap, the scaled tolerance and the sweeps done. */
  record Result(double[] w, double gap, double tol, int nIter, boolean converged) {}

  /** Centred X and y as a sweep sees them: column norms, ‖y‖², and a residual to update. */
  interface CentredData {

    /** (p,) {@code ‖X_j‖²}. */
    double[] norms();

    /** {@code ‖y‖²}. */
    double yNorm2();

    /** The residual {@code R = y − X w} of the starting weights. */
    Residual residual(double[] w);

    /** {@code ȳ − x̄ · w}. */
    double intercept(double[] w);
  }

  /** The residual {@code R = y − X w} of the current weights, in whatever form the data keep. */
  interface Residual {

    /** {@code X_jᵀR}. */
    double correlation(int j);

    /** {@code R += delta · X_j} (w_j decreased by delta). */
    void add(int j, double delta);

    /** {@code out[j] = X_jᵀR} for every feature. */
    void correlations(double[] out);

    /** {@code RᵀR}. */
    double norm2();

    /** {@code Rᵀy}. */
    double dotY();
  }

  private final CentredData data;
  private final int p;
  private final double a;
  private final double b;
  private final boolean positive;
  private final double[] norms;       // (p,) ‖X_j‖²

  CoordinateDescent(CentredData data, double a, double b, boolean positive) {
    this.data = data;
    this.p = data.norms().length;
    this.a = a;
    this.b = b;
    this.positive = positive;
    this.norms = data.norms();
  }

  /** Runs from w (modified and returned), at most maxIter sweeps. */
  Result run(double[] w, int maxIter, double tol, RandomState rng, boolean random) {
    var xorshift = new XorShiftRandom(rng.randint(0, XorShiftRandom.RAND_R_MAX));
    boolean screening = a != 0;
    Residual R = data.residual(w);
    double scaledTol = tol * data.yNorm2();
    double[] XtA = new double[p];
    double[] gap = gap(w, R, XtA);
    if (gap[0] <= scaledTol) {
      return new Result(w, gap[0], scaledTol, 0, true);
    }
    int[] active = new int[p];
    boolean[] excluded = new boolean[p];
    int nActive = p;
    for (int j = 0; j < p; j++) {
      active[j] = j;
    }
    if (screening) {
      nActive = screen(w, R, XtA, gap, active, excluded, true);
    }
    int sweep;
    boolean converged = false;
    for (sweep = 0; sweep < maxIter; sweep++) {
      double wMax = 0;
      double dwMax = 0;
      for (int f = 0; f < nActive; f++) {
        int j = random ? xorshift.randInt(0, nActive) : f;
        j = active[j];
        if (norms[j] == 0) {
          continue;
        }
        double old = w[j];
        double t = R.correlation(j) + old * norms[j];
        w[j] = positive && t < 0 ? 0
            : Math.signum(t) * Math.max(Math.abs(t) - a, 0) / (norms[j] + b);
        if (w[j] != old) {
          R.add(j, old - w[j]);
        }
        dwMax = Math.max(dwMax, Math.abs(w[j] - old));
        wMax = Math.max(wMax, Math.abs(w[j]));
      }
      if (wMax == 0 || dwMax / wMax <= tol || sweep == maxIter - 1) {
        gap = gap(w, R, XtA);
        if (gap[0] <= scaledTol) {
          converged = true;
          break;
        }
        if (screening) {
          nActive = screen(w, R, XtA, gap, active, excluded, false);
        }
      }
    }
    return new Result(w, gap[0], scaledTol, converged ? sweep + 1 : sweep, converged);
  }

  /**
   * Gap-safe screening: keeps feature j when {@code (1 − |X_jᵀθ|)/√(‖X_j‖² + b) <= √(2G)/a}, with
   * θ the dual point; a dropped feature's weight is set to 0 (and R updated). Returns n_active.
   */
  private int screen(double[] w, Residual R, double[] XtA, double[] gap, int[] active,
      boolean[] excluded, boolean first) {
    int nActive = 0;
    double radius = Math.sqrt(2 * gap[0]) / a;
    for (int j = 0; j < p; j++) {
      if (first && norms[j] == 0) {
        w[j] = 0;
        excluded[j] = true;
        continue;
      }
      if (!first && excluded[j]) {
        continue;
      }
      double theta = XtA[j] / Math.max(a, gap[1]);
      double d = (1 - Math.abs(theta)) / Math.sqrt(norms[j] + b);
      if (d <= radius) {
        active[nActive++] = j;
        excluded[j] = false;
      } else {
        if (w[j] != 0) {
          R.add(j, w[j]);
          w[j] = 0;
        }
        excluded[j] = true;
      }
    }
    return nActive;
  }

  /**
   * {@code gap_enet}: {gap, ‖XᵀR − b w‖∞}, writing XᵀR − b w to XtA. For a > 0 the dual point is
   * R scaled into feasibility (formulation A); for a = 0 < b formulation B; for a = b = 0 the
   * squared norm of the gradient XᵀR.
   */
  private double[] gap(double[] w, Residual R, double[] XtA) {
    R.correlations(XtA);
    return gap(w, R.norm2(), R.dotY(), XtA);
  }

  /** {@link #gap(double[], Residual, double[])} from RᵀR, Rᵀy and XᵀR (in XtA). */
  private double[] gap(double[] w, double r2, double ry, double[] XtA) {
    double w2 = b > 0 ? DenseKernels.dot(w, w, p) : 0;
    if (a == 0) {
      double norm2 = 0;
      for (int j = 0; j < p; j++) {
        norm2 += XtA[j] * XtA[j];
      }
      if (b == 0) {
        return new double[] {norm2, norm2};
      }
      return new double[] {r2 + 0.5 * b * w2 - ry + norm2 / (2 * b), norm2};
    }
    double dualNorm = positive ? Double.NEGATIVE_INFINITY : 0;   // max(XtA) or max|XtA|
    double l1 = 0;
    for (int j = 0; j < p; j++) {
      XtA[j] -= b * w[j];
      dualNorm = Math.max(dualNorm, positive ? XtA[j] : Math.abs(XtA[j]));
      l1 += Math.abs(w[j]);
    }
    double primal = 0.5 * (r2 + b * w2) + a * l1;
    double scale = dualNorm > a ? a / dualNorm : 1;
    double dual = -0.5 * scale * scale * (r2 + b * w2) + scale * ry;
    return new double[] {primal - dual, dualNorm};
  }
}
