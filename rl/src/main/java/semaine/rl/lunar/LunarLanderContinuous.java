package semaine.rl.lunar;

import semaine.rl.Box;
import semaine.rl.Space;

/**
 * Gymnasium's {@code LunarLanderContinuous-v3}: {@link LunarLander} with two throttles.
 *
 * <h2>Action Space</h2>
 * {@code Box(-1, 1, (2,))}: {@code [main, lateral]}. The main engine is off for main ≤ 0 and runs at
 * {@code (clip(main, 0, 1) + 1) / 2} (50 % to 100 %) above; the side engines are off for
 * |lateral| ≤ 0.5, otherwise the left one (lateral < −0.5) or the right one (> 0.5) runs at
 * {@code clip(|lateral|, 0.5, 1)}. Fuel costs scale with the throttle.
 *
 * <p>Everything else (observation, reward, endings, arguments) is documented on {@link LunarLander}.
 */
public final class LunarLanderContinuous extends LanderEnv<double[]> {

  private static final Box ACTIONS = Box.of(-1, 1, 2);

  @Override
  public Space<double[]> actionSpace() {
    return ACTIONS;
  }

  /**
   * Gymnasium's {@code heuristic} for continuous actions:
   * {@code [20 hover_todo − 1, −20 angle_todo]} clipped to [−1, 1] (see {@link LunarLander#heuristic}).
   */
  public static double[] heuristic(double[] s) {
    double[] todo = Heuristic.todo(s);
    return new double[] {clip(todo[1] * 20 - 1), clip(-todo[0] * 20)};
  }

  @Override
  double[] powers(double[] action) {
    double main = clip(action[0]);
    double lateral = clip(action[1]);
    double mainPower = main > 0 ? (Math.min(main, 1.0) + 1.0) * 0.5 : 0;
    double sidePower = Math.abs(lateral) > 0.5 ? Math.min(Math.max(Math.abs(lateral), 0.5), 1.0) : 0;
    return new double[] {mainPower, sidePower, Math.signum(lateral)};
  }

  @Override
  double[] noop() {
    return new double[] {0, 0};
  }

  private static double clip(double x) {
    return Math.max(-1, Math.min(1, x));
  }
}
