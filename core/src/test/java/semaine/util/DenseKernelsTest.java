package semaine.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * The vector kernels give their scalar twins' bits, tails included; the in-order kernels a plain
 * loop's.
 */
class DenseKernelsTest {

  private static final int[] LENGTHS = {1, 3, 4, 7, 8, 15, 16, 17, 50, 100, 257};

  @Test
  void vectorPathIsAvailableInTests() {
    assertTrue(DenseKernels.VECTOR, "surefire runs with --add-modules jdk.incubator.vector");
  }

  @Test
  void theInOrderKernelsGiveAPlainLoopsBits() {
    RandomState rs = new RandomState(4);
    for (int p : LENGTHS) {
      double[][] X = matrix(rs, 23, p);
      double[] w = rs.randn(p);
      double[] dots = new double[25];
      DenseKernels.rowDotsInOrder(X, 1, 22, w, 0, 0.5, dots, 4);
      double[] v = rs.randn(30);
      double[] out = rs.randn(p + 2);
      double[] expected = out.clone();
      DenseKernels.addRowsInOrder(X, 2, 23, v, 5, out, 2, 1, p);
      for (int i = 1; i < 22; i++) {
        double s = 0.5;
        for (int j = 0; j < p; j++) {
          s += X[i][j] * w[j];
        }
        assertEquals(s, dots[4 + i - 1], "p=" + p);
      }
      for (int i = 2; i < 23; i++) {
        for (int j = 1; j < p; j++) {
          expected[2 + j] += v[5 + i - 2] * X[i][j];
        }
      }
      assertArrayEquals(expected, out, "p=" + p);
    }
  }

  @Test
  void theBlockedDotGivesItsScalarTwinsBitsAndTheSumWithinRounding() {
    for (int n : new int[] {1, 15, 16, 17, 31, 32, 100, 1000, 100_003}) {
      RandomState rs = new RandomState(n);
      double[] a = rs.randn(n);
      double[] b = rs.randn(n);
      int end = n & -16;
      double expected = DenseKernels.dotScalar(a, 0, b, 0, end);
      for (int i = end; i < n; i++) {
        expected += a[i] * b[i];
      }
      double dot = DenseKernels.dot(a, b, n);
      assertEquals(expected, dot, "n=" + n);
      double[] shifted = new double[n + 3];
      System.arraycopy(a, 0, shifted, 3, n);
      assertEquals(dot, DenseKernels.dot(shifted, 3, b, 0, n), "n=" + n + ", from 3");
      java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
      double scale = 0;
      for (int i = 0; i < n; i++) {
        exact = exact.add(new java.math.BigDecimal(a[i]).multiply(new java.math.BigDecimal(b[i])));
        scale += Math.abs(a[i] * b[i]);
      }
      assertEquals(exact.doubleValue(), dot, Math.ulp(1.0) * (n / 16 + 20) * scale, "n=" + n);
    }
  }

  @Test
  void allFiniteFindsANonFiniteValueAnywhere() {
    for (int n : LENGTHS) {
      double[] a = new RandomState(n).randn(n);
      assertTrue(DenseKernels.allFinite(a), "n=" + n);
      for (int at : new int[] {0, n / 2, n - 1}) {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY}) {
          double[] b = a.clone();
          b[at] = bad;
          assertTrue(!DenseKernels.allFinite(b), "n=" + n + " at " + at + ": " + bad);
        }
      }
    }
  }

  private static double[][] matrix(RandomState rs, int n, int p) {
    double[][] X = new double[n][];
    for (int i = 0; i < n; i++) {
      X[i] = rs.randn(p);
    }
    return X;
  }
}
