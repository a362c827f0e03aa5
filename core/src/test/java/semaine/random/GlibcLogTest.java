package semaine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import semaine.testsupport.ReferenceVectors;

/**
 * Compares GlibcLog with glibc's {@code log()} on the inputs of {@code reference/glibc_log.py}
 * (Python's {@code math.log} on glibc 2.36, x86-64): every output must be the same double.
 */
class GlibcLogTest {

  private static final List<Map<String, Object>> CASES = ReferenceVectors.cases("glibc_log.json");

  @TestFactory
  Stream<DynamicTest> everyReferenceInputGivesGlibcsDouble() {
    return CASES.stream().map(c -> dynamicTest((String) c.get("name"), () -> {
      double[] x = hexDoubles(c.get("x"));
      double[] expected = hexDoubles(c.get("log"));
      assertTrue(x.length > 0);
      for (int i = 0; i < x.length; i++) {
        double input = x[i];
        double glibc = expected[i];
        double actual = GlibcLog.log(input);
        assertEquals(Double.doubleToRawLongBits(glibc), Double.doubleToRawLongBits(actual),
            () -> "log(" + Double.toHexString(input) + ") = " + Double.toHexString(actual)
                + ", glibc gives " + Double.toHexString(glibc));
      }
    }));
  }

  @Test
  void referenceHoldsHardCasesWhereMathLogIsNotGlibc() {
    // the cases are meant to stress rounding: some must be inputs that Math.log rounds differently
    int differ = 0;
    for (Map<String, Object> c : CASES) {
      double[] x = hexDoubles(c.get("x"));
      double[] expected = hexDoubles(c.get("log"));
      for (int i = 0; i < x.length; i++) {
        if (Math.log(x[i]) != expected[i]) {
          differ++;
        }
      }
    }
    assertTrue(differ >= 100, "only " + differ + " inputs where Math.log differs from glibc");
  }

  @Test
  void specialValuesFollowC() {
    assertEquals(Double.NEGATIVE_INFINITY, GlibcLog.log(0.0));
    assertEquals(Double.NEGATIVE_INFINITY, GlibcLog.log(-0.0));
    assertEquals(Double.POSITIVE_INFINITY, GlibcLog.log(Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(GlibcLog.log(-1.0)));
    assertTrue(Double.isNaN(GlibcLog.log(-Double.MIN_VALUE)));
    assertTrue(Double.isNaN(GlibcLog.log(Double.NEGATIVE_INFINITY)));
    assertTrue(Double.isNaN(GlibcLog.log(Double.NaN)));
    assertEquals(0L, Double.doubleToRawLongBits(GlibcLog.log(1.0))); // +0.0, not -0.0
  }

  private static double[] hexDoubles(Object list) {
    return ((List<?>) list).stream().mapToDouble(s -> Double.parseDouble((String) s)).toArray();
  }
}
