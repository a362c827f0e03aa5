package semaine.rl;

import java.util.Map;

/**
 * What {@link Env#step} returns, Gymnasium's {@code (observation, reward, terminated, truncated,
 * info)}.
 *
 * @param observation the observation after the step
 * @param reward the reward for the step
 * @param terminated true when a terminal state of the MDP was reached (goal, crash)
 * @param truncated true when a limit outside the MDP ended the episode (time limit)
 * @param info extra diagnostics, documented by each environment (never null; unmodifiable)
 */
public record StepResult<O>(
    O observation, double reward, boolean terminated, boolean truncated, Map<String, Object> info) {

  public StepResult {
    info = info == null ? Map.of() : Map.copyOf(info);
  }

  /** True when the episode is over, terminated or truncated. */
  public boolean done() {
    return terminated || truncated;
  }

  /** This result with {@code truncated} set, as {@link TimeLimit} reports it. */
  public StepResult<O> withTruncated(boolean truncated) {
    return new StepResult<>(observation, reward, terminated, truncated, info);
  }
}
