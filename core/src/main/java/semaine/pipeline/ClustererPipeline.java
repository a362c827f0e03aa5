package semaine.pipeline;

import java.util.List;
import semaine.base.Clusterer;
import semaine.base.Estimator;
import semaine.base.EstimatorSpec;

/** A {@link Pipeline} ending in a clusterer: it is a clusterer itself. */
public final class ClustererPipeline extends Pipeline<ClustererPipeline> implements Clusterer {

  private static final EstimatorSpec<ClustererPipeline> SPEC = spec(ClustererPipeline::new);

  /** A pipeline without steps (for model files; give steps through {@link Pipeline}'s factories). */
  public ClustererPipeline() {
    this(List.of());
  }

  /** A pipeline of these steps, the last a clusterer. */
  public ClustererPipeline(List<Step> steps) {
    super(SPEC, steps);
  }

  @Override
  Class<? extends Estimator> lastRole() {
    return Clusterer.class;
  }

  /** Fits the transformers on X, then the clusterer on their output. */
  @Override
  public ClustererPipeline fit(double[][] X) {
    double[][] Xt = fitTransformers(X);
    long start = System.nanoTime();
    ((Clusterer) steps().getLast().estimator()).fit(Xt);
    fittedSteps(X, start);
    return this;
  }

  /** The last step's labels of the training samples ({@code labels_}). */
  @Override
  public int[] labels() {
    return last(Clusterer.class).labels();
  }

  @Override
  public int[] predict(double[][] X) {
    return last(Clusterer.class).predict(transformBeforeLast(X));
  }
}
