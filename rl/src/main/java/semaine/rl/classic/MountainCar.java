package semaine.rl.classic;

import java.util.Map;
import semaine.rl.Box;
import semaine.rl.ResetResult;
import semaine.rl.StepResult;

/**
 * Gymnasium's {@code MountainCar-v0} (Moore's mountain car): accelerate left (0), not at all (1)
 * or right (2) to drive an under-powered car up the right hill to x = 0.5. Reward -1 per step; the
 * episode terminates at the goal, and {@code Envs.make("MountainCar-v0")} truncates it at 200
 * steps. The start position is uniform in (-0.6, -0.4) at rest. Velocity and position are clipped
 * to [-0.07, 0.07] and [-1.2, 0.6], the left wall stops the car, as Gymnasium computes them.
 */
public final class MountainCar extends ClassicControl {

  static final double MIN_POSITION = -1.2;
  static final double MAX_POSITION = 0.6;
  static final double MAX_SPEED = 0.07;
  static final double GOAL_POSITION = 0.5;
  static final double FORCE = 0.001;
  static final double GRAVITY = 0.0025;

  private static final Box OBSERVATION_SPACE = new Box(
      float32Bounds(MIN_POSITION, -MAX_SPEED), float32Bounds(MAX_POSITION, MAX_SPEED));

  /** A mountain car; call {@code reset} first. */
  public MountainCar() {
    super(3, OBSERVATION_SPACE, 2);
  }

  /** A frame on Gymnasium's canvas. */
  @Override
  public java.awt.image.BufferedImage render() {
    return ClassicRenderer.mountainCar(state[0]);
  }

  @Override
  protected ResetResult<double[]> onReset() {
    state[0] = npRandom().uniform(-0.6, -0.4);
    state[1] = 0;
    return new ResetResult<>(float32(state), Map.of());
  }

  @Override
  protected StepResult<double[]> onStep(Integer action) {
    double position = state[0];
    double velocity = state[1];
    velocity += (action - 1) * FORCE + Trig.cos(3 * position) * (-GRAVITY);
    velocity = Math.clamp(velocity, -MAX_SPEED, MAX_SPEED);
    position += velocity;
    position = Math.clamp(position, MIN_POSITION, MAX_POSITION);
    if (position == MIN_POSITION && velocity < 0) {
      velocity = 0;
    }
    state[0] = position;
    state[1] = velocity;
    boolean terminated = position >= GOAL_POSITION && velocity >= 0;
    return new StepResult<>(float32(position, velocity), -1.0, terminated, false, Map.of());
  }
}
