package semaine.nn.rl;

import java.util.List;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.Derived;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.nn.Tensor;
import semaine.nn.layers.Activation;
import semaine.nn.layers.Sequential;
import semaine.nn.optim.Adam;
import semaine.random.RandomState;
import semaine.rl.Box;
import semaine.rl.Discrete;
import semaine.rl.Env;
import semaine.rl.Space;
import semaine.rl.StepResult;
import semaine.util.Checks;

/**
 * Deep Q-learning (Mnih et al. 2015) as Stable-Baselines3's {@code DQN}, with its parameter names
 * and defaults: a Q-network (an MLP, ReLU, {@code net_arch} [64, 64]) learns
 * {@code Q(s, a) → r + γ (1 − done) max_a' Q_target(s', a')} on minibatches drawn from a replay
 * buffer, with the Huber loss ({@code smooth_l1_loss}, β = 1), Adam and {@code clip_grad_norm_}.
 *
 * <p>Cadence, as SB3 for one environment: the first {@code learning_starts} steps act uniformly at
 * random; afterwards ε-greedy, ε falling linearly from {@code exploration_initial_eps} to
 * {@code exploration_final_eps} over the first {@code exploration_fraction} of the steps. Every
 * {@code train_freq} steps (once past {@code learning_starts}), {@code gradient_steps} updates
 * (−1: as many as steps collected); every {@code target_update_interval} steps the target network
 * moves to {@code τ·online + (1 − τ)·target}. A truncated episode (time limit) is not terminal:
 * its target bootstraps. {@code double_q} (not in SB3) takes the next action from the online
 * network and its value from the target one (van Hasselt et al. 2016).
 *
 * <p>Differences from SB3: random draws (initial weights, exploration, replay indices) come from
 * {@code random_state}'s NumPy stream, not PyTorch's, so runs are reproducible bit for bit but not
 * equal to SB3's numbers.
 *
 * <pre>{@code
 * Env<double[], Integer> env = Envs.make("CartPole-v1");
 * var dqn = new DQN().learningRate(2.3e-3).batchSize(64).netArch(256, 256).randomState(0)
 *     .learn(env, 50_000, 0);
 * int action = dqn.predict(observation);
 * }</pre>
 */
public final class DQN extends BaseEstimator<DQN> {

  private static final Rule UNIT = Rule.reals(0.0, true, 1.0, true);

  static final Param<Double> LEARNING_RATE = Param.of("learning_rate", 1e-4, Rule.above(0));
  static final Param<Integer> BUFFER_SIZE = Param.of("buffer_size", 1_000_000, Rule.ints(1, null));
  static final Param<Integer> LEARNING_STARTS = Param.of("learning_starts", 100,
      Rule.ints(0, null));
  static final Param<Integer> BATCH_SIZE = Param.of("batch_size", 32, Rule.ints(1, null));
  static final Param<Double> TAU = Param.of("tau", 1.0, UNIT);
  static final Param<Double> GAMMA = Param.of("gamma", 0.99, UNIT);
  static final Param<Integer> TRAIN_FREQ = Param.of("train_freq", 4, Rule.ints(1, null));
  static final Param<Integer> GRADIENT_STEPS = Param.of("gradient_steps", 1, Rule.ints(-1, null));
  static final Param<Integer> TARGET_UPDATE_INTERVAL = Param.of("target_update_interval", 10_000,
      Rule.ints(1, null));
  static final Param<Double> EXPLORATION_FRACTION = Param.of("exploration_fraction", 0.1, UNIT);
  static final Param<Double> EXPLORATION_INITIAL_EPS = Param.of("exploration_initial_eps", 1.0,
      UNIT);
  static final Param<Double> EXPLORATION_FINAL_EPS = Param.of("exploration_final_eps", 0.05, UNIT);
  static final Param<Double> MAX_GRAD_NORM = Param.of("max_grad_norm", 10.0, Rule.above(0));
  static final Param<int[]> NET_ARCH = Param.of("net_arch", new int[] {64, 64}, Rule.intList(1));
  static final Param<Boolean> DOUBLE_Q = Param.of("double_q", false, Rule.bool());
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());
  private static final EstimatorSpec<DQN> SPEC = EstimatorSpec.of(
      "stable_baselines3.DQN", DQN::new, Fitted.class, LEARNING_RATE, BUFFER_SIZE,
      LEARNING_STARTS, BATCH_SIZE, TAU, GAMMA, TRAIN_FREQ, GRADIENT_STEPS,
      TARGET_UPDATE_INTERVAL, EXPLORATION_FRACTION, EXPLORATION_INITIAL_EPS,
      EXPLORATION_FINAL_EPS, MAX_GRAD_NORM, NET_ARCH, DOUBLE_Q, RANDOM_STATE);

  /**
   * What {@link #learn} leaves.
   *
   * @param qNetWeights each layer's weight (out, in) of the Q-network
   * @param qNetBiases each layer's bias
   * @param nFeaturesIn the observation's length
   * @param nActions the number of actions
   * @param explorationRate ε at the end
   * @param numTimesteps the environment steps taken
   * @param episodeReturns the return of each episode finished while learning
   * @param qNet the network, rebuilt from the weights on restore
   */
  private record Fitted(List<float[][]> qNetWeights, List<float[]> qNetBiases, int nFeaturesIn,
      int nActions, double explorationRate, long numTimesteps, double[] episodeReturns,
      @Attribute("_q_net") @Derived Sequential qNet) {}

  /** A DQN with SB3's defaults. */
  public DQN() {
    super(SPEC);
  }

  public DQN learningRate(double lr) {
    return set(LEARNING_RATE, lr);
  }

  public DQN bufferSize(int size) {
    return set(BUFFER_SIZE, size);
  }

  public DQN learningStarts(int steps) {
    return set(LEARNING_STARTS, steps);
  }

  public DQN batchSize(int size) {
    return set(BATCH_SIZE, size);
  }

  public DQN tau(double tau) {
    return set(TAU, tau);
  }

  public DQN gamma(double gamma) {
    return set(GAMMA, gamma);
  }

  public DQN trainFreq(int steps) {
    return set(TRAIN_FREQ, steps);
  }

  public DQN gradientSteps(int steps) {
    return set(GRADIENT_STEPS, steps);
  }

  public DQN targetUpdateInterval(int steps) {
    return set(TARGET_UPDATE_INTERVAL, steps);
  }

  public DQN explorationFraction(double fraction) {
    return set(EXPLORATION_FRACTION, fraction);
  }

  public DQN explorationInitialEps(double eps) {
    return set(EXPLORATION_INITIAL_EPS, eps);
  }

  public DQN explorationFinalEps(double eps) {
    return set(EXPLORATION_FINAL_EPS, eps);
  }

  public DQN maxGradNorm(double norm) {
    return set(MAX_GRAD_NORM, norm);
  }

  /** The hidden layer widths ({@code net_arch}, default [64, 64]). */
  public DQN netArch(int... widths) {
    return set(NET_ARCH, widths.clone());
  }

  /** The double-DQN target ({@code double_q}, default false). */
  public DQN doubleQ(boolean on) {
    return set(DOUBLE_Q, on);
  }

  public DQN randomState(long seed) {
    return set(RANDOM_STATE, seed);
  }

  public DQN randomState(RandomState random) {
    return set(RANDOM_STATE, random);
  }

  /**
   * Learns for {@code totalTimesteps} environment steps, the first episode reset with
   * {@code seed}.
   *
   * @return this agent
   * @throws IllegalArgumentException for a bad parameter, a non-Discrete action space (DQN picks
   *     among finitely many actions) or an observation that is not a finite vector
   */
  public DQN learn(Env<double[], Integer> env, int totalTimesteps, long seed) {
    return learn(env, totalTimesteps, seed, null);
  }

  /** {@link #learn(Env, int, long)}, telling {@code listener} (may be null) each episode's end. */
  public DQN learn(Env<double[], Integer> env, int totalTimesteps, long seed,
      LearnListener listener) {
    validateParams();
    Checks.checkPositive("totalTimesteps", totalTimesteps);
    if (!((Object) env.actionSpace() instanceof Discrete actions)) {
      throw new IllegalArgumentException("DQN needs a Discrete action space, but env's is "
          + env.actionSpace() + ": use PPO for continuous actions");
    }
    if (!((Object) env.observationSpace() instanceof Box box)) {
      throw new IllegalArgumentException("DQN needs a Box observation space, but env's is "
          + env.observationSpace());
    }
    int dim = box.dimension();
    int nActions = actions.n();
    RandomState random = checkRandomState(get(RANDOM_STATE));
    Sequential qNet = Networks.mlp(dim, get(NET_ARCH), nActions, Activation.relu(), random);
    Sequential target = Networks.mlp(dim, get(NET_ARCH), nActions, Activation.relu(), random);
    Networks.load(target, Networks.weights(qNet), Networks.biases(qNet));
    Adam optimizer = new Adam(qNet.parameters(), get(LEARNING_RATE));
    ReplayBuffer buffer = new ReplayBuffer(Math.min(get(BUFFER_SIZE), totalTimesteps), dim);
    Trainer trainer = new Trainer(qNet, target, optimizer, dim, nActions);

    double eps = get(EXPLORATION_INITIAL_EPS);
    java.util.List<Double> returns = new java.util.ArrayList<>();
    double episodeReturn = 0;
    double[] observation = env.reset(seed).observation();
    int gradientSteps = get(GRADIENT_STEPS) == -1 ? get(TRAIN_FREQ) : get(GRADIENT_STEPS);
    for (long t = 1; t <= totalTimesteps; t++) {
      int action;
      if (t - 1 < get(LEARNING_STARTS) || random.randomSample() < eps) {
        action = (int) random.randint(0, nActions);
      } else {
        action = Networks.argmax(Networks.forward(qNet, observation), 0, nActions);
      }
      StepResult<double[]> r = env.step(action);
      buffer.add(observation, action, r.reward(), r.observation(), r.terminated());
      episodeReturn += r.reward();
      if (r.done()) {
        returns.add(episodeReturn);
        if (listener != null) {
          listener.episodeEnded(t, episodeReturn);
        }
        episodeReturn = 0;
        observation = env.reset().observation();
      } else {
        observation = r.observation();
      }
      if (t % get(TARGET_UPDATE_INTERVAL) == 0) {
        polyak(qNet, target, get(TAU));
      }
      eps = epsilon(1.0 - (double) t / totalTimesteps);
      if (t % get(TRAIN_FREQ) == 0 && t > get(LEARNING_STARTS)) {
        for (int g = 0; g < gradientSteps; g++) {
          trainer.step(buffer.sample(get(BATCH_SIZE), random));
        }
      }
    }
    fitted(new Fitted(Networks.weights(qNet), Networks.biases(qNet), dim, nActions, eps,
        totalTimesteps, returns.stream().mapToDouble(Double::doubleValue).toArray(), qNet));
    return this;
  }

  /** SB3's linear schedule at {@code progressRemaining} (1 at the start, 0 at the end). */
  private double epsilon(double progressRemaining) {
    double start = get(EXPLORATION_INITIAL_EPS);
    double end = get(EXPLORATION_FINAL_EPS);
    double fraction = get(EXPLORATION_FRACTION);
    double done = 1 - progressRemaining;
    return done > fraction ? end : start + done * (end - start) / fraction;
  }

  /** One gradient step on a batch: the Huber loss of Q(s, a) against the (double) DQN target. */
  private final class Trainer {
    private final Sequential qNet;
    private final Sequential target;
    private final Adam optimizer;
    private final int dim;
    private final int nActions;

    Trainer(Sequential qNet, Sequential target, Adam optimizer, int dim, int nActions) {
      this.qNet = qNet;
      this.target = target;
      this.optimizer = optimizer;
      this.dim = dim;
      this.nActions = nActions;
    }

    double step(ReplayBuffer.Batch batch) {
      int n = batch.actions().length;
      float[] nextQ;
      float[] nextOnline = null;
      try (Tensor.GradScope scope = Tensor.noGrad()) {
        nextQ = target.forward(Tensor.of(batch.nextObservations(), n, dim)).toFloatArray();
        if (get(DOUBLE_Q)) {
          nextOnline = qNet.forward(Tensor.of(batch.nextObservations(), n, dim)).toFloatArray();
        }
      }
      float[] y = targets(nextQ, nextOnline, batch.rewards(), batch.dones(),
          (float) (double) get(GAMMA), nActions);
      Tensor q = qNet.forward(Tensor.of(batch.observations(), n, dim));
      float[] values = q.toFloatArray();
      float[] grad = new float[n * nActions];
      double loss = 0;
      for (int i = 0; i < n; i++) {
        int a = batch.actions()[i];
        float d = values[i * nActions + a] - y[i];
        float abs = Math.abs(d);
        loss += abs < 1 ? 0.5 * d * d : abs - 0.5;
        grad[i * nActions + a] = Math.clamp(d, -1f, 1f) / n;
      }
      optimizer.zeroGrad();
      q.backward(Tensor.of(grad, n, nActions));
      Networks.clipGradNorm(qNet.parameters(), get(MAX_GRAD_NORM));
      optimizer.step();
      return loss / n;
    }
  }

  /**
   * The regression targets {@code r + γ (1 − done) Q_target(s', a*)}: {@code a*} is
   * {@code argmax Q_target(s', ·)}, or with {@code nextOnline} (double DQN)
   * {@code argmax Q_online(s', ·)}. Rows of {@code nActions} values.
   */
  static float[] targets(float[] nextTarget, float[] nextOnline, float[] rewards, boolean[] dones,
      float gamma, int nActions) {
    float[] y = new float[rewards.length];
    for (int i = 0; i < y.length; i++) {
      int next = Networks.argmax(nextOnline != null ? nextOnline : nextTarget, i * nActions,
          nActions);
      float future = dones[i] ? 0f : nextTarget[i * nActions + next];
      y[i] = rewards[i] + gamma * future;
    }
    return y;
  }

  /** {@code target ← τ·online + (1 − τ)·target}, parameter by parameter. */
  private static void polyak(Sequential online, Sequential target, double tau) {
    List<Tensor> from = online.parameters();
    List<Tensor> to = target.parameters();
    for (int k = 0; k < from.size(); k++) {
      float[] src = from.get(k).storage();
      float[] dst = to.get(k).storage();
      for (int i = 0; i < src.length; i++) {
        dst[i] = tau == 1.0 ? src[i] : (float) ((1 - tau) * dst[i] + tau * src[i]);
      }
    }
  }

  @Override
  protected Record restored(Record state) {
    Fitted f = (Fitted) state;
    Checks.checkArgument(!f.qNetWeights.isEmpty(), "q_net_weights_ must hold at least one layer");
    Sequential net = Networks.mlp(f.nFeaturesIn, Networks.hidden(f.qNetWeights), f.nActions,
        Activation.relu(), new RandomState(0));
    Networks.load(net, f.qNetWeights, f.qNetBiases);
    return new Fitted(f.qNetWeights, f.qNetBiases, f.nFeaturesIn, f.nActions, f.explorationRate,
        f.numTimesteps, f.episodeReturns, net);
  }

  /** The greedy action {@code argmax_a Q(observation, a)} (SB3's {@code deterministic=True}). */
  public int predict(double[] observation) {
    Fitted f = fitted();
    Networks.copyObservation(observation, new float[f.nFeaturesIn], 0, f.nFeaturesIn);
    return Networks.argmax(Networks.forward(f.qNet, observation), 0, f.nActions);
  }

  /** The greedy action for each row. */
  public int[] predict(double[][] observations) {
    int[] out = new int[observations.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = predict(observations[i]);
    }
    return out;
  }

  /** Q(observation, ·). */
  public float[] qValues(double[] observation) {
    Fitted f = fitted();
    Networks.copyObservation(observation, new float[f.nFeaturesIn], 0, f.nFeaturesIn);
    return Networks.forward(f.qNet, observation);
  }

  /** The length of the observations the Q-network reads. */
  public int observationSize() {
    return ((Fitted) fitted()).nFeaturesIn;
  }

  /** The actions it picks among, {@code Discrete(n_actions_)}. */
  public Space<Integer> actionSpace() {
    return new Discrete(((Fitted) fitted()).nActions);
  }

  /** The return of each episode finished while learning. */
  public double[] episodeReturns() {
    return ((Fitted) fitted()).episodeReturns.clone();
  }
}
