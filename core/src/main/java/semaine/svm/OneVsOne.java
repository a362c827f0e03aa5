package semaine.svm;

/**
 * libsvm's multi-class training ({@code svm_train} for C-SVC and ν-SVC): the samples are grouped by
 * class (stable within a class), one binary problem is solved per pair of classes (i, j), i < j,
 * with class i as +1 and class j as −1, and the samples that are support vectors in any of their
 * pairs become the model's support vectors, in grouped order.
 *
 * <p>For pair (i, j) the coefficients of class i's support vectors go to row j − 1 of the dual
 * coefficients and those of class j's to row i, which is what lets prediction evaluate every pair
 * from one vector of kernel values.
 */
final class OneVsOne {

  /** The trained pairs, assembled as libsvm's model. */
  record Trained(int[] support, int[] nSupport, double[][] coef, double[] rho, int[] nIter,
      boolean timedOut, double[] probA, double[] probB, double hitRate) {}

  /** Solves one binary sub-problem: rows, their ±1 signs and weights, the two classes' bounds. */
  interface BinarySolver {
    Formulation.Dual solve(KernelCache kernel, byte[] y, double[] W, double cp, double cn);
  }

  /** Fits Platt's sigmoid for one pair (probability=True), returning {A, B}. */
  interface PairCalibration {
    double[] fit(double[][] rows, int[] columns, byte[] y, double[] W, double cp, double cn);
  }

  private OneVsOne() {}

  /**
   * @param prep the prepared training data (rows, weights, kernel)
   * @param label each kept sample's class index in [0, k)
   * @param k the number of classes
   * @param weightedC C times the class weight, per class
   * @param solver the formulation (C-SVC or ν-SVC)
   * @param calibration Platt scaling per pair, or null
   * @param cacheSizeMb the kernel cache budget
   */
  static Trained train(BaseLibSVM.Prepared prep, int[] label, int k, double[] weightedC,
      BinarySolver solver, PairCalibration calibration, double cacheSizeMb) {
    int l = label.length;
    int[] count = new int[k];
    for (int c : label) {
      count[c]++;
    }
    int[] start = new int[k];
    for (int c = 1; c < k; c++) {
      start[c] = start[c - 1] + count[c - 1];
    }
    int[] perm = new int[l];
    int[] next = start.clone();
    for (int i = 0; i < l; i++) {
      perm[next[label[i]]++] = i;
    }
    int nPairs = k * (k - 1) / 2;
    double[][] alphas = new double[nPairs][];
    double[] rho = new double[nPairs];
    int[] nIter = new int[nPairs];
    double[] probA = calibration == null ? null : new double[nPairs];
    double[] probB = calibration == null ? null : new double[nPairs];
    boolean[] nonzero = new boolean[l];
    boolean timedOut = false;
    long hits = 0;
    long requests = 0;
    int p = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        int ci = count[i];
        int cj = count[j];
        double[][] rows = new double[ci + cj][];
        int[] columns = new int[ci + cj];
        byte[] y = new byte[ci + cj];
        double[] W = new double[ci + cj];
        for (int t = 0; t < ci + cj; t++) {
          int sample = perm[t < ci ? start[i] + t : start[j] + t - ci];
          rows[t] = prep.X()[sample];
          columns[t] = prep.columns()[sample];
          y[t] = (byte) (t < ci ? +1 : -1);
          W[t] = prep.W()[sample];
        }
        if (calibration != null) {
          double[] ab = calibration.fit(rows, columns, y, W, weightedC[i], weightedC[j]);
          probA[p] = ab[0];
          probB[p] = ab[1];
        }
        KernelCache cache = prep.cache(rows, columns, cacheSizeMb);
        Formulation.Dual dual = solver.solve(cache, y, W, weightedC[i], weightedC[j]);
        hits += cache.hits();
        requests += cache.hits() + cache.misses();
        alphas[p] = dual.coef();
        rho[p] = dual.rho();
        nIter[p] = dual.nIter();
        timedOut |= dual.timedOut();
        for (int t = 0; t < ci; t++) {
          nonzero[start[i] + t] |= Math.abs(dual.coef()[t]) > 0;
        }
        for (int t = 0; t < cj; t++) {
          nonzero[start[j] + t] |= Math.abs(dual.coef()[ci + t]) > 0;
        }
        p++;
      }
    }
    int[] nSupport = new int[k];
    int total = 0;
    for (int c = 0; c < k; c++) {
      for (int t = 0; t < count[c]; t++) {
        if (nonzero[start[c] + t]) {
          nSupport[c]++;
          total++;
        }
      }
    }
    int[] support = new int[total];
    for (int g = 0, s = 0; g < l; g++) {
      if (nonzero[g]) {
        support[s++] = perm[g];
      }
    }
    int[] nzStart = new int[k];
    for (int c = 1; c < k; c++) {
      nzStart[c] = nzStart[c - 1] + nSupport[c - 1];
    }
    double[][] coef = new double[k - 1][total];
    p = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        int q = nzStart[i];
        for (int t = 0; t < count[i]; t++) {
          if (nonzero[start[i] + t]) {
            coef[j - 1][q++] = alphas[p][t];
          }
        }
        q = nzStart[j];
        for (int t = 0; t < count[j]; t++) {
          if (nonzero[start[j] + t]) {
            coef[i][q++] = alphas[p][count[i] + t];
          }
        }
        p++;
      }
    }
    double hitRate = requests == 0 ? 0 : (double) hits / requests;
    return new Trained(support, nSupport, coef, rho, nIter, timedOut, probA, probB, hitRate);
  }
}
