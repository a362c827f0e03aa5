package semaine.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import semaine.base.BaseEstimator;
import semaine.base.Derived;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * Linear regression by batch gradient descent, the book's algorithm: minimise
 * {@code L(w, b) = 1/(2m) Σ_i (x_i · w + b - y_i)²} by repeating
 * <pre>
 *   e_i = x_i · w + b - y_i
 *   w  <- w - η ∂L/∂w,   ∂L/∂w = (1/m) Σ_i e_i x_i
 *   b  <- b - η ∂L/∂b,   ∂L/∂b = (1/m) Σ_i e_i
 * </pre>
 * from a start point, for at most {@code maxIter} updates, stopping early when an update lowers the
 * loss by less than {@code tol}. Every point visited is kept in {@link #history()}, so the descent
 * can be drawn. Matches the same loop written with NumPy ({@code reference/regression.py}) to
 * rounding.
 *
 * <p>The start point is given ({@link #init}), drawn from a {@link RandomState} (w = randn(d), then
 * b = randn(), as {@code np.random.randn} would), or zero when neither is set.
 *
 * <h2>Notes</h2>
 * Each update costs O(m d). The loss is a quadratic bowl: with η < 2 / λmax (λmax the largest
 * eigenvalue of the Hessian {@code [X 1]ᵀ[X 1] / m}) it decreases at every step; above that it grows,
 * and {@code fit} stops with a {@link DivergenceException} as soon as the loss rises.
 * Features on very different scales make the bowl a narrow valley and the descent slow:
 * standardise them first ({@link semaine.preprocessing.StandardScaler}).
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var model = new GradientDescentRegressor(0.1).maxIter(1000).init(new double[] {0}, 0).fit(X, y);
 * model.coef();      // w
 * model.history();   // (w, b, loss) after each update
 * }</pre>
 */
public final class GradientDescentRegressor extends BaseEstimator<GradientDescentRegressor>
    implements Regressor {

  /** A rise of the loss above rounding noise: the learning rate is past the stability limit. */
  private static final double RISE = 1e-9;

  static final Param<Double> LEARNING_RATE = Param.of("learning_rate", 0.01, Rule.above(0));
  static final Param<Integer> MAX_ITER = Param.of("max_iter", 1000, Rule.ints(1, null));
  static final Param<Double> TOL = Param.of("tol", 1e-9, Rule.atLeast(0));
  /** The start point w; None starts at random with a random_state, else at zero. */
  static final Param<double[]> COEF_INIT = Param.of("coef_init", null, Rule.none(),
      Rule.instanceOf(double[].class, "an array of one value per feature"));
  static final Param<Double> INTERCEPT_INIT = Param.of("intercept_init", 0.0,
      Rule.reals(null, false, null, false));
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());
  private static final EstimatorSpec<GradientDescentRegressor> SPEC = EstimatorSpec.of(
      "semaine.regression.GradientDescentRegressor", GradientDescentRegressor::new, Fitted.class,
      LEARNING_RATE, MAX_ITER, TOL, COEF_INIT, INTERCEPT_INIT, RANDOM_STATE);

  /**
   * What {@code fit} learns.
   *
   * @param coef (n_features,) the weights w
   * @param intercept the intercept b
   * @param nIter the number of updates made
   * @param loss the loss at the final (w, b)
   * @param nFeaturesIn the number of features seen in fit
   * @param history every step (not saved in a model file)
   */
  private record Fitted(double[] coef, double intercept, int nIter, double loss, int nFeaturesIn,
      @Derived List<DescentStep> history) {}

  /** A descent with the default step size 0.01. */
  public GradientDescentRegressor() {
    super(SPEC);
  }

  /** A descent with step size {@code learningRate} (η), checked at fit: finite and > 0. */
  public GradientDescentRegressor(double learningRate) {
    this();
    set(LEARNING_RATE, learningRate);
  }

  /** The most updates to make (default 1000). */
  public GradientDescentRegressor maxIter(int maxIter) {
    return set(MAX_ITER, maxIter);
  }

  /** Stop when an update lowers the loss by less than tol (default 1e-9; 0 runs maxIter updates). */
  public GradientDescentRegressor tol(double tol) {
    return set(TOL, tol);
  }

  /** Start from (w0, b0); w0 must have one value per feature. Replaces a random start. */
  public GradientDescentRegressor init(double[] w0, double b0) {
    set(RANDOM_STATE, null);
    set(COEF_INIT, w0 == null ? null : w0.clone());
    return set(INTERCEPT_INIT, b0);
  }

  /** Start at random: w = randn(n_features), then b = randn(), from {@code new RandomState(seed)}. */
  public GradientDescentRegressor randomState(long seed) {
    set(COEF_INIT, null);
    return set(RANDOM_STATE, seed);
  }

  /** Start at random from a shared stream, as the book's global {@code np.random}. */
  public GradientDescentRegressor randomState(RandomState random) {
    Objects.requireNonNull(random, "randomState");
    set(COEF_INIT, null);
    return set(RANDOM_STATE, random);
  }

  /**
   * Runs the descent.
   *
   * @param X samples, shape (m, n_features), finite
   * @param y targets, shape (m,), finite
   * @throws IllegalArgumentException if X or y is empty or non-finite (the message names the row and
   *     column), their lengths differ, or w0 does not have one value per feature
   * @throws DivergenceException if the loss rises: the learning rate is too large for this data
   */
  @Override
  public GradientDescentRegressor fit(double[][] X, double[] y) {
    validateParams();
    double learningRate = get(LEARNING_RATE);
    double[] w0 = get(COEF_INIT);
    LossSurface.check(X, y);
    int m = X.length;
    int d = X[0].length;
    double[] w = new double[d];
    double b = 0;
    if (w0 != null) {
      Checks.checkVector("coef_init", w0);
      Checks.checkArgument(w0.length == d,
          "coef_init has " + w0.length + " values but X has " + d + " features");
      w = w0.clone();
      b = get(INTERCEPT_INIT);
    } else if (get(RANDOM_STATE) != null) {
      RandomState randomState = checkRandomState(get(RANDOM_STATE));
      w = randomState.randn(d);
      b = randomState.randn();
    }
    double[] errors = LossSurface.residuals(X, y, w, b, new double[m]);
    double loss = LossSurface.halfMeanSquare(errors);
    List<DescentStep> history = new ArrayList<>();
    history.add(new DescentStep(0, w, b, loss));
    // A loss this small is rounding noise of y (errors of a few ulps), not a sign of divergence.
    double noiseFloor = 1e-20 * (1 + 2 * LossSurface.halfMeanSquare(y));
    double[] gradient = new double[d];
    double tol = get(TOL);
    for (int iteration = 1, maxIter = get(MAX_ITER); iteration <= maxIter; iteration++) {
      Arrays.fill(gradient, 0);
      double errorSum = 0;
      for (int i = 0; i < m; i++) {
        double[] x = X[i];
        for (int j = 0; j < d; j++) {
          gradient[j] += x[j] * errors[i];
        }
        errorSum += errors[i];
      }
      for (int j = 0; j < d; j++) {
        w[j] -= learningRate * (gradient[j] / m);
      }
      b -= learningRate * (errorSum / m);
      LossSurface.residuals(X, y, w, b, errors);
      double previous = loss;
      loss = LossSurface.halfMeanSquare(errors);
      history.add(new DescentStep(iteration, w, b, loss));
      if (!Double.isFinite(loss) || (loss > previous * (1 + RISE) && loss > noiseFloor)) {
        throw diverged(X, learningRate, iteration, previous, loss, history);
      }
      if (previous - loss < tol) {
        break;
      }
    }
    fitted(new Fitted(w, b, history.size() - 1, loss, d, List.copyOf(history)));
    return this;
  }

  private static DivergenceException diverged(double[][] X, double learningRate, int iteration,
      double previous, double loss, List<DescentStep> history) {
    double lambda = Hessian.largestEigenvalue(X);
    double suggested = roundDown(1 / lambda);
    String message = String.format(Locale.ROOT,
        "learningRate (%s) is too large for this data: gradient descent diverged at iteration %d "
            + "(the loss rose from %.4g to %.4g); it converges only below 2 / λmax = %.4g, "
            + "try a smaller learning rate, e.g. %s",
        learningRate, iteration, previous, loss, 2 / lambda, suggested);
    return new DivergenceException(message, history, suggested);
  }

  /** x rounded down to one significant digit (0.8634 -> 0.8), a round number to suggest. */
  private static double roundDown(double x) {
    double unit = Math.pow(10, Math.floor(Math.log10(x)));
    return Math.floor(x / unit) * unit;
  }

  /** The weights w after the descent, shape (n_features,). */
  public double[] coef() {
    return state().coef().clone();
  }

  /** The intercept b after the descent. */
  public double intercept() {
    return state().intercept();
  }

  /** The start point and the point after each update, with its loss; nIter() + 1 steps. */
  public List<DescentStep> history() {
    List<DescentStep> history = state().history();
    if (history == null) {
      throw new IllegalStateException("a model read back from its fitted state keeps no history:"
          + " call fit(X, y) to record one");
    }
    return history;
  }

  /** The number of updates made ({@code n_iter_}). */
  public int nIter() {
    return state().nIter();
  }

  /** The loss at the final (w, b). */
  public double loss() {
    return state().loss();
  }

  /** {@code X · w + b}, shape (n_samples,). */
  @Override
  public double[] predict(double[][] X) {
    Fitted f = state();
    Checks.checkMatrix("X", X);
    Checks.checkArgument(X[0].length == f.coef().length,
        "X has " + X[0].length + " features but the model was fitted with " + f.coef().length);
    double[] out = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      double s = 0;
      for (int j = 0; j < f.coef().length; j++) {
        s += X[i][j] * f.coef()[j];
      }
      out[i] = s + f.intercept();
    }
    return out;
  }

  private Fitted state() {
    return fitted();
  }
}
