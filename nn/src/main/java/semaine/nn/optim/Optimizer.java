package semaine.nn.optim;

import java.util.List;
import semaine.nn.Tensor;

/**
 * Updates parameters from their gradients ({@code torch.optim.Optimizer}): {@link #step()} after
 * {@code backward()}, {@link #zeroGrad()} before the next one. Parameters without a gradient are
 * skipped, as in PyTorch.
 */
public abstract class Optimizer {

  protected final List<Tensor> params;
  protected double lr;

  protected Optimizer(List<Tensor> params, double lr) {
    semaine.util.Checks.checkNonNegative("lr", lr);
    this.params = List.copyOf(params);
    this.lr = lr;
  }

  /** One update of every parameter that has a gradient. */
  public final void step() {
    beforeStep();
    for (int i = 0; i < params.size(); i++) {
      Tensor p = params.get(i);
      Tensor grad = p.grad();
      if (grad != null) {
        update(i, p.storage(), grad.storage());
      }
    }
  }

  /** Called once per step before the parameters are updated (step counters). */
  protected void beforeStep() {}

  /** Updates parameter i in place from its gradient (both flat, same length). */
  protected abstract void update(int i, float[] param, float[] grad);

  public final void zeroGrad() {
    params.forEach(Tensor::zeroGrad);
  }

  public final double lr() {
    return lr;
  }

  /** Sets the learning rate (for a schedule). */
  public final void lr(double lr) {
    this.lr = semaine.util.Checks.checkNonNegative("lr", lr);
  }
}
