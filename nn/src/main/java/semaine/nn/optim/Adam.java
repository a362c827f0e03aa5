package semaine.nn.optim;

import java.util.List;
import semaine.nn.Tensor;

/**
 * Adam ({@code torch.optim.Adam}), and AdamW with {@link #decoupled} weight decay
 * ({@code torch.optim.AdamW}).
 *
 * <p>At step t: {@code g += wd·p} (Adam's L2) or {@code p *= 1 − lr·wd} (AdamW);
 * {@code m = m + (1−β1)·(g − m)}; {@code v = β2·v + (1−β2)·g²};
 * {@code p −= lr/(1−β1^t) · m / (√v / √(1−β2^t) + eps)} — PyTorch's single-tensor update, the bias
 * corrections computed in double as Python does.
 */
public final class Adam extends Optimizer {

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final boolean decoupled;
  private final float[][] m;
  private final float[][] v;
  private int t;

  /** Adam with PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
  public Adam(List<Tensor> params, double lr) {
    this(params, lr, 0.9, 0.999, 1e-8, 0, false);
  }

  /** @param decoupled true for AdamW's decoupled weight decay, false for Adam's L2 term */
  public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps,
      double weightDecay, boolean decoupled) {
    super(params, lr);
    this.beta1 = checkBeta("beta1", beta1);
    this.beta2 = checkBeta("beta2", beta2);
    this.eps = semaine.util.Checks.checkNonNegative("eps", eps);
    this.weightDecay = semaine.util.Checks.checkNonNegative("weightDecay", weightDecay);
    this.decoupled = decoupled;
    this.m = new float[this.params.size()][];
    this.v = new float[this.params.size()][];
  }

  /** AdamW with PyTorch's defaults: weight decay 0.01. */
  public static Adam adamW(List<Tensor> params, double lr) {
    return new Adam(params, lr, 0.9, 0.999, 1e-8, 0.01, true);
  }

  private static double checkBeta(String name, double beta) {
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException(name + " (" + beta + ") must be in [0, 1)");
    }
    return beta;
  }

  /** The number of steps taken. */
  public int steps() {
    return t;
  }

  @Override
  protected void beforeStep() {
    t++;
  }

  @Override
  protected void update(int i, float[] p, float[] g) {
    if (m[i] == null) {
      m[i] = new float[p.length];
      v[i] = new float[p.length];
    }
    float[] mi = m[i];
    float[] vi = v[i];
    double bias1 = 1 - Math.pow(beta1, t);
    double bias2 = 1 - Math.pow(beta2, t);
    float wd = (float) weightDecay;
    if (decoupled && wd != 0) {
      float decay = (float) (1 - lr * weightDecay);
      for (int k = 0; k < p.length; k++) {
        p[k] *= decay;
      }
    }
    AdamUpdate.adam(p, g, mi, vi, (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
        (float) (lr / bias1), (float) Math.sqrt(bias2), (float) eps, decoupled ? 0 : wd);
  }
}
