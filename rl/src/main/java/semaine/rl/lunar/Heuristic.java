package semaine.rl.lunar;

/** The two PD terms of Gymnasium's LunarLander heuristic, shared by both action kinds. */
final class Heuristic {

  private Heuristic() {}

  /** {angle_todo, hover_todo} for the observation {@code s}; see {@link LunarLander#heuristic}. */
  static double[] todo(double[] s) {
    if (s == null || s.length != 8) {
      throw new IllegalArgumentException("s must be a LunarLander observation of 8 values, got "
          + (s == null ? "null" : s.length + " values"));
    }
    double angleTarget = Math.max(-0.4, Math.min(0.4, s[0] * 0.5 + s[2] * 1.0));
    double hoverTarget = 0.55 * Math.abs(s[0]);
    double angleTodo = (angleTarget - s[4]) * 0.5 - s[5] * 1.0;
    double hoverTodo = (hoverTarget - s[1]) * 0.5 - s[3] * 0.5;
    if (s[6] != 0 || s[7] != 0) { // legs have contact
      angleTodo = 0;
      hoverTodo = -s[3] * 0.5;
    }
    return new double[] {angleTodo, hoverTodo};
  }
}
