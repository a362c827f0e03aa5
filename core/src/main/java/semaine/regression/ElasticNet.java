package semaine.regression;

import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;

/**
 * The elastic net: least squares with a mix of L1 and L2 penalties,
 * {@code min_w 1/(2n) ‖y − X w − b‖² + α ρ ‖w‖₁ + ½ α (1 − ρ) ‖w‖²} with ρ = {@code l1_ratio}.
 * scikit-learn 1.9's {@code ElasticNet}: the same coordinate descent (see
 * {@link CoordinateDescent}), the same sweep order, {@code n_iter_} and weights to about 1e-12.
 *
 * <pre>{@code
 * var model = new ElasticNet(0.1).l1Ratio(0.7).fit(X, y);   // ElasticNet(alpha=0.1, l1_ratio=0.7)
 * }</pre>
 *
 * <p>Not implemented: {@code precompute=True}, sparse X, several targets and
 * {@code sample_weight}.
 */
public final class ElasticNet extends CoordinateDescentModel<ElasticNet> {

  static final Param<Double> L1_RATIO = Param.of("l1_ratio", 0.5, Rule.reals(0.0, true, 1.0, true));
  private static final EstimatorSpec<ElasticNet> SPEC = EstimatorSpec.of(
      "sklearn.linear_model.ElasticNet", ElasticNet::new, Fitted.class, ALPHA, L1_RATIO,
      FIT_INTERCEPT, PRECOMPUTE, MAX_ITER, COPY_X, TOL, WARM_START, POSITIVE, RANDOM_STATE,
      SELECTION);

  /** {@code ElasticNet()}: alpha = 1, l1_ratio = 0.5. */
  public ElasticNet() {
    super(SPEC);
  }

  /** {@code ElasticNet(alpha=alpha)}. */
  public ElasticNet(double alpha) {
    this();
    alpha(alpha);
  }

  /** {@code l1_ratio}: the share ρ of the L1 penalty, in [0, 1] (default 0.5). */
  public ElasticNet l1Ratio(double l1Ratio) {
    return set(L1_RATIO, l1Ratio);
  }

  @Override
  double l1Ratio() {
    return get(L1_RATIO);
  }
}
