package semaine.rl.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import semaine.rl.Env;
import semaine.rl.StepResult;
import semaine.util.Checks;

/**
 * The book's training loop for a tabular agent on a discrete-action environment, and the greedy
 * roll-out after it. The first episode resets with the seed, the next ones with {@code reset()}
 * (Gymnasium's rule: seed once).
 */
public final class Training {

  /** Called after each episode with its index (from 0), its return and its length. */
  @FunctionalInterface
  public interface EpisodeListener {
    void episodeEnded(int episode, double episodeReturn, int steps);
  }

  private Training() {}

  /**
   * Trains {@code agent} for {@code episodes} episodes of at most {@code maxSteps} steps each (the
   * listing's {@code for step in range(max_steps)}; an environment's own limit may end them sooner)
   * and returns each episode's return.
   *
   * @param stateOf maps an observation to the table's state number (the identity for a maze, a
   *     {@link Discretizer} for LunarLander)
   */
  public static <O> double[] train(Env<O, Integer> env, QLearningAgent agent,
      ToLongFunction<O> stateOf, int episodes, int maxSteps, long seed, EpisodeListener listener) {
    Objects.requireNonNull(env, "env");
    Checks.checkPositive("episodes", episodes);
    Checks.checkPositive("maxSteps", maxSteps);
    double[] returns = new double[episodes];
    for (int episode = 0; episode < episodes; episode++) {
      O observation = (episode == 0 ? env.reset(seed) : env.reset()).observation();
      long state = stateOf.applyAsLong(observation);
      double total = 0;
      int steps = 0;
      while (steps < maxSteps) {
        int action = agent.act(state);
        StepResult<O> result = env.step(action);
        long next = stateOf.applyAsLong(result.observation());
        agent.learn(state, action, result.reward(), next, result.terminated());
        total += result.reward();
        steps++;
        state = next;
        if (result.done()) {
          break;
        }
      }
      agent.endEpisode();
      returns[episode] = total;
      if (listener != null) {
        listener.episodeEnded(episode, total, steps);
      }
    }
    return returns;
  }

  /** One episode of the greedy policy from {@code reset(seed)}: the observations and the return. */
  public static <O> Rollout<O> greedy(Env<O, Integer> env, QLearningAgent agent,
      ToLongFunction<O> stateOf, int maxSteps, long seed) {
    List<O> observations = new ArrayList<>();
    O observation = env.reset(seed).observation();
    observations.add(observation);
    double total = 0;
    boolean terminated = false;
    for (int steps = 0; steps < maxSteps; steps++) {
      StepResult<O> result = env.step(agent.greedyAction(stateOf.applyAsLong(observation)));
      observation = result.observation();
      observations.add(observation);
      total += result.reward();
      terminated = result.terminated();
      if (result.done()) {
        break;
      }
    }
    return new Rollout<>(observations, total, terminated);
  }

  /**
   * An episode played out.
   *
   * @param observations the observations from the reset to the last step
   * @param episodeReturn the sum of rewards
   * @param terminated whether it ended in a terminal state
   */
  public record Rollout<O>(List<O> observations, double episodeReturn, boolean terminated) {
    public Rollout {
      observations = List.copyOf(observations);
    }

    /** The number of steps taken. */
    public int steps() {
      return observations.size() - 1;
    }
  }

  /** The moving average of {@code values} over {@code window} (shorter at the start). */
  public static double[] movingAverage(double[] values, int window) {
    Checks.checkPositive("window", window);
    double[] out = new double[values.length];
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += values[i];
      if (i >= window) {
        sum -= values[i - window];
      }
      out[i] = sum / Math.min(i + 1, window);
    }
    return out;
  }
}
