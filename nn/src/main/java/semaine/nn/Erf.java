package semaine.nn;

/**
 * The error function in double precision, for the exact GELU (Java has no {@code Math.erf}).
 *
 * <p>{@code erf(x) = 2/√π Σ_n (−1)^n x^(2n+1) / (n! (2n+1))} for |x| < 2 (the terms stay below
 * 3, so no digits are lost), and {@code 1 − erfc(x)} above, with erfc from its continued fraction
 * {@code e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))} evaluated by Lentz's method.
 * Both give about 1e-15 absolute, far below float resolution.
 */
final class Erf {

  private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

  private Erf() {}

  static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double ax = Math.abs(x);
    double value = ax < 2.0 ? series(ax) : 1.0 - erfc(ax);
    return x < 0 ? -value : value;
  }

  private static double series(double x) {
    double x2 = x * x;
    double power = x; // (-1)^n x^(2n+1) / n!
    double sum = x;
    for (int n = 1; n < 100; n++) {
      power *= -x2 / n;
      double term = power / (2 * n + 1);
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    return TWO_OVER_SQRT_PI * sum;
  }

  /** erfc(x) for x >= 2 by the continued fraction (modified Lentz). */
  private static double erfc(double x) {
    if (x > 27) {
      return 0.0;
    }
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int n = 1; n < 200; n++) {
      double an = n / 2.0;
      d = x + an * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = x + an / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1.0 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1.0) < 1e-16) {
        break;
      }
    }
    return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
  }
}
