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
 * converted straight from their UTF-8 bytes by FastDoubleParser's {@code JavaDoubleParser}, which
 * gives the same correctly rounded double as {@link Double#parseDouble} (and so as Python's
 * {@code float()}: both round the exact decimal to nearest, ties to even); every other field goes
 * through its {@code String} and the same rule as {@link CsvTable}.
 */
final class CsvNumbers {

  /** The problem of an empty (or blank) field. */
  static final String EMPTY = "empty field (missing values are not allowed)";

  /** A plain decimal number, as Python's float() reads it minus nan/inf (and Java's suffixes). */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private CsvNumbers() {}

  /**
   * Whether {@code bytes[start, end)} is a plain decimal without spaces: {@code [+-]?} digits with
   * an optional fraction (or a fraction alone), then an optional exponent {@code [eE][+-]?digits}.
   */
  static boolean isPlain(byte[] bytes, int start, int end) {
    int i = start;
    if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
      i++;
    }
    int digitsFrom = i;
    i = skipDigits(bytes, i, end);
    int digits = i - digitsFrom;
    if (i < end && bytes[i] == '.') {
      int fractionFrom = ++i;
      i = skipDigits(bytes, i, end);
      digits += i - fractionFrom;
    }
    if (digits == 0) {
      return false;
    }
    if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
        i++;
      }
      int exponentFrom = i;
      i = skipDigits(bytes, i, end);
      if (i == exponentFrom) {
        return false;
      }
    }
    return i == end;
  }

  /** The double of a field that {@link #isPlain} accepted (infinite when it overflows). */
  static double parsePlain(byte[] bytes, int start, int end) {
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

  /** The value of a field whose {@link #problem} is null. */
  static double value(String field) {
    return Double.parseDouble(field.strip());
  }

  private static int skipDigits(byte[] bytes, int i, int end) {
    while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    return i;
  }
}
