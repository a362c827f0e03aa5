package semaine.rl.classic;

import java.util.Map;
import semaine.rl.Box;
import semaine.rl.ResetResult;
import semaine.rl.StepResult;

/**
 * Gymnasium's {@code Acrobot-v1} (Sutton's acrobot, the book's dynamics): two links hanging from a
 * pivot, a torque of -1, 0 or +1 (actions 0, 1, 2) on the middle joint; swing the tip above the
 * line one link above the pivot ({@code -cos θ1 - cos(θ1 + θ2) > 1}). Reward -1 per step, 0 on the
 * terminal one; {@code Envs.make("Acrobot-v1")} truncates at 500 steps. The start state is four
 * values uniform in (-0.1, 0.1), kept as float32 as Gymnasium keeps them. One step integrates the
 * equations of motion over dt = 0.2 s with one fourth-order Runge-Kutta step, in Gymnasium's order
 * of operations; the angles are wrapped into [-π, π], the velocities bounded by 4π and 9π. The
 * observation is cos θ1, sin θ1, cos θ2, sin θ2, θ1', θ2' as float32.
 */
public final class Acrobot extends ClassicControl {

  static final double DT = 0.2;
  static final double MAX_VEL_1 = 4 * Math.PI;
  static final double MAX_VEL_2 = 9 * Math.PI;
  private static final double[] TORQUE = {-1.0, 0.0, 1.0};

  private static final Box OBSERVATION_SPACE = new Box(
      float32Bounds(-1, -1, -1, -1, -MAX_VEL_1, -MAX_VEL_2),
      float32Bounds(1, 1, 1, 1, MAX_VEL_1, MAX_VEL_2));


  /** An acrobot; call {@code reset} first. */
  public Acrobot() {
    super(3, OBSERVATION_SPACE, 4);
  }

  /** A frame on Gymnasium's canvas. */
  @Override
  public java.awt.image.BufferedImage render() {
    return ClassicRenderer.acrobot(state);
  }

  @Override
  protected ResetResult<double[]> onReset() {
    for (int i = 0; i < 4; i++) {
      state[i] = (float) npRandom().uniform(-0.1, 0.1);
    }
    return new ResetResult<>(observation(), Map.of());
  }

  @Override
  protected StepResult<double[]> onStep(Integer action) {
    double torque = TORQUE[action];
    double[] next = rk4(state, torque);
    state[0] = wrap(next[0], -Math.PI, Math.PI);
    state[1] = wrap(next[1], -Math.PI, Math.PI);
    state[2] = Math.min(Math.max(next[2], -MAX_VEL_1), MAX_VEL_1);
    state[3] = Math.min(Math.max(next[3], -MAX_VEL_2), MAX_VEL_2);
    boolean terminated = -Trig.cos(state[0]) - Trig.cos(state[1] + state[0]) > 1.0;
    return new StepResult<>(observation(), terminated ? 0.0 : -1.0, terminated, false,
        Map.of());
  }

  /**
   * cos θ1, sin θ1, cos θ2, sin θ2, θ1', θ2' as float32. Right after a reset NumPy takes cos and
   * sin of the float32 state in float32; here they are taken in double and rounded once, which
   * gave NumPy's bits on every reference reset.
   */
  private double[] observation() {
    return float32(Trig.cos(state[0]), Trig.sin(state[0]), Trig.cos(state[1]),
        Trig.sin(state[1]), state[2], state[3]);
  }

  /** One Runge-Kutta step of dt: {@code y0 + dt/6 (k1 + 2 k2 + 2 k3 + k4)}, as Gymnasium's rk4. */
  private static double[] rk4(double[] y0, double torque) {
    double dt2 = DT / 2.0;
    double[] k1 = derivatives(y0, torque);
    double[] k2 = derivatives(axpy(y0, dt2, k1), torque);
    double[] k3 = derivatives(axpy(y0, dt2, k2), torque);
    double[] k4 = derivatives(axpy(y0, DT, k3), torque);
    double[] out = new double[4];
    double h = DT / 6.0;
    for (int i = 0; i < 4; i++) {
      out[i] = y0[i] + h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    return out;
  }

  private static double[] axpy(double[] y, double a, double[] k) {
    double[] out = new double[4];
    for (int i = 0; i < 4; i++) {
      out[i] = y[i] + a * k[i];
    }
    return out;
  }

  /** Gymnasium's {@code _dsdt} with the book's equations; masses, lengths and inertias are 1. */
  private static double[] derivatives(double[] s, double a) {
    final double m1 = 1.0;
    final double m2 = 1.0;
    final double l1 = 1.0;
    final double lc1 = 0.5;
    final double lc2 = 0.5;
    final double i1 = 1.0;
    final double i2 = 1.0;
    final double g = 9.8;
    double theta1 = s[0];
    double theta2 = s[1];
    double dtheta1 = s[2];
    double dtheta2 = s[3];
    double cos2 = Trig.cos(theta2);
    double sin2 = Trig.sin(theta2);
    double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cos2) + i1 + i2;
    double d2 = m2 * (lc2 * lc2 + l1 * lc2 * cos2) + i2;
    double phi2 = m2 * lc2 * g * Trig.cos(theta1 + theta2 - Math.PI / 2.0);
    double phi1 = -m2 * l1 * lc2 * (dtheta2 * dtheta2) * sin2
        - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin2
        + (m1 * lc1 + m2 * l1) * g * Trig.cos(theta1 - Math.PI / 2)
        + phi2;
    double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * (dtheta1 * dtheta1) * sin2 - phi2)
        / (m2 * (lc2 * lc2) + i2 - d2 * d2 / d1);
    double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
    return new double[] {dtheta1, dtheta2, ddtheta1, ddtheta2};
  }

  /** Gymnasium's {@code wrap}: shifts x by whole turns into [m, M]. */
  private static double wrap(double x, double m, double big) {
    double diff = big - m;
    while (x > big) {
      x = x - diff;
    }
    while (x < m) {
      x = x + diff;
    }
    return x;
  }
}
