package semaine.svm;

/**
 * libsvm's {@code Solver_NU}: SMO for the ν formulations, which carry a second equality constraint
 * {@code eᵀα = constant}. Both variables of a step then have the same sign y, so the working set,
 * the shrinking test and ρ are computed separately for y = +1 and y = −1; {@link #r} receives
 * (r₁ + r₂)/2, which the ν-SVC scales its solution by and the ν-SVR reads as −ε.
 */
final class NuSmoSolver extends SmoSolver {

  NuSmoSolver(KernelCache kernel, int[] sampleOf, byte[] y, double[] p, double[] alpha0,
      double[] C, double eps) {
    super(kernel, sampleOf, y, p, alpha0, C, eps);
  }

  @Override
  protected boolean selectWorkingSet(int[] pair) {
    double gmaxp = Double.NEGATIVE_INFINITY;
    double gmaxp2 = Double.NEGATIVE_INFINITY;
    int gmaxpIdx = -1;
    double gmaxn = Double.NEGATIVE_INFINITY;
    double gmaxn2 = Double.NEGATIVE_INFINITY;
    int gmaxnIdx = -1;
    int gminIdx = -1;
    double objDiffMin = Double.POSITIVE_INFINITY;
    for (int t = 0; t < activeSize; t++) {
      if (y[t] == +1) {
        if (!isUpper(t) && -G[t] >= gmaxp) {
          gmaxp = -G[t];
          gmaxpIdx = t;
        }
      } else if (!isLower(t) && G[t] >= gmaxn) {
        gmaxn = G[t];
        gmaxnIdx = t;
      }
    }
    int ip = gmaxpIdx;
    int in = gmaxnIdx;
    float[] rowP = ip != -1 ? Q.row(ip, activeSize) : null;
    float[] rowN = in != -1 ? Q.row(in, activeSize) : null;
    for (int j = 0; j < activeSize; j++) {
      if (y[j] == +1) {
        if (!isLower(j)) {
          double gradDiff = gmaxp + G[j];
          if (G[j] >= gmaxp2) {
            gmaxp2 = G[j];
          }
          if (gradDiff > 0) {
            double quad = QD[ip] + QD[j] - 2.0 * rowP[j];
            double objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
            if (objDiff <= objDiffMin) {
              gminIdx = j;
              objDiffMin = objDiff;
            }
          }
        }
      } else if (!isUpper(j)) {
        double gradDiff = gmaxn - G[j];
        if (-G[j] >= gmaxn2) {
          gmaxn2 = -G[j];
        }
        if (gradDiff > 0) {
          double quad = QD[in] + QD[j] - 2.0 * rowN[j];
          double objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
          if (objDiff <= objDiffMin) {
            gminIdx = j;
            objDiffMin = objDiff;
          }
        }
      }
    }
    if (max(gmaxp + gmaxp2, gmaxn + gmaxn2) < eps || gminIdx == -1) {
      return true;
    }
    pair[0] = y[gminIdx] == +1 ? gmaxpIdx : gmaxnIdx;
    pair[1] = gminIdx;
    return false;
  }

  @Override
  protected void doShrinking() {
    double gmax1 = Double.NEGATIVE_INFINITY;   // max −y·G, y = +1, over I_up
    double gmax2 = Double.NEGATIVE_INFINITY;   // max y·G, y = +1, over I_low
    double gmax3 = Double.NEGATIVE_INFINITY;   // max −y·G, y = −1, over I_up
    double gmax4 = Double.NEGATIVE_INFINITY;   // max y·G, y = −1, over I_low
    for (int i = 0; i < activeSize; i++) {
      if (!isUpper(i)) {
        if (y[i] == +1) {
          if (-G[i] > gmax1) {
            gmax1 = -G[i];
          }
        } else if (-G[i] > gmax4) {
          gmax4 = -G[i];
        }
      }
      if (!isLower(i)) {
        if (y[i] == +1) {
          if (G[i] > gmax2) {
            gmax2 = G[i];
          }
        } else if (G[i] > gmax3) {
          gmax3 = G[i];
        }
      }
    }
    unshrinkOnce(max(gmax1 + gmax2, gmax3 + gmax4) <= eps * 10);
    shrinkWhere(new double[] {gmax1, gmax2, gmax3, gmax4});
  }

  @Override
  protected boolean beShrunk(int i, double[] bounds) {
    if (isUpper(i)) {
      return y[i] == +1 ? -G[i] > bounds[0] : -G[i] > bounds[3];
    }
    if (isLower(i)) {
      return y[i] == +1 ? G[i] > bounds[1] : G[i] > bounds[2];
    }
    return false;
  }

  /** ρ = (r₁ − r₂)/2 with r_s from the free variables of sign s, or the middle of their bounds. */
  @Override
  protected double calculateRho() {
    int nFree1 = 0;
    int nFree2 = 0;
    double ub1 = Double.POSITIVE_INFINITY;
    double ub2 = Double.POSITIVE_INFINITY;
    double lb1 = Double.NEGATIVE_INFINITY;
    double lb2 = Double.NEGATIVE_INFINITY;
    double sumFree1 = 0;
    double sumFree2 = 0;
    for (int i = 0; i < activeSize; i++) {
      if (y[i] == +1) {
        if (isUpper(i)) {
          lb1 = max(lb1, G[i]);
        } else if (isLower(i)) {
          ub1 = min(ub1, G[i]);
        } else {
          ++nFree1;
          sumFree1 += G[i];
        }
      } else {
        if (isUpper(i)) {
          lb2 = max(lb2, G[i]);
        } else if (isLower(i)) {
          ub2 = min(ub2, G[i]);
        } else {
          ++nFree2;
          sumFree2 += G[i];
        }
      }
    }
    double r1 = nFree1 > 0 ? sumFree1 / nFree1 : (ub1 + lb1) / 2;
    double r2 = nFree2 > 0 ? sumFree2 / nFree2 : (ub2 + lb2) / 2;
    r = (r1 + r2) / 2;
    return (r1 - r2) / 2;
  }
}
