package semaine.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class NearestNeighborsTest {

  private static final List<Map<String, Object>> CASES = ReferenceVectors.cases("knn.json");

  @Test
  void kneighborsMatchesScikitLearnOnTieHeavyIntegerGrids() {
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("name").equals("grid")) {
        continue;
      }
      double[][] X = ReferenceVectors.matrix(c.get("X"));
      double[][] Q = ReferenceVectors.matrix(c.get("Q"));
      int k = ((Long) c.get("k")).intValue();
      int p = ((Long) c.get("p")).intValue();
      String algorithm = (String) c.get("algorithm");
      String what = "grid n=" + X.length + " k=" + k + " p=" + p + " " + algorithm;
      var nn = new NearestNeighbors(k).algorithm(algorithm).p(p).fit(X);
      // brute force splits the training points among scikit-learn's OpenMP threads when there are
      // more than 256 of them; its ties then depend on the thread count the reference was made with
      boolean exact = algorithm.equals("kd_tree") || X.length <= 256
          || ((Long) c.get("threads")).intValue() == Strategy.THREADS;
      Neighbors result = nn.kneighbors(Q);
      ReferenceAssert.assertExact(c.get("distances"), result.distances(), what);
      Neighbors train = nn.kneighbors();
      ReferenceAssert.assertExact(c.get("train_distances"), train.distances(), what + " train");
      if (exact) {
        // the same neighbours in the same order, ties included
        assertRows(c.get("indices"), result.indices(), what);
        assertRows(c.get("train_indices"), train.indices(), what + " train");
      }
      checked++;
    }
    assertEquals(24, checked);
  }

  private static void assertRows(Object expected, int[][] actual, String what) {
    List<?> rows = (List<?>) expected;
    assertEquals(rows.size(), actual.length, what);
    for (int q = 0; q < actual.length; q++) {
      assertArrayEquals(ReferenceVectors.ints(rows.get(q)), actual[q], what + " row " + q);
    }
  }

  @Test
  void treeAndBruteForceAgreeOnContinuousData() {
    RandomState rs = new RandomState(7);
    for (int d : new int[] {1, 2, 3, 8, 17}) {
      double[][] X = rs.rand(500, d);
      double[][] Q = rs.rand(60, d);
      for (int p : new int[] {1, 2}) {
        Neighbors brute = new NearestNeighbors(7).algorithm("brute").p(p).fit(X).kneighbors(Q);
        Neighbors tree = new NearestNeighbors(7).algorithm("kd_tree").p(p).leafSize(5).fit(X)
            .kneighbors(Q);
        for (int q = 0; q < Q.length; q++) {
          assertArrayEquals(brute.indices()[q], tree.indices()[q], "d=" + d + " p=" + p);
          // the tree's direct formula and brute force's dot trick differ by rounding only
          assertArrayEquals(brute.distances()[q], tree.distances()[q], 1e-9);
        }
      }
    }
  }

  @Test
  void autoPicksBruteForceAboveFifteenFeaturesOrForHalfTheSamples() {
    RandomState rs = new RandomState(0);
    assertEquals("kd_tree", new NearestNeighbors(5).fit(rs.rand(20, 15)).fitMethod());
    assertEquals("brute", new NearestNeighbors(5).fit(rs.rand(20, 16)).fitMethod());
    assertEquals("brute", new NearestNeighbors(10).fit(rs.rand(20, 2)).fitMethod());
    assertEquals("kd_tree", new NearestNeighbors(9).fit(rs.rand(20, 2)).fitMethod());
  }

  @Test
  void radiusNeighborsFindsEveryPointWithinTheRadiusSortedByDistance() {
    RandomState rs = new RandomState(1);
    double[][] X = rs.rand(300, 3);
    double[][] Q = rs.rand(20, 3);
    for (String algorithm : new String[] {"brute", "kd_tree"}) {
      Neighbors found = new NearestNeighbors().algorithm(algorithm).fit(X).radiusNeighbors(Q, 0.2);
      for (int q = 0; q < Q.length; q++) {
        int expected = 0;
        for (double[] x : X) {
          double s = 0;
          for (int f = 0; f < 3; f++) {
            s += (x[f] - Q[q][f]) * (x[f] - Q[q][f]);
          }
          expected += Math.sqrt(s) <= 0.2 ? 1 : 0;
        }
        assertEquals(expected, found.indices()[q].length, algorithm + " query " + q);
        double[] distances = found.distances()[q];
        for (int i = 1; i < distances.length; i++) {
          assertTrue(distances[i - 1] <= distances[i]);
        }
      }
    }
  }

  @Test
  void kneighborsRejectsBadKAndMismatchedFeatures() {
    var nn = new NearestNeighbors(3).fit(new double[][] {{0, 0}, {1, 1}, {2, 2}});
    var e = assertThrows(IllegalArgumentException.class,
        () -> nn.kneighbors(new double[][] {{0, 0}}, 4));
    assertTrue(e.getMessage().startsWith("k (4)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> nn.kneighbors(3));
    assertTrue(e.getMessage().startsWith("k (3)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> nn.kneighbors(new double[][] {{0, 0, 0}}));
    assertTrue(e.getMessage().contains("3 features"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new NearestNeighbors(2).p(3));
    assertTrue(e.getMessage().startsWith("p (3)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new NearestNeighbors(2).algorithm("x"));
    assertTrue(e.getMessage().startsWith("algorithm (x)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new NearestNeighbors(1).fit(new double[][] {{0, Double.NaN}}));
    assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new NearestNeighbors(1).kneighbors());
  }
}
