package semaine.data;

/**
 * The output of {@link MakeRegression}: {@code X, y, coef = make_regression(..., coef=True)}, with
 * targets and coefficients always two-dimensional (scikit-learn squeezes them when n_targets = 1;
 * {@link #y()} and {@link #coef()} give those squeezed forms).
 *
 * @param X samples, shape (n_samples, n_features)
 * @param targets the targets, shape (n_samples, n_targets)
 * @param coefs the ground-truth linear model, shape (n_features, n_targets); zero rows for the
 *     features that are not informative
 */
public record RegressionSamples(double[][] X, double[][] targets, double[][] coefs) {

  /** The single target, shape (n_samples,); only when n_targets = 1. */
  public double[] y() {
    return column(targets, "y");
  }

  /** The single target's coefficients, shape (n_features,); only when n_targets = 1. */
  public double[] coef() {
    return column(coefs, "coef");
  }

  private static double[] column(double[][] matrix, String name) {
    int width = matrix.length == 0 ? 1 : matrix[0].length;
    if (width != 1) {
      throw new IllegalStateException(name + "() needs n_targets = 1, but there are " + width
          + " targets: use " + (name.equals("y") ? "targets()" : "coefs()"));
    }
    double[] out = new double[matrix.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = matrix[i][0];
    }
    return out;
  }
}
