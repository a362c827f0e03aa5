package semaine.clustering;

import semaine.util.Sums;

/**
 * Column means and the mean variance of a row-major (n, d) array in NumPy's summation order:
 * {@code X.mean(axis=0)} and {@code np.mean(np.var(X, axis=0))}, which set k-means' centring and
 * its absolute tolerance.
 */
final class Moments {

  private Moments() {}

  /** {@code X.mean(axis=0)}: column sums (down each column, or pairwise for one column) over n. */
  static double[] columnMeans(double[] x, int n, int d) {
    double[] sums = columnSums(x, n, d);
    for (int f = 0; f < d; f++) {
      sums[f] /= n;
    }
    return sums;
  }

  /** {@code np.mean(np.var(X, axis=0))}: population variances, then their (pairwise) mean. */
  static double meanVariance(double[] x, int n, int d, double[] mean) {
    double[] variances;
    if (d == 1) {
      double[] squares = new double[n];
      for (int i = 0; i < n; i++) {
        double diff = x[i] - mean[0];
        squares[i] = diff * diff;
      }
      variances = columnSums(squares, n, d);
    } else {
      // columnSums' row-after-row order, the squares formed on the fly
      variances = new double[d];
      for (int i = 0; i < n; i++) {
        for (int f = 0; f < d; f++) {
          double diff = x[i * d + f] - mean[f];
          variances[f] += diff * diff;
        }
      }
    }
    for (int f = 0; f < d; f++) {
      variances[f] /= n;
    }
    return Sums.pairwise(variances) / d;
  }

  /** NumPy's axis-0 sum: one column is contiguous (pairwise), several are summed row after row. */
  private static double[] columnSums(double[] x, int n, int d) {
    if (d == 1) {
      return new double[] {Sums.pairwise(x, 0, n)};
    }
    double[] sums = new double[d];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < d; f++) {
        sums[f] += x[i * d + f];
      }
    }
    return sums;
  }

  /**
   * Centres rows {@code [from, to)} of x (n, d) in place: {@code x[i][f] -= mean[f]}. A method of
   * its own, the arrays as parameters, so that C1 (short k-means commands) keeps them in
   * registers rather than reading a lambda's captured fields at every value.
   */
  static void subtract(double[] x, int d, double[] mean, int from, int to) {
    for (int i = from; i < to; i++) {
      for (int f = 0; f < d; f++) {
        x[i * d + f] -= mean[f];
      }
    }
  }
}
