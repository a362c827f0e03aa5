package semaine.svm;

import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.util.Checks;

/**
 * What {@link LinearSVC} and {@link LinearSVR} share: the parameters liblinear reads (tol, C,
 * the intercept as a scaled extra feature, dual, the seed, max_iter), the solver settings built
 * from them, and the linear function x·w + b of new samples.
 */
public abstract class BaseLiblinear<E extends BaseLiblinear<E>> extends BaseEstimator<E> {

  static final Param<Double> TOL = Param.of("tol", 1e-4, Rule.above(0.0));
  static final Param<Double> C = Param.of("C", 1.0, Rule.above(0.0));
  static final Param<Boolean> FIT_INTERCEPT = Param.of("fit_intercept", true, Rule.bool());
  static final Param<Double> INTERCEPT_SCALING = Param.of("intercept_scaling", 1.0,
      Rule.above(0.0));
  static final Param<Object> DUAL = Param.of("dual", "auto", Rule.options("auto"), Rule.bool());
  static final Param<Integer> VERBOSE = Param.of("verbose", 0, Rule.ints(0, null));
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());
  static final Param<Integer> MAX_ITER = Param.of("max_iter", 1000, Rule.ints(0, null));

  protected BaseLiblinear(EstimatorSpec<E> spec) {
    super(spec);
  }

  /** {@code C}: the penalty of the losses against ½‖w‖², > 0 (default 1). */
  public E C(double c) {
    return set(C, c);
  }

  /** {@code tol}: the solver's stopping tolerance (default 1e-4). */
  public E tol(double tol) {
    return set(TOL, tol);
  }

  /** {@code dual}: "auto" (default), true (dual coordinate descent) or false (primal). */
  public E dual(Object dual) {
    return set(DUAL, dual);
  }

  /** {@code fit_intercept}: whether to add the intercept feature (default true). */
  public E fitIntercept(boolean fitIntercept) {
    return set(FIT_INTERCEPT, fitIntercept);
  }

  /** {@code intercept_scaling}: the value of the intercept feature, > 0 (default 1). */
  public E interceptScaling(double scaling) {
    return set(INTERCEPT_SCALING, scaling);
  }

  /** {@code max_iter}: the solver's iteration limit (default 1000). */
  public E maxIter(int maxIter) {
    return set(MAX_ITER, maxIter);
  }

  /** {@code random_state}: the seed of the random order of coordinate descent. */
  public E randomState(Object randomState) {
    return set(RANDOM_STATE, randomState);
  }

  /** The solver settings for liblinear's solver number; draws the seed, as each fit does. */
  final Liblinear.Settings settings(int solver, double epsilon) {
    long seed = checkRandomState(get(RANDOM_STATE)).randint(0, Integer.MAX_VALUE);
    return new Liblinear.Settings(solver, get(C), get(TOL), get(MAX_ITER), get(FIT_INTERCEPT),
        get(INTERCEPT_SCALING), epsilon, seed);
  }

  /** Checks X and the targets' length before training. */
  static void checkData(double[][] X, int n) {
    Checks.checkMatrix("X", X);
    Checks.checkSameLength("X", X.length, "y", n);
  }

  /** x·coef + intercept for each row of X and each row of coef, after the feature check. */
  final double[][] linear(double[][] X, double[][] coef, double[] intercept) {
    Checks.checkMatrix("X", X);
    int p = coef[0].length;
    if (X[0].length != p) {
      throw new IllegalArgumentException("X has " + X[0].length + " features, but "
          + getClass().getSimpleName() + " is expecting " + p + " features as input");
    }
    double[][] out = new double[X.length][coef.length];
    for (int r = 0; r < X.length; r++) {
      for (int c = 0; c < coef.length; c++) {
        double sum = 0;
        for (int f = 0; f < p; f++) {
          sum += X[r][f] * coef[c][f];
        }
        out[r][c] = sum + intercept[c];
      }
    }
    return out;
  }
}
