package semaine.preprocessing;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.util.Checks;

/**
 * Applies a function to every value of X: {@code transform(X)[i][j] = func(X[i][j])}, and
 * {@code inverse_func} back; with no function it passes X through, as scikit-learn 1.9's
 * {@code FunctionTransformer}.
 *
 * <p>The function is either one of NumPy's element-wise functions named as NumPy names them
 * ({@code "log1p"}, {@code "expm1"}, {@code "log"}, {@code "exp"}, {@code "sqrt"},
 * {@code "square"}, {@code "abs"}, {@code "reciprocal"}, {@code "tanh"}, {@code "sinh"}: the {@code np.log1p} of {@code FunctionTransformer(np.log1p)}), or any Java
 * {@link DoubleUnaryOperator}. A named function is a parameter like any other, so a model with one
 * is saved and loaded; a Java function is code, not data, so saving a model that holds one is
 * refused with a message saying so (a silently missing function would be a wrong answer).
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var log = new FunctionTransformer("log1p").inverseFunc("expm1"); // FunctionTransformer(np.log1p, np.expm1)
 * double[][] Z = log.fitTransform(X);
 * }</pre>
 *
 * <p>Differences from scikit-learn 1.9: element-wise functions only (no function of the whole
 * array, no {@code kw_args}); no {@code check_inverse} warning; X must be finite (validate=True's
 * check) whatever {@code validate} says, and so must the result.
 */
public final class FunctionTransformer extends BaseEstimator<FunctionTransformer>
    implements Transformer {

  /** NumPy's element-wise functions by name. */
  private static final Map<String, DoubleUnaryOperator> NUMPY = Map.ofEntries(
      Map.entry("log1p", Math::log1p), Map.entry("expm1", Math::expm1),
      Map.entry("log", Math::log), Map.entry("exp", Math::exp), Map.entry("sqrt", Math::sqrt),
      Map.entry("square", x -> x * x), Map.entry("abs", Math::abs),
      Map.entry("reciprocal", x -> 1.0 / x), Map.entry("tanh", Math::tanh),
      Map.entry("sinh", Math::sinh));
  private static final String[] NAMES = NUMPY.keySet().stream().sorted().toArray(String[]::new);

  static final Param<Object> FUNC = Param.of("func", null, Rule.none(), Rule.options(NAMES),
      Rule.instanceOf(DoubleUnaryOperator.class, "a Java function (DoubleUnaryOperator)"));
  static final Param<Object> INVERSE_FUNC = Param.of("inverse_func", null, Rule.none(),
      Rule.options(NAMES),
      Rule.instanceOf(DoubleUnaryOperator.class, "a Java function (DoubleUnaryOperator)"));
  static final Param<Boolean> VALIDATE = Param.of("validate", false, Rule.bool());
  private static final EstimatorSpec<FunctionTransformer> SPEC = EstimatorSpec.of(
      "sklearn.preprocessing.FunctionTransformer", FunctionTransformer::new, Fitted.class, FUNC,
      INVERSE_FUNC, VALIDATE);

  /** What fit saw: the number of columns. */
  private record Fitted(int nFeaturesIn) {}

  /** The identity (scikit-learn's {@code FunctionTransformer()}). */
  public FunctionTransformer() {
    super(SPEC);
  }

  /** NumPy's function of that name ({@code FunctionTransformer(np.log1p)}). */
  public FunctionTransformer(String func) {
    this();
    set(FUNC, func);
  }

  /** A Java function, applied to each value (a model holding it cannot be saved). */
  public FunctionTransformer(DoubleUnaryOperator func) {
    this();
    set(FUNC, func);
  }

  /** NumPy's function of that name as the inverse ({@code inverse_func}). */
  public FunctionTransformer inverseFunc(String name) {
    return set(INVERSE_FUNC, name);
  }

  /** A Java function as the inverse ({@code inverse_func}). */
  public FunctionTransformer inverseFunc(DoubleUnaryOperator inverse) {
    return set(INVERSE_FUNC, inverse);
  }

  /** Checks X and remembers its width; there is nothing to learn. */
  @Override
  public FunctionTransformer fit(double[][] X) {
    validateParams();
    Checks.checkMatrix("X", X);
    fitted(new Fitted(X[0].length));
    return this;
  }

  /** func applied to every value, as a new array. */
  @Override
  public double[][] transform(double[][] X) {
    return apply(get(FUNC), "func", X);
  }

  /** inverse_func applied to every value, as a new array. */
  @Override
  public double[][] inverseTransform(double[][] Z) {
    return apply(get(INVERSE_FUNC), "inverse_func", Z);
  }

  private double[][] apply(Object func, String name, double[][] X) {
    Fitted f = fitted();
    Checks.checkMatrix("X", X);
    if (X[0].length != f.nFeaturesIn) {
      throw new IllegalArgumentException("X has " + X[0].length
          + " features but FunctionTransformer was fitted with " + f.nFeaturesIn);
    }
    DoubleUnaryOperator op = func == null ? DoubleUnaryOperator.identity()
        : func instanceof String s ? NUMPY.get(s) : (DoubleUnaryOperator) func;
    double[][] Z = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      Z[i] = new double[X[i].length];
      for (int j = 0; j < Z[i].length; j++) {
        Z[i][j] = op.applyAsDouble(X[i][j]);
        if (!Double.isFinite(Z[i][j])) {
          throw new IllegalArgumentException(name + " (" + (func == null ? "identity" : func)
              + ") gives " + Z[i][j] + " for X[" + i + "][" + j + "] = " + X[i][j]
              + ": the result must be finite");
        }
      }
    }
    return Z;
  }
}
