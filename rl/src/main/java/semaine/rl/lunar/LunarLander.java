package semaine.rl.lunar;

import semaine.rl.Discrete;
import semaine.rl.Space;

/**
 * Gymnasium's {@code LunarLander-v3}: land a module on a pad between two flags, on the Box2D
 * physics of the original (here jbox2d 2.2.1.1, a Java port of Box2D 2.2.1).
 *
 * <h2>Description</h2>
 * A rocket trajectory optimisation problem. The pad is always at the centre, x = 0, y = 0 in
 * observation units, on a terrain of 10 random segments; the lander starts at the top centre with
 * a random push. Landing outside the pad is possible. Fuel is infinite.
 *
 * <h2>Action Space</h2>
 * {@code Discrete(4)}: {@link #NOOP} 0 do nothing, {@link #FIRE_LEFT} 1 fire the left orientation
 * engine (pushes toward −x, turns counter-clockwise), {@link #FIRE_MAIN} 2 fire the main engine,
 * {@link #FIRE_RIGHT} 3 fire the right orientation engine. Each engine impulse is dispersed by two
 * random numbers drawn every step. {@link LunarLanderContinuous} takes two throttles instead.
 *
 * <h2>Observation Space</h2>
 * 8 values, computed in double and rounded to float32 as Gymnasium's: x and y of the lander
 * relative to the pad (normalised by half the viewport: ±1 at the screen edges), the velocities
 * vx, vy (× 0.2, × 0.133), the angle in radians (not wrapped), the angular velocity (× 0.4), and
 * 1.0 or 0.0 for each leg touching the ground (index 6 the leg on the +x side). Declared bounds
 * {@code Box([-2.5, -2.5, -10, -10, -2π, -10, -0, -0], [2.5, 2.5, 10, 10, 2π, 10, 1, 1])}.
 *
 * <h2>Starting State</h2>
 * The lander at (10 m, 13.33 m), angle 0, legs at ±0.05 rad, with a force uniform in
 * [−1000, 1000) N on each axis applied during the first physics step.
 *
 * <h2>Reward</h2>
 * Shaping {@code −100 √(x² + y²) − 100 √(vx² + vy²) − 100 |θ| + 10 leg0 + 10 leg1} (observation
 * values); the reward of a step is the change in shaping, minus 0.3 per main-engine frame and 0.03
 * per side-engine frame. A crash or leaving the screen sets the step's reward to −100, coming to
 * rest sets it to +100. An episode of 200 points or more counts as a solution.
 *
 * <h2>Episode End</h2>
 * Terminated when the hull touches the ground (crash), when |x| ≥ 1 (out of the viewport), or when
 * Box2D puts the lander to sleep (at rest for 0.5 s: landed). {@code Envs.make("LunarLander-v3")}
 * adds a {@link semaine.rl.TimeLimit} of 1000 steps.
 *
 * <h2>Information</h2>
 * {@code reset} and {@code step} return an empty info map.
 *
 * <h2>Arguments</h2>
 * {@link #gravity} (−10, in (−12, 0)), {@link #enableWind} (false), {@link #windPower} (15),
 * {@link #turbulencePower} (1.5); they apply from the next reset. Rendering is
 * {@link #render()} (an RGB frame, Gymnasium's {@code rgb_array}, drawn by
 * {@link LunarLanderRenderer}); a live window is {@link semaine.rl.render.LiveWindow}.
 *
 * <h2>References</h2>
 * Gymnasium, {@code gymnasium/envs/box2d/lunar_lander.py} (v3); Oleg Klimov's original
 * (openai/gym PR #101); Box2D, https://box2d.org.
 *
 * <h2>Version History</h2>
 * v3 semantics: a fresh world every reset (deterministic for a seed), wind offsets drawn from the
 * seeded generator, the wider v3 observation bounds.
 *
 * <h2>Differences from Gymnasium</h2>
 * The generator is our {@link semaine.random.RandomState} (MT19937), not NumPy's PCG64: the same
 * draws in the same order and law, not the same numbers, so a seed gives another terrain than in
 * Python. Physics is Box2D 2.2.1 in Java instead of 2.3 in C++: trajectories agree in behaviour,
 * not to the last bit. The exhaust particles are drawn by the renderer and are not simulated.
 */
public final class LunarLander extends LanderEnv<Integer> {

  /** Do nothing. */
  public static final int NOOP = 0;
  /** Fire the left orientation engine (push toward −x, turn counter-clockwise). */
  public static final int FIRE_LEFT = 1;
  /** Fire the main engine. */
  public static final int FIRE_MAIN = 2;
  /** Fire the right orientation engine (push toward +x, turn clockwise). */
  public static final int FIRE_RIGHT = 3;

  private static final Discrete ACTIONS = new Discrete(4);

  @Override
  public Space<Integer> actionSpace() {
    return ACTIONS;
  }

  /**
   * Gymnasium's {@code heuristic(env, s)} controller for discrete actions: a PD controller that
   * points the lander toward the centre and holds a height that falls with the distance to it; once
   * a leg touches it only brakes the fall.
   * <pre>
   * angle_targ = clip(0.5 x + vx, −0.4, 0.4);   hover_targ = 0.55 |x|
   * angle_todo = 0.5 (angle_targ − θ) − ω;       hover_todo = 0.5 (hover_targ − y) − 0.5 vy
   * </pre>
   * Main engine if {@code hover_todo > |angle_todo|} and {@code > 0.05}; else right if
   * {@code angle_todo < −0.05}; else left if {@code > 0.05}; else nothing.
   */
  public static int heuristic(double[] s) {
    double[] todo = Heuristic.todo(s);
    double angleTodo = todo[0];
    double hoverTodo = todo[1];
    if (hoverTodo > Math.abs(angleTodo) && hoverTodo > 0.05) {
      return FIRE_MAIN;
    } else if (angleTodo < -0.05) {
      return FIRE_RIGHT;
    } else if (angleTodo > 0.05) {
      return FIRE_LEFT;
    }
    return NOOP;
  }

  @Override
  double[] powers(Integer action) {
    return switch (action) {
      case FIRE_MAIN -> new double[] {1, 0, 0};
      case FIRE_LEFT -> new double[] {0, 1, -1};
      case FIRE_RIGHT -> new double[] {0, 1, 1};
      default -> new double[] {0, 0, 0};
    };
  }

  @Override
  Integer noop() {
    return NOOP;
  }
}
