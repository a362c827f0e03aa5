package semaine.nn;

/**
 * A batch loss and its gradient, computed in place: the loss of the graph-free training step
 * ({@link DenseTraining}) that {@link MultiLayerPerceptron#fit} runs when it is given one.
 */
@FunctionalInterface
public interface BatchLoss {
  /**
   * The mean loss of the outputs {@code out} (rows × outputs, row-major) for the samples
   * {@code samples}; adds its gradient (for a seed of 1) into {@code grad}, which holds zeros.
   */
  float lossAndGradient(float[] out, int rows, int outputs, int[] samples, float[] grad);
}
