package semaine.regression;

import java.util.Arrays;
import java.util.List;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;
import semaine.util.Checks;

/**
 * The Lasso with its alpha chosen by K-fold cross-validation along the regularisation path:
 * scikit-learn 1.9's {@code LassoCV}. The grid holds {@code alphas} (100) values from
 * {@code alpha_max}, the smallest alpha whose Lasso is all zeros, down to {@code eps · alpha_max}
 * (1e-3), evenly on a log scale; or the alphas given, sorted from the largest. On each of the
 * {@code cv} (5) KFold folds the path is fitted on the other folds by coordinate descent, each
 * alpha starting from the previous one's weights, and scored by the mean squared error on the
 * fold ({@code mse_path_}, shape (n_alphas, n_folds)). The alpha of least mean error over the
 * folds is {@code alpha_}, and the model is {@link Lasso} refitted at it on all the data.
 *
 * <pre>{@code
 * var model = new LassoCV().fit(X, y);   // LassoCV().fit(X, y)
 * double alpha = model.alpha();          // model.alpha_
 * }</pre>
 *
 * <p>scikit-learn's folds use the Gram-matrix variant of coordinate descent ({@code precompute}
 * "auto" with more samples than features); semaine's folds take the route the Lasso takes
 * ({@link CoordinateDescentModel#gramRoute}: the centred columns for small data, the Gram matrix
 * beyond), which make the same updates, so the errors agree to rounding. Not implemented: {@code sample_weight}, a {@code cv} splitter
 * object, {@code n_jobs} (the folds run in turn).
 */
public final class LassoCV extends BaseEstimator<LassoCV> implements Regressor {

  static final Param<Double> EPS = Param.of("eps", 1e-3, Rule.above(0));
  static final Param<Object> ALPHAS = Param.of("alphas", 100, Rule.ints(1, null),
      Rule.realList(0, true));
  static final Param<Boolean> FIT_INTERCEPT = Param.of("fit_intercept", true, Rule.bool());
  static final Param<Object> PRECOMPUTE = Param.of("precompute", "auto", Rule.options("auto"),
      Rule.bool());
  static final Param<Integer> MAX_ITER = Param.of("max_iter", 1000, Rule.ints(1, null));
  static final Param<Double> TOL = Param.of("tol", 1e-4, Rule.atLeast(0));
  static final Param<Boolean> COPY_X = Param.of("copy_X", true, Rule.bool());
  static final Param<Object> CV = Param.of("cv", null, Rule.none(), Rule.ints(2, null));
  static final Param<Object> VERBOSE = Param.of("verbose", false, Rule.bool(),
      Rule.ints(0, null));
  static final Param<Object> N_JOBS = Param.of("n_jobs", null, Rule.none(),
      Rule.ints(Integer.MIN_VALUE, null));
  static final Param<Boolean> POSITIVE = Param.of("positive", false, Rule.bool());
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());
  static final Param<String> SELECTION = Param.of("selection", "cyclic",
      Rule.options("cyclic", "random"));
  private static final EstimatorSpec<LassoCV> SPEC = EstimatorSpec.of(
      "sklearn.linear_model.LassoCV", LassoCV::new, Fitted.class, EPS, ALPHAS, FIT_INTERCEPT,
      PRECOMPUTE, MAX_ITER, TOL, COPY_X, CV, VERBOSE, N_JOBS, POSITIVE, RANDOM_STATE, SELECTION);

  /**
   * The fitted state.
   *
   * @param coef (n_features,) the refitted weights at alpha_
   * @param intercept the refitted intercept
   * @param alpha the chosen alpha
   * @param alphas (n_alphas,) the grid, largest first
   * @param msePath (n_alphas, n_folds) the held-out mean squared errors
   * @param nIter the refit's sweeps
   * @param dualGap the refit's duality gap over n_samples
   * @param nFeaturesIn the number of features
   * @param warnings what the refit warned about
   */
  private record Fitted(@Attribute("coef_") double[] coef,
      @Attribute("intercept_") double intercept, @Attribute("alpha_") double alpha,
      @Attribute("alphas_") double[] alphas, @Attribute("mse_path_") double[][] msePath,
      @Attribute("n_iter_") int nIter, @Attribute("dual_gap_") double dualGap, int nFeaturesIn,
      @Attribute("_warnings") List<String> warnings) {}

  /** {@code LassoCV()}: 100 alphas down to 1e-3 alpha_max, 5 folds. */
  public LassoCV() {
    super(SPEC);
  }

  /** {@code alphas=n}: the number of alphas on the automatic grid (default 100). */
  public LassoCV nAlphas(int n) {
    return set(ALPHAS, n);
  }

  /** {@code alphas}: the candidate alphas, each >= 0, instead of the automatic grid. */
  public LassoCV alphas(double... alphas) {
    return set(ALPHAS, Arrays.stream(alphas).boxed().toList());
  }

  /** {@code eps}: the grid's smallest alpha over its largest (default 1e-3). */
  public LassoCV eps(double eps) {
    return set(EPS, eps);
  }

  /** {@code cv}: the number of KFold folds (default 5). */
  public LassoCV cv(int folds) {
    return set(CV, folds);
  }

  /** {@code fit_intercept}: whether to fit b (default true). */
  public LassoCV fitIntercept(boolean fitIntercept) {
    return set(FIT_INTERCEPT, fitIntercept);
  }

  /** {@code max_iter}: the largest number of sweeps per fit (default 1000). */
  public LassoCV maxIter(int maxIter) {
    return set(MAX_ITER, maxIter);
  }

  /** {@code tol}: the duality-gap tolerance of each fit (default 1e-4). */
  public LassoCV tol(double tol) {
    return set(TOL, tol);
  }

  /**
   * Builds the grid, scores it on the folds and refits at the best alpha.
   *
   * @throws IllegalArgumentException for an invalid parameter, bad data or more folds than
   *     samples
   */
  @Override
  public LassoCV fit(double[][] X, double[] y) {
    validateParams();
    Checks.checkMatrix("X", X);
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
    boolean fitIntercept = get(FIT_INTERCEPT);
    boolean positive = get(POSITIVE);
    double[] alphas;
    if (get(ALPHAS) instanceof Integer count) {
      alphas = AlphaPath.grid(X, y, 1.0, fitIntercept, positive, get(EPS), count);
    } else {
      @SuppressWarnings("unchecked")
      List<Double> given = (List<Double>) get(ALPHAS);
      alphas = given.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      for (int i = 0, j = alphas.length - 1; i < j; i++, j--) {
        double t = alphas[i];
        alphas[i] = alphas[j];
        alphas[j] = t;
      }
    }
    int folds = get(CV) == null ? 5 : (Integer) get(CV);
    int[][] tests = AlphaPath.kFoldTests(X.length, folds);
    var settings = new AlphaPath.Settings(1.0, fitIntercept, positive, get(MAX_ITER), get(TOL),
        get(SELECTION).equals("random"));
    double[][] msePath = new double[alphas.length][folds];
    for (int f = 0; f < folds; f++) {
      double[] errors = AlphaPath.foldErrors(X, y, tests[f], alphas, settings,
          checkRandomState(get(RANDOM_STATE)));
      for (int a = 0; a < alphas.length; a++) {
        msePath[a][f] = errors[a];
      }
    }
    int best = 0;
    double bestMse = Double.POSITIVE_INFINITY;
    for (int a = 0; a < alphas.length; a++) {
      double mean = 0;
      for (int f = 0; f < folds; f++) {
        mean += msePath[a][f];
      }
      mean /= folds;
      if (mean < bestMse) {
        bestMse = mean;
        best = a;
      }
    }
    var refit = new Lasso(alphas[best]).fitIntercept(fitIntercept).positive(positive)
        .maxIter(get(MAX_ITER)).tol(get(TOL)).selection(get(SELECTION));
    refit.setParam("random_state", get(RANDOM_STATE));
    refit.fit(X, y);
    fitted(new Fitted(refit.coef(), refit.intercept(), alphas[best], alphas, msePath,
        refit.nIter(), refit.dualGap(), X[0].length, refit.warnings()));
    return this;
  }

  /** {@code X · coef + intercept}, shape (n_samples,). */
  @Override
  public double[] predict(double[][] X) {
    Fitted f = fitted();
    return CenteredColumns.predict(X, f.coef, f.intercept, "LassoCV");
  }

  /** The refitted weights ({@code coef_}). */
  public double[] coef() {
    return this.<Fitted>fitted().coef.clone();
  }

  /** The refitted intercept ({@code intercept_}). */
  public double intercept() {
    return this.<Fitted>fitted().intercept;
  }

  /** The chosen alpha ({@code alpha_}). */
  public double alpha() {
    return this.<Fitted>fitted().alpha;
  }

  /** The grid, largest first ({@code alphas_}). */
  public double[] alphas() {
    return this.<Fitted>fitted().alphas.clone();
  }

  /** The held-out mean squared errors, (n_alphas, n_folds) ({@code mse_path_}). */
  public double[][] msePath() {
    return Arrays.stream(this.<Fitted>fitted().msePath).map(double[]::clone)
        .toArray(double[][]::new);
  }

  /** The refit's sweeps ({@code n_iter_}). */
  public int nIter() {
    return this.<Fitted>fitted().nIter;
  }

  /** The refit's warnings (ConvergenceWarning...), empty when none. */
  public List<String> warnings() {
    return this.<Fitted>fitted().warnings;
  }
}
