package semaine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/** Column sums from the rows give the bits of NumPy's pairwise sum of each contiguous column. */
class SumsTest {

  @Test
  void pairwiseColumnsGivesPairwiseOfEachColumn() {
    RandomState rs = new RandomState(3);
    for (int n : new int[] {1, 7, 8, 9, 127, 128, 129, 300, 1000, 8192}) {
      int p = 5;
      double[][] X = new double[n + 4][];
      for (int i = 0; i < X.length; i++) {
        X[i] = rs.randn(p);
        X[i][0] *= 1e8;   // magnitudes far apart, so that a different order rounds differently
      }
      double[] out = new double[p];
      Sums.pairwiseColumns(X, 2, n, out);
      for (int j = 0; j < p; j++) {
        double[] column = new double[n];
        for (int i = 0; i < n; i++) {
          column[i] = X[2 + i][j];
        }
        assertEquals(Sums.pairwise(column), 0.0 + out[j], "n=" + n + ", column " + j);
      }
    }
  }
}
