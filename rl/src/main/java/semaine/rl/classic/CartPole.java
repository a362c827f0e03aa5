package semaine.rl.classic;

import java.util.Map;
import semaine.rl.Box;
import semaine.rl.ResetResult;
import semaine.rl.StepResult;

/**
 * Gymnasium's {@code CartPole-v1} (Barto, Sutton and Anderson's cart-pole): push the cart left (0)
 * or right (1) with a force of 10 N to keep the pole upright. Reward 1 per step, the last one
 * included; the episode terminates when the pole leans more than 12° or the cart leaves
 * [-2.4, 2.4]; {@code Envs.make("CartPole-v1")} truncates it at 500 steps. The start state is four
 * values uniform in (-0.05, 0.05). Euler integration with τ = 0.02 s, in Gymnasium's order of
 * operations; the state is kept in double and observed as float32.
 */
public final class CartPole extends ClassicControl {

  static final double GRAVITY = 9.8;
  static final double MASS_CART = 1.0;
  static final double MASS_POLE = 0.1;
  static final double TOTAL_MASS = MASS_POLE + MASS_CART;
  static final double LENGTH = 0.5; // half the pole's length
  static final double POLEMASS_LENGTH = MASS_POLE * LENGTH;
  static final double FORCE_MAG = 10.0;
  static final double TAU = 0.02;
  static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
  static final double X_THRESHOLD = 2.4;

  private static final Box OBSERVATION_SPACE = new Box(
      float32Bounds(-X_THRESHOLD * 2, Double.NEGATIVE_INFINITY, -THETA_THRESHOLD * 2,
          Double.NEGATIVE_INFINITY),
      float32Bounds(X_THRESHOLD * 2, Double.POSITIVE_INFINITY, THETA_THRESHOLD * 2,
          Double.POSITIVE_INFINITY));


  /** A cart-pole; call {@code reset} first. */
  public CartPole() {
    super(2, OBSERVATION_SPACE, 4);
  }

  /** A frame on Gymnasium's canvas. */
  @Override
  public java.awt.image.BufferedImage render() {
    return ClassicRenderer.cartPole(state);
  }

  @Override
  protected ResetResult<double[]> onReset() {
    for (int i = 0; i < 4; i++) {
      state[i] = npRandom().uniform(-0.05, 0.05);
    }
    return new ResetResult<>(float32(state), Map.of());
  }

  @Override
  protected StepResult<double[]> onStep(Integer action) {
    double x = state[0];
    double xDot = state[1];
    double theta = state[2];
    double thetaDot = state[3];
    double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
    double cosTheta = Trig.cos(theta);
    double sinTheta = Trig.sin(theta);
    double temp = (force + POLEMASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS;
    double thetaAcc = (GRAVITY * sinTheta - cosTheta * temp)
        / (LENGTH * (4.0 / 3.0 - MASS_POLE * (cosTheta * cosTheta) / TOTAL_MASS));
    double xAcc = temp - POLEMASS_LENGTH * thetaAcc * cosTheta / TOTAL_MASS;
    x = x + TAU * xDot;
    xDot = xDot + TAU * xAcc;
    theta = theta + TAU * thetaDot;
    thetaDot = thetaDot + TAU * thetaAcc;
    state[0] = x;
    state[1] = xDot;
    state[2] = theta;
    state[3] = thetaDot;
    boolean terminated = x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD
        || theta > THETA_THRESHOLD;
    return new StepResult<>(float32(state), 1.0, terminated, false, Map.of());
  }
}
