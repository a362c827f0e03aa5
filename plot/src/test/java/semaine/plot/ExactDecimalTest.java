package semaine.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ExactDecimal gives BigDecimal's roundings of a double's exact value. */
class ExactDecimalTest {

  @Test
  void roundedScalesAreBigDecimals() {
    for (double x : values()) {
      if (x != 0) {
        for (int digits : new int[] {1, 2, 12, 17, 18}) {
          assertEquals(
              new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros().scale(),
              ExactDecimal.roundedScale(x, digits), x + " to " + digits + " digits");
        }
      }
    }
  }

  @Test
  void plainStringsAreBigDecimals() {
    for (double x : values()) {
      for (int decimals : new int[] {0, 1, 2, 3, 6, 12, 18}) {
        assertEquals(new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString(),
            ExactDecimal.plain(x, decimals), x + " to " + decimals + " decimals");
      }
    }
  }

  @Test
  void tiesRoundHalfEvenOnTheExactValue() {
    assertEquals("0.12", ExactDecimal.plain(0.125, 2)); // 0.125 is exact: a tie, to even
    assertEquals("0.38", ExactDecimal.plain(0.375, 2));
    assertEquals("2", ExactDecimal.plain(2.5, 0));
    assertEquals("-4", ExactDecimal.plain(-3.5, 0));
    assertEquals("0.1", ExactDecimal.plain(0.15, 1)); // 0.1499999999999999944...
    assertEquals("0", ExactDecimal.plain(-0.4, 0)); // no minus on zero
    assertEquals("0.000", ExactDecimal.plain(-0.0, 3));
    assertEquals(1, ExactDecimal.roundedScale(0.30000000000000004, 12));
    assertEquals(-2, ExactDecimal.roundedScale(-100, 12));
  }

  /** Tick-like values, ties, powers of ten and their neighbours, and random doubles of any size. */
  private static List<Double> values() {
    List<Double> v = new ArrayList<>();
    double[] steps = {0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 1e-3, 2e-7, 5e4, 0.05};
    for (double step : steps) {
      for (int k = -40; k <= 40; k++) {
        v.add(k * step);
        v.add(k * step + 1e5);
        v.add((k + 0.5) * step);
      }
    }
    for (int e = -20; e <= 25; e++) {
      double p = Math.pow(10, e);
      v.add(p);
      v.add(Math.nextUp(p));
      v.add(Math.nextDown(p));
      v.add(-5 * p);
      v.add(0.5 * p);
      v.add(9.9999999999995 * p);
      v.add(9.99999999999949 * p);
    }
    for (double x : new double[] {0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
        1L << 62, (1L << 62) - 512, 4.6e18, 1e15 + 0.5, 0.125, 0.375, 2.5, 1e-300}) {
      v.add(x);
      v.add(-x);
    }
    Random random = new Random(11);
    for (int i = 0; i < 5_000; i++) {
      double mantissa = random.nextDouble() * 10;
      int exponent = random.nextInt(36) - 18;
      v.add((random.nextBoolean() ? 1 : -1) * mantissa * Math.pow(10, exponent));
      v.add(Math.round(random.nextGaussian() * 1e4) / 1e3); // three decimals, as ticks often are
      v.add(Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
    }
    return v;
  }
}
