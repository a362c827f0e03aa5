package semaine.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * The vector kernels give their scalar twins' bits, tails included, and the reductions give the
 * products they name (against plain sums, to rounding).
 */
class DenseKernelsTest {

  private static final int[] LENGTHS = {1, 3, 4, 7, 8, 15, 16, 17, 50, 100, 257};

  @Test
  void vectorPathIsAvailableInTests() {
    assertTrue(DenseKernels.VECTOR, "surefire runs with --add-modules jdk.incubator.vector");
  }

  @Test
  void dotAndAxpyGiveTheScalarTwinsBits() {
    RandomState rs = new RandomState(1);
    for (int n : LENGTHS) {
      double[] a = rs.randn(n + 3);
      double[] b = rs.randn(n + 5);
      double vector = VectorDenseKernels.dot(a, 3, b, 5, n);
      assertEquals(DenseKernels.dotScalar(a, 3, b, 5, n), vector, "n=" + n);
      assertEquals(naiveDot(a, 3, b, 5, n), vector, 1e-12 * n);
      double[] y = rs.randn(n + 2);
      double[] expected = y.clone();
      for (int i = 0; i < n; i++) {
        expected[2 + i] = Math.fma(0.7, a[3 + i], expected[2 + i]);
      }
      DenseKernels.axpy(0.7, a, 3, y, 2, n);
      assertArrayEquals(expected, y, "n=" + n);
    }
  }

  @Test
  void rowDotsAndAddRowsGiveTheScalarTwinsBits() {
    RandomState rs = new RandomState(2);
    for (int p : LENGTHS) {
      if (p < 8) {
        continue;   // the vector path starts at 8 features
      }
      double[][] X = matrix(rs, 23, p);
      double[] w = rs.randn(p + 4);
      double[] vector = new double[20];
      int next = VectorDenseKernels.rowDots(X, 3, 23, w, 4, vector, -3);
      assertEquals(23, next);
      for (int i = 3; i < 23; i++) {
        assertEquals(DenseKernels.rowDotScalar(X[i], w, 4), vector[i - 3], "p=" + p);
        assertEquals(naiveDot(X[i], 0, w, 4, p), vector[i - 3], 1e-12 * p);
      }
      double[] v = rs.randn(20);
      for (double[] factors : new double[][] {v, null}) {
        double[] out = rs.randn(p + 1);
        double[] scalar = out.clone();
        int rest = VectorDenseKernels.addRows(X, 3, 23, factors, -3, out, 1);
        DenseKernels.addRowsScalar(X, rest, 23, factors, -3, out, 1);
        DenseKernels.addRowsScalar(X, 3, 23, factors, -3, scalar, 1);
        assertArrayEquals(scalar, out, "p=" + p);
      }
    }
  }

  @Test
  void theInOrderKernelsGiveAPlainLoopsBits() {
    RandomState rs = new RandomState(4);
    for (int p : LENGTHS) {
      double[][] X = matrix(rs, 23, p);
      double[] w = rs.randn(p);
      double[] dots = new double[25];
      DenseKernels.rowDotsInOrder(X, 1, 22, w, dots, 4);
      double[] v = rs.randn(30);
      double[] out = rs.randn(p);
      double[] expected = out.clone();
      DenseKernels.addRowsInOrder(X, 2, 23, v, 5, out, 1, p);
      for (int i = 1; i < 22; i++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          s += X[i][j] * w[j];
        }
        assertEquals(s, dots[4 + i - 1], "p=" + p);
      }
      for (int i = 2; i < 23; i++) {
        for (int j = 1; j < p; j++) {
          expected[j] += v[5 + i - 2] * X[i][j];
        }
      }
      assertArrayEquals(expected, out, "p=" + p);
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

  @Test
  void gramIsTheProductOfTheCentredRowsOverSeveralChunks() {
    RandomState rs = new RandomState(3);
    int n = 2 * DenseKernels.CHUNK_ROWS + 301;
    int p = 5;
    double[][] X = matrix(rs, n, p);
    double[] y = rs.randn(n);
    double[] mean = DenseKernels.columnMeans(X);
    double[] G = DenseKernels.gram(X, mean, y, 0.25);
    for (int a = 0; a <= p; a++) {
      double m = 0;
      for (double[] row : X) {
        m += a < p ? row[a] : 0;
      }
      if (a < p) {
        assertEquals(m / n, mean[a], 1e-14);
      }
      for (int b = 0; b <= p; b++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          double za = a < p ? X[i][a] - mean[a] : y[i] - 0.25;
          double zb = b < p ? X[i][b] - mean[b] : y[i] - 0.25;
          s += za * zb;
        }
        assertEquals(s, G[a * (p + 1) + b], 1e-10 * n);
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

  private static double naiveDot(double[] a, int aFrom, double[] b, int bFrom, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += a[aFrom + i] * b[bFrom + i];
    }
    return s;
  }
}
