package semaine.regression;

import semaine.util.Checks;
import semaine.util.Parallel;
import semaine.util.Sums;

/**
 * The centring scikit-learn's regularised linear models start with ({@code _preprocess_data}):
 * X as columns (the Fortran order they ask for), each minus its mean, y minus its mean; the
 * intercept is recovered at the end as {@code ȳ − x̄ · w}. Means are NumPy's on contiguous
 * columns: pairwise sums. Without an intercept nothing is centred and the offsets are 0.
 *
 * <p>The columns lie one after the other in one array (column j at {@code j · n}): one large
 * allocation that the garbage collector never copies, where a hundred arrays of a few hundred
 * kilobytes would be copied at each young collection during the fit.
 *
 * @param values (p · n) the centred features, column after column
 * @param y (n,) the centred target
 * @param xOffset (p,) the column means (0 without intercept)
 * @param yOffset the mean of y (0 without intercept)
 */
record CenteredColumns(double[] values, double[] y, double[] xOffset, double yOffset) {

  /** Checks X and y (finite, same length) and centres them when {@code fitIntercept}. */
  static CenteredColumns of(double[][] X, double[] y, boolean fitIntercept) {
    Checks.checkMatrix("X", X);
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
    int n = X.length;
    int p = X[0].length;
    Checks.checkArgument((long) n * p <= Integer.MAX_VALUE - 8, "X (" + n + " x " + p + ") has"
        + " more than 2^31 values, more than the centred copy of one array can hold");
    double[] values = new double[n * p];
    // transposed by blocks of 128 rows: a block's rows stay in cache while each column is
    // written in order
    Parallel.forRange(n, 1024, (from, to) -> {
      for (int start = from; start < to; start += 128) {
        int end = Math.min(to, start + 128);
        for (int j = 0; j < p; j++) {
          int at = j * n;
          for (int i = start; i < end; i++) {
            values[at + i] = X[i][j];
          }
        }
      }
    });
    double[] xOffset = new double[p];
    if (fitIntercept) {
      Parallel.forRange(p, 1, (from, to) -> {
        for (int j = from; j < to; j++) {
          int at = j * n;
          xOffset[j] = Sums.pairwise(values, at, at + n) / n;
          for (int i = at; i < at + n; i++) {
            values[i] -= xOffset[j];
          }
        }
      });
    }
    double yOffset = fitIntercept ? Sums.pairwise(y) / n : 0;
    double[] yc = y.clone();
    for (int i = 0; i < n; i++) {
      yc[i] -= yOffset;
    }
    return new CenteredColumns(values, yc, xOffset, yOffset);
  }

  /** {@code ȳ − x̄ · w}. */
  double intercept(double[] w) {
    return intercept(yOffset, xOffset, w);
  }

  /** {@code ȳ − x̄ · w} from the offsets. */
  static double intercept(double yOffset, double[] xOffset, double[] w) {
    double shift = 0;
    for (int j = 0; j < w.length; j++) {
      shift += xOffset[j] * w[j];
    }
    return yOffset - shift;
  }

  /**
   * {@code X · w + b} for the rows of X, shape (n_samples,).
   *
   * @throws IllegalArgumentException when X is not finite or has another number of features than
   *     the model, naming the model
   */
  static double[] predict(double[][] X, double[] w, double b, String model) {
    Checks.checkMatrix("X", X);
    Checks.checkArgument(X[0].length == w.length, "X has " + X[0].length + " features, but "
        + model + " is expecting " + w.length + " features as input");
    double[] out = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += X[i][j] * w[j];
      }
      out[i] = s + b;
    }
    return out;
  }
}
