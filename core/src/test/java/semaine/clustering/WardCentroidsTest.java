package semaine.clustering;

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

/**
 * Ward's linkage over centroids ({@link WardChain}) against scikit-learn and SciPy on data large
 * enough to take that route ({@code reference/ward_centroids.py}): the same children, labels and
 * cuts, distances within 1e-12 relative; and the scalar and vector scans agree.
 */
class WardCentroidsTest {

  private static final double TOL = 1e-12;
  private static final List<Map<String, Object>> CASES =
      ReferenceVectors.cases("ward_centroids.json");

  /** The data set as the script draws it, with NumPy's legacy generator. */
  static double[][] data(String name) {
    if (name.equals("randn")) {
      return new RandomState(0).randn(4000, 6);
    }
    if (name.equals("grid")) {
      long[] v = new RandomState(2).randint(0, 100, 4000);
      double[][] X = new double[2000][2];
      for (int i = 0; i < 2000; i++) {
        X[i][0] = v[2 * i];
        X[i][1] = v[2 * i + 1];
      }
      return X;
    }
    RandomState rs = new RandomState(1);
    double[][] centers = rs.randn(6, 3);
    long[] which = rs.randint(0, 6, 3000);
    double[][] X = rs.randn(3000, 3);
    for (int i = 0; i < X.length; i++) {
      for (int f = 0; f < 3; f++) {
        X[i][f] = X[i][f] * 0.6 + centers[(int) which[i]][f] * 4;
      }
    }
    return X;
  }

  private static void assertRelative(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int r = 0; r < expected.length; r++) {
      assertTrue(Math.abs(actual[r] - expected[r]) <= TOL * Math.abs(expected[r]),
          what + " distance " + r + ": " + actual[r] + " vs " + expected[r]);
    }
  }

  @Test
  void agglomerativeClusteringMatchesScikitLearn() {
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("model").equals("AgglomerativeClustering")) {
        continue;
      }
      String what = c.get("data") + " " + c.get("params");
      double[][] X = data((String) c.get("data"));
      assertTrue(X.length >= Hierarchy.WARD_CENTROIDS_FROM, "the centroid route is taken");
      var model = ClusteringReference.configured(new AgglomerativeClustering(), c).fit(X);
      ReferenceAssert.assertExact(c.get("labels"), model.labels(), what + " labels");
      List<?> children = (List<?>) c.get("children");
      for (int r = 0; r < children.size(); r++) {
        assertArrayEquals(ReferenceVectors.ints(children.get(r)), model.children()[r],
            what + " children row " + r);
      }
      assertEquals(((Number) c.get("n_clusters_")).intValue(), model.nClustersFound(), what);
      if (c.containsKey("distances")) {
        assertRelative(ReferenceVectors.doubles(c.get("distances")), model.distances(), what);
      }
      checked++;
    }
    assertEquals(5, checked);
  }

  @Test
  void linkageMatchesSciPy() {
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("model").equals("linkage")) {
        continue;
      }
      String what = "linkage " + c.get("data");
      double[][] Z = Hierarchy.linkage(data((String) c.get("data")), "ward", "euclidean");
      double[][] expected = ReferenceVectors.matrix(c.get("Z"));
      assertEquals(expected.length, Z.length, what);
      double[] distances = new double[Z.length];
      double[] expectedDistances = new double[Z.length];
      for (int r = 0; r < Z.length; r++) {
        assertEquals(expected[r][0], Z[r][0], what + " row " + r);
        assertEquals(expected[r][1], Z[r][1], what + " row " + r);
        assertEquals(expected[r][3], Z[r][3], what + " row " + r);
        distances[r] = Z[r][2];
        expectedDistances[r] = expected[r][2];
      }
      assertRelative(expectedDistances, distances, what);
      int k = ((Number) c.get("maxclust")).intValue();
      ReferenceAssert.assertExact(c.get("T"), Hierarchy.fcluster(Z, k, "maxclust"), what);
      checked++;
    }
    assertEquals(3, checked);
  }

  @Test
  void scalarAndVectorScansFindTheSameNeighbour() {
    RandomState rs = new RandomState(3);
    int n = 203;
    int d = 5;
    double[] cols = new double[d * n];
    double[] sizes = new double[n];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = rs.randint(0, 3);  // an integer grid: many equal distances
    }
    for (int i = 0; i < n; i++) {
      sizes[i] = 1 + rs.randint(0, 4);
    }
    double[] cx = {1, 1, 1, 1, 1};
    for (double bound : new double[] {Double.POSITIVE_INFINITY, 2.0, 0.5, 0.0}) {
      // one scan in order, keeping the two smallest values (the bound counts as one)
      double[] values = new double[n + 1];
      values[n] = bound;
      int scalar = -1;
      double smallest = bound;
      for (int i = 0; i < n; i++) {
        values[i] = DistanceKernels.wardScalar(cols, n, d, sizes, cx, 2.0, i);
        if (values[i] < smallest) {
          smallest = values[i];
          scalar = i;
        }
      }
      java.util.Arrays.sort(values);
      double[] best = {bound, Double.POSITIVE_INFINITY};
      int found = DistanceKernels.nearestWard(cols, n, d, sizes, cx, 2.0, 0, n, best);
      assertEquals(scalar, found, "bound " + bound);
      assertEquals(values[0], best[0], "bound " + bound);
      assertEquals(values[1], best[1],
          "runner-up, bound " + bound);
    }
  }

  @Test
  void tiesToRoundingAreLeftToTheMatrixAndOtherwiseTaken() {
    assertEquals(null, WardChain.merges(data("grid")), "an integer grid ties");
    assertTrue(WardChain.merges(data("randn")) != null, "normal points do not");
    assertEquals(data("grid").length - 1, WardChain.merges(data("grid"), false).length);
  }

  @Test
  void tooLargeObservationsAreRejected() {
    double[][] X = new RandomState(0).randn(Math.max(2, Hierarchy.WARD_CENTROIDS_FROM), 2);
    X[0][0] = 1e300;
    X[1][0] = -1e300;
    var e = assertThrows(IllegalArgumentException.class,
        () -> Hierarchy.linkage(X, "ward", "euclidean"));
    assertTrue(e.getMessage().contains("too large"), e.getMessage());
  }
}
