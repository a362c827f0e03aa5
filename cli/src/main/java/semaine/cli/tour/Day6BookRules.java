package semaine.cli.tour;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import semaine.random.PythonRandom;
import semaine.random.RandomState;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.StepResult;
import semaine.rl.agents.Discretizer;
import semaine.rl.agents.SparseQTable;

/**
 * The book's LunarLander Q-learning beside the corrected one, for the Day 6 table. Both run the same
 * loop (11^8 bins, α 0.1, γ 0.99, ε from 1.0 by 0.995 to 0.01) and differ only in the three rules
 * the book gets wrong, which semaine's {@code QLearningAgent} and {@code Env} get right:
 * <ul>
 *   <li>the book calls {@code env.reset(seed=42)} before every episode, so every episode starts from
 *       the same terrain and push and the agent learns one start, not the task; the corrected run
 *       seeds once and then calls {@code reset()} (Gymnasium's rule);
 *   <li>the book adds {@code gamma * next_max} on the last step too; after a crash or a landing there
 *       is no future, and because the bins put end states and ordinary states in the same cell,
 *       that term carries values across the end of an episode;
 *   <li>the book decays with {@code if epsilon > epsilon_min: epsilon *= decay}, which ends just
 *       under ε_min; {@code max(ε_min, ε · decay)} ends at it.
 * </ul>
 */
final class Day6BookRules {

  /** Which rules a run follows. */
  record Rules(String name, boolean resetSeed42, boolean bootstrapTerminal, boolean bookEpsilon) {}

  static final Rules BOOK = new Rules("the book's listing", true, true, true);
  static final Rules CORRECTED = new Rules("corrected (semaine's QLearningAgent)", false, false,
      false);

  /** What a run gives. */
  record Run(Rules rules, double[] returns, int distinctStarts, int terminalBootstraps,
      double finalEpsilon) {

    double meanReturn(int from, int to) {
      return Arrays.stream(returns, from, to).average().orElseThrow();
    }
  }

  private Day6BookRules() {}

  /** {@code episodes} episodes under {@code rules}; {@code seed} seeds the coin, actions and env. */
  static Run run(Rules rules, int episodes, long seed) {
    PythonRandom coin = new PythonRandom(seed);
    RandomState actions = new RandomState(seed);
    Env<double[], Integer> env = Envs.make("LunarLander-v3");
    Discretizer bins = Discretizer.uniform(-1, 1, 10, 8);
    SparseQTable q = new SparseQTable(bins.nStates(), 4);
    double epsilon = 1.0;
    double[] returns = new double[episodes];
    Set<List<Double>> starts = new HashSet<>();
    int terminalBootstraps = 0;
    for (int episode = 0; episode < episodes; episode++) {
      double[] observation = rules.resetSeed42() || episode == 0
          ? env.reset(rules.resetSeed42() ? 42 : seed).observation() : env.reset().observation();
      starts.add(Arrays.stream(observation).boxed().toList());
      long state = bins.state(observation);
      boolean done = false;
      while (!done) {
        int action = coin.random() < epsilon ? env.actionSpace().sample(actions) : q.argmax(state);
        StepResult<double[]> result = env.step(action);
        long next = bins.state(result.observation());
        double nextMax = result.terminated() && !rules.bootstrapTerminal() ? 0 : q.max(next);
        terminalBootstraps += result.terminated() && nextMax != 0 ? 1 : 0;
        q.set(state, action, 0.9 * q.get(state, action) + 0.1 * (result.reward() + 0.99 * nextMax));
        returns[episode] += result.reward();
        state = next;
        done = result.terminated() || result.truncated();
      }
      if (rules.bookEpsilon()) {
        if (epsilon > 0.01) {
          epsilon *= 0.995;
        }
      } else {
        epsilon = Math.max(0.01, epsilon * 0.995);
      }
    }
    return new Run(rules, returns, starts.size(), terminalBootstraps, epsilon);
  }

  /** ε after {@code episodes} episodes under each rule (no environment needed). */
  static double finalEpsilon(boolean book, int episodes) {
    double epsilon = 1.0;
    for (int i = 0; i < episodes; i++) {
      epsilon = book ? (epsilon > 0.01 ? epsilon * 0.995 : epsilon) : Math.max(0.01, epsilon * 0.995);
    }
    return epsilon;
  }
}
