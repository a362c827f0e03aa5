package semaine.regression;

import semaine.base.EstimatorSpec;

/**
 * The Lasso: least squares with an L1 penalty,
 * {@code min_w 1/(2n) ‖y − X w − b‖² + α ‖w‖₁}, which sets some weights exactly to 0.
 * scikit-learn 1.9's {@code Lasso}: the same coordinate descent (see {@link CoordinateDescent}),
 * the same sweep order, {@code n_iter_} and weights to about 1e-12.
 *
 * <pre>{@code
 * var model = new Lasso(0.1).fit(X, y);   // Lasso(alpha=0.1).fit(X, y)
 * double[] coef = model.coef();           // model.coef_
 * }</pre>
 *
 * <p>Large dense X (more samples than features, beyond 2^16 values) is fitted on its Gram
 * matrix, the same updates ({@link CoordinateDescentModel#gramRoute}).
 *
 * <p>Not implemented: {@code precompute=True} (asking for the Gram matrix), sparse X,
 * several targets and {@code sample_weight}.
 */
public final class Lasso extends CoordinateDescentModel<Lasso> {

  private static final EstimatorSpec<Lasso> SPEC = EstimatorSpec.of(
      "sklearn.linear_model.Lasso", Lasso::new, Fitted.class, ALPHA, FIT_INTERCEPT, PRECOMPUTE,
      COPY_X, MAX_ITER, TOL, WARM_START, POSITIVE, RANDOM_STATE, SELECTION);

  /** {@code Lasso()}: alpha = 1. */
  public Lasso() {
    super(SPEC);
  }

  /** {@code Lasso(alpha=alpha)}. */
  public Lasso(double alpha) {
    this();
    alpha(alpha);
  }

  @Override
  double l1Ratio() {
    return 1.0;
  }
}
