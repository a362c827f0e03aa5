package semaine.nn.optim;

import java.util.List;
import semaine.nn.Tensor;

/**
 * Stochastic gradient descent with momentum and weight decay ({@code torch.optim.SGD}):
 * {@code d = g + wd·p}; with momentum {@code buf = d} at the first step, then
 * {@code buf = μ·buf + d}; {@code d = buf} (or {@code d + μ·buf} with Nesterov); {@code p −= lr·d}.
 */
public final class SGD extends Optimizer {

  private final double momentum;
  private final double weightDecay;
  private final boolean nesterov;
  private final float[][] buffers;

  public SGD(List<Tensor> params, double lr) {
    this(params, lr, 0, 0, false);
  }

  public SGD(List<Tensor> params, double lr, double momentum, double weightDecay, boolean nesterov) {
    super(params, lr);
    this.momentum = semaine.util.Checks.checkNonNegative("momentum", momentum);
    this.weightDecay = semaine.util.Checks.checkNonNegative("weightDecay", weightDecay);
    if (nesterov && momentum == 0) {
      throw new IllegalArgumentException("nesterov (true) needs momentum > 0");
    }
    this.nesterov = nesterov;
    this.buffers = new float[this.params.size()][];
  }

  @Override
  protected void update(int i, float[] p, float[] g) {
    float wd = (float) weightDecay;
    float mu = (float) momentum;
    float rate = (float) lr;
    boolean first = buffers[i] == null;
    if (momentum != 0 && first) {
      buffers[i] = new float[p.length];
    }
    float[] buf = buffers[i];
    for (int k = 0; k < p.length; k++) {
      float d = wd != 0 ? g[k] + wd * p[k] : g[k];
      if (buf != null) {
        buf[k] = first ? d : mu * buf[k] + d;
        d = nesterov ? d + mu * buf[k] : buf[k];
      }
      p[k] -= rate * d;
    }
  }
}
