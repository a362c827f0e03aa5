package semaine.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * The Gram matrix formed column by column as the weights leave 0: whatever order the columns
 * come in, the products are the same bits, and they are the centred data's.
 */
class CenteredProductsTest {

  private static final int N = 3000;
  private static final int P = 40;

  @Test
  void theColumnsAreTheSameBitsInWhateverOrderTheyAreFormed() {
    var rs = new RandomState(11);
    double[][] X = rs.randn(N, P);
    double[] y = rs.randn(N);
    for (int i = 0; i < N; i++) {
      X[i][5] += 3;   // off-centre columns
      y[i] += 2 * X[i][3] - X[i][30] + 7;
    }
    double[] full = new double[P];
    for (int j = 0; j < P; j++) {
      full[j] = Math.cos(j + 1);
    }
    double[] late = new double[P];   // weights far from the first columns: two lazy passes
    late[33] = 0.5;
    late[17] = -1.5;
    for (boolean intercept : new boolean[] {true, false}) {
      var once = CenteredProducts.of(X, y, intercept);
      double[] direct = correlations(once.residual(full));
      var bit = CenteredProducts.of(X, y, intercept);
      bit.residual(late);
      double[] stepwise = correlations(bit.residual(full));
      assertArrayEquals(direct, stepwise, 0, "intercept " + intercept);
      assertEquals(once.residual(full).norm2(), bit.residual(full).norm2(), 0);
      assertArrayEquals(once.norms(), bit.norms(), 0);

      double[] expected = fromRows(X, y, full, intercept);
      double scale = 0;
      for (double e : expected) {
        scale = Math.max(scale, Math.abs(e));
      }
      assertArrayEquals(expected, direct, 1e-9 * scale, "intercept " + intercept);
    }
  }

  private static double[] correlations(CoordinateDescent.Residual r) {
    double[] out = new double[P];
    r.correlations(out);
    return out;
  }

  /** {@code Xcᵀ(yc − Xc w)} from the rows, centred when intercept. */
  private static double[] fromRows(double[][] X, double[] y, double[] w, boolean intercept) {
    double[] mean = new double[P + 1];
    if (intercept) {
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < P; j++) {
          mean[j] += X[i][j] / N;
        }
        mean[P] += y[i] / N;
      }
    }
    double[] out = new double[P];
    for (int i = 0; i < N; i++) {
      double r = y[i] - mean[P];
      for (int j = 0; j < P; j++) {
        r -= (X[i][j] - mean[j]) * w[j];
      }
      for (int j = 0; j < P; j++) {
        out[j] += (X[i][j] - mean[j]) * r;
      }
    }
    return out;
  }
}
