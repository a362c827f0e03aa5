package semaine.svm;

import java.util.List;
import semaine.base.Attribute;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;
import semaine.util.Checks;

/**
 * Linear support vector regression, scikit-learn 1.9's {@code LinearSVR}: liblinear's solution of
 *
 * <pre>
 *   min ½‖w‖² + C Σ_i s_i·loss(y_i − w·x_i − b)
 * </pre>
 *
 * with loss max(0, |r| − ε) ('epsilon_insensitive', the default, solved in the dual) or
 * max(0, |r| − ε)² ('squared_epsilon_insensitive', dual or primal); b is the weight of an extra
 * feature of value intercept_scaling, penalised like the others. The dual is solved by coordinate
 * descent in the random order scikit-learn's seed gives, the primal by the trust-region Newton
 * method.
 *
 * <pre>{@code
 * var model = new LinearSVR().epsilon(0.1).C(10).randomState(0);
 * double[] predicted = model.fit(X, y).predict(XNew);
 * }</pre>
 */
public final class LinearSVR extends BaseLiblinear<LinearSVR> implements Regressor {

  static final Param<Double> EPSILON = Param.of("epsilon", 0.0,
      Rule.reals(null, false, null, false));
  static final Param<String> LOSS = Param.of("loss", "epsilon_insensitive",
      Rule.options("epsilon_insensitive", "squared_epsilon_insensitive"));

  private static final EstimatorSpec<LinearSVR> SPEC = EstimatorSpec.of("sklearn.svm.LinearSVR",
      LinearSVR::new, Fitted.class, EPSILON, TOL, C, LOSS, FIT_INTERCEPT, INTERCEPT_SCALING, DUAL,
      VERBOSE, RANDOM_STATE, MAX_ITER);

  /**
   * The fitted state.
   *
   * @param coef (n_features,) the weights
   * @param intercept (1,) the intercept; 0 without fit_intercept
   * @param nIter the solver's iterations
   * @param nFeaturesIn the number of features
   * @param warnings what scikit-learn would warn about
   */
  record Fitted(@Attribute("coef_") double[] coef, @Attribute("intercept_") double[] intercept,
      @Attribute("n_iter_") int nIter, int nFeaturesIn,
      @Attribute("_warnings") List<String> warnings) {}

  /** {@code LinearSVR()}: ε = 0, the ε-insensitive loss, C = 1, dual "auto". */
  public LinearSVR() {
    super(SPEC);
  }

  /** {@code epsilon}: the half-width of the tube without loss (default 0). */
  public LinearSVR epsilon(double epsilon) {
    return set(EPSILON, epsilon);
  }

  /** {@code loss}: "epsilon_insensitive" (default) or "squared_epsilon_insensitive". */
  public LinearSVR loss(String loss) {
    return set(LOSS, loss);
  }

  @Override
  public LinearSVR fit(double[][] X, double[] y) {
    return fit(X, y, null);
  }

  /**
   * Fits on X, shape (n_samples, n_features), targets y and per-sample weights (null for ones).
   *
   * @return this model
   */
  public LinearSVR fit(double[][] X, double[] y, double[] sampleWeight) {
    validateParams();
    Checks.checkVector("y", y);
    checkData(X, y.length);
    boolean dual = Liblinear.resolveDual(get(DUAL), "ovr", "l2", get(LOSS), X.length,
        X[0].length);
    int solver = Liblinear.solverType("ovr", "l2", get(LOSS), dual);
    var fit = Liblinear.regress(X, y, sampleWeight, settings(solver, get(EPSILON)));
    fitted(new Fitted(fit.coef()[0], fit.intercept(), fit.nIter()[0], X[0].length,
        fit.warnings()));
    return this;
  }

  /** The weights, shape (n_features,) ({@code coef_}). */
  public double[] coef() {
    return state().coef().clone();
  }

  /** The intercept, shape (1,) ({@code intercept_}). */
  public double[] intercept() {
    return state().intercept().clone();
  }

  /** The solver's iterations ({@code n_iter_}). */
  public int nIter() {
    return state().nIter();
  }

  /** scikit-learn's warnings of the last fit (ConvergenceWarning), empty when none. */
  public List<String> warnings() {
    return state().warnings();
  }

  /** x·w + b for each row of X. */
  @Override
  public double[] predict(double[][] X) {
    double[][] scores = linear(X, new double[][] {state().coef()}, state().intercept());
    double[] out = new double[X.length];
    for (int r = 0; r < X.length; r++) {
      out[r] = scores[r][0];
    }
    return out;
  }

  private Fitted state() {
    return fitted();
  }
}
