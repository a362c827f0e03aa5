package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.clustering.ClusteringReference.assertRejects;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class OPTICSTest {

  private static final double TOL = 1e-12;

  /** Infinite entries equal, finite ones within TOL. */
  private static void assertDistances(Object expected, double[] actual, String what) {
    double[] e = ((List<?>) expected).stream()
        .mapToDouble(v -> "inf".equals(v) ? Double.POSITIVE_INFINITY : ((Number) v).doubleValue())
        .toArray();
    assertEquals(e.length, actual.length, what);
    for (int i = 0; i < e.length; i++) {
      if (Double.isInfinite(e[i])) {
        assertEquals(e[i], actual[i], what + " at " + i);
      } else {
        assertEquals(e[i], actual[i], TOL * Math.max(1, Math.abs(e[i])), what + " at " + i);
      }
    }
  }

  @Test
  void orderingReachabilityAndLabelsMatchScikitLearnOnEveryDataSet() {
    int checked = 0;
    for (Map<String, Object> c : ClusteringReference.cases("OPTICS")) {
      String what = ClusteringReference.describe(c);
      var model = ClusteringReference.configured(new OPTICS(), c)
          .fit(ClusteringReference.input(c, 1));
      ReferenceAssert.assertExact(c.get("ordering"), model.ordering(), what + " ordering");
      assertDistances(c.get("reachability"), model.reachability(), what + " reachability");
      assertDistances(c.get("core_distances"), model.coreDistances(), what + " core");
      ReferenceAssert.assertExact(c.get("predecessor"), model.predecessor(), what + " pred");
      ReferenceAssert.assertExact(c.get("labels"), model.labels(), what + " labels");
      if (c.containsKey("cluster_hierarchy")) {
        List<?> rows = (List<?>) c.get("cluster_hierarchy");
        int[][] hierarchy = model.clusterHierarchy();
        assertEquals(rows.size(), hierarchy.length, what + " hierarchy");
        for (int r = 0; r < rows.size(); r++) {
          assertArrayEquals(ReferenceVectors.ints(rows.get(r)), hierarchy[r], what);
        }
      }
      for (Object o : (List<?>) c.get("cluster_optics_dbscan")) {
        Map<?, ?> cut = (Map<?, ?>) o;
        double eps = ((Number) cut.get("eps")).doubleValue();
        ReferenceAssert.assertExact(cut.get("labels"), model.clusterOpticsDbscan(eps),
            what + " cluster_optics_dbscan " + eps);
      }
      checked++;
    }
    assertTrue(checked >= 16, "cases checked: " + checked);
  }

  @Test
  void reachabilityPlotReadsReachabilityInOrderingOrder() {
    double[][] X = {{0}, {0.1}, {0.2}, {5}, {5.1}, {5.2}};
    var model = new OPTICS(2).minClusterSize(2).fit(X);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, model.ordering());
    double[] plot = model.reachabilityPlot();
    assertEquals(Double.POSITIVE_INFINITY, plot[0]);
    assertEquals(0.1, plot[1], 1e-15);
    assertEquals(4.8, plot[3], 1e-15);
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, model.clusterOpticsDbscan(1.0));
  }

  @Test
  void badParametersAndInputAreRejectedWithTheirName() {
    double[][] X = {{0, 0}, {1, 1}, {2, 3}};
    assertRejects(() -> new OPTICS().setParam("min_samples", 1).fit(X), "min_samples", "1");
    assertRejects(() -> new OPTICS(5).fit(X), "min_samples must be no greater than the number"
        + " of samples (3). Got 5");
    assertRejects(() -> new OPTICS(2).maxEps(-1).fit(X), "max_eps", "-1");
    assertRejects(() -> new OPTICS(2).xi(1.5).fit(X), "xi", "1.5");
    assertRejects(() -> new OPTICS(2).minClusterSize(4).fit(X), "min_cluster_size", "4");
    assertRejects(() -> new OPTICS(2).clusterMethod("dbscan").maxEps(1).eps(2).fit(X),
        "Specify an epsilon smaller than 1.0. Got 2.0");
    assertRejects(() -> new OPTICS(2).fit(new double[][] {{0, Double.NaN}, {1, 1}}), "X", "NaN");
    assertRejects(() -> new OPTICS(2).metric("precomputed").fit(X), "square");
    assertRejects(() -> new OPTICS(2).metric("precomputed")
        .fit(new double[][] {{0, -1}, {-1, 0}}), "negative");
    assertThrows(IllegalStateException.class,
        () -> new OPTICS(2).clusterMethod("dbscan").fit(X).clusterHierarchy());
  }
}
