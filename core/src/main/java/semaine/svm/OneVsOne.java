package semaine.svm;

import semaine.util.Parallel;

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

  /** Solves pair p into the arrays the training gathers. */
  private interface PairBody {
    void solve(int p);
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
    int[] first = new int[nPairs];
    int[] second = new int[nPairs];
    for (int i = 0, p = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++, p++) {
        first[p] = i;
        second[p] = j;
      }
    }
    Formulation.Dual[] duals = new Formulation.Dual[nPairs];
    long[] hits = new long[nPairs];
    long[] requests = new long[nPairs];
    double[] probA = calibration == null ? null : new double[nPairs];
    double[] probB = calibration == null ? null : new double[nPairs];
    PairBody pair = p -> {
      int i = first[p];
      int j = second[p];
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
      duals[p] = solver.solve(cache, y, W, weightedC[i], weightedC[j]);
      hits[p] = cache.hits();
      requests[p] = cache.hits() + cache.misses();
    };
    if (calibration == null) {
      // the pairs are independent problems: solved side by side, gathered in libsvm's order
      Parallel.forRange(nPairs, 1, (from, to) -> {
        for (int p = from; p < to; p++) {
          pair.solve(p);
        }
      });
    } else {
      // Platt scaling's cross-validation draws from one random sequence, pair after pair
      for (int p = 0; p < nPairs; p++) {
        pair.solve(p);
      }
    }
    double[][] alphas = new double[nPairs][];
    double[] rho = new double[nPairs];
    int[] nIter = new int[nPairs];
    boolean[] nonzero = new boolean[l];
    boolean timedOut = false;
    long hitCount = 0;
    long requestCount = 0;
    for (int p = 0; p < nPairs; p++) {
      Formulation.Dual dual = duals[p];
      int ci = count[first[p]];
      int cj = count[second[p]];
      hitCount += hits[p];
      requestCount += requests[p];
      alphas[p] = dual.coef();
      rho[p] = dual.rho();
      nIter[p] = dual.nIter();
      timedOut |= dual.timedOut();
      for (int t = 0; t < ci; t++) {
        nonzero[start[first[p]] + t] |= Math.abs(dual.coef()[t]) > 0;
      }
      for (int t = 0; t < cj; t++) {
        nonzero[start[second[p]] + t] |= Math.abs(dual.coef()[ci + t]) > 0;
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
    int p = 0;
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
    double hitRate = requestCount == 0 ? 0 : (double) hitCount / requestCount;
    return new Trained(support, nSupport, coef, rho, nIter, timedOut, probA, probB, hitRate);
  }
}
