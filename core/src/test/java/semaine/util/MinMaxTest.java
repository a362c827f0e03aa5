package semaine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** MinMax gives Math.min and Math.max's bits on every pair of special and ordinary values. */
class MinMaxTest {

  private static final double[] VALUES = {
      Double.NaN, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.5, -Double.MIN_VALUE, -0.0, 0.0,
      Double.MIN_VALUE, Double.MIN_NORMAL, 1.5, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
      Double.longBitsToDouble(0xfff8000000000001L)};

  @Test
  void sameBitsAsMath() {
    for (double a : VALUES) {
      for (double b : VALUES) {
        assertEquals(Double.doubleToRawLongBits(Math.min(a, b)),
            Double.doubleToRawLongBits(MinMax.min(a, b)), "min(" + a + ", " + b + ")");
        assertEquals(Double.doubleToRawLongBits(Math.max(a, b)),
            Double.doubleToRawLongBits(MinMax.max(a, b)), "max(" + a + ", " + b + ")");
      }
    }
  }
}
