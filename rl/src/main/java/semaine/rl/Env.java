package semaine.rl;

import java.awt.image.BufferedImage;

/**
 * An environment an agent acts in, as Gymnasium 1.x's {@code gymnasium.Env}: {@link #reset(long)}
 * starts an episode and {@link #step(Object)} advances it by one action.
 *
 * <h2>Seeding rule</h2>
 * {@code reset(seed)} re-creates the environment's own generator from {@code seed}, so the same seed
 * followed by the same actions gives the same trajectory, always. {@link #reset()} keeps the
 * generator as it is and continues its stream (a new, different episode); the very first
 * {@code reset()} without a seed seeds from system entropy. Seed once, after construction, then call
 * {@code reset()}: this is Gymnasium's rule. Every random draw an environment makes comes from this
 * generator, never from a global one.
 *
 * <h2>Episode end</h2>
 * A {@link StepResult} is {@code terminated} when the environment reached a terminal state of its
 * MDP (the goal, a crash) and {@code truncated} when a limit outside the MDP stopped it (the step
 * limit of {@link TimeLimit}). After either, {@code step} throws {@link IllegalStateException} until
 * the next {@code reset}; Gymnasium only warns here, we refuse, since the result would be
 * meaningless. An action outside {@link #actionSpace()} throws {@link IllegalArgumentException}.
 *
 * @param <O> the observation type ({@code Integer} for a cell, {@code double[]} for a vector)
 * @param <A> the action type ({@code Integer} for {@link Discrete}, {@code double[]} for {@link Box})
 */
public interface Env<O, A> extends AutoCloseable {

  /** Seeds the environment's generator with {@code seed} (in [0, 2^32 - 1]) and starts an episode. */
  ResetResult<O> reset(long seed);

  /** Starts an episode, continuing the generator's stream (see the seeding rule above). */
  ResetResult<O> reset();

  /** Applies {@code action} for one time step. */
  StepResult<O> step(A action);

  /** The actions {@link #step} accepts. */
  Space<A> actionSpace();

  /** Where the observations lie (Gymnasium's declared space; real values may leave a Box). */
  Space<O> observationSpace();

  /** The current state drawn as an RGB frame (Gymnasium's {@code render_mode="rgb_array"}). */
  BufferedImage render();

  /** The environment under any wrappers (Gymnasium's {@code env.unwrapped}). */
  default Env<O, A> unwrapped() {
    return this;
  }

  /** Releases what the environment holds (a physics world, a window); the default does nothing. */
  @Override
  default void close() {}
}
