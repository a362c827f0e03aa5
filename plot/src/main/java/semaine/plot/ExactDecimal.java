package semaine.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal roundings of a double's exact binary value, as {@link BigDecimal#BigDecimal(double)}
 * followed by {@code round} or {@code setScale} gives them, in long arithmetic: a double is
 * m 2^q (m < 2^53), so |x| 10^p for p ≤ 18 is the 113-bit integer m 10^p shifted by q bits, whose
 * integer part and remainder are read off exactly. Values out of that range (|x| 10^p at or
 * above 2^62) take BigDecimal itself, whose first use costs tens of milliseconds on a fresh JVM.
 */
final class ExactDecimal {

  private static final long[] POWERS = new long[19]; // 10^0 .. 10^18
  private static final long LIMIT = 1L << 62; // integer parts are kept below it

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10;
    }
  }

  private ExactDecimal() {}

  /**
   * The scale (digits after the point, negative for trailing zeros before it) of x rounded to
   * {@code digits} significant digits (half up) with its trailing zeros stripped:
   * {@code new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros().scale()}, for
   * x ≠ 0 and 1 ≤ digits ≤ 18.
   */
  static int roundedScale(double x, int digits) {
    double a = Math.abs(x);
    int e = (int) Math.floor(Math.log10(a)); // the leading digit's place, corrected below
    for (int tries = 0; tries < 3 && Double.isFinite(a) && a > 0; tries++) {
      int p = digits - 1 - e;
      long floor = p < 0 || p >= POWERS.length ? -1 : floor(a, p);
      if (floor < 0) {
        break;
      }
      if (floor >= POWERS[digits]) {
        e++;
      } else if (floor < POWERS[digits - 1]) {
        e--;
      } else {
        long rounded = floor + (remainder(a, p) >= 0 ? 1 : 0);
        int zeros = 0;
        while (rounded % 10 == 0) {
          rounded /= 10;
          zeros++;
        }
        return p - zeros;
      }
    }
    return new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros().scale();
  }

  /**
   * x rounded half-even to {@code decimals} places, written in full without exponent:
   * {@code new BigDecimal(x).setScale(decimals, HALF_EVEN).toPlainString()}, 0 ≤ decimals ≤ 18.
   */
  static String plain(double x, int decimals) {
    double a = Math.abs(x);
    long floor = Double.isFinite(a) ? floor(a, decimals) : -1;
    if (floor < 0) {
      return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
    int half = remainder(a, decimals);
    long n = floor + (half > 0 || half == 0 && (floor & 1) == 1 ? 1 : 0);
    StringBuilder s = new StringBuilder(Long.toString(n));
    while (s.length() <= decimals) {
      s.insert(0, '0');
    }
    if (decimals > 0) {
      s.insert(s.length() - decimals, '.');
    }
    return n != 0 && x < 0 ? "-" + s : s.toString();
  }

  /** floor(a 10^p) for finite a ≥ 0 and 0 ≤ p ≤ 18, or -1 when it is 2^62 or more. */
  private static long floor(double a, int p) {
    long m = significand(a);
    int q = exponent(a);
    long pow = POWERS[p];
    long hi = Math.multiplyHigh(m, pow); // m 10^p = hi 2^64 + lo (unsigned lo), below 2^113
    long lo = m * pow;
    if (q >= 0) {
      if (hi != 0 || q >= 62 || lo >>> (62 - q) != 0) {
        return -1;
      }
      return lo << q;
    }
    int k = -q; // 1 ≤ k: shift hi:lo right by k bits
    if (k >= 128) {
      return 0;
    }
    long high = k >= 64 ? 0 : hi >>> k;
    long low = k >= 64 ? hi >>> (k - 64) : lo >>> k | hi << (64 - k);
    return high != 0 || low >>> 62 != 0 ? -1 : low;
  }

  /**
   * How the fraction a 10^p - floor(a 10^p) compares with 1/2: -1 below (or none), 0 equal,
   * 1 above; for finite a ≥ 0 and 0 ≤ p ≤ 18.
   */
  private static int remainder(double a, int p) {
    int q = exponent(a);
    if (q >= 0) {
      return -1;
    }
    int k = -q;
    long m = significand(a);
    long pow = POWERS[p];
    long hi = Math.multiplyHigh(m, pow);
    long lo = m * pow;
    if (k > 113) {
      return -1; // a 10^p < 2^113 / 2^114: below 1/2
    }
    // the half is bit k - 1 of hi:lo; the bits under it make the fraction above or equal to it
    int h = k - 1;
    long halfBit = h >= 64 ? hi >>> (h - 64) & 1 : lo >>> h & 1;
    boolean under = h >= 64 ? lo != 0 || (hi & ((1L << (h - 64)) - 1)) != 0
        : (lo & ((1L << h) - 1)) != 0;
    if (halfBit == 0) {
      return -1;
    }
    return under ? 1 : 0;
  }

  /** m of a = m 2^q, with the implicit leading bit of normal numbers. */
  private static long significand(double a) {
    long bits = Double.doubleToRawLongBits(a);
    long fraction = bits & ((1L << 52) - 1);
    return (bits >>> 52 & 0x7ff) == 0 ? fraction : fraction | 1L << 52;
  }

  /** q of a = m 2^q. */
  private static int exponent(double a) {
    int biased = (int) (Double.doubleToRawLongBits(a) >>> 52 & 0x7ff);
    return (biased == 0 ? 1 : biased) - 1075;
  }
}
