package semaine.regression;

import semaine.metrics.RegressionMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;
import semaine.data.RowBlocks;
import semaine.util.Checks;

/**
 * Ordinary least squares: the w and b that minimise {@code Σ_i (x_i · w + b - y_i)²}, as
 * scikit-learn 1.9's {@code LinearRegression} computes them.
 *
 * <p>With {@code fitIntercept} (the default), X and y are centred on their means (NumPy's summation
 * order: pairwise for one column, sequential down the columns otherwise), the centred problem is
 * solved and the intercept recovered as {@code b = ȳ - x̄ · w}. The least-squares solve matches
 * {@code scipy.linalg.lstsq(X, y, cond=tol)}: singular values below {@code tol * s_max} are dropped,
 * so a rank-deficient or wide X gets the minimum-norm solution (see {@link LeastSquares}). The
 * results agree with scikit-learn to about 1e-13 relative, and to the last bit with one feature.
 *
 * <p>y may be one target, {@code double[]}, or several, {@code double[][]} of shape
 * (n_samples, n_targets); then {@link #coefMatrix()} has one row per target, like {@code coef_}.
 *
 * <h2>Notes</h2>
 * Time O(n d²) for n samples and d features, one pass over X; the passes over row blocks run in
 * parallel (see {@link TallQr}). Memory O(d²) beyond the input, which is not copied or modified.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var model = new LinearRegression().fit(X, y);      // LinearRegression().fit(X, y)
 * double[] coef = model.coef();                      // model.coef_
 * double[] predictions = model.predict(Xnew);        // model.predict(Xnew)
 * }</pre>
 */
public final class LinearRegression extends BaseEstimator<LinearRegression>
    implements Regressor {

  static final Param<Boolean> FIT_INTERCEPT = Param.of("fit_intercept", true, Rule.bool());
  static final Param<Double> TOL = Param.of("tol", 1e-6, Rule.atLeast(0));
  private static final EstimatorSpec<LinearRegression> SPEC = EstimatorSpec.of(
      "sklearn.linear_model.LinearRegression", LinearRegression::new, Fitted.class,
      FIT_INTERCEPT, TOL);

  /**
   * The fitted state: coef (t, d), intercept (t,), rank and singular values of the centred X. The
   * 2-D arrays are saved as such; {@link #attributes()} shows them as scikit-learn does.
   */
  private record Fitted(@Attribute("coef_") double[][] coef,
      @Attribute("intercept_") double[] intercept, int rank, double[] singular,
      int nFeaturesIn) {}

  /** A model with scikit-learn's defaults: {@code fitIntercept = true}, {@code tol = 1e-6}. */
  public LinearRegression() {
    super(SPEC);
  }

  /** Whether to fit an intercept; false assumes centred data and leaves the intercept at 0. */
  public LinearRegression fitIntercept(boolean fitIntercept) {
    return set(FIT_INTERCEPT, fitIntercept);
  }

  /** The relative cutoff on singular values, lstsq's {@code cond} ({@code tol}, default 1e-6). */
  public LinearRegression tol(double tol) {
    return set(TOL, tol);
  }

  /**
   * Fits one target.
   *
   * @param X samples, shape (n_samples, n_features), finite
   * @param y targets, shape (n_samples,), finite
   * @throws IllegalArgumentException if X or y is empty, ragged or non-finite (the message names the
   *     row and column), or their lengths differ
   */
  @Override
  public LinearRegression fit(double[][] X, double[] y) {
    validateParams();
    Checks.checkMatrix("X", X);
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
    return fitColumns(X, new double[][] {y});
  }

  /**
   * Fits several targets at once, each independently (scikit-learn's multi-output fit).
   *
   * @param X samples, shape (n_samples, n_features), finite
   * @param Y targets, shape (n_samples, n_targets), finite
   */
  public LinearRegression fit(double[][] X, double[][] Y) {
    validateParams();
    Checks.checkMatrix("X", X);
    Checks.checkMatrix("y", Y);
    Checks.checkSameLength("X", X.length, "y", Y.length);
    double[][] targets = new double[Y[0].length][Y.length];
    for (int i = 0; i < Y.length; i++) {
      for (int c = 0; c < targets.length; c++) {
        targets[c][i] = Y[i][c];
      }
    }
    return fitColumns(X, targets);
  }

  /**
   * Fits one target on rows that need not fit in memory, read twice (means and extremes, then the
   * triangular factor) in the memory of one chunk of rows: the same arithmetic, in the same order,
   * as {@link #fit(double[][], double[])} on the same rows, so the same coefficients to the last
   * bit. This is how {@code semaine regress} fits a CSV file larger than memory.
   *
   * @param rows the samples, each row holding the features and the target (finite)
   * @param width number of columns of each row
   * @param targetColumn the column of the target; the others are the features, in order
   */
  public LinearRegression fit(RowBlocks rows, int width, int targetColumn) {
    validateParams();
    return fitColumns(RowChunks.streamed(rows, width, targetColumn));
  }

  private LinearRegression fitColumns(double[][] X, double[][] targets) {
    return fitColumns(RowChunks.of(X, targets));
  }

  private LinearRegression fitColumns(RowChunks rows) {
    boolean fitIntercept = get(FIT_INTERCEPT);
    int d = rows.features();
    int t = rows.targets();
    RowChunks.Summary summary = rows.summary();
    double[] xOffset = fitIntercept ? summary.xMean() : new double[d];
    double[] yOffset = fitIntercept ? summary.yMean() : new double[t];
    LeastSquares solution = LeastSquares.solve(rows, summary, xOffset, yOffset, get(TOL));
    double[] intercept = new double[t];
    for (int c = 0; c < t && fitIntercept; c++) {
      double shift = 0;
      for (int j = 0; j < d; j++) {
        shift += xOffset[j] * solution.coef()[c][j];
      }
      intercept[c] = yOffset[c] - shift;
    }
    fitted(new Fitted(solution.coef(), intercept, solution.rank(), solution.singular(), d));
    return this;
  }

  /**
   * The coefficients, shape (n_features,) ({@code coef_} for one target).
   *
   * @throws IllegalStateException before {@code fit}, or if the model has several targets
   */
  public double[] coef() {
    return single().coef()[0].clone();
  }

  /** The coefficients, shape (n_targets, n_features) (2-D {@code coef_}). */
  public double[][] coefMatrix() {
    double[][] coef = state().coef();
    double[][] copy = new double[coef.length][];
    for (int c = 0; c < coef.length; c++) {
      copy[c] = coef[c].clone();
    }
    return copy;
  }

  /** The intercept b ({@code intercept_} for one target; 0 without {@code fitIntercept}). */
  public double intercept() {
    return single().intercept()[0];
  }

  /** The intercepts, shape (n_targets,). */
  public double[] interceptVector() {
    return state().intercept().clone();
  }

  /** Rank of the centred X as lstsq found it, after the cutoff ({@code rank_}). */
  public int rank() {
    return state().rank();
  }

  /** Singular values of the centred X, decreasing, shape (min(n, d),) ({@code singular_}). */
  public double[] singular() {
    return state().singular().clone();
  }

  /** {@code X · coef + intercept}, shape (n_samples,). */
  @Override
  public double[] predict(double[][] X) {
    Fitted f = single();
    checkFeatures(X, f);
    double[] w = f.coef()[0];
    double[] out = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      out[i] = dot(X[i], w) + f.intercept()[0];
    }
    return out;
  }

  /** Predictions for every target, shape (n_samples, n_targets). */
  public double[][] predictMatrix(double[][] X) {
    Fitted f = state();
    checkFeatures(X, f);
    double[][] out = new double[X.length][f.coef().length];
    for (int i = 0; i < X.length; i++) {
      for (int c = 0; c < f.coef().length; c++) {
        out[i][c] = dot(X[i], f.coef()[c]) + f.intercept()[c];
      }
    }
    return out;
  }

  /**
   * R² averaged over the targets ({@code score} with scikit-learn's default
   * {@code multioutput='uniform_average'}).
   */
  public double score(double[][] X, double[][] Y) {
    Checks.checkMatrix("y", Y);
    double[][] predicted = predictMatrix(X);
    Checks.checkSameLength("X", X.length, "y", Y.length);
    int t = predicted[0].length;
    Checks.checkArgument(Y[0].length == t, "y has " + Y[0].length + " columns but the model has "
        + t + " targets");
    double total = 0;
    for (int c = 0; c < t; c++) {
      double[] truth = new double[Y.length];
      double[] guess = new double[Y.length];
      for (int i = 0; i < Y.length; i++) {
        truth[i] = Y[i][c];
        guess[i] = predicted[i][c];
      }
      total += RegressionMetrics.r2Score(truth, guess);
    }
    return total / t;
  }

  /**
   * The fitted attributes as scikit-learn shows them: with one target, {@code coef_} has shape
   * (n_features,) and {@code intercept_} is a number; with several, (n_targets, n_features) and
   * (n_targets,).
   */
  @Override
  public Map<String, Object> attributes() {
    Fitted f = state();
    Map<String, Object> out = new LinkedHashMap<>(fittedState().attributes());
    if (f.coef.length == 1) {
      out.put("coef_", f.coef[0]);
      out.put("intercept_", f.intercept[0]);
    }
    return out;
  }

  private Fitted state() {
    return fitted();
  }

  private Fitted single() {
    Fitted f = state();
    if (f.coef().length != 1) {
      throw new IllegalStateException("This LinearRegression has " + f.coef().length
          + " targets: use coefMatrix(), interceptVector() and predictMatrix(X)");
    }
    return f;
  }

  private static void checkFeatures(double[][] X, Fitted f) {
    Checks.checkMatrix("X", X);
    int d = f.coef()[0].length;
    Checks.checkArgument(X[0].length == d,
        "X has " + X[0].length + " features but the model was fitted with " + d);
  }

  private static double dot(double[] x, double[] w) {
    double s = 0;
    for (int j = 0; j < w.length; j++) {
      s += x[j] * w[j];
    }
    return s;
  }
}
