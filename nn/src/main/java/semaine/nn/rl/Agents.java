package semaine.nn.rl;

import java.util.function.Function;
import semaine.base.Estimator;
import semaine.rl.Box;
import semaine.rl.Discrete;
import semaine.rl.Env;
import semaine.rl.Space;
import semaine.rl.agents.Evaluation;

/**
 * A trained deep agent (a {@link DQN} or a {@link PPO}, as a model file gives it back) seen from
 * the outside: its deterministic policy, the check that it fits an environment (the observation's
 * length and the action space it was trained on), and SB3's {@code evaluate_policy} on it.
 */
public final class Agents {

  private Agents() {}

  /**
   * The greedy policy of {@code agent}: an action index for DQN and discrete PPO, the Gaussian's
   * clipped mean for PPO in a Box.
   *
   * @throws IllegalArgumentException when {@code agent} is not a DQN or a PPO
   */
  public static Function<double[], Object> policy(Estimator agent) {
    return switch (agent) {
      case DQN dqn -> dqn::predict;
      case PPO ppo when ppo.actionSpace() instanceof Box -> ppo::predictAction;
      case PPO ppo -> ppo::predict;
      default -> throw new IllegalArgumentException("agent (" + agent.getClass().getSimpleName()
          + ") must be a DQN or a PPO");
    };
  }

  /** The observation length {@code agent} reads. */
  public static int observationSize(Estimator agent) {
    return switch (agent) {
      case DQN dqn -> dqn.observationSize();
      case PPO ppo -> ppo.observationSize();
      default -> throw new IllegalArgumentException("agent (" + agent.getClass().getSimpleName()
          + ") must be a DQN or a PPO");
    };
  }

  /** The action space {@code agent} was trained in. */
  public static Space<?> actionSpace(Estimator agent) {
    return switch (agent) {
      case DQN dqn -> dqn.actionSpace();
      case PPO ppo -> ppo.actionSpace();
      default -> throw new IllegalArgumentException("agent (" + agent.getClass().getSimpleName()
          + ") must be a DQN or a PPO");
    };
  }

  /**
   * Refuses an environment the agent was not trained for: another observation length, or another
   * action space (a different number of actions, a Box for a discrete agent or the reverse).
   *
   * @param envName the environment's name for the message
   */
  public static void checkFits(Estimator agent, Env<double[], ?> env, String envName) {
    int size = observationSize(agent);
    Space<?> actions = actionSpace(agent);
    Space<double[]> observations = env.observationSpace();
    int envSize = observations instanceof Box b ? b.dimension() : -1;
    if (envSize != size) {
      throw new IllegalArgumentException("agent reads observations of " + size + " values but "
          + envName + "'s have " + (envSize < 0 ? "no fixed length" : envSize + " values")
          + ": it was trained on another environment");
    }
    boolean same = switch (actions) {
      case Discrete d -> env.actionSpace() instanceof Discrete e && e.n() == d.n();
      case Box b -> env.actionSpace() instanceof Box e && e.equals(b);
    };
    if (!same) {
      throw new IllegalArgumentException("agent acts in " + actions + " but " + envName
          + "'s action space is " + env.actionSpace() + ": it was trained on another "
          + "environment");
    }
  }

  /**
   * SB3's {@code evaluate_policy(agent, env, n_eval_episodes, deterministic=True)}: the mean and
   * standard deviation of {@code nEpisodes} returns, the first episode reset with {@code seed}
   * (see {@link Evaluation}), after {@link #checkFits}.
   */
  public static Evaluation.Result evaluate(Estimator agent, Env<double[], ?> env, int nEpisodes,
      long seed) {
    return evaluate(agent, env, nEpisodes, seed, null);
  }

  /** {@link #evaluate(Estimator, Env, int, long)}, telling {@code onEnd} each episode's last step. */
  @SuppressWarnings("unchecked")
  public static Evaluation.Result evaluate(Estimator agent, Env<double[], ?> env, int nEpisodes,
      long seed, Evaluation.EpisodeEnd onEnd) {
    checkFits(agent, env, "env");
    return Evaluation.evaluate(policy(agent), (Env<double[], Object>) env, nEpisodes, seed, onEnd);
  }
}
