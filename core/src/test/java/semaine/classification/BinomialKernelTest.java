package semaine.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * The binary log-loss kernel: the vector path gives its scalar twin's bits (tails of rows and of
 * features included), the polynomial e^x and log1p stay within a few ulps of Math's, and a pass
 * gives the loss and gradient of the textbook formulas within rounding.
 */
class BinomialKernelTest {

  @Test
  void theVectorPathGivesTheScalarTwinsBits() {
    assertTrue(BinomialKernel.VECTOR, "surefire runs with --add-modules jdk.incubator.vector");
    RandomState rs = new RandomState(7);
    for (int p : new int[] {4, 5, 7, 8, 13, 50, 51}) {
      for (boolean intercept : new boolean[] {true, false}) {
        int n = 61;   // 7 blocks of 8 and 5 rows
        double[][] X = rs.randn(n, p);
        int[] y = new int[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
          y[i] = rs.rand() < 0.5 ? 1 : 0;
          weights[i] = rs.rand() * 2;
        }
        double[] coef = rs.randn(p + 1);
        for (int from : new int[] {0, 3}) {
          double[] vector = rs.randn(p + 1);
          double[] scalar = vector.clone();
          double lv = VectorBinomialKernel.addRows(X, y, weights, coef, intercept, from, n,
              vector, 0.25);
          double ls = BinomialKernel.addRowsScalar(X, y, weights, coef, intercept, from, n,
              scalar, 0.25);
          assertEquals(ls, lv, "p=" + p);
          assertArrayEquals(scalar, vector, "p=" + p + " intercept=" + intercept);
        }
      }
    }
  }

  @Test
  void aPassGivesTheLossAndGradientOfTheFormulas() {
    RandomState rs = new RandomState(3);
    int n = 203;
    int p = 9;
    double[][] X = rs.randn(n, p);
    int[] y = new int[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = rs.rand() < 0.4 ? 1 : 0;
      weights[i] = 0.5 + rs.rand();
    }
    double[] coef = rs.randn(p + 1);
    for (int j = 0; j <= p; j++) {
      coef[j] *= 3;   // scores up to about ±30: both branches of σ and of log(1 + e^r)
    }
    double[] sums = new double[p + 1];
    double loss = LogisticLoss.addBinomialRows(X, y, weights, coef, true, 0, n, sums, 0);
    double expectedLoss = 0;
    double[] expected = new double[p + 1];
    for (int i = 0; i < n; i++) {
      double r = coef[p];
      for (int j = 0; j < p; j++) {
        r += X[i][j] * coef[j];
      }
      double sigma = 1 / (1 + Math.exp(-r));
      expectedLoss += weights[i] * (Math.log1p(Math.exp(-Math.abs(r))) + Math.max(r, 0)
          - y[i] * r);
      for (int j = 0; j < p; j++) {
        expected[j] += weights[i] * (sigma - y[i]) * X[i][j];
      }
      expected[p] += weights[i] * (sigma - y[i]);
    }
    assertEquals(expectedLoss, loss, 1e-12 * Math.abs(expectedLoss));
    for (int j = 0; j <= p; j++) {
      assertEquals(expected[j], sums[j], 1e-11, "j=" + j);
    }
  }

  @Test
  void theExponentialAndLog1pAreWithinAFewUlpsOfMaths() {
    RandomState rs = new RandomState(11);
    double worstExp = 0;
    double worstLog = 0;
    for (int i = 0; i < 200_000; i++) {
      double x = -rs.rand() * (i % 2 == 0 ? 1 : 700);
      worstExp = Math.max(worstExp, Math.abs(BinomialKernel.exp(x) - Math.exp(x))
          / Math.ulp(Math.exp(x)));
      double e = rs.rand();
      worstLog = Math.max(worstLog, Math.abs(BinomialKernel.log1p(e) - Math.log1p(e))
          / Math.ulp(Math.log1p(e)));
    }
    assertTrue(worstExp <= 2, "exp: " + worstExp + " ulps");
    assertTrue(worstLog <= 4, "log1p: " + worstLog + " ulps");
    assertEquals(1.0, BinomialKernel.exp(-0.0));
    assertEquals(0.0, BinomialKernel.log1p(0.0));
    assertEquals(Math.log(2), BinomialKernel.log1p(1.0), Math.ulp(Math.log(2)));
    // below e^-708 the exponential stays at e^-708, a normal double
    assertEquals(BinomialKernel.exp(-708), BinomialKernel.exp(-1e6));
    assertTrue(BinomialKernel.exp(-708) > Double.MIN_NORMAL);
  }
}
