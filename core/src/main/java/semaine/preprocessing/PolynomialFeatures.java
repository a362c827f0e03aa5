package semaine.preprocessing;

import java.util.ArrayList;
import java.util.List;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.util.Checks;

/**
 * Polynomial features: every product of at most {@code degree} input features, so that a linear
 * model fits a curve. scikit-learn 1.9's {@code PolynomialFeatures} (degree given as an int):
 * the same columns in the same order, 1 first (with {@code include_bias}), then the features,
 * then the products of degree 2, 3, ... each degree in the order of
 * {@code itertools.combinations_with_replacement} (of {@code combinations} with
 * {@code interaction_only}). Each product is computed as scikit-learn does, the column of the
 * product without its first feature times that feature, so values match to the last bit.
 *
 * <pre>{@code
 * double[][] P = new PolynomialFeatures(3).fitTransform(X);   // PolynomialFeatures(3).fit_transform(X)
 * }</pre>
 */
public final class PolynomialFeatures extends BaseEstimator<PolynomialFeatures>
    implements Transformer {

  static final Param<Integer> DEGREE = Param.of("degree", 2, Rule.ints(0, null));
  static final Param<Boolean> INTERACTION_ONLY = Param.of("interaction_only", false, Rule.bool());
  static final Param<Boolean> INCLUDE_BIAS = Param.of("include_bias", true, Rule.bool());
  static final Param<String> ORDER = Param.of("order", "C", Rule.options("C", "F"));
  private static final EstimatorSpec<PolynomialFeatures> SPEC = EstimatorSpec.of(
      "sklearn.preprocessing.PolynomialFeatures", PolynomialFeatures::new, Fitted.class, DEGREE,
      INTERACTION_ONLY, INCLUDE_BIAS, ORDER);

  /**
   * The fitted state.
   *
   * @param powers (n_output_features, n_features) the exponent of each input in each output
   * @param nFeaturesIn the number of input features
   * @param nOutputFeatures the number of output columns
   */
  private record Fitted(@Attribute("powers_") int[][] powers, int nFeaturesIn,
      @Attribute("n_output_features_") int nOutputFeatures) {}

  /** {@code PolynomialFeatures()}: degree 2 with the bias column. */
  public PolynomialFeatures() {
    super(SPEC);
  }

  /** {@code PolynomialFeatures(degree=degree)}. */
  public PolynomialFeatures(int degree) {
    this();
    set(DEGREE, degree);
  }

  /** {@code interaction_only}: products of distinct features only. */
  public PolynomialFeatures interactionOnly(boolean interactionOnly) {
    return set(INTERACTION_ONLY, interactionOnly);
  }

  /** {@code include_bias}: start with a column of ones (default true). */
  public PolynomialFeatures includeBias(boolean includeBias) {
    return set(INCLUDE_BIAS, includeBias);
  }

  /** Records the number of features and the output columns' exponents. */
  @Override
  public PolynomialFeatures fit(double[][] X) {
    validateParams();
    Checks.checkMatrix("X", X);
    int p = X[0].length;
    List<int[]> combinations = combinations(p);
    int[][] powers = new int[combinations.size()][p];
    for (int c = 0; c < powers.length; c++) {
      for (int feature : combinations.get(c)) {
        powers[c][feature]++;
      }
    }
    fitted(new Fitted(powers, p, powers.length));
    return this;
  }

  /** The output columns as lists of input features, in scikit-learn's order. */
  private List<int[]> combinations(int p) {
    List<int[]> out = new ArrayList<>();
    if (get(INCLUDE_BIAS)) {
      out.add(new int[0]);
    }
    boolean distinct = get(INTERACTION_ONLY);
    for (int d = 1; d <= get(DEGREE); d++) {
      addCombinations(out, new int[d], 0, 0, p, distinct);
    }
    return out;
  }

  /** Lexicographic combinations (with replacement unless {@code distinct}) of length |prefix|. */
  private static void addCombinations(List<int[]> out, int[] current, int position, int from,
      int p, boolean distinct) {
    if (position == current.length) {
      out.add(current.clone());
      return;
    }
    for (int f = from; f < p; f++) {
      current[position] = f;
      addCombinations(out, current, position + 1, distinct ? f + 1 : f, p, distinct);
    }
  }

  /** The products, shape (n_samples, n_output_features). */
  @Override
  public double[][] transform(double[][] X) {
    Fitted f = fitted();
    Checks.checkMatrix("X", X);
    Checks.checkArgument(X[0].length == f.nFeaturesIn, "X has " + X[0].length + " features, but"
        + " PolynomialFeatures is expecting " + f.nFeaturesIn + " features as input");
    List<int[]> columns = combinations(f.nFeaturesIn);
    double[][] out = new double[X.length][columns.size()];
    for (int i = 0; i < X.length; i++) {
      for (int c = 0; c < columns.size(); c++) {
        int[] features = columns.get(c);
        double v = 1;
        if (features.length > 0) {
          v = X[i][features[features.length - 1]];
          for (int m = features.length - 2; m >= 0; m--) {
            v *= X[i][features[m]];   // (product of the rest) · x_first, as scikit-learn builds it
          }
        }
        out[i][c] = v;
      }
    }
    return out;
  }

  /** The exponents, shape (n_output_features, n_features) ({@code powers_}). */
  public int[][] powers() {
    int[][] powers = this.<Fitted>fitted().powers;
    int[][] copy = new int[powers.length][];
    for (int c = 0; c < powers.length; c++) {
      copy[c] = powers[c].clone();
    }
    return copy;
  }
}
