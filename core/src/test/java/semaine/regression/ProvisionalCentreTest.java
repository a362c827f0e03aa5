package semaine.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * Products of centred data formed in one pass around the first rows' mean (Ridge's normal
 * equations and Lasso's Gram route): exact to rounding when the first rows are typical, and formed again around the means when they are far from the rest
 * (sorted data), where the one-pass subtraction would lose about 11 bits.
 */
class ProvisionalCentreTest {

  private static final int N = 100_000;
  private static final MathContext MC = MathContext.DECIMAL128;

  @Test
  void aConstantColumnIsItsOwnShift() {
    double[][] X = new double[100][];
    double[] y = new double[100];
    for (int i = 0; i < X.length; i++) {
      X[i] = new double[] {0.1, i % 7};
      y[i] = i;
    }
    double[] shift = ProvisionalCentre.of(X, y, true);
    assertEquals(0.1, shift[0], 0);
    assertEquals(0, ProvisionalCentre.of(X, y, false)[0], 0);
  }

  @Test
  void farFirstRowsAreCentredAgainOnTheMeans() {
    for (boolean sorted : new boolean[] {false, true}) {
      var rs = new RandomState(3);
      double[][] X = rs.randn(N, 2);
      double[] y = rs.randn(N);
      if (sorted) {
        for (int i = 0; i < ProvisionalCentre.ROWS; i++) {
          X[i][0] += 1e8;   // the shift lands near 1e8, the mean near 6.4e4
        }
      } else {
        for (int i = N - ProvisionalCentre.ROWS; i < N; i++) {
          X[i][0] += 1e8;
        }
      }
      double[] shift = ProvisionalCentre.of(X, y, true);
      assertEquals(sorted, shift[0] > 1e7);
      var gram = CenteredGram.of(X, y, true);   // one pass only: off by 1.4e-12 (2e-12 for Lasso's)
      double[][] exact = exactProducts(X, y);
      assertEquals(exact[0][0], gram.gram()[0][0], 1e-13 * exact[0][0], "sorted " + sorted);
      assertEquals(exact[0][1], gram.gram()[0][1], 1e-13 * Math.sqrt(exact[0][0] * exact[1][1]));
      assertEquals(exact[0][2], gram.xy()[0], 1e-13 * Math.sqrt(exact[0][0] * exact[2][2]));
      assertEquals(exact[1][1], gram.gram()[1][1], 1e-13 * exact[1][1]);
      var products = CenteredProducts.of(X, y, true);   // Lasso's Gram route
      assertEquals(exact[0][0], products.norms()[0], 1e-13 * exact[0][0], "sorted " + sorted);
      assertEquals(exact[1][1], products.norms()[1], 1e-13 * exact[1][1]);
      assertEquals(exact[0][2], products.residual(new double[2]).correlation(0),
          1e-13 * Math.sqrt(exact[0][0] * exact[2][2]));
      assertEquals(exact[2][2], products.yNorm2(), 1e-13 * exact[2][2]);
    }
    assertTrue(ProvisionalCentre.tooFar(2e20, 6.4e17));
    assertFalse(ProvisionalCentre.tooFar(1.02, 1.0));
    assertFalse(ProvisionalCentre.tooFar(0, 0));
  }

  /** {@code [Xc yc]ᵀ[Xc yc]} in 34-digit decimal arithmetic. */
  private static double[][] exactProducts(double[][] X, double[] y) {
    int m = X[0].length + 1;
    BigDecimal[][] v = new BigDecimal[m][N];
    BigDecimal[] mean = new BigDecimal[m];
    for (int j = 0; j < m; j++) {
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < N; i++) {
        v[j][i] = new BigDecimal(j < m - 1 ? X[i][j] : y[i]);
        sum = sum.add(v[j][i], MC);
      }
      mean[j] = sum.divide(BigDecimal.valueOf(N), MC);
    }
    double[][] g = new double[m][m];
    for (int j = 0; j < m; j++) {
      for (int l = j; l < m; l++) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < N; i++) {
          s = s.add(v[j][i].subtract(mean[j], MC).multiply(v[l][i].subtract(mean[l], MC), MC), MC);
        }
        g[j][l] = s.doubleValue();
        g[l][j] = g[j][l];
      }
    }
    return g;
  }
}
