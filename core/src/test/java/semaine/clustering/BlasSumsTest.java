package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceVectors;

/** BlasSums against NumPy's matmul by ones (reference/minibatch_kmeans.py), bit for bit. */
class BlasSumsTest {

  @Test
  @SuppressWarnings("unchecked")
  void sumsEqualNumPysDdotAndDgemvBitForBit() {
    List<Map<String, Object>> cases =
        (List<Map<String, Object>>) ReferenceVectors.load("blas_sums.json").get("cases");
    int compared = 0;
    for (Map<String, Object> c : cases) {
      int rows = ((Number) c.get("T")).intValue();
      int n = ((Number) c.get("n")).intValue();
      double[][] a = new RandomState(((Number) c.get("seed")).longValue()).uniform(0, 1, rows, n);
      double[] ddot = ReferenceVectors.doubles(c.get("ddot"));
      double[] gemv = ReferenceVectors.doubles(c.get("gemv"));
      for (int t = 0; t < rows; t++) {
        for (int i = 0; i < n; i += 3) {
          a[t][i] *= 1000.0;
        }
        String what = "T=" + rows + " n=" + n + " row " + t;
        assertEquals(ddot[t], BlasSums.dot(a[t], n), 0.0, what + " ddot");
        assertEquals(gemv[t], BlasSums.gemvRow(a[t], n, t, rows), 0.0, what + " dgemv");
        compared++;
      }
    }
    assertEquals(378, compared);
  }
}
