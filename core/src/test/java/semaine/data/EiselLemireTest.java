package semaine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link EiselLemire} and the numbers of 16 to 19 digits that {@link CsvNumbers#parse} gives it:
 * every answer is {@link Double#parseDouble}'s (so Python's {@code float()}'s), or NaN for the
 * exact path to decide.
 */
class EiselLemireTest {

  @Test
  void theTableHoldsTenToTheQRoundedDownTo128Bits() {
    // 10^43 = 0xE596B7B0_C643C719_6D9CCD05_D0000000 × 2^15; 10^-1 = 0.CCCC... in binary
    EiselLemire.Power p43 = EiselLemire.truncated(43);
    assertEquals(0xE596B7B0C643C719L, p43.hi());
    assertEquals(0x6D9CCD05D0000000L, p43.lo());
    EiselLemire.Power p0 = EiselLemire.truncated(0);
    assertEquals(Long.MIN_VALUE, p0.hi());
    assertEquals(0L, p0.lo());
    EiselLemire.Power minus1 = EiselLemire.truncated(-1);
    assertEquals(0xCCCCCCCCCCCCCCCCL, minus1.hi());
    assertEquals(0xCCCCCCCCCCCCCCCCL, minus1.lo());
    for (int q = EiselLemire.MIN_POWER; q <= EiselLemire.MAX_POWER; q += 7) {
      EiselLemire.Power p = EiselLemire.truncated(q);
      assertTrue(p.hi() < 0, "the top bit of 10^" + q + " is set");
    }
  }

  @Test
  void pythonReprOfDoublesReadsBackBitForBit() {
    SplittableRandom random = new SplittableRandom(17);
    for (int trial = 0; trial < 300_000; trial++) {
      double value = switch (trial % 3) {
        case 0 -> random.nextGaussian();
        case 1 -> Math.scalb(random.nextDouble(), random.nextInt(-1070, 1024));
        default -> Double.longBitsToDouble(random.nextLong());
      };
      if (!Double.isFinite(value)) {
        continue;
      }
      String text = Csv.formatDouble(value);
      assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(parse(text)),
          text);
    }
  }

  @Test
  void longDigitStringsAndNearHalfwayDecimalsAgreeWithParseDouble() {
    SplittableRandom random = new SplittableRandom(23);
    for (int trial = 0; trial < 300_000; trial++) {
      String text;
      if (trial % 2 == 0) { // 16 to 19 random digits, an exponent across the double range
        StringBuilder number = new StringBuilder(random.nextBoolean() ? "-" : "");
        int digits = 16 + random.nextInt(4);
        int point = random.nextInt(digits + 1);
        for (int d = 0; d < digits; d++) {
          number.append(d == point ? "." : "").append((char) ('0' + random.nextInt(10)));
        }
        text = number.append('e').append(random.nextInt(-345, 330)).toString();
      } else { // a double plus half an ulp, nudged by at most 1e-30 of it: the hard roundings
        double value = Math.scalb(1 + random.nextDouble(), random.nextInt(-60, 60));
        BigDecimal half = new BigDecimal(Math.ulp(value)).divide(BigDecimal.TWO);
        BigDecimal nudge = half.multiply(new BigDecimal(BigInteger.valueOf(random.nextInt(-1, 2)),
            30));
        text = new BigDecimal(value).add(half).add(nudge).round(new java.math.MathContext(
            16 + random.nextInt(4))).toString();
      }
      double expected = Double.parseDouble(text);
      if (Double.isFinite(expected)) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(parse(text)),
            text);
      }
    }
  }

  @Test
  void whatItCannotDecideIsLeftToTheExactPath() {
    // 2^53 + 1 is exactly halfway between two doubles; subnormals and overflows go elsewhere
    assertTrue(Double.isNaN(EiselLemire.toDouble(9007199254740993L, 0, false)));
    assertTrue(Double.isNaN(EiselLemire.toDouble(1, -320, false)));
    assertTrue(Double.isNaN(EiselLemire.toDouble(1, 309, false)));
    assertTrue(Double.isNaN(EiselLemire.toDouble(1, 400, false)));
    assertTrue(Double.isNaN(EiselLemire.toDouble(0, 0, false)));
    assertEquals(Double.doubleToRawLongBits(-0.1), Double.doubleToRawLongBits(
        EiselLemire.toDouble(1, -1, true)));
    assertEquals(Double.doubleToRawLongBits(Double.parseDouble("18446744073709551615")),
        Double.doubleToRawLongBits(EiselLemire.toDouble(-1L, 0, false))); // 2^64 - 1, unsigned
    for (String text : new String[] {"9007199254740993", "4.9e-324", "1.7976931348623157e308",
        "2.2250738585072011e-308", "2.2250738585072014e-308", "1e-400", "1.8e308"}) {
      double expected = Double.parseDouble(text);
      if (Double.isFinite(expected)) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(parse(text)),
            text);
      } else {
        assertTrue(Double.isInfinite(parse(text)), text);
      }
    }
  }

  private static double parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return CsvNumbers.parse(bytes, 0, bytes.length);
  }
}
