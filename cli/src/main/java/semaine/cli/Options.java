package semaine.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option converters shared by the commands, each enforcing one rule.
 *
 * <p>A converter only knows the value, so it throws {@link InvalidValue} carrying the rule
 * ({@code must be >= 1}); {@link ErrorHandler} adds the option name and the value, giving the same
 * form as {@link semaine.util.Checks}: {@code --samples (-1) must be >= 1}. Use them as
 * {@code @Option(names = "--samples", converter = Options.PositiveInt.class) int samples;}.
 */
public final class Options {

  /** The largest seed NumPy's legacy {@code RandomState} accepts, 2^32 - 1. */
  public static final long MAX_SEED = 0xFFFF_FFFFL;

  private Options() {}

  /** A value that breaks its option's rule; the message is the rule alone, e.g. "must be >= 1". */
  public static final class InvalidValue extends TypeConversionException {
    private static final long serialVersionUID = 1L;

    public InvalidValue(String rule) {
      super(rule);
    }

    /** The rule the value broke, e.g. {@code must be >= 1}. */
    public String rule() {
      return getMessage();
    }
  }

  /** An integer {@code >= 1} (sample, cluster and feature counts). */
  public static final class PositiveInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) integer(value, 1, Integer.MAX_VALUE, ">= 1");
    }
  }

  /** An integer {@code >= 0}. */
  public static final class NonNegativeInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) integer(value, 0, Integer.MAX_VALUE, ">= 0");
    }
  }

  /** A seed for {@code RandomState}: an integer in [0, 2^32 - 1], as NumPy requires. */
  public static final class Seed implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return integer(value, 0, MAX_SEED, "in [0, " + MAX_SEED + "]");
    }
  }

  /** A finite number {@code > 0} (standard deviations, noise, learning rates). */
  public static final class PositiveDouble implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double x = number(value, "must be a number > 0");
      // Written as !(x > 0) so that NaN is refused too.
      if (!(x > 0) || Double.isInfinite(x)) {
        throw new InvalidValue("must be > 0 and finite");
      }
      return x;
    }
  }

  /** A finite number {@code >= 0} (noise levels). */
  public static final class NonNegativeDouble implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double x = number(value, "must be a number >= 0");
      if (!(x >= 0) || Double.isInfinite(x)) {
        throw new InvalidValue("must be >= 0 and finite");
      }
      return x;
    }
  }

  /**
   * Parses a decimal integer and checks {@code low <= value <= high}; {@code range} says the rule in
   * words ({@code ">= 1"}). Text that is not an integer gets "must be an integer >= 1"; a value above
   * {@code high} (2^31 or 2^63 for a count) gets "is too large: the maximum is 2147483647", unless
   * {@code range} names the maximum itself.
   */
  /**
   * Up to the first eight of {@code values}, comma-separated, then how many more there are: a
   * list for a message, which must stay readable when the file has a million distinct values.
   */
  public static String some(java.util.List<String> values) {
    int shown = Math.min(8, values.size());
    String head = String.join(", ", values.subList(0, shown));
    return shown == values.size() ? head : head + ", ... and " + (values.size() - shown) + " more";
  }

  private static long integer(String text, long low, long high, String range) {
    String digits = text.strip();
    if (!digits.matches("[+-]?\\d+")) {
      throw new InvalidValue("must be an integer " + range);
    }
    boolean negative = digits.startsWith("-");
    long value;
    try {
      value = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      value = negative ? Long.MIN_VALUE : Long.MAX_VALUE; // beyond the long range: as far out
    }
    if (value > high && !range.contains(Long.toString(high))) {
      throw new InvalidValue("is too large: the maximum is " + high);
    }
    if (value < low || value > high) {
      throw new InvalidValue("must be " + range);
    }
    return value;
  }

  private static double number(String text, String rule) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidValue(rule);
    }
  }
}
