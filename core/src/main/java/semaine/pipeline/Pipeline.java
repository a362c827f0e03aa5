package semaine.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.Classifier;
import semaine.base.Clusterer;
import semaine.base.Estimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Regressor;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.util.Checks;

/**
 * A chain of steps fitted as one model, as scikit-learn 1.9's {@code Pipeline}: {@code fit} fits
 * each step but the last on the previous step's output ({@code fit_transform}) and then fits the
 * last step; {@code predict}, {@code transform}, {@code predict_proba} transform through the
 * fitted steps and call the last one. The steps are fitted in place, as scikit-learn does without
 * {@code memory}.
 *
 * <p>A pipeline has its last step's role, so it is one of four classes: a
 * {@link ClassifierPipeline}, {@link RegressorPipeline}, {@link TransformerPipeline} or
 * {@link ClustererPipeline}; the typed factories say which one you get, {@link #makePipeline}
 * picks it from the last step. Each step's parameters are the pipeline's, as
 * {@code name__param} ({@code pipe.setParam("kneighborsclassifier__n_neighbors", 7)}), and a
 * step is replaced by setting its name ({@code pipe.setParam("knn", other)}).
 *
 * <p>The fitted state of a pipeline is its steps' ({@code steps.0.mean_}, {@code steps.1.classes_}),
 * so a model file keeps the whole chain.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var model = Pipeline.classifier(new StandardScaler(), new KNeighborsClassifier(3));
 * model.fit(X, y);                                  // make_pipeline(StandardScaler(), ...).fit(X, y)
 * int[] predictions = model.predict(X);
 * }</pre>
 *
 * <p>Differences from scikit-learn 1.9: no {@code memory} (caching) and no {@code "passthrough"}
 * or {@code None} steps; the last step's role is fixed by the pipeline's class.
 *
 * @param <P> the pipeline class, returned by the chained setters
 */
public abstract sealed class Pipeline<P extends Pipeline<P>> extends BaseEstimator<P>
    permits ClassifierPipeline, RegressorPipeline, TransformerPipeline, ClustererPipeline {

  static final Param<List<?>> STEPS = Param.of("steps", List.of(),
      Rule.instanceOf(List.class, "a list of steps (name, estimator)"));
  static final Param<Boolean> VERBOSE = Param.of("verbose", false, Rule.bool());

  /**
   * The fitted steps: their estimators (each saved with its class, parameters and state) and
   * their names.
   */
  record Fitted(@Attribute("steps") Estimator[] steps,
      @Attribute("_step_names") List<String> names, int nFeaturesIn) {}

  Pipeline(EstimatorSpec<P> spec, List<Step> steps) {
    super(spec);
    set(STEPS, List.copyOf(steps));
  }

  /** The spec every pipeline class shares: scikit-learn's {@code Pipeline} and its parameters. */
  static <P extends Pipeline<P>> EstimatorSpec<P> spec(Supplier<P> factory) {
    return EstimatorSpec.of("sklearn.pipeline.Pipeline", factory, Fitted.class, STEPS, VERBOSE);
  }

  /**
   * scikit-learn's {@code make_pipeline}: the steps named after their classes in lower case
   * ({@code standardscaler}, {@code kneighborsclassifier}; a name used twice gets {@code -1},
   * {@code -2}...), as the pipeline class of the last step's role.
   *
   * @throws IllegalArgumentException for no step, or a last step of no role a pipeline takes
   */
  public static Pipeline<?> makePipeline(Estimator... estimators) {
    return of(named(estimators).toArray(Step[]::new));
  }

  /** A pipeline of the named steps, as the pipeline class of the last step's role. */
  public static Pipeline<?> of(Step... steps) {
    Checks.checkArgument(steps.length > 0, "a pipeline needs at least one step (none given)");
    return switch (steps[steps.length - 1].estimator()) {
      case Classifier c -> new ClassifierPipeline(List.of(steps));
      case Regressor r -> new RegressorPipeline(List.of(steps));
      case Transformer t -> new TransformerPipeline(List.of(steps));
      case Clusterer c -> new ClustererPipeline(List.of(steps));
      case Estimator e -> throw new IllegalArgumentException("the last step "
          + steps[steps.length - 1].name() + " (" + e.getClass().getSimpleName() + ") is no"
          + " classifier, regressor, transformer or clusterer");
    };
  }

  /** {@link #makePipeline} ending in a classifier. */
  public static ClassifierPipeline classifier(Estimator... estimators) {
    return new ClassifierPipeline(named(estimators));
  }

  /** A pipeline of the named steps ending in a classifier. */
  public static ClassifierPipeline classifier(Step... steps) {
    return new ClassifierPipeline(List.of(steps));
  }

  /** {@link #makePipeline} ending in a regressor. */
  public static RegressorPipeline regressor(Estimator... estimators) {
    return new RegressorPipeline(named(estimators));
  }

  /** A pipeline of the named steps ending in a regressor. */
  public static RegressorPipeline regressor(Step... steps) {
    return new RegressorPipeline(List.of(steps));
  }

  /** {@link #makePipeline} of transformers only. */
  public static TransformerPipeline transformer(Estimator... estimators) {
    return new TransformerPipeline(named(estimators));
  }

  /** A pipeline of named transformers. */
  public static TransformerPipeline transformer(Step... steps) {
    return new TransformerPipeline(List.of(steps));
  }

  /** {@link #makePipeline} ending in a clusterer. */
  public static ClustererPipeline clusterer(Estimator... estimators) {
    return new ClustererPipeline(named(estimators));
  }

  /** A pipeline of the named steps ending in a clusterer. */
  public static ClustererPipeline clusterer(Step... steps) {
    return new ClustererPipeline(List.of(steps));
  }

  /** Whether to print each step's fitting time to stderr ({@code verbose}, default false). */
  @SuppressWarnings("unchecked")
  public P verbose(boolean verbose) {
    return set(VERBOSE, verbose);
  }

  /**
   * The steps, in order ({@code steps}).
   *
   * @throws IllegalArgumentException when the {@code steps} parameter holds something other than
   *     steps
   */
  public List<Step> steps() {
    List<?> raw = get(STEPS);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      if (!(raw.get(i) instanceof Step step)) {
        throw new IllegalArgumentException("steps[" + i + "] (" + raw.get(i) + ") must be a"
            + " Step (name, estimator)");
      }
      steps.add(step);
    }
    return List.copyOf(steps);
  }

  /** The steps by name ({@code named_steps}). */
  public Map<String, Estimator> namedSteps() {
    Map<String, Estimator> out = new java.util.LinkedHashMap<>();
    steps().forEach(step -> out.put(step.name(), step.estimator()));
    return out;
  }

  /**
   * The number of features seen by {@code fit} ({@code n_features_in_}).
   *
   * @throws IllegalStateException before fit
   */
  public int nFeaturesIn() {
    return this.<Fitted>fitted().nFeaturesIn();
  }

  /**
   * Whether the fitted pipeline reads text samples (a CSV's fields): its first step is a
   * {@link ColumnTransformer} fitted on text.
   */
  public boolean readsText() {
    return fittedSteps()[0] instanceof ColumnTransformer columns && columns.readsText();
  }

  /** The role the last step must have, in words and as an interface. */
  abstract Class<? extends Estimator> lastRole();

  /**
   * Checks the parameters and the steps, then fits every step but the last, each on the output
   * of the one before, and returns what the last step is to be fitted on.
   */
  final double[][] fitTransformers(double[][] X) {
    validateParams();
    List<Step> steps = checkedSteps();
    Checks.checkMatrix("X", X);
    return fitTransformers(steps, 0, X);
  }

  /**
   * {@link #fitTransformers(double[][])} for text samples (a CSV's fields) and their column names:
   * the first step, a {@link ColumnTransformer}, reads the text (its encoders the categories, the
   * other transformers the numbers) and the steps after it its output.
   *
   * @throws IllegalArgumentException when the first step is no column transformer
   */
  final double[][] fitTransformers(String[][] X, List<String> columns) {
    validateParams();
    List<Step> steps = checkedSteps();
    long start = System.nanoTime();
    double[][] Xt = textStep(steps.get(0).estimator(), steps.size()).fitTransform(X, columns);
    log(steps, 0, start);
    return fitTransformers(steps, 1, Xt);
  }

  private double[][] fitTransformers(List<Step> steps, int from, double[][] X) {
    double[][] Xt = X;
    for (int i = from; i < steps.size() - 1; i++) {
      long start = System.nanoTime();
      Xt = ((Transformer) steps.get(i).estimator()).fitTransform(Xt);
      log(steps, i, start);
    }
    return Xt;
  }

  /** The first step when it can read text samples: a column transformer before the last step. */
  private ColumnTransformer textStep(Estimator first, int nSteps) {
    if (!(first instanceof ColumnTransformer columns) || nSteps < 2) {
      throw new IllegalArgumentException("text samples need a ColumnTransformer as the first step"
          + " of " + getClass().getSimpleName() + " (its encoders read the text), not "
          + first.getClass().getSimpleName());
    }
    return columns;
  }

  /** Ends {@code fit}: records the fitted steps. */
  final void fittedSteps(double[][] X, long lastStart) {
    fittedSteps(X[0].length, lastStart);
  }

  /** Ends {@code fit} on samples of {@code nFeatures} columns: records the fitted steps. */
  final void fittedSteps(int nFeatures, long lastStart) {
    List<Step> steps = steps();
    log(steps, steps.size() - 1, lastStart);
    fitted(new Fitted(steps.stream().map(Step::estimator).toArray(Estimator[]::new),
        steps.stream().map(Step::name).toList(), nFeatures));
  }

  /** X through every fitted step but the last. */
  final double[][] transformBeforeLast(double[][] X) {
    Fitted f = fitted();
    Checks.checkMatrix("X", X);
    if (X[0].length != f.nFeaturesIn()) {
      throw new IllegalArgumentException("X has " + X[0].length + " features but this "
          + getClass().getSimpleName() + " was fitted with " + f.nFeaturesIn());
    }
    double[][] Xt = X;
    for (int i = 0; i < f.steps().length - 1; i++) {
      Xt = ((Transformer) f.steps()[i]).transform(Xt);
    }
    return Xt;
  }

  /**
   * Text samples through every fitted step but the last (the first reads the text):
   * scikit-learn's {@code pipe[:-1].transform(X)}, what the last step predicts from.
   */
  public final double[][] transformBeforeLast(String[][] X) {
    Estimator[] steps = this.<Fitted>fitted().steps();
    double[][] Xt = textStep(steps[0], steps.length).transform(X);
    for (int i = 1; i < steps.length - 1; i++) {
      Xt = ((Transformer) steps[i]).transform(Xt);
    }
    return Xt;
  }

  /** The fitted last step, in its role. */
  final <T> T last(Class<T> role) {
    Estimator[] steps = this.<Fitted>fitted().steps();
    return role.cast(steps[steps.length - 1]);
  }

  /** The fitted steps, in order. */
  final Estimator[] fittedSteps() {
    return this.<Fitted>fitted().steps();
  }

  /** A state read back: the steps become the ones it holds. */
  @Override
  protected Fitted restored(Record state) {
    Fitted f = (Fitted) state;
    if (f.names().size() != f.steps().length) {
      throw new IllegalArgumentException("the fitted state names " + f.names().size()
          + " steps but holds " + f.steps().length);
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < f.steps().length; i++) {
      steps.add(new Step(f.names().get(i), f.steps()[i]));
    }
    set(STEPS, List.copyOf(steps));
    checkedSteps();
    return f;
  }

  /** The steps, checked: at least one, every step but the last a transformer, the last in role. */
  private List<Step> checkedSteps() {
    List<Step> steps = steps();
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("steps ([]) must be a non-empty list of steps: give the"
          + " steps to " + getClass().getSimpleName() + "'s factory");
    }
    for (int i = 0; i < steps.size() - 1; i++) {
      Step step = steps.get(i);
      if (!(step.estimator() instanceof Transformer)) {
        throw new IllegalArgumentException("step " + step.name() + " ("
            + step.estimator().getClass().getSimpleName() + ") must be a transformer: every step"
            + " but the last transforms the data for the next");
      }
    }
    Step last = steps.get(steps.size() - 1);
    if (!lastRole().isInstance(last.estimator())) {
      throw new IllegalArgumentException("the last step " + last.name() + " ("
          + last.estimator().getClass().getSimpleName() + ") must be a "
          + lastRole().getSimpleName().toLowerCase(Locale.ROOT) + ": this is a "
          + getClass().getSimpleName());
    }
    return steps;
  }

  private void log(List<Step> steps, int i, long start) {
    if (get(VERBOSE)) {
      System.err.printf(Locale.ROOT, "[Pipeline] (step %d of %d) Processing %s, total=%.1fs%n",
          i + 1, steps.size(), steps.get(i).name(), (System.nanoTime() - start) / 1e9);
    }
  }

  /** scikit-learn's {@code _name_estimators}: lower-case class names, repeats numbered. */
  private static List<Step> named(Estimator... estimators) {
    Map<String, Integer> count = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (Estimator e : estimators) {
      Checks.checkArgument(e != null, "a pipeline step must not be null");
      String name = e.getClass().getSimpleName().toLowerCase(Locale.ROOT);
      names.add(name);
      count.merge(name, 1, Integer::sum);
    }
    Map<String, Integer> seen = new HashMap<>();
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < estimators.length; i++) {
      String name = names.get(i);
      if (count.get(name) > 1) {
        name = name + "-" + seen.merge(name, 1, Integer::sum);
      }
      steps.add(new Step(name, estimators[i]));
    }
    return steps;
  }
}
