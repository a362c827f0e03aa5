package semaine.rl.agents;

import java.util.function.ToLongFunction;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.Derived;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.random.RandomState;
import semaine.rl.Box;
import semaine.rl.Discrete;
import semaine.rl.Env;
import semaine.util.Checks;

/**
 * The book's tabular Q-learning as an estimator: its hyper-parameters are parameters by name
 * ({@code alpha}, {@code gamma}, {@code epsilon}...) and what it learned, the Q-table and what is
 * needed to act with it (the bin edges that turn an observation into a row), is its fitted state,
 * so that {@code Models.save} and {@code Models.load} keep an agent.
 *
 * <p>{@link #learn} trains a {@link QLearningAgent} with {@link Training#train} (the same loop, the
 * same draws as the book's listing run through {@link QLearningAgent}): on an environment with
 * {@link Discrete} observations (the maze) the table has a row per state
 * ({@link DenseQTable}); on a {@link Box} (LunarLander) each value is cut by {@code bins} edges
 * {@code np.linspace(bins_low, bins_high, bins)} ({@link Discretizer}) and the table keeps the rows
 * visited ({@link SparseQTable}). Acting ({@link #predict}) is the greedy action
 * {@code argmax_a Q(s, a)}, ties to the lowest action.
 *
 * <p>The parameters are the book's names, not scikit-learn's (scikit-learn has no Q-learning):
 * {@code alpha} 0.1, {@code gamma} 0.99, {@code epsilon} 1.0 multiplied by {@code epsilon_decay}
 * 0.995 after each episode down to {@code epsilon_min} 0.01, {@code bins} 10 edges from -1 to 1,
 * {@code max_steps} 1000 steps per episode; {@code random_state} seeds the ε-greedy draws.
 *
 * <pre>{@code
 * Env<double[], Integer> env = Envs.make("LunarLander-v3");
 * var agent = new QLearning().randomState(0).learn(env, 1000, 42);
 * int action = agent.predict(observation);
 * Models.save(agent, Path.of("lander.semaine"));
 * }</pre>
 */
public final class QLearning extends BaseEstimator<QLearning> {

  private static final Rule UNIT = Rule.reals(0.0, true, 1.0, true);

  static final Param<Double> ALPHA = Param.of("alpha", 0.1, Rule.reals(0.0, false, 1.0, true));
  static final Param<Double> GAMMA = Param.of("gamma", 0.99, UNIT);
  static final Param<Double> EPSILON = Param.of("epsilon", 1.0, UNIT);
  static final Param<Double> EPSILON_DECAY = Param.of("epsilon_decay", 0.995, UNIT);
  static final Param<Double> EPSILON_MIN = Param.of("epsilon_min", 0.01, UNIT);
  static final Param<Integer> BINS = Param.of("bins", 10, Rule.ints(1, null));
  static final Param<Double> BINS_LOW = Param.of("bins_low", -1.0,
      Rule.reals(null, false, null, false));
  static final Param<Double> BINS_HIGH = Param.of("bins_high", 1.0,
      Rule.reals(null, false, null, false));
  static final Param<Integer> MAX_STEPS = Param.of("max_steps", 1000, Rule.ints(1, null));
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());
  private static final EstimatorSpec<QLearning> SPEC = EstimatorSpec.of(
      "semaine.rl.agents.QLearning", QLearning::new, Fitted.class, ALPHA, GAMMA, EPSILON,
      EPSILON_DECAY, EPSILON_MIN, BINS, BINS_LOW, BINS_HIGH, MAX_STEPS, RANDOM_STATE);

  /**
   * What {@link #learn} leaves.
   *
   * @param qTableStates the state numbers of the rows kept, increasing ({@code q_table_states_})
   * @param qTable their rows Q(s, ·) ({@code q_table_}); a state not listed reads as zeros
   * @param nStates the number of states the table addresses
   * @param nActions the number of actions
   * @param binEdges the edges per observation value, null for a {@link Discrete} observation
   * @param explorationRate ε at the end of training
   * @param episodeReturns the return of each training episode
   * @param table the table to act with, rebuilt from the rows on restore
   * @param discretizer the observation's binning, rebuilt from the edges on restore
   */
  private record Fitted(long[] qTableStates, double[][] qTable, long nStates, int nActions,
      @Nullable double[][] binEdges, double explorationRate, double[] episodeReturns,
      @Attribute("_table") @Derived QTable table,
      @Attribute("_discretizer") @Derived Discretizer discretizer) {}

  /** An agent with the book's settings. */
  public QLearning() {
    super(SPEC);
  }

  /** The learning rate α ({@code alpha}, in (0, 1], default 0.1). */
  public QLearning alpha(double alpha) {
    return set(ALPHA, alpha);
  }

  /** The discount γ ({@code gamma}, in [0, 1], default 0.99). */
  public QLearning gamma(double gamma) {
    return set(GAMMA, gamma);
  }

  /** ε at the start ({@code epsilon}, in [0, 1], default 1.0). */
  public QLearning epsilon(double epsilon) {
    return set(EPSILON, epsilon);
  }

  /** The factor applied to ε after each episode ({@code epsilon_decay}, default 0.995). */
  public QLearning epsilonDecay(double decay) {
    return set(EPSILON_DECAY, decay);
  }

  /** The floor of ε ({@code epsilon_min}, default 0.01). */
  public QLearning epsilonMin(double epsilonMin) {
    return set(EPSILON_MIN, epsilonMin);
  }

  /** Edges per observation value on a {@link Box} ({@code bins}, default 10). */
  public QLearning bins(int bins) {
    return set(BINS, bins);
  }

  /** The first and last edge ({@code bins_low}, {@code bins_high}, default -1 and 1). */
  public QLearning binsRange(double low, double high) {
    set(BINS_LOW, low);
    return set(BINS_HIGH, high);
  }

  /** The most steps of a training episode ({@code max_steps}, default 1000). */
  public QLearning maxSteps(int maxSteps) {
    return set(MAX_STEPS, maxSteps);
  }

  /** Seeds the ε-greedy draws. */
  public QLearning randomState(long seed) {
    return set(RANDOM_STATE, seed);
  }

  /** Draws from a shared generator. */
  public QLearning randomState(RandomState random) {
    return set(RANDOM_STATE, random);
  }

  /** {@link #learn(Env, int, long, Training.EpisodeListener)} without a listener. */
  public <O> QLearning learn(Env<O, Integer> env, int episodes, long seed) {
    return learn(env, episodes, seed, null);
  }

  /**
   * Trains a fresh table for {@code episodes} episodes on {@code env}, the first one reset with
   * {@code seed}, the next ones continuing its stream (Gymnasium's rule).
   *
   * @return this agent
   * @throws IllegalArgumentException for a bad parameter, an action space that is not
   *     {@link Discrete} or an observation space that is neither {@link Discrete} nor {@link Box}
   */
  @SuppressWarnings("unchecked")
  public <O> QLearning learn(Env<O, Integer> env, int episodes, long seed,
      Training.EpisodeListener listener) {
    validateParams();
    Checks.checkPositive("episodes", episodes);
    if (!(get(BINS_LOW) < get(BINS_HIGH))) {
      throw new IllegalArgumentException("bins_low (" + get(BINS_LOW) + ") must be < bins_high ("
          + get(BINS_HIGH) + ")");
    }
    if (!((Object) env.actionSpace() instanceof Discrete actions)) {
      throw new IllegalArgumentException("env's action space (" + env.actionSpace() + ") must be "
          + "Discrete: Q-learning picks one of a finite set of actions");
    }
    QTable table;
    Discretizer discretizer = null;
    ToLongFunction<O> stateOf;
    switch ((Object) env.observationSpace()) {
      case Discrete states -> {
        table = new DenseQTable(states.n(), actions.n());
        stateOf = o -> (Integer) o;
      }
      case Box box -> {
        Discretizer bins = Discretizer.uniform(get(BINS_LOW), get(BINS_HIGH), get(BINS),
            box.dimension());
        discretizer = bins;
        table = new SparseQTable(bins.nStates(), actions.n());
        stateOf = o -> bins.state((double[]) o);
      }
      default -> throw new IllegalArgumentException("env's observation space ("
          + env.observationSpace() + ") must be Discrete or a Box");
    }
    QLearningAgent agent = new QLearningAgent(table).learningRate(get(ALPHA)).discount(get(GAMMA))
        .epsilon(get(EPSILON)).epsilonDecay(get(EPSILON_DECAY)).epsilonMin(get(EPSILON_MIN))
        .randomState(checkRandomState(get(RANDOM_STATE)));
    double[] returns = Training.train(env, agent, stateOf, episodes, get(MAX_STEPS), seed,
        listener);
    long[] states = table instanceof SparseQTable sparse ? sparse.states()
        : java.util.stream.LongStream.range(0, table.storedStates()).toArray();
    double[][] rows = new double[states.length][];
    for (int i = 0; i < states.length; i++) {
      rows[i] = table.row(states[i]);
    }
    long nStates = discretizer != null ? discretizer.nStates() : table.storedStates();
    fitted(new Fitted(states, rows, nStates, actions.n(),
        discretizer == null ? null : discretizer.edges(), agent.epsilon(), returns, table,
        discretizer));
    return this;
  }

  @Override
  protected Record restored(Record state) {
    Fitted f = (Fitted) state;
    Checks.checkArgument(f.nStates >= 1 && f.nActions >= 1, "n_states_ (" + f.nStates
        + ") and n_actions_ (" + f.nActions + ") must be >= 1");
    Checks.checkArgument(f.qTable.length == f.qTableStates.length, "q_table_ has "
        + f.qTable.length + " rows but q_table_states_ lists " + f.qTableStates.length);
    Discretizer discretizer = f.binEdges == null ? null : new Discretizer(f.binEdges);
    Checks.checkArgument(discretizer == null || discretizer.nStates() == f.nStates,
        "bin_edges_ give " + (discretizer == null ? 0 : discretizer.nStates())
            + " states but n_states_ is " + f.nStates);
    QTable table = discretizer == null ? new DenseQTable(Math.toIntExact(f.nStates), f.nActions)
        : new SparseQTable(f.nStates, f.nActions);
    for (int i = 0; i < f.qTable.length; i++) {
      Checks.checkArgument(f.qTable[i].length == f.nActions, "q_table_ row " + i + " has "
          + f.qTable[i].length + " values but n_actions_ is " + f.nActions);
      for (int a = 0; a < f.nActions; a++) {
        table.set(f.qTableStates[i], a, f.qTable[i][a]);
      }
    }
    return new Fitted(f.qTableStates, f.qTable, f.nStates, f.nActions, f.binEdges,
        f.explorationRate, f.episodeReturns, table, discretizer);
  }

  /**
   * The table's state number of an observation: an {@code Integer} cell as it is, a
   * {@code double[]} through the bin edges.
   *
   * @throws IllegalArgumentException when the observation does not fit the environment learned on
   */
  public long state(Object observation) {
    Fitted f = fitted();
    if (f.discretizer == null) {
      if (!(observation instanceof Integer cell) || cell < 0 || cell >= f.nStates) {
        throw new IllegalArgumentException("observation (" + describe(observation) + ") must be "
            + "a state in [0, " + (f.nStates - 1) + "]: the agent learned on Discrete("
            + f.nStates + ") observations");
      }
      return cell;
    }
    if (!(observation instanceof double[] x) || x.length != f.discretizer.dimensions()) {
      throw new IllegalArgumentException("observation (" + describe(observation) + ") must be "
          + f.discretizer.dimensions() + " values: the agent learned on a Box of that shape");
    }
    return f.discretizer.state(x);
  }

  /** The greedy action for a table state, {@code argmax_a Q(state, a)}. */
  public int greedyAction(long state) {
    return ((Fitted) fitted()).table.argmax(state);
  }

  /** The greedy action for an observation ({@code Integer} cell or {@code double[]}). */
  public int predict(Object observation) {
    return greedyAction(state(observation));
  }

  /** The greedy action for each row of {@code observations} (Box observations). */
  public int[] predict(double[][] observations) {
    int[] actions = new int[observations.length];
    for (int i = 0; i < actions.length; i++) {
      actions[i] = predict(observations[i]);
    }
    return actions;
  }

  /** The table learned (live: the one training wrote to, or the one rebuilt on load). */
  public QTable table() {
    return ((Fitted) fitted()).table;
  }

  /** ε at the end of training ({@code exploration_rate_}). */
  public double explorationRate() {
    return ((Fitted) fitted()).explorationRate;
  }

  /** Each training episode's return ({@code episode_returns_}). */
  public double[] episodeReturns() {
    return ((Fitted) fitted()).episodeReturns.clone();
  }

  private static String describe(Object observation) {
    return observation instanceof double[] x ? java.util.Arrays.toString(x)
        : String.valueOf(observation);
  }
}
