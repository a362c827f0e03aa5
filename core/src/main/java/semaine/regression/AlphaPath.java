package semaine.regression;

import semaine.random.RandomState;
import semaine.util.Sums;

/**
 * The cross-validated regularisation path of scikit-learn 1.9's {@code LinearModelCV} (what
 * {@link LassoCV} runs): the alpha grid, the KFold folds, and on each fold the elastic-net path
 * by {@link CoordinateDescent} with warm starts from the largest alpha down, scored by the mean
 * squared error on the held-out fold.
 */
final class AlphaPath {

  private AlphaPath() {}

  /**
   * {@code _alpha_grid}: {@code num} alphas spaced evenly on a log scale from
   * {@code alpha_max = max_j |X_jᵀ(y − ȳ)| / (n ρ)}, the smallest alpha that keeps every weight at
   * 0, down to {@code eps · alpha_max} ({@code np.geomspace}); {@code positive} takes the largest
   * signed correlation instead. ρ = l1_ratio.
   */
  static double[] grid(double[][] X, double[] y, double l1Ratio, boolean fitIntercept,
      boolean positive, double eps, int num) {
    int n = X.length;
    int p = X[0].length;
    double yMean = fitIntercept ? Sums.pairwise(y) / n : 0;
    double[] yc = new double[n];
    double ySum = 0;
    for (int i = 0; i < n; i++) {
      yc[i] = y[i] - yMean;
    }
    ySum = fitIntercept ? Sums.pairwise(yc) : 0;
    double largest = positive ? 0 : -1;
    double[] column = new double[n];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < n; i++) {
        column[i] = X[i][j];
      }
      double xy = 0;
      for (int i = 0; i < n; i++) {
        xy += column[i] * yc[i];
      }
      if (fitIntercept) {
        xy -= Sums.pairwise(column) / n * ySum;
      }
      largest = Math.max(largest, positive ? xy : Math.abs(xy));
    }
    double alphaMax = largest / (n * l1Ratio);
    double[] alphas = new double[num];
    if (alphaMax <= 1e-15) {
      java.util.Arrays.fill(alphas, 1e-15);   // np.finfo(np.float64).resolution
      return alphas;
    }
    return geomspace(alphaMax, alphaMax * eps, num);
  }

  /**
   * {@code np.geomspace(start, stop, num)}: {@code 10^(log10 start + i·step)}, the ends set to
   * start and stop exactly.
   */
  static double[] geomspace(double start, double stop, int num) {
    double logStart = Math.log10(start);
    double logStop = Math.log10(stop);
    double[] out = new double[num];
    double step = num > 1 ? (logStop - logStart) / (num - 1) : 0;
    for (int i = 0; i < num; i++) {
      out[i] = Math.pow(10, i * step + logStart);
    }
    out[0] = start;
    if (num > 1) {
      out[num - 1] = stop;
    }
    return out;
  }

  /** {@code KFold(k)} without shuffling: test fold f is a block, the first n mod k one longer. */
  static int[][] kFoldTests(int n, int k) {
    if (k > n) {
      throw new IllegalArgumentException("Cannot have number of splits n_splits=" + k
          + " greater than the number of samples: n_samples=" + n + ".");
    }
    int[][] tests = new int[k][];
    int start = 0;
    for (int f = 0; f < k; f++) {
      int size = n / k + (f < n % k ? 1 : 0);
      tests[f] = new int[size];
      for (int i = 0; i < size; i++) {
        tests[f][i] = start + i;
      }
      start += size;
    }
    return tests;
  }

  /** The settings of the path's coordinate descent, as the estimator holds them. */
  record Settings(double l1Ratio, boolean fitIntercept, boolean positive, int maxIter, double tol,
      boolean randomSelection) {}

  /**
   * {@code _path_residuals}: fits the path on the samples outside {@code test} (centred on their
   * own means) and returns the held-out mean squared error for each alpha.
   */
  static double[] foldErrors(double[][] X, double[] y, int[] test, double[] alphas,
      Settings s, RandomState rng) {
    int n = X.length;
    boolean[] held = new boolean[n];
    for (int i : test) {
      held[i] = true;
    }
    double[][] trainX = new double[n - test.length][];
    double[] trainY = new double[n - test.length];
    for (int i = 0, t = 0; i < n; i++) {
      if (!held[i]) {
        trainX[t] = X[i];
        trainY[t++] = y[i];
      }
    }
    var data = CoordinateDescentModel.centred(trainX, trainY, s.fitIntercept(),
        CoordinateDescentModel.gramRoute(trainX.length, X[0].length));
    int m = trainY.length;
    double[] w = new double[X[0].length];
    double[] mse = new double[alphas.length];
    for (int a = 0; a < alphas.length; a++) {
      double alpha = alphas[a];
      var cd = new CoordinateDescent(data, alpha * s.l1Ratio() * m,
          alpha * (1 - s.l1Ratio()) * m, s.positive());
      w = cd.run(w, s.maxIter(), s.tol(), rng, s.randomSelection()).w();
      double intercept = data.intercept(w);
      double sum = 0;
      for (int i : test) {
        double r = 0;
        for (int j = 0; j < w.length; j++) {
          r += X[i][j] * w[j];
        }
        r = r - y[i] + intercept;
        sum += r * r;
      }
      mse[a] = sum / test.length;
    }
    return mse;
  }
}
