package semaine.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The numbers of a CSV field: which fields are numbers, their doubles, and what is wrong with the
 * others, by {@link CsvTable}'s rule (a plain decimal as Python's {@code float()} reads it, minus
 * NaN, infinities, underscores and Java's {@code d}/{@code f} suffixes and hexadecimal; surrounding
 * white space, as {@link String#strip()} sees it, allowed).
 *
 * <p>Fields that are plain ASCII decimals without spaces (nearly all of them) are checked and
 * converted straight from their UTF-8 bytes ({@link #parse}), to the same correctly rounded double
 * as {@link Double#parseDouble} gives (and so Python's {@code float()}: both round the exact
 * decimal to nearest, ties to even); every other field goes through its {@code String} and the
 * same rule as {@link CsvTable}.
 */
final class CsvNumbers {

  /** The problem of an empty (or blank) field. */
  static final String EMPTY = "empty field (missing values are not allowed)";

  /** A plain decimal number, as Python's float() reads it minus nan/inf (and Java's suffixes). */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** 10^0 .. 10^22, every one an exact double. */
  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
      1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  private CsvNumbers() {}

  /**
   * The double of {@code bytes[start, end)} if it is a plain decimal without spaces ({@code [+-]?}
   * digits with an optional fraction, or a fraction alone, then an optional exponent
   * {@code [eE][+-]?digits}), infinite if that overflows; NaN if it is not a plain decimal.
   *
   * <p>Up to 15 significant digits and a power of ten up to 22 (integers, short decimals) take
   * Clinger's exact path: the digits and the power of ten are both exact doubles, so one
   * multiplication or division rounds once, correctly. Up to 19 (Python's repr has up to 17) go
   * to {@link EiselLemire} with the digits already read; longer ones, and the rare cases that it
   * cannot decide, to {@code JavaDoubleParser} (the same algorithm, with an exact fallback).
   */
  static double parse(byte[] bytes, int start, int end) {
    int i = start;
    boolean negative = false;
    if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
      negative = bytes[i++] == '-';
    }
    long digits = 0; // the first 19 significant digits, as an unsigned integer
    int significant = 0;
    int count = 0;
    int fraction = 0; // digits after the point
    for (boolean point = false; i < end; i++) {
      int d = bytes[i] - '0';
      if (d >= 0 && d <= 9) {
        count++;
        fraction += point ? 1 : 0;
        if (digits != 0 || d != 0) {
          digits = ++significant <= 19 ? 10 * digits + d : digits;
        }
      } else if (bytes[i] == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (count == 0) {
      return Double.NaN;
    }
    int exponent = 0;
    if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      boolean negativeExponent = i < end && bytes[i] == '-';
      i += i < end && (bytes[i] == '+' || bytes[i] == '-') ? 1 : 0;
      int exponentFrom = i;
      for (; i < end && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
        exponent = exponent < 100_000 ? 10 * exponent + (bytes[i] - '0') : exponent;
      }
      if (i == exponentFrom) {
        return Double.NaN;
      }
      exponent = negativeExponent ? -exponent : exponent;
    }
    if (i != end) {
      return Double.NaN;
    }
    int power = exponent - fraction;
    if (significant <= 15 && power >= -22 && power <= 22) {
      double value = power >= 0 ? digits * POWERS_OF_TEN[power] : digits / POWERS_OF_TEN[-power];
      return negative ? -value : value;
    }
    if (significant <= 19) {
      double value = EiselLemire.toDouble(digits, power, negative);
      if (!Double.isNaN(value)) {
        return value;
      }
    }
    return JavaDoubleParser.parseDouble(bytes, start, end - start);
  }

  /**
   * What is wrong with {@code field} as a feature value, in {@link CsvTable}'s words, or null when
   * it is a finite number.
   */
  static String problem(String field) {
    String stripped = field.strip();
    if (stripped.isEmpty()) {
      return EMPTY;
    }
    if (!NUMBER.matcher(stripped).matches()) {
      String lower = stripped.toLowerCase(Locale.ROOT);
      boolean special = lower.matches("[+-]?(nan|inf|infinity)");
      return "'" + stripped + "' is not a number"
          + (special ? " (NaN and infinities are not allowed)" : "");
    }
    if (Double.isInfinite(Double.parseDouble(stripped))) {
      return "'" + stripped + "' overflows a double";
    }
    return null;
  }

  /**
   * Whether {@code field} is text (a category's name): not blank, not a decimal number, and not a
   * spelling of NaN or an infinity (those are numbers, refused as features for another reason).
   */
  static boolean isText(String field) {
    String stripped = field.strip();
    return !stripped.isEmpty() && !NUMBER.matcher(stripped).matches()
        && !stripped.toLowerCase(Locale.ROOT).matches("[+-]?(nan|inf|infinity)");
  }

  /** The value of a field whose {@link #problem} is null. */
  static double value(String field) {
    return Double.parseDouble(field.strip());
  }

}
