package semaine.nn.rl;

import java.util.List;
import semaine.nn.Losses;
import semaine.nn.Tensor;
import semaine.nn.layers.Sequential;
import semaine.nn.optim.Adam;
import semaine.random.RandomState;

/**
 * One PPO update (SB3's {@code PPO.train}): {@code n_epochs} passes over the rollout in shuffled
 * minibatches, each an Adam step on the clipped surrogate, the value loss and the entropy bonus.
 *
 * <p>The policy term's gradient with respect to each {@code log π(a_i | s_i)} is
 * {@code −A_i ρ_i / n} where the unclipped branch is the minimum and 0 where the clipped one is
 * (it does not depend on the parameters there); it enters the graph as
 * {@code Σ w_i log π(a_i | s_i)} with those constant weights, which has that gradient.
 */
final class PpoUpdate {

  private final Sequential pi;
  private final Sequential vf;
  private final Tensor logStd;
  private final Policy policy;
  private final Adam optimizer;
  private final List<Tensor> params;
  private final double clipRange;
  private final double entCoef;
  private final double vfCoef;
  private final double maxGradNorm;
  private final boolean normalizeAdvantage;

  PpoUpdate(Sequential pi, Sequential vf, Tensor logStd, Policy policy, Adam optimizer,
      List<Tensor> params, double clipRange, double entCoef, double vfCoef, double maxGradNorm,
      boolean normalizeAdvantage) {
    this.pi = pi;
    this.vf = vf;
    this.logStd = logStd;
    this.policy = policy;
    this.optimizer = optimizer;
    this.params = params;
    this.clipRange = clipRange;
    this.entCoef = entCoef;
    this.vfCoef = vfCoef;
    this.maxGradNorm = maxGradNorm;
    this.normalizeAdvantage = normalizeAdvantage;
  }

  void run(Rollouts.Batch batch, int epochs, int batchSize, RandomState random) {
    int dim = batch.observations().length / batch.rows();
    int width = policy.actionWidth();
    for (int epoch = 0; epoch < epochs; epoch++) {
      int[] order = random.permutation(batch.rows());
      for (int start = 0; start < order.length; start += batchSize) {
        int n = Math.min(batchSize, order.length - start);
        float[] x = new float[n * dim];
        float[] actions = new float[n * width];
        float[] returns = new float[n];
        double[] adv = new double[n];
        double[] oldLogp = new double[n];
        for (int i = 0; i < n; i++) {
          int row = order[start + i];
          System.arraycopy(batch.observations(), row * dim, x, i * dim, dim);
          System.arraycopy(batch.actions(), row * width, actions, i * width, width);
          returns[i] = (float) batch.returns()[row];
          adv[i] = batch.advantages()[row];
          oldLogp[i] = batch.logProbs()[row];
        }
        if (normalizeAdvantage && n > 1) {
          normalize(adv);
        }
        step(Tensor.of(x, n, dim), actions, returns, adv, oldLogp);
      }
    }
  }

  private void step(Tensor x, float[] actions, float[] returns, double[] adv, double[] oldLogp) {
    int n = adv.length;
    Tensor out = pi.forward(x);
    Tensor logp = policy.logProb(out, actions, logStd);
    float[] current = logp.toFloatArray();
    float[] weights = new float[n];
    for (int i = 0; i < n; i++) {
      double ratio = Math.exp(current[i] - oldLogp[i]);
      double clipped = Math.min(Math.max(ratio, 1 - clipRange), 1 + clipRange);
      boolean unclipped = adv[i] * ratio <= adv[i] * clipped;
      weights[i] = unclipped ? (float) (-adv[i] * ratio / n) : 0f;
    }
    Tensor policyLoss = logp.mul(Tensor.of(weights, n)).sum();
    Tensor valueLoss = Losses.mse(vf.forward(x).reshape(n), Tensor.of(returns, n));
    Tensor loss = policyLoss.add(valueLoss.mul((float) vfCoef));
    if (entCoef > 0) {
      loss = loss.sub(policy.entropy(out, logStd).mul((float) entCoef));
    }
    optimizer.zeroGrad();
    loss.backward();
    Networks.clipGradNorm(params, maxGradNorm);
    optimizer.step();
  }

  /** (A − mean) / (std + 1e-8) with the unbiased std, as torch's {@code std()}. */
  private static void normalize(double[] a) {
    double mean = 0;
    for (double v : a) {
      mean += v;
    }
    mean /= a.length;
    double ss = 0;
    for (double v : a) {
      ss += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(ss / (a.length - 1));
    for (int i = 0; i < a.length; i++) {
      a[i] = (a[i] - mean) / (std + 1e-8);
    }
  }
}
