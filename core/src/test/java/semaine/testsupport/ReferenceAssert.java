package semaine.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Compares Java results with reference vectors (JSON lists) exactly or within a tolerance. */
public final class ReferenceAssert {

  private ReferenceAssert() {}

  /** Asserts {@code actual} (int[], double[] or double[][]) equals the JSON list exactly. */
  public static void assertExact(Object expected, Object actual, String what) {
    switch (actual) {
      case int[] a -> assertArrayEquals(ReferenceVectors.ints(expected), a, what);
      case double[] a -> assertArrayEquals(ReferenceVectors.doubles(expected), a, what);
      case double[][] a -> {
        double[][] e = ReferenceVectors.matrix(expected);
        assertEquals(e.length, a.length, what + ": rows");
        for (int r = 0; r < e.length; r++) {
          assertArrayEquals(e[r], a[r], what + ": row " + r);
        }
      }
      default -> fail(what + ": unexpected type " + actual.getClass());
    }
  }

  /**
   * Asserts every value is within {@code tol} of the reference (absolute, scaled by max(1, |x|)) and
   * returns how many values are not bit-identical.
   */
  public static int assertClose(Object expected, Object actual, double tol, String what) {
    double[][] e;
    double[][] a;
    if (actual instanceof double[] vector) {
      e = new double[][] {ReferenceVectors.doubles(expected)};
      a = new double[][] {vector};
    } else {
      e = ReferenceVectors.matrix(expected);
      a = (double[][]) actual;
    }
    assertEquals(e.length, a.length, what + ": rows");
    int inexact = 0;
    for (int r = 0; r < e.length; r++) {
      assertEquals(e[r].length, a[r].length, what + ": row " + r + " length");
      for (int c = 0; c < e[r].length; c++) {
        double diff = Math.abs(e[r][c] - a[r][c]);
        assertTrue(diff <= tol * Math.max(1, Math.abs(e[r][c])),
            what + "[" + r + "][" + c + "]: " + a[r][c] + " vs " + e[r][c]);
        if (e[r][c] != a[r][c]) {
          inexact++;
        }
      }
    }
    return inexact;
  }
}
