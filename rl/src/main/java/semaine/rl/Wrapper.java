package semaine.rl;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An environment around another one, as Gymnasium's {@code gymnasium.Wrapper}: every call goes to
 * the inner environment unless a subclass changes it ({@link TimeLimit} counts steps,
 * {@link HumanRendering} draws them).
 */
public abstract class Wrapper<O, A> implements Env<O, A> {

  /** The wrapped environment. */
  protected final Env<O, A> env;

  /** Wraps {@code env}. */
  protected Wrapper(Env<O, A> env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  @Override
  public ResetResult<O> reset(long seed) {
    return env.reset(seed);
  }

  @Override
  public ResetResult<O> reset() {
    return env.reset();
  }

  @Override
  public StepResult<O> step(A action) {
    return env.step(action);
  }

  @Override
  public Space<A> actionSpace() {
    return env.actionSpace();
  }

  @Override
  public Space<O> observationSpace() {
    return env.observationSpace();
  }

  @Override
  public BufferedImage render() {
    return env.render();
  }

  @Override
  public Env<O, A> unwrapped() {
    return env.unwrapped();
  }

  @Override
  public void close() {
    env.close();
  }
}
