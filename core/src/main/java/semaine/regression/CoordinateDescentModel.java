package semaine.regression;

import java.util.ArrayList;
import java.util.List;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;

/**
 * What {@link Lasso} and {@link ElasticNet} share, as scikit-learn's {@code Lasso} extends its
 * {@code ElasticNet}: the parameters, the fit by {@link CoordinateDescent} on centred data with
 * {@code a = α ρ n}, {@code b = α (1 − ρ) n} (ρ = l1_ratio), and the fitted state.
 *
 * @param <E> the estimator, returned by the chained setters
 */
public abstract sealed class CoordinateDescentModel<E extends CoordinateDescentModel<E>>
    extends BaseEstimator<E> implements Regressor permits Lasso, ElasticNet {

  static final Param<Double> ALPHA = Param.of("alpha", 1.0, Rule.atLeast(0));
  static final Param<Boolean> FIT_INTERCEPT = Param.of("fit_intercept", true, Rule.bool());
  static final Param<Boolean> PRECOMPUTE = Param.of("precompute", false, Rule.bool());
  static final Param<Boolean> COPY_X = Param.of("copy_X", true, Rule.bool());
  static final Param<Integer> MAX_ITER = Param.of("max_iter", 1000, Rule.ints(1, null));
  static final Param<Double> TOL = Param.of("tol", 1e-4, Rule.atLeast(0));
  static final Param<Boolean> WARM_START = Param.of("warm_start", false, Rule.bool());
  static final Param<Boolean> POSITIVE = Param.of("positive", false, Rule.bool());
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());
  static final Param<String> SELECTION = Param.of("selection", "cyclic",
      Rule.options("cyclic", "random"));

  private static final String NOT_CONVERGED = "Objective did not converge. You might want to"
      + " increase the number of iterations, check the scale of the features or consider"
      + " increasing regularisation.";

  /**
   * The fitted state.
   *
   * @param coef (n_features,) the weights
   * @param intercept the intercept ({@code ȳ − x̄ · w}, 0 without fit_intercept)
   * @param nIter the sweeps coordinate descent made
   * @param dualGap the final duality gap divided by n_samples
   * @param nFeaturesIn the number of features
   * @param warnings what scikit-learn would warn about
   */
  record Fitted(@Attribute("coef_") double[] coef, @Attribute("intercept_") double intercept,
      @Attribute("n_iter_") int nIter, @Attribute("dual_gap_") double dualGap, int nFeaturesIn,
      @Attribute("_warnings") List<String> warnings) {}

  CoordinateDescentModel(EstimatorSpec<E> spec) {
    super(spec);
  }

  /** The share ρ of the L1 penalty: 1 for the Lasso. */
  abstract double l1Ratio();

  /** {@code alpha}: the penalty's strength (default 1). */
  public E alpha(double alpha) {
    return set(ALPHA, alpha);
  }

  /** {@code fit_intercept}: whether to fit b (default true). */
  public E fitIntercept(boolean fitIntercept) {
    return set(FIT_INTERCEPT, fitIntercept);
  }

  /** {@code max_iter}: the largest number of sweeps (default 1000). */
  public E maxIter(int maxIter) {
    return set(MAX_ITER, maxIter);
  }

  /** {@code tol}: the tolerance on the duality gap, relative to ‖y − ȳ‖² (default 1e-4). */
  public E tol(double tol) {
    return set(TOL, tol);
  }

  /** {@code positive}: force the weights to be >= 0. */
  public E positive(boolean positive) {
    return set(POSITIVE, positive);
  }

  /** {@code selection}: "cyclic" (default) or "random" coordinate order. */
  public E selection(String selection) {
    return set(SELECTION, selection);
  }

  /** {@code random_state}: the seed of the coordinate draws (used by "random" selection). */
  public E randomState(long seed) {
    return set(RANDOM_STATE, seed);
  }

  /** {@code warm_start}: start from the previous fit's weights. */
  public E warmStart(boolean warmStart) {
    return set(WARM_START, warmStart);
  }

  /**
   * Fits by coordinate descent.
   *
   * @throws IllegalArgumentException for an invalid parameter, or X, y empty, ragged, not finite
   *     or of different lengths
   * @throws UnsupportedOperationException for {@code precompute=true} (the Gram-matrix variant is
   *     not implemented)
   */
  @Override
  public E fit(double[][] X, double[] y) {
    validateParams();
    CenteredColumns.checkXy(X, y, false);
    return fit(X, y, gramRoute(X.length, X[0].length));
  }

  /**
   * Whether coordinate descent runs on the Gram matrix ({@link CenteredProducts}) rather than on
   * the centred columns ({@link CenteredColumns}): the same updates in the same order, so the same
   * iterates to rounding (both routes give scikit-learn's n_iter_ and weights on every reference
   * case). The columns cost a centred copy of X (n·p values written to fresh memory, about 3 ms
   * per MB on a virtual machine's first touch) and two passes over it per sweep and per gap:
   * cheap while the copy stays in a core's cache (up to 2^16 values, 512 KB), a trip to memory
   * each beyond. The Gram matrix costs at most n·p²/2 fused multiply-adds (vector instructions,
   * no copy: X read for the means, then once per batch of columns, a column formed only when its
   * weight leaves 0), then p² per sweep: the cheaper beyond the cache with more samples than
   * features and up to 256 features (Lasso on 10^5 x 100, three sweeps, warm fits on the shared
   * 2-core machine at load 31: 0.27-0.29 s of CPU on the columns against 0.09-0.11 s on the
   * whole of G; at load 8, about 0.05 s on the 17 columns it needs).
   */
  static boolean gramRoute(int n, int p) {
    return p <= n && (long) n * p > 1 << 16 && p <= 256;
  }

  /** The centred data by the route {@link #gramRoute} picks (or gram when told). */
  static CoordinateDescent.CentredData centred(double[][] X, double[] y, boolean fitIntercept,
      boolean gram) {
    return gram ? CenteredProducts.of(X, y, fitIntercept) : CenteredColumns.of(X, y, fitIntercept);
  }

  /** {@link #fit(double[][], double[])} on the Gram matrix or on the centred columns. */
  E fit(double[][] X, double[] y, boolean gram) {
    validateParams();
    if (get(PRECOMPUTE)) {
      throw new UnsupportedOperationException("precompute (True) is not implemented in semaine:"
          + " leave it False");
    }
    var data = centred(X, y, get(FIT_INTERCEPT), gram);
    int n = X.length;
    int p = X[0].length;
    double alpha = get(ALPHA);
    double rho = l1Ratio();
    List<String> warnings = new ArrayList<>();
    if (alpha == 0) {
      warnings.add("With alpha=0, this algorithm does not converge well. You are advised to use"
          + " the LinearRegression estimator");
    }
    double[] w = get(WARM_START) && isFitted() ? state().coef.clone() : new double[p];
    double a = alpha * rho * n;
    var result = new CoordinateDescent(data, a, alpha * (1 - rho) * n,
        get(POSITIVE)).run(w, get(MAX_ITER), get(TOL), checkRandomState(get(RANDOM_STATE)),
        get(SELECTION).equals("random"));
    if (!result.converged()) {
      String message = NOT_CONVERGED + String.format(" Duality gap: %.6e, tolerance: %.3e",
          result.gap(), result.tol());
      if (a < Math.ulp(1.0)) {
        message += "\nLinear regression models with a zero l1 penalization strength are more"
            + " efficiently fitted using one of the solvers implemented in"
            + " sklearn.linear_model.Ridge/RidgeCV instead.";
      }
      warnings.add(message);
    }
    double intercept = data.intercept(result.w());
    for (double v : result.w()) {
      if (!Double.isFinite(v) || !Double.isFinite(intercept)) {
        throw new ArithmeticException("Coordinate descent iterations resulted in non-finite"
            + " parameter values. The input data may contain large values and need to be"
            + " preprocessed.");
      }
    }
    fitted(new Fitted(result.w(), intercept, result.nIter(), result.gap() / n, p,
        List.copyOf(warnings)));
    @SuppressWarnings("unchecked")
    E self = (E) this;
    return self;
  }

  /** {@code X · coef + intercept}, shape (n_samples,). */
  @Override
  public double[] predict(double[][] X) {
    Fitted f = state();
    return CenteredColumns.predict(X, f.coef, f.intercept, getClass().getSimpleName());
  }

  /** The weights, shape (n_features,) ({@code coef_}). */
  public double[] coef() {
    return state().coef.clone();
  }

  /** The intercept ({@code intercept_}). */
  public double intercept() {
    return state().intercept;
  }

  /** The sweeps of coordinate descent ({@code n_iter_}). */
  public int nIter() {
    return state().nIter;
  }

  /** The final duality gap over n_samples ({@code dual_gap_}). */
  public double dualGap() {
    return state().dualGap;
  }

  /** scikit-learn's warnings of the last fit (ConvergenceWarning...), empty when none. */
  public List<String> warnings() {
    return state().warnings;
  }

  private Fitted state() {
    return fitted();
  }
}
