package semaine.util;

import java.math.BigDecimal;

/**
 * Doubles written as Python's {@code repr(float)} writes them, so that semaine's CSV files and JSON
 * output read digit for digit like NumPy's and scikit-learn's: the shortest decimal that reads back
 * as the same double (Java's {@link Double#toString} finds those digits since JDK 19), laid out as
 * Python lays it out.
 */
public final class Repr {

  private Repr() {}

  /**
   * The shortest decimal that reads back as {@code value}, in Python's {@code repr} layout: plain
   * digits with at least one decimal ({@code 3.0}, {@code 0.0001}) when the decimal exponent is in
   * [-4, 16), else {@code d.ddde±XX} ({@code 1e-05}, {@code 1e+16}).
   * Non-finite values read {@code nan}, {@code inf} and {@code -inf}, as Python prints them.
   */
  public static String of(double value) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return Double.doubleToRawLongBits(value) == 0 ? "0.0" : "-0.0";
    }
    double magnitude = Math.abs(value);
    // Java's Double.toString gives the shortest round-trip digits (JDK 19+), e.g. "1.0E-5".
    String java = Double.toString(magnitude);
    int e = java.indexOf('E');
    String mantissa = e < 0 ? java : java.substring(0, e);
    int dot = mantissa.indexOf('.');
    String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    // value = 0.DIGITS x 10^point
    int point = dot + (e < 0 ? 0 : Integer.parseInt(java.substring(e + 1)));
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    digits = digits.substring(lead);
    point -= lead;
    digits = digits.replaceFirst("0+$", "");
    Decimal decimal = new Decimal(digits, point);
    if (digits.length() == 2) { // Java may pick 2 digits where 1 digit round-trips too (4.9E-324)
      decimal = oneDigit(decimal, magnitude);
    }
    digits = decimal.digits();
    point = decimal.point();
    String text = point > -4 && point <= 16 ? plain(digits, point) : scientific(digits, point);
    return value < 0 ? "-" + text : text;
  }

  /** The decimal 0.{@code digits} x 10^{@code point}. */
  private record Decimal(String digits, int point) {}

  /** The one-digit decimal nearest {@code magnitude} that reads back as it, else {@code twoDigits}. */
  private static Decimal oneDigit(Decimal twoDigits, double magnitude) {
    BigDecimal exact = new BigDecimal(magnitude);
    Decimal best = twoDigits;
    BigDecimal bestError = null;
    int first = twoDigits.digits().charAt(0) - '0';
    for (int d = first; d <= first + 1; d++) { // round the two digits down, then up
      Decimal candidate = d == 10
          ? new Decimal("1", twoDigits.point() + 1)
          : new Decimal(Integer.toString(d), twoDigits.point());
      BigDecimal value = new BigDecimal(candidate.digits()).scaleByPowerOfTen(candidate.point() - 1);
      BigDecimal error = value.subtract(exact).abs();
      if (value.doubleValue() == magnitude && (bestError == null || error.compareTo(bestError) < 0)) {
        best = candidate;
        bestError = error;
      }
    }
    return best;
  }

  private static String plain(String digits, int point) {
    if (point <= 0) {
      return "0." + "0".repeat(-point) + digits;
    }
    if (point >= digits.length()) {
      return digits + "0".repeat(point - digits.length()) + ".0";
    }
    return digits.substring(0, point) + "." + digits.substring(point);
  }

  private static String scientific(String digits, int point) {
    int exponent = point - 1;
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String sign = exponent < 0 ? "-" : "+";
    int abs = Math.abs(exponent);
    return mantissa + "e" + sign + (abs < 10 ? "0" : "") + abs;
  }

}
