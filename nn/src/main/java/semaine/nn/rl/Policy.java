package semaine.nn.rl;

import semaine.nn.Tensor;
import semaine.random.RandomState;

/**
 * The action distribution over the actor's outputs: a categorical over logits for a Discrete space
 * (SB3's {@code CategoricalDistribution}), or a diagonal Gaussian with a learned log standard
 * deviation for a Box ({@code DiagGaussianDistribution}), whose samples are clipped into the Box
 * before the step.
 *
 * @param outputs the number of actions, or the action's length
 * @param low the Box's lower bounds (null for discrete)
 * @param high the Box's upper bounds (null for discrete)
 */
record Policy(int outputs, double[] low, double[] high) {

  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  static Policy categorical(int n) {
    return new Policy(n, null, null);
  }

  static Policy gaussian(double[] low, double[] high) {
    return new Policy(low.length, low, high);
  }

  boolean continuous() {
    return low != null;
  }

  /**
   * A sampled action for one row of actor outputs: an action index drawn from softmax(logits), or
   * mean + std · N(0, 1) per coordinate, written into {@code action}.
   */
  void sample(float[] out, int row, float[] logStd, RandomState random, float[] action) {
    int from = row * outputs;
    if (!continuous()) {
      double max = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < outputs; a++) {
        max = Math.max(max, out[from + a]);
      }
      double total = 0;
      double[] p = new double[outputs];
      for (int a = 0; a < outputs; a++) {
        p[a] = Math.exp(out[from + a] - max);
        total += p[a];
      }
      double u = random.randomSample() * total;
      int chosen = outputs - 1;
      for (int a = 0; a < outputs; a++) {
        u -= p[a];
        if (u < 0) {
          chosen = a;
          break;
        }
      }
      action[0] = chosen;
      return;
    }
    for (int j = 0; j < outputs; j++) {
      action[j] = (float) (out[from + j] + Math.exp(logStd[j]) * random.randn());
    }
  }

  /**
   * log π(a | s) per row, differentiable: {@code out} the actor's outputs (n, outputs),
   * {@code actions} the actions taken (n) indices or (n, outputs) values.
   */
  Tensor logProb(Tensor out, float[] actions, Tensor logStd) {
    int n = out.size(0);
    if (!continuous()) {
      float[] onehot = new float[n * outputs];
      for (int i = 0; i < n; i++) {
        onehot[i * outputs + (int) actions[i]] = 1f;
      }
      return out.logSoftmax(1).mul(Tensor.of(onehot, n, outputs)).sum(1, false);
    }
    Tensor z = Tensor.of(actions, n, outputs).sub(out).div(logStd.exp());
    return z.square().mul(-0.5f).sub(logStd).add((float) -LOG_SQRT_2PI).sum(1, false);
  }

  /** The mean entropy of the rows' distributions, differentiable. */
  Tensor entropy(Tensor out, Tensor logStd) {
    if (!continuous()) {
      Tensor logp = out.logSoftmax(1);
      return logp.exp().mul(logp).sum(1, false).mean().neg();
    }
    return logStd.add((float) (0.5 + LOG_SQRT_2PI)).sum();
  }

  /** The action passed to the environment: an Integer, or the sample clipped into the Box. */
  Object envAction(float[] action) {
    if (!continuous()) {
      return (int) action[0];
    }
    double[] clipped = new double[outputs];
    for (int j = 0; j < outputs; j++) {
      clipped[j] = Math.min(Math.max(action[j], low[j]), high[j]);
    }
    return clipped;
  }

  /** Floats per stored action. */
  int actionWidth() {
    return continuous() ? outputs : 1;
  }
}
