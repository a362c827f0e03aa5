package semaine.nn.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.Derived;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.nn.Tensor;
import semaine.nn.layers.Activation;
import semaine.nn.layers.Linear;
import semaine.nn.layers.Sequential;
import semaine.nn.optim.Adam;
import semaine.random.RandomState;
import semaine.rl.Box;
import semaine.rl.Discrete;
import semaine.rl.Env;
import semaine.rl.Space;
import semaine.rl.SyncVectorEnv;
import semaine.util.Checks;

/**
 * Proximal Policy Optimization (Schulman et al. 2017) as Stable-Baselines3's {@code PPO}, with its
 * parameter names and defaults. An actor (policy MLP, Tanh, {@code net_arch} [64, 64]) and a
 * critic (value MLP of the same shape), orthogonally initialised (gain √2, 0.01 for the action
 * head, 1 for the value head, biases 0), collect {@code n_steps} steps in each of {@code n_envs}
 * copies of the environment ({@link SyncVectorEnv}, reset within the step as SB3's VecEnv; a
 * time-limit truncation adds {@code γ V(final observation)} to its reward). GAE(λ) gives the
 * advantages and the returns; then {@code n_epochs} passes over shuffled minibatches of
 * {@code batch_size} minimise
 * <pre>  −mean(min(A ρ, A clip(ρ, 1 ± clip_range))) + vf_coef · MSE(V, returns) − ent_coef · H</pre>
 * with {@code ρ = exp(log π − log π_old)}, A normalised per minibatch
 * ({@code (A − mean)/(std + 1e-8)}, unbiased std), {@code clip_grad_norm_} and Adam (eps 1e-5).
 * Discrete actions are a categorical over the actor's logits; Box actions a diagonal Gaussian with
 * a learned state-independent {@code log_std} (initially {@code log_std_init}), clipped into the
 * Box before the step (the unclipped sample is what is learned from).
 *
 * <p>Differences from SB3: {@code n_envs} is a parameter (SB3 takes a VecEnv), the learning rate
 * and clip range are constants (no schedules), and random draws come from {@code random_state}'s
 * NumPy stream, so that runs repeat bit for bit but differ from SB3's numbers.
 */
public final class PPO extends BaseEstimator<PPO> {

  private static final Rule UNIT = Rule.reals(0.0, true, 1.0, true);

  static final Param<Double> LEARNING_RATE = Param.of("learning_rate", 3e-4, Rule.above(0));
  static final Param<Integer> N_STEPS = Param.of("n_steps", 2048, Rule.ints(2, null));
  static final Param<Integer> BATCH_SIZE = Param.of("batch_size", 64, Rule.ints(2, null));
  static final Param<Integer> N_EPOCHS = Param.of("n_epochs", 10, Rule.ints(1, null));
  static final Param<Double> GAMMA = Param.of("gamma", 0.99, UNIT);
  static final Param<Double> GAE_LAMBDA = Param.of("gae_lambda", 0.95, UNIT);
  static final Param<Double> CLIP_RANGE = Param.of("clip_range", 0.2, Rule.above(0));
  static final Param<Double> ENT_COEF = Param.of("ent_coef", 0.0, Rule.atLeast(0));
  static final Param<Double> VF_COEF = Param.of("vf_coef", 0.5, Rule.atLeast(0));
  static final Param<Double> MAX_GRAD_NORM = Param.of("max_grad_norm", 0.5, Rule.above(0));
  static final Param<Boolean> NORMALIZE_ADVANTAGE = Param.of("normalize_advantage", true,
      Rule.bool());
  static final Param<Integer> N_ENVS = Param.of("n_envs", 1, Rule.ints(1, null));
  static final Param<int[]> NET_ARCH = Param.of("net_arch", new int[] {64, 64}, Rule.intList(1));
  static final Param<Double> LOG_STD_INIT = Param.of("log_std_init", 0.0,
      Rule.reals(-20.0, true, 2.0, true));
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());
  private static final EstimatorSpec<PPO> SPEC = EstimatorSpec.of("stable_baselines3.PPO",
      PPO::new, Fitted.class, LEARNING_RATE, N_STEPS, BATCH_SIZE, N_EPOCHS, GAMMA, GAE_LAMBDA,
      CLIP_RANGE, ENT_COEF, VF_COEF, MAX_GRAD_NORM, NORMALIZE_ADVANTAGE, N_ENVS, NET_ARCH,
      LOG_STD_INIT, RANDOM_STATE);

  /**
   * What {@link #learn} leaves.
   *
   * @param policyWeights the actor's layer weights (out, in)
   * @param policyBiases the actor's biases
   * @param valueWeights the critic's layer weights
   * @param valueBiases the critic's biases
   * @param logStd the Gaussian's log standard deviations, null for discrete actions
   * @param nFeaturesIn the observation's length
   * @param nActions the number of actions (discrete) or the action's length (Box)
   * @param actionLow the Box's lower bounds, null for discrete actions
   * @param actionHigh the Box's upper bounds, null for discrete actions
   * @param numTimesteps the environment steps taken (over all copies)
   * @param episodeReturns the return of each episode finished while learning, in order of ending
   */
  private record Fitted(List<float[][]> policyWeights, List<float[]> policyBiases,
      List<float[][]> valueWeights, List<float[]> valueBiases, @Nullable float[] logStd,
      int nFeaturesIn, int nActions, @Nullable double[] actionLow, @Nullable double[] actionHigh,
      long numTimesteps, double[] episodeReturns,
      @Attribute("_policy") @Derived Sequential policy,
      @Attribute("_value") @Derived Sequential value) {}

  /** A PPO with SB3's defaults. */
  public PPO() {
    super(SPEC);
  }

  public PPO learningRate(double lr) {
    return set(LEARNING_RATE, lr);
  }

  public PPO nSteps(int steps) {
    return set(N_STEPS, steps);
  }

  public PPO batchSize(int size) {
    return set(BATCH_SIZE, size);
  }

  public PPO nEpochs(int epochs) {
    return set(N_EPOCHS, epochs);
  }

  public PPO gamma(double gamma) {
    return set(GAMMA, gamma);
  }

  public PPO gaeLambda(double lambda) {
    return set(GAE_LAMBDA, lambda);
  }

  public PPO clipRange(double clip) {
    return set(CLIP_RANGE, clip);
  }

  public PPO entCoef(double coef) {
    return set(ENT_COEF, coef);
  }

  public PPO vfCoef(double coef) {
    return set(VF_COEF, coef);
  }

  public PPO maxGradNorm(double norm) {
    return set(MAX_GRAD_NORM, norm);
  }

  public PPO normalizeAdvantage(boolean on) {
    return set(NORMALIZE_ADVANTAGE, on);
  }

  /** Copies of the environment stepped per rollout step ({@code n_envs}, default 1). */
  public PPO nEnvs(int n) {
    return set(N_ENVS, n);
  }

  public PPO netArch(int... widths) {
    return set(NET_ARCH, widths.clone());
  }

  public PPO logStdInit(double logStd) {
    return set(LOG_STD_INIT, logStd);
  }

  public PPO randomState(long seed) {
    return set(RANDOM_STATE, seed);
  }

  public PPO randomState(RandomState random) {
    return set(RANDOM_STATE, random);
  }

  /**
   * Learns for at least {@code totalTimesteps} environment steps (whole rollouts of
   * {@code n_steps × n_envs}), copy i of the environment reset first with {@code seed + i}.
   *
   * @param envs makes one copy of the environment
   * @return this agent
   */
  public PPO learn(Supplier<? extends Env<double[], ?>> envs, int totalTimesteps, long seed) {
    return learn(envs, totalTimesteps, seed, null);
  }

  /**
   * {@link #learn(Supplier, int, long)}, telling {@code listener} (may be null) each episode's
   * end.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public PPO learn(Supplier<? extends Env<double[], ?>> envs, int totalTimesteps, long seed,
      LearnListener listener) {
    validateParams();
    Checks.checkPositive("totalTimesteps", totalTimesteps);
    SyncVectorEnv<Object> vec = new SyncVectorEnv<>((Supplier) envs, get(N_ENVS),
        SyncVectorEnv.AutoresetMode.SAME_STEP);
    Space<Object> actionSpace = vec.singleActionSpace();
    if (!((Object) vec.singleObservationSpace() instanceof Box observations)) {
      throw new IllegalArgumentException("PPO needs a Box observation space, but env's is "
          + vec.singleObservationSpace());
    }
    Policy policy = switch ((Object) actionSpace) {
      case Discrete d -> Policy.categorical(d.n());
      case Box b -> Policy.gaussian(b.low(), b.high());
      default -> throw new IllegalArgumentException("PPO needs a Discrete or Box action space, "
          + "but env's is " + actionSpace);
    };
    RandomState random = checkRandomState(get(RANDOM_STATE));
    int dim = observations.dimension();
    Sequential pi = Networks.mlp(dim, get(NET_ARCH), policy.outputs(), Activation.tanh(), random);
    Sequential vf = Networks.mlp(dim, get(NET_ARCH), 1, Activation.tanh(), random);
    initialise(pi, 0.01, random);
    initialise(vf, 1.0, random);
    Tensor logStd = policy.continuous()
        ? Tensor.full((float) (double) get(LOG_STD_INIT), policy.outputs()).requiresGrad(true)
        : null;
    List<Tensor> params = new ArrayList<>(pi.parameters());
    params.addAll(vf.parameters());
    if (logStd != null) {
      params.add(logStd);
    }
    Adam optimizer = new Adam(params, get(LEARNING_RATE), 0.9, 0.999, 1e-5, 0, false);
    Rollouts rollouts = new Rollouts(vec, policy, pi, vf, logStd, random, dim, seed,
        listener);
    long steps = 0;
    while (steps < totalTimesteps) {
      Rollouts.Batch batch = rollouts.collect(get(N_STEPS), get(GAMMA), get(GAE_LAMBDA));
      steps += (long) get(N_STEPS) * get(N_ENVS);
      new PpoUpdate(pi, vf, logStd, policy, optimizer, params, get(CLIP_RANGE), get(ENT_COEF),
          get(VF_COEF), get(MAX_GRAD_NORM), get(NORMALIZE_ADVANTAGE))
          .run(batch, get(N_EPOCHS), get(BATCH_SIZE), random);
    }
    fitted(new Fitted(Networks.weights(pi), Networks.biases(pi), Networks.weights(vf),
        Networks.biases(vf), logStd == null ? null : logStd.toFloatArray(), dim,
        policy.outputs(), policy.low(), policy.high(), steps, rollouts.episodeReturns(), pi, vf));
    return this;
  }

  /** Orthogonal weights: gain √2 for hidden layers, {@code lastGain} for the head; zero biases. */
  private static void initialise(Sequential net, double lastGain, RandomState random) {
    List<Linear> layers = Networks.linears(net);
    for (int k = 0; k < layers.size(); k++) {
      Orthogonal.init(layers.get(k), k == layers.size() - 1 ? lastGain : Math.sqrt(2), random);
    }
  }

  @Override
  protected Record restored(Record state) {
    Fitted f = (Fitted) state;
    Checks.checkArgument(!f.policyWeights.isEmpty() && !f.valueWeights.isEmpty(),
        "policy_weights_ and value_weights_ must hold at least one layer");
    Checks.checkArgument((f.logStd == null) == (f.actionLow == null),
        "log_std_ and action_low_ must both be present (Box actions) or both absent");
    Sequential pi = Networks.mlp(f.nFeaturesIn, Networks.hidden(f.policyWeights), f.nActions,
        Activation.tanh(), new RandomState(0));
    Sequential vf = Networks.mlp(f.nFeaturesIn, Networks.hidden(f.valueWeights), 1,
        Activation.tanh(), new RandomState(0));
    Networks.load(pi, f.policyWeights, f.policyBiases);
    Networks.load(vf, f.valueWeights, f.valueBiases);
    return new Fitted(f.policyWeights, f.policyBiases, f.valueWeights, f.valueBiases, f.logStd,
        f.nFeaturesIn, f.nActions, f.actionLow, f.actionHigh, f.numTimesteps, f.episodeReturns,
        pi, vf);
  }

  /** The most probable action (SB3's {@code deterministic=True}) for discrete actions. */
  public int predict(double[] observation) {
    Fitted f = fitted();
    if (f.logStd != null) {
      throw new IllegalStateException("this PPO acts in a Box: call predictAction");
    }
    Networks.copyObservation(observation, new float[f.nFeaturesIn], 0, f.nFeaturesIn);
    return Networks.argmax(Networks.forward(f.policy, observation), 0, f.nActions);
  }

  /** The Gaussian's mean, clipped into the action Box, for Box actions. */
  public double[] predictAction(double[] observation) {
    Fitted f = fitted();
    if (f.logStd == null) {
      throw new IllegalStateException("this PPO acts in a Discrete space: call predict");
    }
    Networks.copyObservation(observation, new float[f.nFeaturesIn], 0, f.nFeaturesIn);
    float[] mean = Networks.forward(f.policy, observation);
    double[] action = new double[mean.length];
    for (int j = 0; j < action.length; j++) {
      action[j] = Math.min(Math.max(mean[j], f.actionLow[j]), f.actionHigh[j]);
    }
    return action;
  }

  /** V(observation), the critic's estimate. */
  public double value(double[] observation) {
    Fitted f = fitted();
    Networks.copyObservation(observation, new float[f.nFeaturesIn], 0, f.nFeaturesIn);
    return Networks.forward(f.value, observation)[0];
  }

  /** The length of the observations the networks read. */
  public int observationSize() {
    return ((Fitted) fitted()).nFeaturesIn;
  }

  /** The space it acts in: {@code Discrete(n)}, or the Box it was trained on. */
  public Space<?> actionSpace() {
    Fitted f = fitted();
    return f.actionLow == null ? new Discrete(f.nActions) : new Box(f.actionLow, f.actionHigh);
  }

  /** The return of each episode finished while learning. */
  public double[] episodeReturns() {
    return ((Fitted) fitted()).episodeReturns.clone();
  }
}
