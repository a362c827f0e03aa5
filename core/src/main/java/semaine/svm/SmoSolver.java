package semaine.svm;

/**
 * Sequential minimal optimisation for libsvm's dual problem
 *
 * <pre>
 *   min ½ αᵀQα + pᵀα   subject to  yᵀα = Δ,  0 ≤ α_t ≤ C_t,   Q_st = y_s·y_t·K(x_s, x_t)
 * </pre>
 *
 * <p>from a feasible start α, as libsvm's {@code Solver} (Fan, Chen and Lin, "Working set selection
 * using second order information for training support vector machines", JMLR 6, 2005): each step
 * picks the pair (i, j) that violates the optimality conditions the most by second-order working set
 * selection, solves the two-variable problem in closed form, clips it to the box and updates the
 * gradient G = Qα + p. Every {@code min(l, 1000)} steps, variables stuck at a bound are shrunk out of
 * the active set; the full gradient is rebuilt from G_bar (the gradient part of the variables at
 * their upper bound) before the last check. It stops when the maximal violation m(α) − M(α) is below
 * {@code eps}, or after {@code max_iter} steps.
 *
 * <p>Ties, the order of the clipping cases, the shrinking order (a shrunk variable is swapped with the
 * last active one that stays) and the float rounding of Q follow libsvm exactly, so the iterates and
 * the number of iterations are libsvm's. {@link NuSmoSolver} changes the selection, shrinking and ρ.
 */
class SmoSolver {

  static final double TAU = 1e-12;
  static final byte LOWER = 0;
  static final byte UPPER = 1;
  static final byte FREE = 2;

  /** What a solve returns, indexed by variable (not by solver position). */
  record Solution(double[] alpha, double rho, double r, int nIter, boolean timedOut) {}

  /** Q in solver positions, signed, with partial rows over the active set. */
  protected final QMatrix Q;
  protected final int l;
  protected final double eps;
  protected int activeSize;
  // per-position state; a swap moves all of them together
  protected final byte[] y;
  protected final double[] G;
  protected final double[] alpha;
  protected final byte[] status;
  protected final double[] p;
  protected final double[] C;
  protected final double[] Gbar;
  protected final double[] QD;
  protected final int[] variable;
  private boolean unshrink;
  /** Set by {@link #calculateRho} of the ν solver: r = (r1 + r2) / 2. */
  protected double r;

  /**
   * @param kernel the kernel rows of the problem's samples
   * @param sampleOf for each variable, its sample (SVR has two variables per sample)
   * @param y each variable's sign, +1 or −1
   * @param p the linear term
   * @param alpha0 the feasible starting point
   * @param C each variable's upper bound
   * @param eps the stopping tolerance (tol)
   */
  SmoSolver(KernelCache kernel, int[] sampleOf, byte[] y, double[] p, double[] alpha0, double[] C,
      double eps) {
    this.Q = q(kernel, sampleOf, y);
    this.l = y.length;
    this.eps = eps;
    this.y = y.clone();
    this.p = p.clone();
    this.alpha = alpha0.clone();
    this.C = C.clone();
    this.variable = new int[l];
    this.QD = new double[l];
    this.status = new byte[l];
    this.G = new double[l];
    this.Gbar = new double[l];
    double[] diagonal = kernel.diagonal();
    for (int t = 0; t < l; t++) {
      variable[t] = t;
      QD[t] = diagonal[sampleOf[t]];
      updateStatus(t);
    }
    activeSize = l;
  }

  private void updateStatus(int t) {
    status[t] = alpha[t] >= C[t] ? UPPER : alpha[t] <= 0 ? LOWER : FREE;
  }

  protected final boolean isUpper(int t) {
    return status[t] == UPPER;
  }

  protected final boolean isLower(int t) {
    return status[t] == LOWER;
  }

  protected final boolean isFree(int t) {
    return status[t] == FREE;
  }

  /** Runs SMO to the tolerance or to maxIter steps (−1: no limit). */
  Solution solve(boolean shrinking, int maxIter) {
    initialiseGradient();
    int iter = 0;
    int counter = Math.min(l, 1000) + 1;
    boolean timedOut = false;
    int[] pair = new int[2];
    while (true) {
      if (maxIter != -1 && iter >= maxIter) {
        timedOut = true;
        break;
      }
      if (--counter == 0) {
        counter = Math.min(l, 1000);
        if (shrinking) {
          doShrinking();
        }
      }
      if (selectWorkingSet(pair)) {
        reconstructGradient();
        activeSize = l;
        if (selectWorkingSet(pair)) {
          break;
        }
        counter = 1;   // shrink at the next step
      }
      ++iter;
      update(pair[0], pair[1]);
    }
    double rho = calculateRho();
    double[] result = new double[l];
    for (int t = 0; t < l; t++) {
      result[variable[t]] = alpha[t];
    }
    return new Solution(result, rho, r, iter, timedOut);
  }

  /** G = p + Σ α_t·Q_t over the variables off their lower bound; G_bar over the upper ones. */
  private void initialiseGradient() {
    System.arraycopy(p, 0, G, 0, l);
    for (int i = 0; i < l; i++) {
      if (!isLower(i)) {
        float[] rowI = Q.row(i, l);
        double alphaI = alpha[i];
        for (int j = 0; j < l; j++) {
          G[j] += alphaI * rowI[j];
        }
        if (isUpper(i)) {
          double ci = C[i];
          for (int j = 0; j < l; j++) {
            Gbar[j] += ci * rowI[j];
          }
        }
      }
    }
  }

  /** The two-variable step on (i, j), clipped to the box, then the gradient update. */
  private void update(int i, int j) {
    float[] rowI = Q.row(i, activeSize);
    float[] rowJ = Q.row(j, activeSize);
    double Ci = C[i];
    double Cj = C[j];
    double oldAi = alpha[i];
    double oldAj = alpha[j];
    double qij = rowI[j];
    if (y[i] != y[j]) {
      double quad = QD[i] + QD[j] + 2 * qij;
      if (quad <= 0) {
        quad = TAU;
      }
      double delta = (-G[i] - G[j]) / quad;
      double diff = alpha[i] - alpha[j];
      alpha[i] += delta;
      alpha[j] += delta;
      if (diff > 0) {
        if (alpha[j] < 0) {
          alpha[j] = 0;
          alpha[i] = diff;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = -diff;
      }
      if (diff > Ci - Cj) {
        if (alpha[i] > Ci) {
          alpha[i] = Ci;
          alpha[j] = Ci - diff;
        }
      } else if (alpha[j] > Cj) {
        alpha[j] = Cj;
        alpha[i] = Cj + diff;
      }
    } else {
      double quad = QD[i] + QD[j] - 2 * qij;
      if (quad <= 0) {
        quad = TAU;
      }
      double delta = (G[i] - G[j]) / quad;
      double sum = alpha[i] + alpha[j];
      alpha[i] -= delta;
      alpha[j] += delta;
      if (sum > Ci) {
        if (alpha[i] > Ci) {
          alpha[i] = Ci;
          alpha[j] = sum - Ci;
        }
      } else if (alpha[j] < 0) {
        alpha[j] = 0;
        alpha[i] = sum;
      }
      if (sum > Cj) {
        if (alpha[j] > Cj) {
          alpha[j] = Cj;
          alpha[i] = sum - Cj;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = sum;
      }
    }
    double deltaI = alpha[i] - oldAi;
    double deltaJ = alpha[j] - oldAj;
    for (int k = 0; k < activeSize; k++) {
      G[k] += rowI[k] * deltaI + rowJ[k] * deltaJ;
    }
    boolean wasUpperI = isUpper(i);
    boolean wasUpperJ = isUpper(j);
    updateStatus(i);
    updateStatus(j);
    // G_bar needs the whole rows: extended now (libsvm's get_Q(i, l))
    if (wasUpperI != isUpper(i)) {
      double c = wasUpperI ? -Ci : Ci;
      rowI = Q.longer(i, l);
      for (int k = 0; k < l; k++) {
        Gbar[k] += c * rowI[k];
      }
    }
    if (wasUpperJ != isUpper(j)) {
      double c = wasUpperJ ? -Cj : Cj;
      rowJ = Q.longer(j, l);
      for (int k = 0; k < l; k++) {
        Gbar[k] += c * rowJ[k];
      }
    }
  }

  /**
   * Second-order working set selection (WSS 3): i maximises −y·G over I_up, j minimises
   * −(m − y_j·G_j)²/(Q_ii + Q_jj − 2·y_i·y_j·Q_ij) over I_low. Later positions win ties.
   *
   * @return true when optimal within eps (no pair written)
   */
  protected boolean selectWorkingSet(int[] pair) {
    double gmax = Double.NEGATIVE_INFINITY;
    double gmax2 = Double.NEGATIVE_INFINITY;
    int gmaxIdx = -1;
    int gminIdx = -1;
    double objDiffMin = Double.POSITIVE_INFINITY;
    for (int t = 0; t < activeSize; t++) {
      if (y[t] == +1) {
        if (!isUpper(t) && -G[t] >= gmax) {
          gmax = -G[t];
          gmaxIdx = t;
        }
      } else if (!isLower(t) && G[t] >= gmax) {
        gmax = G[t];
        gmaxIdx = t;
      }
    }
    int i = gmaxIdx;
    float[] rowI = i != -1 ? Q.row(i, activeSize) : null;
    for (int j = 0; j < activeSize; j++) {
      if (y[j] == +1) {
        if (!isLower(j)) {
          double gradDiff = gmax + G[j];
          if (G[j] >= gmax2) {
            gmax2 = G[j];
          }
          if (gradDiff > 0) {
            // Q_i[j]·y_i, as libsvm's 2.0·y[i]·Q_i[j]
            double quad = QD[i] + QD[j] - 2.0 * y[i] * rowI[j];
            double objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
            if (objDiff <= objDiffMin) {
              gminIdx = j;
              objDiffMin = objDiff;
            }
          }
        }
      } else if (!isUpper(j)) {
        double gradDiff = gmax - G[j];
        if (-G[j] >= gmax2) {
          gmax2 = -G[j];
        }
        if (gradDiff > 0) {
          double quad = QD[i] + QD[j] + 2.0 * y[i] * rowI[j];
          double objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
          if (objDiff <= objDiffMin) {
            gminIdx = j;
            objDiffMin = objDiff;
          }
        }
      }
    }
    if (gmax + gmax2 < eps || gminIdx == -1) {
      return true;
    }
    pair[0] = gmaxIdx;
    pair[1] = gminIdx;
    return false;
  }

  /** Rebuilds G for the inactive variables: G_bar + p plus the free active variables' part. */
  protected final void reconstructGradient() {
    if (activeSize == l) {
      return;
    }
    for (int j = activeSize; j < l; j++) {
      G[j] = Gbar[j] + p[j];
    }
    // each G[j] receives the free variables' terms in position order, as in both of libsvm's loops
    for (int i = 0; i < activeSize; i++) {
      if (isFree(i)) {
        float[] rowI = Q.row(i, l);
        double alphaI = alpha[i];
        for (int j = activeSize; j < l; j++) {
          G[j] += alphaI * rowI[j];
        }
      }
    }
  }

  /**
   * Removes the variables at a bound whose gradient says they will stay there, after rebuilding the
   * whole gradient once the violation first falls below 10·eps.
   */
  protected void doShrinking() {
    double gmax1 = Double.NEGATIVE_INFINITY;   // max −y·G over I_up
    double gmax2 = Double.NEGATIVE_INFINITY;   // max y·G over I_low
    for (int i = 0; i < activeSize; i++) {
      if (y[i] == +1) {
        if (!isUpper(i) && -G[i] >= gmax1) {
          gmax1 = -G[i];
        }
        if (!isLower(i) && G[i] >= gmax2) {
          gmax2 = G[i];
        }
      } else {
        if (!isUpper(i) && -G[i] >= gmax2) {
          gmax2 = -G[i];
        }
        if (!isLower(i) && G[i] >= gmax1) {
          gmax1 = G[i];
        }
      }
    }
    unshrinkOnce(gmax1 + gmax2 <= eps * 10);
    shrinkWhere(new double[] {gmax1, gmax2});
  }

  /** The first time the violation is {@code close} to eps, rebuilds G and reactivates all. */
  protected final void unshrinkOnce(boolean close) {
    if (!unshrink && close) {
      unshrink = true;
      reconstructGradient();
      activeSize = l;
    }
  }

  /** Shrinks each active variable that {@link #beShrunk} selects, swapping in the last keeper. */
  protected final void shrinkWhere(double[] bounds) {
    for (int i = 0; i < activeSize; i++) {
      if (beShrunk(i, bounds)) {
        activeSize--;
        while (activeSize > i) {
          if (!beShrunk(activeSize, bounds)) {
            swap(i, activeSize);
            break;
          }
          activeSize--;
        }
      }
    }
  }

  protected boolean beShrunk(int i, double[] bounds) {
    double gmax1 = bounds[0];
    double gmax2 = bounds[1];
    if (isUpper(i)) {
      return y[i] == +1 ? -G[i] > gmax1 : -G[i] > gmax2;
    }
    if (isLower(i)) {
      return y[i] == +1 ? G[i] > gmax2 : G[i] > gmax1;
    }
    return false;
  }

  private void swap(int i, int j) {
    Swaps.swapByte(y, i, j);
    Swaps.swapDouble(G, i, j);
    Swaps.swapByte(status, i, j);
    Swaps.swapDouble(alpha, i, j);
    Swaps.swapDouble(p, i, j);
    Swaps.swapInt(variable, i, j);
    Q.swap(i, j);
    Swaps.swapDouble(Gbar, i, j);
    Swaps.swapDouble(C, i, j);
    Swaps.swapDouble(QD, i, j);
  }

  /**
   * Q over the solver's variables: {@link SvcQ} when variable t is sample t (partial rows over the
   * active set), else {@link SvrQ} (two variables per sample, gathered from whole rows).
   */
  static QMatrix q(KernelCache kernel, int[] sampleOf, byte[] y) {
    boolean onePerSample = sampleOf.length == kernel.size();
    for (int t = 0; onePerSample && t < sampleOf.length; t++) {
      onePerSample = sampleOf[t] == t;
    }
    return onePerSample ? new SvcQ(kernel, y, kernel.cacheSizeMb())
        : new SvrQ(kernel, sampleOf, y);
  }

  /**
   * ρ: the mean of y·G over the free variables, or the middle of the interval the bound variables
   * allow when none is free.
   */
  protected double calculateRho() {
    int nFree = 0;
    double ub = Double.POSITIVE_INFINITY;
    double lb = Double.NEGATIVE_INFINITY;
    double sumFree = 0;
    for (int i = 0; i < activeSize; i++) {
      double yG = y[i] * G[i];
      if (isUpper(i)) {
        if (y[i] == -1) {
          ub = min(ub, yG);
        } else {
          lb = max(lb, yG);
        }
      } else if (isLower(i)) {
        if (y[i] == +1) {
          ub = min(ub, yG);
        } else {
          lb = max(lb, yG);
        }
      } else {
        ++nFree;
        sumFree += yG;
      }
    }
    return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
  }

  /** libsvm's {@code min}: {@code x < y ? x : y} (differs from Math.min on signed zeros). */
  static double min(double x, double y) {
    return x < y ? x : y;
  }

  /** libsvm's {@code max}: {@code x > y ? x : y}. */
  static double max(double x, double y) {
    return x > y ? x : y;
  }
}
