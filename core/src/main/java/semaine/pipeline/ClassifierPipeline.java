package semaine.pipeline;

import java.util.List;
import semaine.base.Classifier;
import semaine.base.Estimator;
import semaine.base.EstimatorSpec;

/** A {@link Pipeline} ending in a classifier: it is a classifier itself. */
public final class ClassifierPipeline extends Pipeline<ClassifierPipeline> implements Classifier {

  private static final EstimatorSpec<ClassifierPipeline> SPEC = spec(ClassifierPipeline::new);

  /** A pipeline without steps (for model files; give steps through {@link Pipeline}'s factories). */
  public ClassifierPipeline() {
    this(List.of());
  }

  /** A pipeline of these steps, the last a classifier. */
  public ClassifierPipeline(List<Step> steps) {
    super(SPEC, steps);
  }

  @Override
  Class<? extends Estimator> lastRole() {
    return Classifier.class;
  }

  /** Fits the transformers on X, then the classifier on their output and y. */
  @Override
  public ClassifierPipeline fit(double[][] X, int[] y) {
    double[][] Xt = fitTransformers(X);
    long start = System.nanoTime();
    ((Classifier) steps().getLast().estimator()).fit(Xt, y);
    fittedSteps(X, start);
    return this;
  }

  /**
   * Fits on text samples (a CSV's fields) with their column names: the first step, a
   * {@link ColumnTransformer}, reads them (scikit-learn's pipeline on a DataFrame of categories
   * and numbers), the rest as {@link #fit(double[][], int[])}.
   *
   * @throws IllegalArgumentException when the first step is no column transformer
   */
  public ClassifierPipeline fit(String[][] X, List<String> columns, int[] y) {
    double[][] Xt = fitTransformers(X, columns);
    long start = System.nanoTime();
    ((Classifier) steps().getLast().estimator()).fit(Xt, y);
    fittedSteps(X[0].length, start);
    return this;
  }

  /** The classes of text samples, for a pipeline fitted on text. */
  public int[] predict(String[][] X) {
    return last(Classifier.class).predict(transformBeforeLast(X));
  }

  /** The class probabilities of text samples, for a pipeline fitted on text. */
  public double[][] predictProba(String[][] X) {
    return last(Classifier.class).predictProba(transformBeforeLast(X));
  }

  @Override
  public int[] predict(double[][] X) {
    return last(Classifier.class).predict(transformBeforeLast(X));
  }

  /** The last step's classes ({@code classes_}). */
  @Override
  public int[] classes() {
    return last(Classifier.class).classes();
  }

  @Override
  public double[][] predictProba(double[][] X) {
    return last(Classifier.class).predictProba(transformBeforeLast(X));
  }
}
