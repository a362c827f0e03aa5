package semaine.regression;

import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;
import semaine.optimize.Cholesky;
import semaine.util.DenseKernels;
import semaine.util.Parallel;

/**
 * Ridge regression: least squares with an L2 penalty, {@code min_w ‖y − X w − b‖² + α ‖w‖²}
 * (a sum, not a mean, as scikit-learn writes it). scikit-learn 1.9's {@code Ridge} with its
 * default solver on dense data, "cholesky": with an intercept X and y are centred first and
 * {@code b = ȳ − x̄ · w}; then {@code (XᵀX + α I) w = Xᵀy} is solved by Cholesky, or, when there
 * are more features than samples, {@code (X Xᵀ + α I) c = y} and {@code w = Xᵀ c} (the kernel
 * form). Up to 127 features, XᵀX and Xᵀy of the centred data come from the rows in one pass
 * after the means, without a centred copy ({@link CenteredGram}); with more, from a centred copy
 * of the columns. Both cores share the work. Agrees with scikit-learn to about 1e-13 relative.
 *
 * <pre>{@code
 * var model = new Ridge(0.5).fit(X, y);   // Ridge(alpha=0.5).fit(X, y)
 * double[] coef = model.coef();           // model.coef_
 * }</pre>
 *
 * <p>Not implemented: the iterative solvers ("svd", "lsqr", "sparse_cg", "sag", "saga",
 * "lbfgs"), {@code positive=True}, an alpha per target, several targets and
 * {@code sample_weight}. With {@code alpha = 0} and a singular XᵀX, scikit-learn falls back to
 * an SVD; semaine refuses and points to {@link LinearRegression}, which gives that answer.
 */
public final class Ridge extends BaseEstimator<Ridge> implements Regressor {

  static final Param<Double> ALPHA = Param.of("alpha", 1.0, Rule.atLeast(0));
  static final Param<Boolean> FIT_INTERCEPT = Param.of("fit_intercept", true, Rule.bool());
  static final Param<Boolean> COPY_X = Param.of("copy_X", true, Rule.bool());
  static final Param<Object> MAX_ITER = Param.of("max_iter", null, Rule.none(),
      Rule.ints(1, null));
  static final Param<Double> TOL = Param.of("tol", 1e-4, Rule.atLeast(0));
  static final Param<String> SOLVER = Param.of("solver", "auto", Rule.options("auto", "svd",
      "cholesky", "lsqr", "sparse_cg", "sag", "saga", "lbfgs"));
  static final Param<Boolean> POSITIVE = Param.of("positive", false, Rule.bool());
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());
  private static final EstimatorSpec<Ridge> SPEC = EstimatorSpec.of(
      "sklearn.linear_model.Ridge", Ridge::new, Fitted.class, ALPHA, FIT_INTERCEPT, COPY_X,
      MAX_ITER, TOL, SOLVER, POSITIVE, RANDOM_STATE);

  /**
   * The fitted state.
   *
   * @param coef (n_features,) the weights
   * @param intercept {@code ȳ − x̄ · w} (0 without fit_intercept)
   * @param solver the solver used ({@code solver_}): "cholesky"
   * @param nFeaturesIn the number of features
   */
  private record Fitted(@Attribute("coef_") double[] coef,
      @Attribute("intercept_") double intercept, @Attribute("solver_") String solver,
      int nFeaturesIn) {}

  /** {@code Ridge()}: alpha = 1. */
  public Ridge() {
    super(SPEC);
  }

  /** {@code Ridge(alpha=alpha)}. */
  public Ridge(double alpha) {
    this();
    alpha(alpha);
  }

  /** {@code alpha}: the penalty's strength, >= 0 (default 1). */
  public Ridge alpha(double alpha) {
    return set(ALPHA, alpha);
  }

  /** {@code fit_intercept}: whether to fit b (default true). */
  public Ridge fitIntercept(boolean fitIntercept) {
    return set(FIT_INTERCEPT, fitIntercept);
  }

  /** {@code solver}: "auto" (default) or "cholesky", the same here. */
  public Ridge solver(String solver) {
    return set(SOLVER, solver);
  }

  /**
   * Fits the closed form.
   *
   * @throws IllegalArgumentException for an invalid parameter, bad data, or alpha = 0 with a
   *     singular XᵀX
   * @throws UnsupportedOperationException for a solver other than "auto"/"cholesky" or
   *     positive=True
   */
  @Override
  public Ridge fit(double[][] X, double[] y) {
    validateParams();
    String solver = get(SOLVER);
    if (!solver.equals("auto") && !solver.equals("cholesky")) {
      throw new UnsupportedOperationException("solver (\"" + solver + "\") is not implemented in"
          + " semaine: use \"auto\" or \"cholesky\"");
    }
    if (get(POSITIVE)) {
      throw new UnsupportedOperationException("positive (True) is not implemented in semaine");
    }
    double alpha = get(ALPHA);
    boolean fitIntercept = get(FIT_INTERCEPT);
    double[] w;
    double intercept;
    int p = X.length > 0 && X[0] != null ? X[0].length : 0;   // X is checked by either route
    if (p > 0 && p <= Math.min(X.length, CenteredGram.MAX_FEATURES)) {
      var normal = CenteredGram.of(X, y, fitIntercept);
      double[][] A = normal.gram();
      for (int j = 0; j < A.length; j++) {
        A[j][j] += alpha;
      }
      w = factor(A, alpha).solve(normal.xy());
      intercept = normal.intercept(w);
    } else {
      var data = CenteredColumns.of(X, y, fitIntercept);
      w = X[0].length > X.length ? kernelSolve(data.values(), data.y(), alpha)
          : primalSolve(data.values(), data.y(), alpha);
      intercept = data.intercept(w);
    }
    fitted(new Fitted(w, intercept, "cholesky", X[0].length));
    return this;
  }

  /**
   * {@code (XᵀX + α I) w = Xᵀy} from centred columns (column j at {@code j · n}), when there are
   * too many features for {@link CenteredGram}: each product a {@link DenseKernels#dot}, the
   * columns split between the cores.
   */
  private static double[] primalSolve(double[] columns, double[] y, double alpha) {
    int n = y.length;
    int p = columns.length / n;
    double[][] A = new double[p][p];
    double[] Xy = new double[p];
    Parallel.forRange(p, 1, (from, to) -> {
      for (int j = from; j < to; j++) {
        for (int l = 0; l <= j; l++) {
          A[j][l] = DenseKernels.dot(columns, j * n, columns, l * n, n);
        }
        A[j][j] += alpha;
        Xy[j] = DenseKernels.dot(columns, j * n, y, 0, n);
      }
    });
    return factor(A, alpha).solve(Xy);
  }

  /** {@code (X Xᵀ + α I) c = y}, then {@code w = Xᵀ c} (column j of X at {@code j · n}). */
  private static double[] kernelSolve(double[] columns, double[] y, double alpha) {
    int n = y.length;
    int p = columns.length / n;
    double[][] K = new double[n][n];
    for (int j = 0; j < p; j++) {
      int at = j * n;
      for (int i = 0; i < n; i++) {
        double xi = columns[at + i];
        for (int l = 0; l <= i; l++) {
          K[i][l] += xi * columns[at + l];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      K[i][i] += alpha;
    }
    double[] c = factor(K, alpha).solve(y);
    double[] w = new double[p];
    for (int j = 0; j < p; j++) {
      w[j] = DenseKernels.dot(columns, j * n, c, 0, n);
    }
    return w;
  }

  private static Cholesky factor(double[][] A, double alpha) {
    Cholesky factor = Cholesky.factor(A);
    if (factor == null) {
      throw new IllegalArgumentException("alpha (" + alpha + ") leaves the normal equations"
          + " singular (XᵀX has a zero eigenvalue): use alpha > 0, or LinearRegression for the"
          + " minimum-norm least-squares solution");
    }
    return factor;
  }

  /** {@code X · coef + intercept}, shape (n_samples,). */
  @Override
  public double[] predict(double[][] X) {
    Fitted f = fitted();
    return CenteredColumns.predict(X, f.coef, f.intercept, "Ridge");
  }

  /** The weights, shape (n_features,) ({@code coef_}). */
  public double[] coef() {
    return this.<Fitted>fitted().coef.clone();
  }

  /** The intercept ({@code intercept_}). */
  public double intercept() {
    return this.<Fitted>fitted().intercept;
  }
}
