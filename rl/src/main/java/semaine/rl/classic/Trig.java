package semaine.rl.classic;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Cosine and sine as near to glibc's (Python's {@code math.cos}, NumPy's {@code np.cos}) as a
 * short routine gets: {@link Math}'s intrinsics and {@link StrictMath}'s fdlibm are each within
 * one ulp and each miss glibc's value on some inputs of the reference trajectories; where the two
 * disagree, the one nearer the value computed to 50 digits (a Taylor series in {@link BigDecimal})
 * is returned, the correctly rounded one. glibc itself is not correctly rounded everywhere (at
 * {@code cos(-1.3401135813902663)}, a value within 0.01 ulp of a midpoint, it rounds the other
 * way), so the inner double state can differ from Gymnasium's by an ulp; the float32 observations
 * and every flag of the reference trajectories are equal (ClassicControlTest).
 */
final class Trig {

  private static final MathContext DIGITS = new MathContext(50);

  private Trig() {}

  static double cos(double x) {
    double a = StrictMath.cos(x);
    double b = Math.cos(x);
    return a == b ? a : nearest(a, b, series(x, true));
  }

  static double sin(double x) {
    double a = StrictMath.sin(x);
    double b = Math.sin(x);
    return a == b ? a : nearest(a, b, series(x, false));
  }

  private static double nearest(double a, double b, BigDecimal exact) {
    BigDecimal da = new BigDecimal(a).subtract(exact).abs();
    BigDecimal db = new BigDecimal(b).subtract(exact).abs();
    return da.compareTo(db) <= 0 ? a : b;
  }

  /** cos x = Σ (-1)^k x^(2k) / (2k)!, sin x = Σ (-1)^k x^(2k+1) / (2k+1)!, to 50 digits. */
  private static BigDecimal series(double x, boolean cosine) {
    BigDecimal v = new BigDecimal(x);
    BigDecimal square = v.multiply(v, DIGITS);
    BigDecimal term = cosine ? BigDecimal.ONE : v;
    BigDecimal sum = term;
    BigDecimal threshold = new BigDecimal("1e-45");
    for (int n = cosine ? 0 : 1; term.abs().compareTo(threshold) > 0 || n < 4; n += 2) {
      term = term.multiply(square, DIGITS).negate()
          .divide(BigDecimal.valueOf((long) (n + 1) * (n + 2)), DIGITS);
      sum = sum.add(term, DIGITS);
    }
    return sum;
  }
}
