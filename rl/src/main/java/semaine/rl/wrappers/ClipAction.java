package semaine.rl.wrappers;

import semaine.rl.Box;
import semaine.rl.Env;
import semaine.rl.Space;
import semaine.rl.StepResult;
import semaine.rl.Wrapper;

/**
 * Gymnasium's {@code ClipAction}: any finite action is accepted and clipped into the environment's
 * Box ({@code np.clip(action, low, high)}) before the step, so that a Gaussian policy's samples
 * stay legal. The action space becomes an unbounded Box of the same shape; NaN stays an error.
 */
public final class ClipAction<O> extends Wrapper<O, double[]> {

  private final Box box;

  /** Wraps an environment with a Box action space. */
  public ClipAction(Env<O, double[]> env) {
    super(env);
    if (!((Object) env.actionSpace() instanceof Box b)) {
      throw new IllegalArgumentException("env's action space (" + env.actionSpace()
          + ") must be a Box");
    }
    this.box = b;
  }

  @Override
  public Space<double[]> actionSpace() {
    return Box.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, box.dimension());
  }

  @Override
  public StepResult<O> step(double[] action) {
    if (action == null || action.length != box.dimension()) {
      throw new IllegalArgumentException("action (" + (action == null ? "null"
          : java.util.Arrays.toString(action)) + ") must have " + box.dimension() + " values");
    }
    double[] low = box.low();
    double[] high = box.high();
    double[] clipped = new double[action.length];
    for (int i = 0; i < action.length; i++) {
      if (Double.isNaN(action[i])) {
        throw new IllegalArgumentException("action (" + java.util.Arrays.toString(action)
            + ") must not be NaN");
      }
      clipped[i] = Math.min(Math.max(action[i], low[i]), high[i]);
    }
    return env.step(clipped);
  }
}
