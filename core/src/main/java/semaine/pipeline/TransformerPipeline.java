package semaine.pipeline;

import java.util.List;
import semaine.base.Estimator;
import semaine.base.EstimatorSpec;
import semaine.base.Transformer;

/** A {@link Pipeline} of transformers: it is a transformer itself. */
public final class TransformerPipeline extends Pipeline<TransformerPipeline>
    implements Transformer {

  private static final EstimatorSpec<TransformerPipeline> SPEC = spec(TransformerPipeline::new);

  /** A pipeline without steps (for model files; give steps through {@link Pipeline}'s factories). */
  public TransformerPipeline() {
    this(List.of());
  }

  /** A pipeline of these transformers. */
  public TransformerPipeline(List<Step> steps) {
    super(SPEC, steps);
  }

  @Override
  Class<? extends Estimator> lastRole() {
    return Transformer.class;
  }

  /** Fits every transformer on the output of the one before. */
  @Override
  public TransformerPipeline fit(double[][] X) {
    double[][] Xt = fitTransformers(X);
    long start = System.nanoTime();
    ((Transformer) steps().getLast().estimator()).fit(Xt);
    fittedSteps(X, start);
    return this;
  }

  /** X through every step. */
  @Override
  public double[][] transform(double[][] X) {
    return last(Transformer.class).transform(transformBeforeLast(X));
  }

  /** Z back through every step, last step first ({@code inverse_transform}). */
  @Override
  public double[][] inverseTransform(double[][] Z) {
    Estimator[] steps = fittedSteps();
    double[][] X = Z;
    for (int i = steps.length - 1; i >= 0; i--) {
      X = ((Transformer) steps[i]).inverseTransform(X);
    }
    return X;
  }
}
