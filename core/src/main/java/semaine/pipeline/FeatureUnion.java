package semaine.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.Estimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.util.Checks;

/**
 * Several transformers side by side, as scikit-learn 1.9's {@code FeatureUnion}: each is fitted
 * on the same X and {@code transform} puts their outputs next to each other, in list order
 * ({@code np.hstack}). Each transformer's parameters are the union's, as {@code name__param}.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var union = FeatureUnion.of(step("pca", new PCA(2)), step("scaled", new StandardScaler()));
 * double[][] Z = union.fitTransform(X);     // 2 + n_features columns
 * }</pre>
 *
 * <p>Differences from scikit-learn 1.9: no {@code transformer_weights}, {@code n_jobs} or
 * {@code "drop"} / {@code "passthrough"} entries.
 */
public final class FeatureUnion extends BaseEstimator<FeatureUnion> implements Transformer {

  static final Param<List<?>> TRANSFORMER_LIST = Param.of("transformer_list", List.of(),
      Rule.instanceOf(List.class, "a list of (name, transformer) steps"));
  private static final EstimatorSpec<FeatureUnion> SPEC = EstimatorSpec.of(
      "sklearn.pipeline.FeatureUnion", FeatureUnion::new, Fitted.class, TRANSFORMER_LIST);

  /** The fitted transformers, their names and the widths of their outputs. */
  private record Fitted(@Attribute("transformers") Estimator[] transformers,
      @Attribute("_names") List<String> names, int nFeaturesIn) {}

  /** A union without transformers (for model files; use {@link #of}). */
  public FeatureUnion() {
    super(SPEC);
  }

  /** The union of the named transformers, in order. */
  public static FeatureUnion of(Step... transformers) {
    return new FeatureUnion().set(TRANSFORMER_LIST, List.of(transformers));
  }

  /** The transformers ({@code transformer_list}). */
  public List<Step> transformerList() {
    List<?> raw = get(TRANSFORMER_LIST);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      if (!(raw.get(i) instanceof Step step) || !(step.estimator() instanceof Transformer)) {
        throw new IllegalArgumentException("transformer_list[" + i + "] (" + raw.get(i)
            + ") must be a step (name, transformer)");
      }
      steps.add(step);
    }
    return List.copyOf(steps);
  }

  /** Fits every transformer on X. */
  @Override
  public FeatureUnion fit(double[][] X) {
    validateParams();
    List<Step> steps = transformerList();
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("transformer_list ([]) must hold at least one"
          + " transformer");
    }
    Checks.checkMatrix("X", X);
    for (Step step : steps) {
      ((Transformer) step.estimator()).fit(X);
    }
    fitted(new Fitted(steps.stream().map(Step::estimator).toArray(Estimator[]::new),
        steps.stream().map(Step::name).toList(), X[0].length));
    return this;
  }

  /** The transformers' outputs side by side, shape (n_samples, Σ widths). */
  @Override
  public double[][] transform(double[][] X) {
    Fitted f = fitted();
    Checks.checkMatrix("X", X);
    if (X[0].length != f.nFeaturesIn) {
      throw new IllegalArgumentException("X has " + X[0].length + " features but FeatureUnion was"
          + " fitted with " + f.nFeaturesIn);
    }
    double[][][] parts = Arrays.stream(f.transformers)
        .map(t -> ((Transformer) t).transform(X)).toArray(double[][][]::new);
    double[][] Z = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      int width = 0;
      for (double[][] part : parts) {
        width += part[i].length;
      }
      double[] row = new double[width];
      int at = 0;
      for (double[][] part : parts) {
        System.arraycopy(part[i], 0, row, at, part[i].length);
        at += part[i].length;
      }
      Z[i] = row;
    }
    return Z;
  }

  /** A state read back: the transformers become the ones it holds. */
  @Override
  protected Fitted restored(Record state) {
    Fitted f = (Fitted) state;
    Checks.checkArgument(f.names.size() == f.transformers.length, "the fitted state names "
        + f.names.size() + " transformers but holds " + f.transformers.length);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < f.transformers.length; i++) {
      steps.add(new Step(f.names.get(i), f.transformers[i]));
    }
    set(TRANSFORMER_LIST, List.copyOf(steps));
    transformerList();
    return f;
  }
}
