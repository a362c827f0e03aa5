package semaine.preprocessing;

import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.util.Checks;
import semaine.util.Sums;

/**
 * Scales each sample (row) to unit norm: divided by its l2 norm {@code √Σx²} (default), its l1
 * norm {@code Σ|x|} or its largest absolute value ({@code "max"}); a row whose norm is below
 * 10 eps is left as it is (scikit-learn's zero-scale rule). As
 * scikit-learn 1.9's {@code Normalizer}: {@code fit} learns nothing but the number of features.
 */
public final class Normalizer extends BaseEstimator<Normalizer> implements Transformer {

  static final Param<String> NORM = Param.of("norm", "l2", Rule.options("l1", "l2", "max"));
  static final Param<Boolean> COPY = Param.of("copy", true, Rule.bool());
  private static final EstimatorSpec<Normalizer> SPEC = EstimatorSpec.of(
      "sklearn.preprocessing.Normalizer", Normalizer::new, Fitted.class, NORM, COPY);

  private record Fitted(int nFeaturesIn) {}

  /** An l2 normalizer. */
  public Normalizer() {
    super(SPEC);
  }

  /** "l1", "l2" or "max" ({@code norm}). */
  public Normalizer norm(String norm) {
    return set(NORM, norm);
  }

  /** Checks the parameters and X; learns the number of features. */
  @Override
  public Normalizer fit(double[][] X) {
    validateParams();
    Checks.checkMatrix("X", X);
    fitted(new Fitted(X[0].length));
    return this;
  }

  /** Each row divided by its norm. */
  @Override
  public double[][] transform(double[][] X) {
    Fitted f = fitted();
    Scales.checkInput(X, f.nFeaturesIn, "Normalizer");
    String norm = get(NORM);
    double[][] Z = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      double[] x = X[i];
      double[] terms = new double[x.length];
      for (int j = 0; j < x.length; j++) {
        terms[j] = norm.equals("l2") ? x[j] * x[j] : Math.abs(x[j]);
      }
      double n = switch (norm) {
        case "l1" -> Sums.pairwise(terms);
        case "l2" -> Math.sqrt(Sums.pairwise(terms));
        default -> java.util.Arrays.stream(terms).max().orElse(0);
      };
      double scale = Scales.handleZeros(new double[] {n})[0];
      double[] z = new double[x.length];
      for (int j = 0; j < x.length; j++) {
        z[j] = x[j] / scale;
      }
      Z[i] = z;
    }
    return Z;
  }
}
