package semaine.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * Rows without a zero are kept as the caller's, the bias added after their features: every sum the
 * solvers take from them must have the bits of the same rows stored as entries with the bias
 * appended (liblinear's layout, which the sparse path keeps).
 */
class SparseRowsTest {

  /** The rows as entries, the bias (when positive) as the last one. */
  private static SparseRows entries(double[][] X, double bias) {
    int d = X[0].length;
    int width = d + (bias > 0 ? 1 : 0);
    int[][] index = new int[X.length][width];
    double[][] value = new double[X.length][width];
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < width; j++) {
        index[i][j] = j;
        value[i][j] = j < d ? X[i][j] : bias;
      }
    }
    return new SparseRows(index, value, width);
  }

  @Test
  void denseRowsGiveTheSumsOfTheirEntries() {
    RandomState rs = new RandomState(4);
    // 3 000 rows: the dense products run in parallel chunks
    double[][] X = rs.randn(3000, 7);
    double[] y = new double[X.length];
    double[] C = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      y[i] = X[i][0] + 0.3 * X[i][1] > 0 ? 1 : -1;
      C[i] = 0.5 + (i % 3);
    }
    for (double bias : new double[] {1.0, 2.5, -1}) {
      SparseRows dense = SparseRows.of(X, bias);
      SparseRows sparse = entries(X, bias);
      assertNotNull(dense.dense(), "no zero: the caller's rows");
      assertNull(sparse.dense(), "entries are not dense rows");
      assertEquals(sparse.width(), dense.width());
      assertEquals(sparse.rows(), dense.rows());
      double[] w = rs.randn(dense.width());
      for (int i = 0; i < X.length; i += 97) {
        assertEquals(sparse.dot(i, w, 0.25), dense.dot(i, w, 0.25), "dot, row " + i);
        assertEquals(sparse.squaredNorm(i, 0.5), dense.squaredNorm(i, 0.5), "norm, row " + i);
        double[] a = w.clone();
        double[] b = w.clone();
        sparse.axpy(i, -0.7, a);
        dense.axpy(i, -0.7, b);
        assertArrayEquals(a, b, "axpy, row " + i);
      }
      assertArrayEquals(sparse.value()[5], dense.value()[5], "entries made from dense rows");
      assertArrayEquals(sparse.index()[5], dense.index()[5]);
      int[] perm = {4, 0, 2999, 17};
      assertEquals(sparse.select(perm).dot(2, w), dense.select(perm).dot(2, w), "selected rows");
      for (BiFunction<SparseRows, double[], Tron.Objective> objective :
          java.util.List.<BiFunction<SparseRows, double[], Tron.Objective>>of(
              (x, c) -> PrimalObjectives.logistic(x, y, c),
              (x, c) -> PrimalObjectives.squaredHinge(x, y, c),
              (x, c) -> PrimalObjectives.squaredEpsilon(x, y, c, 0.1))) {
        Tron.Objective s = objective.apply(sparse, C);
        Tron.Objective d = objective.apply(dense, C);
        assertEquals(s.value(w), d.value(w), "objective value, bias " + bias);
        double[] gs = new double[w.length];
        double[] gd = new double[w.length];
        s.gradient(w, gs);
        d.gradient(w, gd);
        assertArrayEquals(gs, gd, "gradient, bias " + bias);
        double[] hs = new double[w.length];
        double[] hd = new double[w.length];
        s.hessianTimes(gs, hs);
        d.hessianTimes(gd, hd);
        assertArrayEquals(hs, hd, "Hessian times a vector, bias " + bias);
      }
    }
  }

  @Test
  void aSingleZeroKeepsLiblinearsEntries() {
    double[][] X = {{1.0, 2.0}, {0.0, 3.0}};
    SparseRows x = SparseRows.of(X, 1.0);
    assertNull(x.dense());
    assertArrayEquals(new int[] {1, 2}, x.index()[1], "the zero dropped, the bias appended");
    assertArrayEquals(new double[] {3.0, 1.0}, x.value()[1]);
  }
}
