package semaine.rl.agents;

import java.util.Objects;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * Tabular Q-learning with an ε-greedy policy, as the book writes it.
 *
 * <p>Acting: with probability ε a uniform random action, otherwise the greedy
 * {@code argmax_a Q(s, a)} (ties to the lowest action, as {@code np.argmax}). Learning, after each
 * step {@code (s, a, r, s')}: the Bellman update
 * <pre>  Q(s, a) ← (1 − α) Q(s, a) + α (r + γ max_a' Q(s', a'))</pre>
 * with learning rate α and discount γ. When {@code s'} is terminal the target is {@code r} alone
 * (there is no future); with a zero-initialised table this equals the book's formula, since a
 * terminal state's row is never updated and stays 0. At the end of each episode,
 * {@code ε ← max(εmin, ε · decay)}.
 *
 * <p>Defaults are the book's LunarLander listing: α 0.1, γ 0.99, ε 1.0, decay 0.995, εmin 0.01.
 * Random draws (the ε test, then the random action) come from the agent's own {@link RandomState}.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var agent = new QLearningAgent(new DenseQTable(144, 4)).learningRate(0.1).discount(0.99)
 *     .epsilon(1.0).epsilonDecay(0.995).epsilonMin(0.01).randomState(0);
 * int action = agent.act(state);
 * agent.learn(state, action, reward, next, terminated);
 * agent.endEpisode();
 * }</pre>
 */
public final class QLearningAgent {

  private final QTable table;
  private double learningRate = 0.1;
  private double discount = 0.99;
  private double epsilon = 1.0;
  private double epsilonDecay = 0.995;
  private double epsilonMin = 0.01;
  private RandomState random = new RandomState();

  /** An agent learning into {@code table}. */
  public QLearningAgent(QTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /** α, in (0, 1]. */
  public QLearningAgent learningRate(double alpha) {
    this.learningRate = Checks.checkInLeftOpenRange("learningRate", alpha, 0, 1);
    return this;
  }

  /** γ, in [0, 1]. */
  public QLearningAgent discount(double gamma) {
    this.discount = checkUnit("discount", gamma);
    return this;
  }

  /** The current ε, in [0, 1]. */
  public QLearningAgent epsilon(double epsilon) {
    this.epsilon = checkUnit("epsilon", epsilon);
    return this;
  }

  /** The factor applied to ε after each episode, in [0, 1]. */
  public QLearningAgent epsilonDecay(double decay) {
    this.epsilonDecay = checkUnit("epsilonDecay", decay);
    return this;
  }

  /** The floor of ε, in [0, 1]. */
  public QLearningAgent epsilonMin(double epsilonMin) {
    this.epsilonMin = checkUnit("epsilonMin", epsilonMin);
    return this;
  }

  /** Seeds the agent's generator. */
  public QLearningAgent randomState(long seed) {
    this.random = new RandomState(seed);
    return this;
  }

  /** Uses {@code random} as the agent's generator (a shared stream). */
  public QLearningAgent randomState(RandomState random) {
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /** The ε-greedy action in {@code state}. */
  public int act(long state) {
    if (random.randomSample() < epsilon) {
      return (int) random.randint(0, table.nActions());
    }
    return table.argmax(state);
  }

  /** The greedy action in {@code state}, {@code argmax_a Q(state, a)}. */
  public int greedyAction(long state) {
    return table.argmax(state);
  }

  /** The Bellman update for one transition; see the class comment. */
  public void learn(long state, int action, double reward, long next, boolean terminated) {
    double future = terminated ? 0.0 : table.max(next);
    double old = table.get(state, action);
    table.set(state, action, (1 - learningRate) * old + learningRate * (reward + discount * future));
  }

  /** Decays ε at the end of an episode: {@code ε ← max(εmin, ε · decay)}. */
  public void endEpisode() {
    epsilon = Math.max(epsilonMin, epsilon * epsilonDecay);
  }

  /** The current ε. */
  public double epsilon() {
    return epsilon;
  }

  /** The table being learned. */
  public QTable table() {
    return table;
  }

  private static double checkUnit(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be in [0, 1]");
    }
    return value;
  }
}
