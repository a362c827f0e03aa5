package semaine.rl;

import semaine.util.Checks;

/**
 * Ends an episode after {@code maxEpisodeSteps} steps, as Gymnasium's
 * {@code wrappers.TimeLimit}: the step that reaches the limit returns {@code truncated = true}
 * (and keeps {@code terminated} as the environment says). A later {@code step} throws
 * {@link IllegalStateException} until {@code reset}. Time limits live here, not in environments.
 */
public final class TimeLimit<O, A> extends Wrapper<O, A> {

  private final int maxEpisodeSteps;
  private int elapsed;
  private boolean truncated;

  /** Wraps {@code env} with a limit of {@code maxEpisodeSteps} (at least 1) steps per episode. */
  public TimeLimit(Env<O, A> env, int maxEpisodeSteps) {
    super(env);
    this.maxEpisodeSteps = Checks.checkPositive("maxEpisodeSteps", maxEpisodeSteps);
  }

  /** The limit. */
  public int maxEpisodeSteps() {
    return maxEpisodeSteps;
  }

  /** Steps taken in the current episode. */
  public int elapsedSteps() {
    return elapsed;
  }

  @Override
  public ResetResult<O> reset(long seed) {
    ResetResult<O> result = env.reset(seed);
    elapsed = 0;
    truncated = false;
    return result;
  }

  @Override
  public ResetResult<O> reset() {
    ResetResult<O> result = env.reset();
    elapsed = 0;
    truncated = false;
    return result;
  }

  @Override
  public StepResult<O> step(A action) {
    if (truncated) {
      throw new IllegalStateException("step() called after the episode was truncated at "
          + maxEpisodeSteps + " steps (TimeLimit); call reset() first");
    }
    StepResult<O> result = env.step(action);
    elapsed++;
    if (elapsed >= maxEpisodeSteps && !result.truncated()) {
      truncated = true;
      return result.withTruncated(true);
    }
    truncated = result.truncated();
    return result;
  }
}
