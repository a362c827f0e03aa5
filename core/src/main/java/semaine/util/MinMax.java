package semaine.util;

/**
 * {@link Math#min(double, double)} and {@link Math#max(double, double)}, bit for bit (NaN and the
 * order of −0 and +0 included), in a form short enough for C1 to inline.
 *
 * <p>Why: {@code Math.min} and {@code Math.max} of doubles are 46 bytes of bytecode, above C1's
 * inlining limit (35), and C1 does not make them intrinsics; in a loop that C1 compiled (the first
 * call of a fit, or a command run on C1 alone) each one is a call. Here a strict comparison
 * decides, and only equal values or a NaN go to {@code Math}.
 */
public final class MinMax {

  private MinMax() {}

  /** The same value as {@code Math.min(a, b)}. */
  public static double min(double a, double b) {
    return a < b ? a : a > b ? b : Math.min(a, b);
  }

  /** The same value as {@code Math.max(a, b)}. */
  public static double max(double a, double b) {
    return a > b ? a : a < b ? b : Math.max(a, b);
  }
}
