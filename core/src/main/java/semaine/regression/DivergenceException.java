package semaine.regression;

import java.util.List;

/**
 * Gradient descent diverged: the learning rate is too large for the data, so each step overshoots
 * the minimum by more than the last and the loss grows without bound.
 *
 * <p>For the mean squared loss, a fixed learning rate η converges exactly when η < 2 / λmax, with
 * λmax the largest eigenvalue of the loss's Hessian {@code [X 1]ᵀ[X 1] / m}; above it, the loss
 * rises. The exception carries the steps taken (for a figure of the divergence) and a learning rate
 * that converges on this data.
 */
public final class DivergenceException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<DescentStep> history;
  private final double suggestedLearningRate;

  DivergenceException(String message, List<DescentStep> history, double suggestedLearningRate) {
    super(message);
    this.history = List.copyOf(history);
    this.suggestedLearningRate = suggestedLearningRate;
  }

  /** The steps taken until the divergence was detected, the start point first. */
  public List<DescentStep> history() {
    return history;
  }

  /** A learning rate below 1 / λmax, which converges on the same data. */
  public double suggestedLearningRate() {
    return suggestedLearningRate;
  }
}
