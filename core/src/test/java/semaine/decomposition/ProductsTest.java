package semaine.decomposition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * The vector products give their scalar twins' bits, last columns included, for X as rows and as
 * one array; Aᵀ Y's chunks add up to the plain sum; the orthonormal bases are orthonormal and
 * span the columns they were given, CholeskyQR2 and Gram-Schmidt alike.
 */
class ProductsTest {

  private static final int[] WIDTHS = {1, 3, 4, 5, 12, 16, 17, 20, 23, 36};

  @Test
  void vectorPathIsAvailableInTests() {
    assertTrue(Products.VECTOR, "surefire runs with --add-modules jdk.incubator.vector");
  }

  @Test
  void vectorProductsGiveTheScalarTwinsBits() {
    RandomState rs = new RandomState(7);
    for (int p : new int[] {1, 2, 3, 7, 10}) {
      double[][] X = rs.randn(37, p);
      double[] mean = rs.randn(p);
      for (int w : WIDTHS) {
        double[] q = rs.randn(p * w);
        for (MatrixRows rows : new MatrixRows[] {MatrixRows.of(X, p),
            MatrixRows.of(flat(X), X.length, p)}) {
          double[] scalar = new double[X.length * w];
          Products.timesScalar(rows, mean, q, w, 0, 0, X.length, scalar);
          assertArrayEquals(scalar, Products.times(rows, mean, q, w), "times p=" + p + " w=" + w);
          double[] y = rs.randn(X.length * w);
          double[] expected = new double[p * w];
          Products.transposeTimesScalar(rows, mean, y, w, 0, 0, X.length, expected);
          assertArrayEquals(expected, Products.transposeTimes(rows, mean, y, w),
              "transposeTimes p=" + p + " w=" + w);
        }
      }
    }
  }

  @Test
  void transposeTimesAddsItsChunksInOrder() {
    int n = 2 * Products.CHUNK_ROWS + 5;
    double[][] X = new RandomState(3).randn(n, 3);
    double[] y = new RandomState(4).randn(n * 6);
    double[] mean = {0.5, -1, 2};
    MatrixRows rows = MatrixRows.of(X, 3);
    double[] expected = new double[18];
    for (int from = 0; from < n; from += Products.CHUNK_ROWS) {
      double[] part = new double[18];
      Products.transposeTimesScalar(rows, mean, y, 6, 0, from,
          Math.min(n, from + Products.CHUNK_ROWS), part);
      for (int e = 0; e < 18; e++) {
        expected[e] = from == 0 ? part[e] : expected[e] + part[e];
      }
    }
    assertArrayEquals(expected, Products.transposeTimes(rows, mean, y, 6));
  }

  @Test
  void orthonormalBasesSpanTheirColumns() {
    RandomState rs = new RandomState(11);
    double[] tall = rs.randn(500 * 8);
    double[] rankTwo = new double[50 * 4];          // columns 0, 1 independent; 2 = 0 + 1; 3 = 0
    for (int i = 0; i < 50; i++) {
      rankTwo[i * 4] = rs.randn();
      rankTwo[i * 4 + 1] = rs.randn();
      rankTwo[i * 4 + 2] = rankTwo[i * 4] + rankTwo[i * 4 + 1];
      rankTwo[i * 4 + 3] = rankTwo[i * 4];
    }
    double[] wide = rs.randn(3 * 5);
    check(tall, 500, 8, Orthonormal.of(tall, 500, 8), 8);
    check(tall, 500, 8, Orthonormal.gramSchmidt(tall, 500, 8), 8);
    check(rankTwo, 50, 4, Orthonormal.of(rankTwo, 50, 4), 4);
    check(wide, 3, 5, Orthonormal.of(wide, 3, 5), 3);
    double[] spanning = Orthonormal.spanning(tall, 500, 8);
    check(tall, 500, 8, spanning, 8);
  }

  /** Q (rows, c) has orthonormal columns, and Y's columns lie in their span. */
  private static void check(double[] y, int rows, int w, double[] q, int c) {
    assertEquals(rows * c, q.length);
    for (int a = 0; a < c; a++) {
      for (int b = 0; b < c; b++) {
        double dot = 0;
        for (int i = 0; i < rows; i++) {
          dot += q[i * c + a] * q[i * c + b];
        }
        assertEquals(a == b ? 1.0 : 0.0, dot, 1e-12, "QᵀQ[" + a + "][" + b + "]");
      }
    }
    for (int j = 0; j < w; j++) {
      double[] residual = new double[rows];
      for (int i = 0; i < rows; i++) {
        residual[i] = y[i * w + j];
      }
      for (int a = 0; a < c; a++) {
        double dot = 0;
        for (int i = 0; i < rows; i++) {
          dot += q[i * c + a] * y[i * w + j];
        }
        for (int i = 0; i < rows; i++) {
          residual[i] -= dot * q[i * c + a];
        }
      }
      for (double r : residual) {
        assertEquals(0.0, r, 1e-12, "column " + j + " outside the span");
      }
    }
  }

  private static double[] flat(double[][] X) {
    int p = X[0].length;
    double[] out = new double[X.length * p];
    for (int i = 0; i < X.length; i++) {
      System.arraycopy(X[i], 0, out, i * p, p);
    }
    return out;
  }
}
