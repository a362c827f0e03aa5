package semaine.nn.rl;

import java.util.ArrayList;
import java.util.List;
import semaine.nn.Tensor;
import semaine.nn.layers.Sequential;
import semaine.random.RandomState;
import semaine.rl.SyncVectorEnv;

/**
 * SB3's {@code collect_rollouts} and {@code RolloutBuffer} for PPO: {@code n_steps} steps of every
 * copy of the environment with actions sampled from the current policy, then GAE(λ) run backwards
 * over them. Row {@code step · n_envs + e} holds copy e's transition at that step.
 */
final class Rollouts {

  /** A rollout ready for the update: flat rows in step-major order. */
  record Batch(float[] observations, float[] actions, float[] logProbs, double[] advantages,
      double[] returns, int rows) {}

  private final SyncVectorEnv<Object> envs;
  private final Policy policy;
  private final Sequential pi;
  private final Sequential vf;
  private final Tensor logStd;
  private final RandomState random;
  private final int dim;
  private final int nEnvs;
  private double[][] observations;
  private boolean[] episodeStarts;
  private final double[] running;
  private final List<Double> finished = new ArrayList<>();
  private final LearnListener listener;
  private long timesteps;

  Rollouts(SyncVectorEnv<Object> envs, Policy policy, Sequential pi, Sequential vf,
      Tensor logStd, RandomState random, int dim, long seed, LearnListener listener) {
    this.listener = listener;
    this.envs = envs;
    this.policy = policy;
    this.pi = pi;
    this.vf = vf;
    this.logStd = logStd;
    this.random = random;
    this.dim = dim;
    this.nEnvs = envs.numEnvs();
    this.observations = envs.reset(seed);
    this.episodeStarts = new boolean[nEnvs];
    java.util.Arrays.fill(episodeStarts, true);
    this.running = new double[nEnvs];
  }

  double[] episodeReturns() {
    return finished.stream().mapToDouble(Double::doubleValue).toArray();
  }

  Batch collect(int nSteps, double gamma, double lambda) {
    int rows = nSteps * nEnvs;
    int width = policy.actionWidth();
    float[] obs = new float[rows * dim];
    float[] actions = new float[rows * width];
    float[] logProbs = new float[rows];
    double[] rewards = new double[rows];
    double[] values = new double[rows];
    boolean[] starts = new boolean[rows];
    float[] std = logStd == null ? null : logStd.toFloatArray();
    for (int step = 0; step < nSteps; step++) {
      float[] x = new float[nEnvs * dim];
      for (int e = 0; e < nEnvs; e++) {
        Networks.copyObservation(observations[e], x, e * dim, dim);
      }
      float[] out;
      float[] v;
      float[] logp;
      float[] sampled = new float[nEnvs * width];
      List<Object> envActions = new ArrayList<>(nEnvs);
      try (Tensor.GradScope scope = Tensor.noGrad()) {
        Tensor input = Tensor.of(x, nEnvs, dim);
        Tensor outT = pi.forward(input);
        out = outT.toFloatArray();
        v = vf.forward(input).toFloatArray();
        float[] action = new float[width];
        for (int e = 0; e < nEnvs; e++) {
          policy.sample(out, e, std, random, action);
          System.arraycopy(action, 0, sampled, e * width, width);
          envActions.add(policy.envAction(action));
        }
        logp = policy.logProb(outT, sampled, logStd).toFloatArray();
      }
      SyncVectorEnv.VectorStep r = envs.step(envActions);
      timesteps += nEnvs;
      for (int e = 0; e < nEnvs; e++) {
        int row = step * nEnvs + e;
        System.arraycopy(x, e * dim, obs, row * dim, dim);
        System.arraycopy(sampled, e * width, actions, row * width, width);
        logProbs[row] = logp[e];
        values[row] = v[e];
        starts[row] = episodeStarts[e];
        double reward = r.rewards()[e];
        running[e] += reward;
        if (r.done(e)) {
          finished.add(running[e]);
          if (listener != null) {
            listener.episodeEnded(timesteps, running[e]);
          }
          running[e] = 0;
          if (r.truncated()[e] && !r.terminated()[e]) {
            reward += gamma * Networks.forward(vf, r.finalObservations()[e])[0];
          }
        }
        rewards[row] = reward;
        episodeStarts[e] = r.done(e);
      }
      observations = r.observations();
    }
    double[] advantages = new double[rows];
    double[] last = new double[nEnvs];
    for (int e = 0; e < nEnvs; e++) {
      last[e] = Networks.forward(vf, observations[e])[0];
    }
    double[] gae = new double[nEnvs];
    for (int step = nSteps - 1; step >= 0; step--) {
      for (int e = 0; e < nEnvs; e++) {
        int row = step * nEnvs + e;
        double nextNonTerminal;
        double nextValue;
        if (step == nSteps - 1) {
          nextNonTerminal = episodeStarts[e] ? 0 : 1;
          nextValue = last[e];
        } else {
          nextNonTerminal = starts[row + nEnvs] ? 0 : 1;
          nextValue = values[row + nEnvs];
        }
        double delta = rewards[row] + gamma * nextValue * nextNonTerminal - values[row];
        gae[e] = delta + gamma * lambda * nextNonTerminal * gae[e];
        advantages[row] = gae[e];
      }
    }
    double[] returns = new double[rows];
    for (int i = 0; i < rows; i++) {
      returns[i] = advantages[i] + values[i];
    }
    return new Batch(obs, actions, logProbs, advantages, returns, rows);
  }
}
