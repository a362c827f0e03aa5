package semaine.regression;

import java.util.List;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;
import semaine.optimize.Cholesky;

/**
 * Ridge regression with the penalty chosen by leave-one-out cross-validation: scikit-learn 1.9's
 * {@code RidgeCV} with its default {@code cv=None}, the "generalized cross-validation" path. For
 * each alpha the whole-data fit gives every leave-one-out error at once, without refitting:
 * {@code e_i = (y_i − ŷ_i) / (1 − h_i)}, where {@code h_i} is the leverage of sample i, the
 * diagonal of the hat matrix {@code X (XᵀX + αI)⁻¹ Xᵀ} on centred data plus {@code 1/n} for the
 * intercept (which is not penalised). The score of an alpha is {@code −mean(e²)}
 * ({@code best_score_}); the first alpha of best score wins ({@code alpha_}), and its fit is the
 * model, the same as {@code Ridge(alpha=alpha_)}.
 *
 * <pre>{@code
 * var model = new RidgeCV().alphas(0.1, 1, 10).fit(X, y);   // RidgeCV(alphas=[0.1, 1, 10])
 * double alpha = model.alpha();                               // model.alpha_
 * }</pre>
 *
 * <p>With more samples than features the hat matrix comes from the Cholesky factor of
 * {@code XᵀX + αI}, otherwise from that of {@code XXᵀ + αI} (scikit-learn's "cov" and "gram"
 * modes, whose eigendecompositions give the same numbers to rounding). Not implemented: a
 * {@code scoring} other than None, {@code cv} folds, {@code alpha_per_target}, several targets
 * and {@code sample_weight}.
 */
public final class RidgeCV extends BaseEstimator<RidgeCV> implements Regressor {

  static final Param<Object> ALPHAS = Param.of("alphas", List.of(0.1, 1.0, 10.0),
      Rule.realList(0, false));
  static final Param<Boolean> FIT_INTERCEPT = Param.of("fit_intercept", true, Rule.bool());
  static final Param<Object> SCORING = Param.of("scoring", null, Rule.none(),
      Rule.instanceOf(String.class, "a scorer name"));
  static final Param<Object> CV = Param.of("cv", null, Rule.none(), Rule.ints(2, null));
  static final Param<Object> GCV_MODE = Param.of("gcv_mode", null, Rule.none(),
      Rule.options("auto", "svd", "eigen"));
  static final Param<Boolean> STORE_CV_RESULTS = Param.of("store_cv_results", false, Rule.bool());
  static final Param<Boolean> ALPHA_PER_TARGET = Param.of("alpha_per_target", false, Rule.bool());
  private static final EstimatorSpec<RidgeCV> SPEC = EstimatorSpec.of(
      "sklearn.linear_model.RidgeCV", RidgeCV::new, Fitted.class, ALPHAS, FIT_INTERCEPT,
      SCORING, CV, GCV_MODE, STORE_CV_RESULTS, ALPHA_PER_TARGET);

  /**
   * The fitted state.
   *
   * @param coef (n_features,) the weights at alpha_
   * @param intercept {@code ȳ − x̄ · w}
   * @param alpha the alpha of best score
   * @param bestScore {@code −mean(e²)} at alpha_
   * @param cvResults (n_samples, n_alphas) the squared leave-one-out errors, when stored
   * @param nFeaturesIn the number of features
   */
  private record Fitted(@Attribute("coef_") double[] coef,
      @Attribute("intercept_") double intercept, @Attribute("alpha_") double alpha,
      @Attribute("best_score_") double bestScore,
      @Attribute("cv_results_") @Nullable double[][] cvResults, int nFeaturesIn) {}

  /** {@code RidgeCV()}: alphas (0.1, 1, 10), leave-one-out. */
  public RidgeCV() {
    super(SPEC);
  }

  /** {@code alphas}: the candidate penalties, each > 0. */
  public RidgeCV alphas(double... alphas) {
    return set(ALPHAS, java.util.Arrays.stream(alphas).boxed().toList());
  }

  /** {@code fit_intercept}: whether to fit b (default true). */
  public RidgeCV fitIntercept(boolean fitIntercept) {
    return set(FIT_INTERCEPT, fitIntercept);
  }

  /** {@code store_cv_results}: keep the squared leave-one-out errors ({@code cv_results_}). */
  public RidgeCV storeCvResults(boolean store) {
    return set(STORE_CV_RESULTS, store);
  }

  /**
   * Scores every alpha by its leave-one-out errors and keeps the best fit.
   *
   * @throws IllegalArgumentException for an invalid parameter or bad data
   * @throws UnsupportedOperationException for scoring, cv or alpha_per_target, not implemented
   */
  @Override
  public RidgeCV fit(double[][] X, double[] y) {
    validateParams();
    if (get(SCORING) != null || get(CV) != null || get(ALPHA_PER_TARGET)) {
      throw new UnsupportedOperationException("RidgeCV: only scoring=None, cv=None (leave-one-out)"
          + " and alpha_per_target=False are implemented in semaine");
    }
    boolean fitIntercept = get(FIT_INTERCEPT);
    var data = CenteredColumns.of(X, y, fitIntercept);
    @SuppressWarnings("unchecked")
    List<Double> alphas = (List<Double>) get(ALPHAS);
    int n = X.length;
    boolean store = get(STORE_CV_RESULTS);
    double[][] cvResults = store ? new double[n][alphas.size()] : null;
    double[] bestCoef = null;
    double bestScore = Double.NaN;
    double bestAlpha = Double.NaN;
    for (int a = 0; a < alphas.size(); a++) {
      double alpha = alphas.get(a);
      var fit = LeaveOneOut.of(data.values(), data.y(), alpha, fitIntercept);
      double score = 0;
      for (int i = 0; i < n; i++) {
        double squared = fit.errors()[i] * fit.errors()[i];
        score += squared;
        if (store) {
          cvResults[i][a] = squared;
        }
      }
      score = -score / n;
      if (!Double.isFinite(score)) {
        throw new ArithmeticException("RidgeCV: the leave-one-out score at alpha " + alpha
            + " is not finite (a sample of leverage 1?)");
      }
      if (bestCoef == null || score > bestScore) {
        bestCoef = fit.coef();
        bestScore = score;
        bestAlpha = alpha;
      }
    }
    fitted(new Fitted(bestCoef, data.intercept(bestCoef), bestAlpha, bestScore, cvResults,
        X[0].length));
    return this;
  }

  /**
   * The ridge fit at one alpha and its leave-one-out errors, from centred columns (column j at
   * {@code j · n} of {@code columns}).
   */
  record LeaveOneOut(double[] coef, double[] errors) {

    static LeaveOneOut of(double[] columns, double[] y, double alpha, boolean fitIntercept) {
      int n = y.length;
      int p = columns.length / n;
      double offset = fitIntercept ? 1.0 / n : 0;
      double[] errors = new double[n];
      if (n > p) {
        // H = XᵀX + αI; w = H⁻¹Xᵀy; h_i = x_iᵀ H⁻¹ x_i
        double[][] H = new double[p][p];
        double[] Xy = new double[p];
        for (int j = 0; j < p; j++) {
          for (int k = 0; k <= j; k++) {
            H[j][k] = Blas.dot(columns, j * n, columns, k * n, n);
          }
          H[j][j] += alpha;
          Xy[j] = Blas.dot(columns, j * n, y, 0, n);
        }
        Cholesky factor = factor(H, alpha);
        double[] w = factor.solve(Xy);
        double[][] inverse = new double[p][];
        for (int j = 0; j < p; j++) {
          double[] unit = new double[p];
          unit[j] = 1;
          inverse[j] = factor.solve(unit);
        }
        double[] x = new double[p];
        for (int i = 0; i < n; i++) {
          double fitted = 0;
          for (int j = 0; j < p; j++) {
            x[j] = columns[j * n + i];
            fitted += x[j] * w[j];
          }
          double leverage = 0;
          for (int j = 0; j < p; j++) {
            leverage += x[j] * Blas.dot(inverse[j], 0, x, 0, x.length);
          }
          errors[i] = (y[i] - fitted) / (1 - leverage - offset);
        }
        return new LeaveOneOut(w, errors);
      }
      // G = XXᵀ + αI; c = G⁻¹y; w = Xᵀc; e_i = c_i / ((G⁻¹)_ii − 1/(αn))
      double[][] G = new double[n][n];
      for (int j = 0; j < p; j++) {
        int at = j * n;
        for (int i = 0; i < n; i++) {
          for (int l = 0; l <= i; l++) {
            G[i][l] += columns[at + i] * columns[at + l];
          }
        }
      }
      for (int i = 0; i < n; i++) {
        G[i][i] += alpha;
      }
      Cholesky factor = factor(G, alpha);
      double[] c = factor.solve(y);
      for (int i = 0; i < n; i++) {
        double[] unit = new double[n];
        unit[i] = 1;
        errors[i] = c[i] / (factor.solve(unit)[i] - offset / alpha);
      }
      double[] w = new double[p];
      for (int j = 0; j < p; j++) {
        w[j] = Blas.dot(columns, j * n, c, 0, n);
      }
      return new LeaveOneOut(w, errors);
    }

    private static Cholesky factor(double[][] A, double alpha) {
      Cholesky factor = Cholesky.factor(A);
      if (factor == null) {
        throw new ArithmeticException("RidgeCV: XᵀX + αI is not numerically positive definite"
            + " at alpha " + alpha);
      }
      return factor;
    }
  }

  /** {@code X · coef + intercept}, shape (n_samples,). */
  @Override
  public double[] predict(double[][] X) {
    Fitted f = fitted();
    return CenteredColumns.predict(X, f.coef, f.intercept, "RidgeCV");
  }

  /** The weights at alpha_ ({@code coef_}). */
  public double[] coef() {
    return this.<Fitted>fitted().coef.clone();
  }

  /** The intercept ({@code intercept_}). */
  public double intercept() {
    return this.<Fitted>fitted().intercept;
  }

  /** The chosen penalty ({@code alpha_}). */
  public double alpha() {
    return this.<Fitted>fitted().alpha;
  }

  /** The best score, {@code −mean(e²)} ({@code best_score_}). */
  public double bestScore() {
    return this.<Fitted>fitted().bestScore;
  }

  /** The squared leave-one-out errors, (n_samples, n_alphas), or null unless stored. */
  public double[][] cvResults() {
    double[][] r = this.<Fitted>fitted().cvResults;
    return r == null ? null : java.util.Arrays.stream(r).map(double[]::clone)
        .toArray(double[][]::new);
  }
}
