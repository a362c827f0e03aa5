package semaine.regression;

/**
 * One point of a gradient descent: the parameters after {@code iteration} updates and their loss.
 * Step 0 is the start point.
 *
 * @param iteration number of updates done, 0 for the start
 * @param w the weights, shape (n_features,); the record keeps its own copy
 * @param b the intercept
 * @param loss {@code 1/(2m) Σ (x_i · w + b - y_i)²} at (w, b)
 */
public record DescentStep(int iteration, double[] w, double b, double loss) {

  /** Copies w, so the history cannot be changed from outside. */
  public DescentStep {
    w = w.clone();
  }

  /** A copy of the weights. */
  @Override
  public double[] w() {
    return w.clone();
  }
}
