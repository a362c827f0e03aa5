package semaine.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceVectors;

/**
 * Least squares on data near the ends of the double range (1e160, 1e-170, 1e300) against
 * {@code numpy.linalg.lstsq} ({@code reference/lstsq_scales.py}): before scaling, these returned a
 * coefficient of 0 or NaN printed as the fit.
 */
class LeastSquaresScalesTest {

  @Test
  void coefficientsAndSingularValuesMatchNumpyLstsqAtExtremeScales() {
    for (Map<String, Object> c : ReferenceVectors.cases("lstsq_scales.json")) {
      String name = (String) c.get("name");
      double[][] X = ReferenceVectors.matrix(c.get("X"));
      double[][] targets = ReferenceVectors.matrix(c.get("y"));
      LeastSquares solution = solve(X, targets,
          ReferenceVectors.doubles(c.get("x_mean")), ReferenceVectors.doubles(c.get("y_mean")),
          1e-15);
      double[][] expected = ReferenceVectors.matrix(c.get("coef"));
      for (int t = 0; t < expected.length; t++) {
        double scale = 0;
        for (double v : expected[t]) {
          scale = Math.max(scale, Math.abs(v));
        }
        for (int j = 0; j < expected[t].length; j++) {
          assertEquals(expected[t][j], solution.coef()[t][j], 1e-12 * scale,
              name + ": coef[" + t + "][" + j + "]");
        }
      }
      double[] singular = ReferenceVectors.doubles(c.get("singular"));
      for (int i = 0; i < singular.length; i++) {
        assertEquals(singular[i], solution.singular()[i], 1e-12 * singular[0], name + ": s" + i);
      }
      assertEquals(((Number) c.get("rank")).intValue(), solution.rank(), name);
    }
  }

  @Test
  void coefficientsBeyondTheDoubleRangeAreAnErrorNotAZero() {
    double[][] X = {{1e-300}, {2e-300}, {3e-300}};
    double[][] y = {{1e300, 2e300, 3.5e300}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> solve(X, y, new double[] {2e-300}, new double[] {6.5e300 / 3}, 1e-15));
    assertTrue(e.getMessage().startsWith("the least-squares coefficients are out of the double"
        + " range (about 2^"), e.getMessage());
    double[][] tiny = {{1e-300, 2e-300, 3.5e-300}};
    double[][] huge = {{1e300}, {2e300}, {3e300}};
    assertThrows(IllegalArgumentException.class,
        () -> solve(huge, tiny, new double[] {2e300}, new double[] {6.5e-300 / 3},
            1e-15));
  }

  /** Solves the rows in memory, as LinearRegression does. */
  private static LeastSquares solve(double[][] X, double[][] targets, double[] xOffset,
      double[] yOffset, double cond) {
    RowChunks rows = RowChunks.of(X, targets);
    return LeastSquares.solve(rows, rows.summary(), xOffset, yOffset, cond);
  }
}
