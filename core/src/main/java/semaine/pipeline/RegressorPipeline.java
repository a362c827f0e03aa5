package semaine.pipeline;

import java.util.List;
import semaine.base.Estimator;
import semaine.base.EstimatorSpec;
import semaine.base.Regressor;

/** A {@link Pipeline} ending in a regressor: it is a regressor itself. */
public final class RegressorPipeline extends Pipeline<RegressorPipeline> implements Regressor {

  private static final EstimatorSpec<RegressorPipeline> SPEC = spec(RegressorPipeline::new);

  /** A pipeline without steps (for model files; give steps through {@link Pipeline}'s factories). */
  public RegressorPipeline() {
    this(List.of());
  }

  /** A pipeline of these steps, the last a regressor. */
  public RegressorPipeline(List<Step> steps) {
    super(SPEC, steps);
  }

  @Override
  Class<? extends Estimator> lastRole() {
    return Regressor.class;
  }

  /** Fits the transformers on X, then the regressor on their output and y. */
  @Override
  public RegressorPipeline fit(double[][] X, double[] y) {
    double[][] Xt = fitTransformers(X);
    long start = System.nanoTime();
    ((Regressor) steps().getLast().estimator()).fit(Xt, y);
    fittedSteps(X, start);
    return this;
  }

  /**
   * Fits on text samples (a CSV's fields) with their column names: the first step, a
   * {@link ColumnTransformer}, reads them, the rest as {@link #fit(double[][], double[])}.
   *
   * @throws IllegalArgumentException when the first step is no column transformer
   */
  public RegressorPipeline fit(String[][] X, List<String> columns, double[] y) {
    double[][] Xt = fitTransformers(X, columns);
    long start = System.nanoTime();
    ((Regressor) steps().getLast().estimator()).fit(Xt, y);
    fittedSteps(X[0].length, start);
    return this;
  }

  /** The predictions for text samples, for a pipeline fitted on text. */
  public double[] predict(String[][] X) {
    return last(Regressor.class).predict(transformBeforeLast(X));
  }

  @Override
  public double[] predict(double[][] X) {
    return last(Regressor.class).predict(transformBeforeLast(X));
  }
}
