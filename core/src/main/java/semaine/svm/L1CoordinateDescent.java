package semaine.svm;

import semaine.random.GlibcLog;

/**
 * liblinear's solvers for L1-regularised problems, min ‖w‖₁ + Σ C_i·loss_i, working feature by
 * feature on the transposed data (Yuan, Chang, Hsieh and Lin, 2010; Yuan, Ho and Lin, 2012):
 *
 * <ul>
 *   <li>{@link #squaredHinge}: coordinate descent with a one-variable Newton step and an Armijo
 *       line search for max(0, 1 − y_i·w·x_i)² (solver 5, LinearSVC with penalty='l1');
 *   <li>{@link #logistic}: newGLMNET, an outer Newton step whose quadratic model is minimised by
 *       coordinate descent, then a line search, for the log-loss (solver 6, LogisticRegression
 *       with an L1 penalty).
 * </ul>
 *
 * Features are visited in a fresh random order each pass; features at zero with a gradient inside
 * (−1, 1) by a margin are shrunk away until the next full pass.
 */
final class L1CoordinateDescent {

  private static final int MAX_LINE_SEARCH = 20;
  private static final double SIGMA = 0.01;

  private L1CoordinateDescent() {}

  /** The solver of penalty='l1', loss='squared_hinge'. */
  static int squaredHinge(SparseRows columns, double[] y, double[] W, double[] w, double eps,
      double cp, double cn, int maxIter, PlattScaling.BoundedRandom random) {
    int l = columns.width();
    int size = columns.rows();
    int[] index = new int[size];
    byte[] sign = new byte[l];
    double[] b = new double[l];
    double[] xjSq = new double[size];
    double[] C = new double[l];
    java.util.Arrays.fill(w, 0.0);
    for (int i = 0; i < l; i++) {
      b[i] = 1;
      sign[i] = (byte) (y[i] > 0 ? 1 : -1);
      C[i] = W[i] * (y[i] > 0 ? cp : cn);
    }
    for (int j = 0; j < size; j++) {
      index[j] = j;
      int[] rows = columns.index()[j];
      double[] val = columns.value()[j];
      for (int k = 0; k < rows.length; k++) {
        int i = rows[k];
        val[k] *= sign[i];
        b[i] -= w[j] * val[k];
        xjSq[j] += C[i] * val[k] * val[k];
      }
    }
    double gMaxOld = Double.POSITIVE_INFINITY;
    double gNorm1Init = -1.0;
    int active = size;
    int iter = 0;
    while (iter < maxIter) {
      double gMaxNew = 0;
      double gNorm1New = 0;
      DualCoordinateDescent.shuffle(index, active, random);
      for (int s = 0; s < active; s++) {
        int j = index[s];
        int[] rows = columns.index()[j];
        double[] val = columns.value()[j];
        double gLoss = 0;
        double H = 0;
        for (int k = 0; k < rows.length; k++) {
          int i = rows[k];
          if (b[i] > 0) {
            double tmp = C[i] * val[k];
            gLoss -= tmp * b[i];
            H += tmp * val[k];
          }
        }
        gLoss *= 2;
        double G = gLoss;
        H = Math.max(H * 2, 1e-12);
        double gp = G + 1;
        double gn = G - 1;
        double violation = violation(gp, gn, w[j], gMaxOld / l);
        if (Double.isNaN(violation)) {
          DualCoordinateDescent.swap(index, s--, --active);
          continue;
        }
        gMaxNew = Math.max(gMaxNew, violation);
        gNorm1New += violation;
        double d = newtonDirection(gp, gn, H, w[j]);
        if (Math.abs(d) < 1.0e-12) {
          continue;
        }
        double delta = Math.abs(w[j] + d) - Math.abs(w[j]) + G * d;
        double dOld = 0;
        double lossOld = 0;
        double lossNew;
        int search;
        for (search = 0; search < MAX_LINE_SEARCH; search++) {
          double dDiff = dOld - d;
          double cond = Math.abs(w[j] + d) - Math.abs(w[j]) - SIGMA * delta;
          double approx = xjSq[j] * d * d + gLoss * d + cond;
          if (approx <= 0) {
            for (int k = 0; k < rows.length; k++) {
              b[rows[k]] += dDiff * val[k];
            }
            break;
          }
          lossNew = 0;
          for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            if (search == 0 && b[i] > 0) {
              lossOld += C[i] * b[i] * b[i];
            }
            double bNew = b[i] + dDiff * val[k];
            b[i] = bNew;
            if (bNew > 0) {
              lossNew += C[i] * bNew * bNew;
            }
          }
          cond = cond + lossNew - lossOld;
          if (cond <= 0) {
            break;
          }
          dOld = d;
          d *= 0.5;
          delta *= 0.5;
        }
        w[j] += d;
        if (search >= MAX_LINE_SEARCH) {
          java.util.Arrays.fill(b, 1.0);
          for (int f = 0; f < size; f++) {
            if (w[f] != 0) {
              int[] rf = columns.index()[f];
              for (int k = 0; k < rf.length; k++) {
                b[rf[k]] -= w[f] * columns.value()[f][k];
              }
            }
          }
        }
      }
      if (iter == 0) {
        gNorm1Init = gNorm1New;
      }
      iter++;
      if (gNorm1New <= eps * gNorm1Init) {
        if (active == size) {
          break;
        }
        active = size;
        gMaxOld = Double.POSITIVE_INFINITY;
        continue;
      }
      gMaxOld = gMaxNew;
    }
    return iter;
  }

  /**
   * How far (G + ∂|w|) is from containing 0, with gp = G + 1 and gn = G − 1: NaN when w = 0 and
   * G lies well inside (−1, 1) (|G| below 1 − bound), which shrinks the feature.
   */
  private static double violation(double gp, double gn, double w, double bound) {
    if (w == 0) {
      if (gp < 0) {
        return -gp;
      } else if (gn > 0) {
        return gn;
      }
      return gp > bound && gn < -bound ? Double.NaN : 0;
    }
    return w > 0 ? Math.abs(gp) : Math.abs(gn);
  }

  /** The minimiser of G·d + ½H·d² + |w + d| over d: the soft-thresholded Newton step. */
  private static double newtonDirection(double gp, double gn, double H, double w) {
    if (gp < H * w) {
      return -gp / H;
    } else if (gn > H * w) {
      return -gn / H;
    }
    return -w;
  }

  /** newGLMNET for penalty='l1' with the log-loss (max_newton_iter = max_iter). */
  static int logistic(SparseRows columns, double[] y, double[] W, double[] w, double eps,
      double cp, double cn, int maxNewtonIter, PlattScaling.BoundedRandom random) {
    int l = columns.width();
    int size = columns.rows();
    final int maxIter = 1000;
    final double nu = 1e-12;
    double innerEps = 1;
    int[] index = new int[size];
    byte[] sign = new byte[l];
    double[] hdiag = new double[size];
    double[] grad = new double[size];
    double[] wpd = new double[size];
    double[] xjNegSum = new double[size];
    double[] xTd = new double[l];
    double[] expWTx = new double[l];
    double[] expWTxNew = new double[l];
    double[] tau = new double[l];
    double[] D = new double[l];
    double[] C = new double[l];
    java.util.Arrays.fill(w, 0.0);
    for (int i = 0; i < l; i++) {
      sign[i] = (byte) (y[i] > 0 ? 1 : -1);
      C[i] = W[i] * (y[i] > 0 ? cp : cn);
    }
    double wNorm = 0;
    for (int j = 0; j < size; j++) {
      wNorm += Math.abs(w[j]);
      wpd[j] = w[j];
      index[j] = j;
      int[] rows = columns.index()[j];
      double[] val = columns.value()[j];
      for (int k = 0; k < rows.length; k++) {
        int i = rows[k];
        expWTx[i] += w[j] * val[k];
        if (sign[i] == -1) {
          xjNegSum[j] += C[i] * val[k];
        }
      }
    }
    for (int i = 0; i < l; i++) {
      expWTx[i] = Math.exp(expWTx[i]);
      double tauTmp = 1 / (1 + expWTx[i]);
      tau[i] = C[i] * tauTmp;
      D[i] = C[i] * expWTx[i] * tauTmp * tauTmp;
    }
    double gMaxOld = Double.POSITIVE_INFINITY;
    double gNorm1Init = -1.0;
    int qpNoChange = 0;
    int newtonIter = 0;
    while (newtonIter < maxNewtonIter) {
      double gMaxNew = 0;
      double gNorm1New = 0;
      int active = size;
      for (int s = 0; s < active; s++) {
        int j = index[s];
        hdiag[j] = nu;
        double tmp = 0;
        int[] rows = columns.index()[j];
        double[] val = columns.value()[j];
        for (int k = 0; k < rows.length; k++) {
          int i = rows[k];
          hdiag[j] += val[k] * val[k] * D[i];
          tmp += val[k] * tau[i];
        }
        grad[j] = -tmp + xjNegSum[j];
        double gp = grad[j] + 1;
        double gn = grad[j] - 1;
        double violation = violation(gp, gn, w[j], gMaxOld / l);
        if (Double.isNaN(violation)) {
          DualCoordinateDescent.swap(index, s--, --active);
          continue;
        }
        gMaxNew = Math.max(gMaxNew, violation);
        gNorm1New += violation;
      }
      if (newtonIter == 0) {
        gNorm1Init = gNorm1New;
      }
      if (gNorm1New <= eps * gNorm1Init || qpNoChange >= 10) {
        break;
      }
      qpNoChange++;
      int iter = 0;
      double qpGMaxOld = Double.POSITIVE_INFINITY;
      int qpActive = active;
      java.util.Arrays.fill(xTd, 0.0);
      while (iter < maxIter) {
        double qpGMaxNew = 0;
        double qpGNorm1New = 0;
        DualCoordinateDescent.shuffle(index, qpActive, random);
        for (int s = 0; s < qpActive; s++) {
          int j = index[s];
          double H = hdiag[j];
          int[] rows = columns.index()[j];
          double[] val = columns.value()[j];
          double G = grad[j] + (wpd[j] - w[j]) * nu;
          for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            G += val[k] * D[i] * xTd[i];
          }
          double gp = G + 1;
          double gn = G - 1;
          double violation = violation(gp, gn, wpd[j], qpGMaxOld / l);
          if (Double.isNaN(violation)) {
            DualCoordinateDescent.swap(index, s--, --qpActive);
            continue;
          }
          double z = newtonDirection(gp, gn, H, wpd[j]);
          if (Math.abs(z) < 1.0e-12) {
            continue;
          }
          z = Math.min(Math.max(z, -10.0), 10.0);
          qpNoChange = 0;
          qpGMaxNew = Math.max(qpGMaxNew, violation);
          qpGNorm1New += violation;
          wpd[j] += z;
          for (int k = 0; k < rows.length; k++) {
            xTd[rows[k]] += val[k] * z;
          }
        }
        iter++;
        if (qpGNorm1New <= innerEps * gNorm1Init) {
          if (qpActive == active) {
            break;
          }
          qpActive = active;
          qpGMaxOld = Double.POSITIVE_INFINITY;
          continue;
        }
        qpGMaxOld = qpGMaxNew;
      }
      double delta = 0;
      double wNormNew = 0;
      for (int j = 0; j < size; j++) {
        delta += grad[j] * (wpd[j] - w[j]);
        if (wpd[j] != 0) {
          wNormNew += Math.abs(wpd[j]);
        }
      }
      delta += wNormNew - wNorm;
      double negSumXTd = 0;
      for (int i = 0; i < l; i++) {
        if (sign[i] == -1) {
          negSumXTd += C[i] * xTd[i];
        }
      }
      int search;
      for (search = 0; search < MAX_LINE_SEARCH; search++) {
        double cond = wNormNew - wNorm + negSumXTd - SIGMA * delta;
        for (int i = 0; i < l; i++) {
          double expXTd = Math.exp(xTd[i]);
          expWTxNew[i] = expWTx[i] * expXTd;
          cond += C[i] * GlibcLog.log((1 + expWTxNew[i]) / (expXTd + expWTxNew[i]));
        }
        if (cond <= 0) {
          wNorm = wNormNew;
          System.arraycopy(wpd, 0, w, 0, size);
          for (int i = 0; i < l; i++) {
            expWTx[i] = expWTxNew[i];
            double tauTmp = 1 / (1 + expWTx[i]);
            tau[i] = C[i] * tauTmp;
            D[i] = C[i] * expWTx[i] * tauTmp * tauTmp;
          }
          break;
        }
        wNormNew = 0;
        for (int j = 0; j < size; j++) {
          wpd[j] = (w[j] + wpd[j]) * 0.5;
          if (wpd[j] != 0) {
            wNormNew += Math.abs(wpd[j]);
          }
        }
        delta *= 0.5;
        negSumXTd *= 0.5;
        for (int i = 0; i < l; i++) {
          xTd[i] *= 0.5;
        }
      }
      if (search >= MAX_LINE_SEARCH) {
        java.util.Arrays.fill(expWTx, 0.0);
        for (int f = 0; f < size; f++) {
          if (w[f] != 0) {
            int[] rf = columns.index()[f];
            for (int k = 0; k < rf.length; k++) {
              expWTx[rf[k]] += w[f] * columns.value()[f][k];
            }
          }
        }
        for (int i = 0; i < l; i++) {
          expWTx[i] = Math.exp(expWTx[i]);
        }
      }
      if (iter == 1) {
        innerEps *= 0.25;
      }
      newtonIter++;
      gMaxOld = gMaxNew;
    }
    return newtonIter;
  }
}
