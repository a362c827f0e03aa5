package semaine.regression;

import semaine.util.Checks;

/**
 * The book's loss, {@code L(w, b) = 1/(2m) Σ_i (x_i · w + b - y_i)²}, at a point or on a grid of
 * (w, b): the parabola of L against b, the curve against w and the bowl over (w, b) drawn in the
 * Day 2 figures.
 */
public final class LossSurface {

  private LossSurface() {}

  /**
   * The loss at (w, b).
   *
   * @param X samples, shape (m, n_features)
   * @param y targets, shape (m,)
   * @param w weights, shape (n_features,)
   */
  public static double meanSquaredLoss(double[][] X, double[] y, double[] w, double b) {
    check(X, y);
    Checks.checkArgument(w != null && w.length == X[0].length,
        "w has " + (w == null ? "no" : String.valueOf(w.length)) + " values but X has "
            + X[0].length + " features");
    return halfMeanSquare(residuals(X, y, w, b, new double[y.length]));
  }

  /**
   * The loss of the line {@code y = w x + b} over a grid: {@code loss[i][j] = L(ws[i], bs[j])}, for
   * one feature.
   *
   * @param x the feature, shape (m,)
   * @param y targets, shape (m,)
   * @param ws values of w, the grid's rows
   * @param bs values of b, the grid's columns
   * @return shape (ws.length, bs.length)
   */
  public static double[][] grid(double[] x, double[] y, double[] ws, double[] bs) {
    Checks.checkVector("x", x);
    Checks.checkVector("y", y);
    Checks.checkPaired("x", x, "y", y);
    Checks.checkVector("ws", ws);
    Checks.checkVector("bs", bs);
    double[] errors = new double[x.length];
    double[][] loss = new double[ws.length][bs.length];
    for (int i = 0; i < ws.length; i++) {
      for (int j = 0; j < bs.length; j++) {
        for (int k = 0; k < x.length; k++) {
          errors[k] = x[k] * ws[i] + bs[j] - y[k];
        }
        loss[i][j] = halfMeanSquare(errors);
      }
    }
    return loss;
  }

  /** {@code out[i] = x_i · w + b - y_i}, the prediction errors; returns out. */
  static double[] residuals(double[][] X, double[] y, double[] w, double b, double[] out) {
    for (int i = 0; i < y.length; i++) {
      double[] x = X[i];
      double prediction = 0;
      for (int j = 0; j < w.length; j++) {
        prediction += x[j] * w[j];
      }
      out[i] = prediction + b - y[i];
    }
    return out;
  }

  /** {@code Σ e² / (2m)}. */
  static double halfMeanSquare(double[] errors) {
    double sum = 0;
    for (double e : errors) {
      sum += e * e;
    }
    return sum / (2 * errors.length);
  }

  /** Samples and targets: finite, non-empty, paired. */
  static void check(double[][] X, double[] y) {
    Checks.checkMatrix("X", X);
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
  }
}
