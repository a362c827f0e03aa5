package semaine.rl.lunar;

import java.awt.image.BufferedImage;
import java.util.Map;
import semaine.rl.AbstractEnv;
import semaine.rl.Box;
import semaine.rl.ResetResult;
import semaine.rl.Space;
import semaine.rl.StepResult;
import semaine.util.Checks;

/**
 * What the discrete and the continuous LunarLander share: building the world at reset, the step
 * (wind, engines, physics), the observation, the shaping reward and the endings. Subclasses only
 * turn an action into engine powers. See {@link LunarLander} for the documentation; the setters
 * configure either kind.
 */
public abstract sealed class LanderEnv<A> extends AbstractEnv<double[], A>
    permits LunarLander, LunarLanderContinuous {

  /** Gymnasium v3's declared observation bounds (real values may leave them). */
  static final Box OBSERVATION_SPACE = new Box(
      new double[] {-2.5, -2.5, -10, -10, -2 * Math.PI, -10, -0.0, -0.0},
      new double[] {2.5, 2.5, 10, 10, 2 * Math.PI, 10, 1, 1});

  private double gravity = -10.0;
  private boolean enableWind;
  private double windPower = 15.0;
  private double turbulencePower = 1.5;
  private LanderWorld world;
  private Double previousShaping;
  private long windIndex;
  private long torqueIndex;
  private LunarLanderRenderer renderer;

  /** Gravity in m/s², strictly between −12 and 0 (default −10); used from the next reset. */
  public LanderEnv<A> gravity(double gravity) {
    if (!(gravity > -12.0 && gravity < 0.0)) {
      throw new IllegalArgumentException("gravity (" + gravity + ") must be in (-12, 0)");
    }
    this.gravity = gravity;
    return this;
  }

  /** Turns wind and turbulence on (default off); used from the next reset. */
  public LanderEnv<A> enableWind(boolean enableWind) {
    this.enableWind = enableWind;
    return this;
  }

  /** The wind's largest force, in [0, 20] (default 15). */
  public LanderEnv<A> windPower(double windPower) {
    this.windPower = checkIn("windPower", windPower, 0, 20);
    return this;
  }

  /** The turbulence's largest torque, in [0, 2] (default 1.5). */
  public LanderEnv<A> turbulencePower(double turbulencePower) {
    this.turbulencePower = checkIn("turbulencePower", turbulencePower, 0, 2);
    return this;
  }

  /**
   * Whether an episode's last step is a landing: the episode ended with the +100 of a lander at
   * rest (its body asleep) and both legs touching the ground (observation values 6 and 7).
   */
  public static boolean landed(StepResult<double[]> last) {
    double[] s = last.observation();
    return last.terminated() && last.reward() == 100 && s.length == 8 && s[6] == 1 && s[7] == 1;
  }

  @Override
  public final Space<double[]> observationSpace() {
    return OBSERVATION_SPACE;
  }

  @Override
  public final BufferedImage render() {
    if (world == null) {
      throw new IllegalStateException("nothing to render yet: call reset() first");
    }
    if (renderer == null) {
      renderer = new LunarLanderRenderer();
    }
    return renderer.draw(world);
  }

  @Override
  public final void close() {
    world = null;
    renderer = null;
  }

  /**
   * The engine powers for {@code action}: {main in [0, 1], side in [0, 1], direction −1 or +1}.
   */
  abstract double[] powers(A action);

  LanderEnv() {}

  /** The action that fires nothing, used by the reset's internal step. */
  abstract A noop();

  /**
   * A new world (v3: never reused), then Gymnasium's internal {@code step(noop)}, whose observation
   * is returned and whose reward is dropped. Draws: terrain (12), push (2), wind offsets (2, only
   * with wind), dispersion (2).
   */
  @Override
  protected final ResetResult<double[]> onReset() {
    world = new LanderWorld(gravity, random());
    if (enableWind) {
      windIndex = random().randint(-9999, 9999);
      torqueIndex = random().randint(-9999, 9999);
    }
    previousShaping = null;
    if (renderer != null) {
      renderer.clearParticles();
    }
    return new ResetResult<>(onStep(noop()).observation(), Map.of());
  }

  @Override
  protected final StepResult<double[]> onStep(A action) {
    if (enableWind && !world.legContact[0] && !world.legContact[1]) {
      world.blow(Math.tanh(Math.sin(0.02 * windIndex) + Math.sin(Math.PI * 0.01 * windIndex))
              * windPower,
          Math.tanh(Math.sin(0.02 * torqueIndex) + Math.sin(Math.PI * 0.01 * torqueIndex))
              * turbulencePower);
      windIndex++;
      torqueIndex++;
    }
    double[] power = powers(action);
    world.fire(power[0], power[1], power[2], random());
    world.step();
    double[] s = world.state();
    double shaping = -100 * Math.sqrt(s[0] * s[0] + s[1] * s[1])
        - 100 * Math.sqrt(s[2] * s[2] + s[3] * s[3]) - 100 * Math.abs(s[4]) + 10 * s[6] + 10 * s[7];
    double reward = previousShaping == null ? 0 : shaping - previousShaping;
    previousShaping = shaping;
    reward -= power[0] * 0.30; // fuel: about -30 for a heuristic landing
    reward -= power[1] * 0.03;
    boolean terminated = false;
    if (world.gameOver || Math.abs(s[0]) >= 1.0) {
      terminated = true;
      reward = -100;
    }
    if (!world.landerAwake()) {
      terminated = true;
      reward = 100;
    }
    double[] observation = new double[8];
    for (int i = 0; i < 8; i++) {
      observation[i] = (float) s[i];
    }
    return new StepResult<>(observation, reward, terminated, false, Map.of());
  }

  /** The world of the current episode, for tests and the renderer. */
  final LanderWorld world() {
    return world;
  }

  private static double checkIn(String name, double value, double low, double high) {
    Checks.checkArgument(value >= low && value <= high,
        name + " (" + value + ") must be in [" + low + ", " + high + "]");
    return value;
  }
}
