package semaine.svm;

/**
 * Crammer and Singer's multi-class SVM as liblinear solves it (Keerthi et al., 2008; appendix of
 * the LIBLINEAR paper): one weight vector per class, the dual
 *
 * <pre>
 *   min ½ Σ_m ‖w_m‖² + Σ_i Σ_{m ≠ y_i} α_i^m   s.t.  α_i^m ≤ C_i·[m = y_i],  Σ_m α_i^m = 0
 * </pre>
 *
 * with w_m = Σ_i α_i^m·x_i, solved sample by sample: each sample's k variables by the closed-form
 * solution of its sub-problem, classes whose variable is at its bound with a small gradient
 * shrunk, samples with one class left shrunk, and the shrinking tolerance halved after each
 * confirmation pass. liblinear fixes its pass limit at 100,000 (scikit-learn's max_iter is not
 * passed on).
 */
final class CrammerSinger {

  static final int MAX_ITER = 100_000;

  private CrammerSinger() {}

  /**
   * Solves into w, laid out feature by feature (w[f·k + m] is class m's weight of feature f).
   *
   * @param y each sample's class in [0, k)
   * @param C each sample's bound, W_i times its class's C
   * @return the number of passes
   */
  static int solve(SparseRows x, int[] y, int k, double[] C, double eps, double[] w,
      PlattScaling.BoundedRandom random) {
    int l = x.rows();
    double[] alpha = new double[l * k];
    double[] alphaNew = new double[k];
    double[] G = new double[k];
    double[] B = new double[k];
    int[] index = new int[l];
    double[] qd = new double[l];
    int[] dInd = new int[k];
    double[] dVal = new double[k];
    int[] alphaIndex = new int[k * l];
    int[] yIndex = new int[l];
    int[] activeSizeI = new int[l];
    double epsShrink = Math.max(10.0 * eps, 1.0);
    boolean startFromAll = true;
    int active = l;
    java.util.Arrays.fill(w, 0.0);
    for (int i = 0; i < l; i++) {
      for (int m = 0; m < k; m++) {
        alphaIndex[i * k + m] = m;
      }
      qd[i] = x.squaredNorm(i, 0.0);
      activeSizeI[i] = k;
      yIndex[i] = y[i];
      index[i] = i;
    }
    int iter = 0;
    while (iter < MAX_ITER) {
      double stopping = Double.NEGATIVE_INFINITY;
      DualCoordinateDescent.shuffle(index, active, random);
      for (int s = 0; s < active; s++) {
        int i = index[s];
        double ai = qd[i];
        int base = i * k;
        if (!(ai > 0)) {
          continue;
        }
        int size = activeSizeI[i];
        for (int m = 0; m < size; m++) {
          G[m] = 1;
        }
        if (yIndex[i] < size) {
          G[yIndex[i]] = 0;
        }
        int[] idx = x.index()[i];
        double[] val = x.value()[i];
        for (int e = 0; e < idx.length; e++) {
          int row = idx[e] * k;
          for (int m = 0; m < size; m++) {
            G[m] += w[row + alphaIndex[base + m]] * val[e];
          }
        }
        double minG = Double.POSITIVE_INFINITY;
        double maxG = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < size; m++) {
          if (alpha[base + alphaIndex[base + m]] < 0 && G[m] < minG) {
            minG = G[m];
          }
          if (G[m] > maxG) {
            maxG = G[m];
          }
        }
        if (yIndex[i] < size && alpha[base + y[i]] < C[i] && G[yIndex[i]] < minG) {
          minG = G[yIndex[i]];
        }
        for (int m = 0; m < activeSizeI[i]; m++) {
          if (shrunk(m, yIndex[i], alpha[base + alphaIndex[base + m]], C[i], G[m], minG)) {
            activeSizeI[i]--;
            while (activeSizeI[i] > m) {
              int last = activeSizeI[i];
              if (!shrunk(last, yIndex[i], alpha[base + alphaIndex[base + last]], C[i], G[last],
                  minG)) {
                swapInt(alphaIndex, base + m, base + last);
                double t = G[m];
                G[m] = G[last];
                G[last] = t;
                if (yIndex[i] == last) {
                  yIndex[i] = m;
                } else if (yIndex[i] == m) {
                  yIndex[i] = last;
                }
                break;
              }
              activeSizeI[i]--;
            }
          }
        }
        if (activeSizeI[i] <= 1) {
          DualCoordinateDescent.swap(index, s--, --active);
          continue;
        }
        if (maxG - minG <= 1e-12) {
          continue;
        }
        stopping = Math.max(maxG - minG, stopping);
        size = activeSizeI[i];
        for (int m = 0; m < size; m++) {
          B[m] = G[m] - ai * alpha[base + alphaIndex[base + m]];
        }
        subProblem(B, ai, yIndex[i], C[i], size, alphaNew);
        int nonZero = 0;
        for (int m = 0; m < size; m++) {
          double d = alphaNew[m] - alpha[base + alphaIndex[base + m]];
          alpha[base + alphaIndex[base + m]] = alphaNew[m];
          if (Math.abs(d) >= 1e-12) {
            dInd[nonZero] = alphaIndex[base + m];
            dVal[nonZero++] = d;
          }
        }
        for (int e = 0; e < idx.length; e++) {
          int row = idx[e] * k;
          for (int m = 0; m < nonZero; m++) {
            w[row + dInd[m]] += dVal[m] * val[e];
          }
        }
      }
      iter++;
      if (stopping < epsShrink) {
        if (stopping < eps && startFromAll) {
          break;
        }
        active = l;
        java.util.Arrays.fill(activeSizeI, k);
        epsShrink = Math.max(epsShrink / 2, eps);
        startFromAll = true;
      } else {
        startFromAll = false;
      }
    }
    return iter;
  }

  /** A class variable at its bound (C_i for the sample's class, 0 otherwise) with G below minG. */
  private static boolean shrunk(int m, int yi, double alphaI, double ci, double g, double minG) {
    double bound = m == yi ? ci : 0;
    return alphaI == bound && g < minG;
  }

  /**
   * The sample's sub-problem in closed form: with D = B (plus A·C at the sample's class) sorted
   * decreasingly, β is the mean of the leading D's that stay above it, and α_m = min(bound_m,
   * (β − B_m)/A).
   */
  private static void subProblem(double[] B, double ai, int yi, double cyi, int active,
      double[] alphaNew) {
    double[] D = java.util.Arrays.copyOf(B, active);
    if (yi < active) {
      D[yi] += ai * cyi;
    }
    java.util.Arrays.sort(D);
    for (int a = 0, b = active - 1; a < b; a++, b--) {
      double t = D[a];
      D[a] = D[b];
      D[b] = t;
    }
    double beta = D[0] - ai * cyi;
    int r;
    for (r = 1; r < active && beta < r * D[r]; r++) {
      beta += D[r];
    }
    beta /= r;
    for (r = 0; r < active; r++) {
      alphaNew[r] = r == yi ? Math.min(cyi, (beta - B[r]) / ai) : Math.min(0.0, (beta - B[r]) / ai);
    }
  }

  private static void swapInt(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
