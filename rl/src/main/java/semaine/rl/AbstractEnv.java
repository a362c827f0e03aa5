package semaine.rl;

import semaine.random.RandomState;

/**
 * The part every environment shares: the seeding rule and the order of calls of {@link Env}, written
 * once. A subclass implements {@link #onReset()} and {@link #onStep(Object)}; this class seeds the
 * generator, refuses actions outside the action space and refuses {@code step} before
 * {@code reset} or after the episode ended.
 *
 * <p>The generator is our {@link RandomState} (NumPy's legacy MT19937), seeded from the reset seed.
 * Gymnasium's {@code np_random} is a PCG64 {@code Generator}: the draws have the same law, not the
 * same numbers, so a trajectory equals Gymnasium's in distribution, not number for number.
 */
public abstract class AbstractEnv<O, A> implements Env<O, A> {

  private static final long MAX_SEED = 0xFFFF_FFFFL;

  private RandomState random;
  private boolean running;
  private boolean ended;

  @Override
  public final ResetResult<O> reset(long seed) {
    if (seed < 0 || seed > MAX_SEED) {
      throw new IllegalArgumentException("seed (" + seed + ") must be in [0, " + MAX_SEED + "]");
    }
    random = new RandomState(seed);
    seeded(seed);
    return begin();
  }

  @Override
  public final ResetResult<O> reset() {
    if (random == null) {
      random = new RandomState();
      seeded(-1);
    }
    return begin();
  }

  @Override
  public final StepResult<O> step(A action) {
    if (!running) {
      throw new IllegalStateException(ended
          ? "step() called after the episode ended (terminated); call reset() first"
          : "step() called before reset(); call reset() first");
    }
    if (!actionSpace().contains(action)) {
      throw new IllegalArgumentException("action (" + describe(action) + ") must be in "
          + actionSpace());
    }
    StepResult<O> result = onStep(action);
    if (result.done()) {
      running = false;
      ended = true;
    }
    return result;
  }

  /** The environment's generator (set by the first reset). */
  protected final RandomState random() {
    return random;
  }

  /**
   * Called right after the generator was re-created, before {@link #onReset()}: the place to draw what
   * a seed fixes for the following episodes too (a maze layout). {@code seed} is -1 for entropy.
   */
  protected void seeded(long seed) {}

  /** Starts an episode from {@link #random()}'s current state. */
  protected abstract ResetResult<O> onReset();

  /** One step with a valid action during an episode. */
  protected abstract StepResult<O> onStep(A action);

  private ResetResult<O> begin() {
    ResetResult<O> result = onReset();
    running = true;
    ended = false;
    return result;
  }

  static String describe(Object action) {
    return action instanceof double[] a ? java.util.Arrays.toString(a) : String.valueOf(action);
  }
}
