package semaine.svm;

import semaine.random.GlibcLog;

/**
 * liblinear's dual coordinate descent solvers for L2-regularised problems: one dual variable per
 * sample, visited in a fresh random order at every pass (a Fisher-Yates shuffle of the active
 * set, drawn from {@link PlattScaling.BoundedRandom}), the weights w = Σ y_i·α_i·x_i kept up to
 * date, and the samples whose variable sits at a bound with the gradient pointing outwards
 * shrunk away until the next confirmation pass.
 *
 * <ul>
 *   <li>{@link #svc}: hinge (L1) and squared hinge (L2) losses, Hsieh et al. (ICML 2008),
 *       Algorithm 3.
 *   <li>{@link #svr}: ε-insensitive and squared ε-insensitive losses, Ho and Lin (2012),
 *       Algorithm 4.
 *   <li>{@link #logistic}: the log-loss, Yu, Huang and Lin (2011), Algorithm 5.
 * </ul>
 *
 * Each returns the number of passes; w is overwritten with the solution.
 */
final class DualCoordinateDescent {

  private DualCoordinateDescent() {}

  /**
   * min ½ αᵀ(Q + D)α − Σα_i, 0 ≤ α_i ≤ U_i, with Q_ij = y_i·y_j·x_iᵀx_j. Hinge: D = 0, U_i = C_i;
   * squared hinge: D_ii = 1/(2·C_i), U_i = ∞. C_i is W_i·Cp for positive samples, W_i·Cn
   * otherwise. Stops when the projected gradient's spread over a full pass is at most eps.
   */
  static int svc(SparseRows x, double[] y, double[] W, double[] w, double eps, double cp,
      double cn, boolean hinge, int maxIter, PlattScaling.BoundedRandom random) {
    int l = x.rows();
    double[] diag = new double[l];
    double[] upper = new double[l];
    double[] qd = new double[l];
    double[] alpha = new double[l];
    byte[] sign = new byte[l];
    int[] index = new int[l];
    java.util.Arrays.fill(w, 0.0);
    for (int i = 0; i < l; i++) {
      sign[i] = (byte) (y[i] > 0 ? 1 : -1);
      double c = W[i] * (y[i] > 0 ? cp : cn);
      diag[i] = hinge ? 0 : 0.5 / c;
      upper[i] = hinge ? c : Double.POSITIVE_INFINITY;
      qd[i] = x.squaredNorm(i, diag[i]);
      index[i] = i;
    }
    double pgMaxOld = Double.POSITIVE_INFINITY;
    double pgMinOld = Double.NEGATIVE_INFINITY;
    int active = l;
    int iter = 0;
    while (iter < maxIter) {
      double pgMaxNew = Double.NEGATIVE_INFINITY;
      double pgMinNew = Double.POSITIVE_INFINITY;
      shuffle(index, active, random);
      for (int s = 0; s < active; s++) {
        int i = index[s];
        double G = x.dot(i, w) * sign[i] - 1;
        double c = upper[i];
        G += alpha[i] * diag[i];
        double pg = 0;
        if (alpha[i] == 0) {
          if (G > pgMaxOld) {
            swap(index, s--, --active);
            continue;
          } else if (G < 0) {
            pg = G;
          }
        } else if (alpha[i] == c) {
          if (G < pgMinOld) {
            swap(index, s--, --active);
            continue;
          } else if (G > 0) {
            pg = G;
          }
        } else {
          pg = G;
        }
        pgMaxNew = Math.max(pgMaxNew, pg);
        pgMinNew = Math.min(pgMinNew, pg);
        if (Math.abs(pg) > 1.0e-12) {
          double old = alpha[i];
          alpha[i] = Math.min(Math.max(alpha[i] - G / qd[i], 0.0), c);
          x.axpy(i, (alpha[i] - old) * sign[i], w);
        }
      }
      iter++;
      if (pgMaxNew - pgMinNew <= eps) {
        if (active == l) {
          break;
        }
        active = l;
        pgMaxOld = Double.POSITIVE_INFINITY;
        pgMinOld = Double.NEGATIVE_INFINITY;
        continue;
      }
      pgMaxOld = pgMaxNew <= 0 ? Double.POSITIVE_INFINITY : pgMaxNew;
      pgMinOld = pgMinNew >= 0 ? Double.NEGATIVE_INFINITY : pgMinNew;
    }
    return iter;
  }

  /**
   * min ½ βᵀ(Q + diag(λ))β − p·Σ|β_i| + Σ y_i·β_i, −U_i ≤ β_i ≤ U_i, with Q_ij = x_iᵀx_j.
   * ε-insensitive: λ = 0, U_i = C·W_i; squared: λ_i = 1/(2·C·W_i), U = ∞. Stops when the summed
   * violation of a pass is at most eps times that of the first pass.
   */
  static int svr(SparseRows x, double[] y, double[] W, double[] w, double eps, double C,
      double p, boolean l1Loss, int maxIter, PlattScaling.BoundedRandom random) {
    int l = x.rows();
    double[] lambda = new double[l];
    double[] upper = new double[l];
    double[] qd = new double[l];
    double[] beta = new double[l];
    int[] index = new int[l];
    java.util.Arrays.fill(w, 0.0);
    for (int i = 0; i < l; i++) {
      double c = W[i] * C;
      lambda[i] = l1Loss ? 0 : 0.5 / c;
      upper[i] = l1Loss ? c : Double.POSITIVE_INFINITY;
      qd[i] = x.squaredNorm(i, 0.0);
      index[i] = i;
    }
    double gMaxOld = Double.POSITIVE_INFINITY;
    double gNorm1Init = -1.0;
    int active = l;
    int iter = 0;
    while (iter < maxIter) {
      double gMaxNew = 0;
      double gNorm1New = 0;
      shuffle(index, active, random);
      for (int s = 0; s < active; s++) {
        int i = index[s];
        double G = x.dot(i, w, -y[i] + lambda[i] * beta[i]);
        double H = qd[i] + lambda[i];
        double gp = G + p;
        double gn = G - p;
        double violation = 0;
        if (beta[i] == 0) {
          if (gp < 0) {
            violation = -gp;
          } else if (gn > 0) {
            violation = gn;
          } else if (gp > gMaxOld && gn < -gMaxOld) {
            swap(index, s--, --active);
            continue;
          }
        } else if (beta[i] >= upper[i]) {
          if (gp > 0) {
            violation = gp;
          } else if (gp < -gMaxOld) {
            swap(index, s--, --active);
            continue;
          }
        } else if (beta[i] <= -upper[i]) {
          if (gn < 0) {
            violation = -gn;
          } else if (gn > gMaxOld) {
            swap(index, s--, --active);
            continue;
          }
        } else {
          violation = beta[i] > 0 ? Math.abs(gp) : Math.abs(gn);
        }
        gMaxNew = Math.max(gMaxNew, violation);
        gNorm1New += violation;
        double d;
        if (gp < H * beta[i]) {
          d = -gp / H;
        } else if (gn > H * beta[i]) {
          d = -gn / H;
        } else {
          d = -beta[i];
        }
        if (Math.abs(d) < 1.0e-12) {
          continue;
        }
        double old = beta[i];
        beta[i] = Math.min(Math.max(beta[i] + d, -upper[i]), upper[i]);
        d = beta[i] - old;
        if (d != 0) {
          x.axpy(i, d, w);
        }
      }
      if (iter == 0) {
        gNorm1Init = gNorm1New;
      }
      iter++;
      if (gNorm1New <= eps * gNorm1Init) {
        if (active == l) {
          break;
        }
        active = l;
        gMaxOld = Double.POSITIVE_INFINITY;
        continue;
      }
      gMaxOld = gMaxNew;
    }
    return iter;
  }

  /**
   * The dual of L2-regularised logistic regression: min ½ αᵀQα + Σ α_i·log α_i + (U_i − α_i)·
   * log(U_i − α_i), 0 &lt; α_i &lt; U_i = W_i·C_class, each coordinate by a damped Newton method
   * whose tolerance tightens as the passes need fewer Newton steps. Stops when the largest
   * gradient of a pass is below eps.
   */
  static int logistic(SparseRows x, double[] y, double[] W, double[] w, double eps, double cp,
      double cn, int maxIter, PlattScaling.BoundedRandom random) {
    int l = x.rows();
    final int maxInnerIter = 100;
    final double eta = 0.1;
    double innerEps = 1e-2;
    double innerEpsMin = Math.min(1e-8, eps);
    double[] upper = new double[l];
    double[] xTx = new double[l];
    double[] alpha = new double[2 * l];
    byte[] sign = new byte[l];
    int[] index = new int[l];
    java.util.Arrays.fill(w, 0.0);
    for (int i = 0; i < l; i++) {
      sign[i] = (byte) (y[i] > 0 ? 1 : -1);
      upper[i] = W[i] * (y[i] > 0 ? cp : cn);
      alpha[2 * i] = Math.min(0.001 * upper[i], 1e-8);
      alpha[2 * i + 1] = upper[i] - alpha[2 * i];
      xTx[i] = x.squaredNorm(i, 0.0);
      x.axpy(i, sign[i] * alpha[2 * i], w);
      index[i] = i;
    }
    int iter = 0;
    while (iter < maxIter) {
      shuffle(index, l, random);
      int newtonIter = 0;
      double gMax = 0;
      for (int s = 0; s < l; s++) {
        int i = index[s];
        double c = upper[i];
        double a = xTx[i];
        double b = x.dot(i, w) * sign[i];
        int ind1 = 2 * i;
        int ind2 = 2 * i + 1;
        int dir = 1;
        if (0.5 * a * (alpha[ind2] - alpha[ind1]) + b < 0) {
          ind1 = 2 * i + 1;
          ind2 = 2 * i;
          dir = -1;
        }
        double old = alpha[ind1];
        double z = old;
        if (c - z < 0.5 * c) {
          z = 0.1 * z;
        }
        double gp = a * (z - old) + dir * b + GlibcLog.log(z / (c - z));
        gMax = Math.max(gMax, Math.abs(gp));
        int inner = 0;
        while (inner <= maxInnerIter) {
          if (Math.abs(gp) < innerEps) {
            break;
          }
          double gpp = a + c / (c - z) / z;
          double next = z - gp / gpp;
          z = next <= 0 ? z * eta : next;
          gp = a * (z - old) + dir * b + GlibcLog.log(z / (c - z));
          newtonIter++;
          inner++;
        }
        if (inner > 0) {
          alpha[ind1] = z;
          alpha[ind2] = c - z;
          x.axpy(i, dir * (z - old) * sign[i], w);
        }
      }
      iter++;
      if (gMax < eps) {
        break;
      }
      if (newtonIter <= l / 10) {
        innerEps = Math.max(innerEpsMin, 0.1 * innerEps);
      }
    }
    return iter;
  }

  /** One Fisher-Yates pass over the first {@code active} entries: j = i + rand(active − i). */
  static void shuffle(int[] index, int active, PlattScaling.BoundedRandom random) {
    for (int i = 0; i < active; i++) {
      swap(index, i, i + random.next(active - i));
    }
  }

  static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
