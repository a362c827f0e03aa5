package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.clustering.ClusteringReference.assertRejects;

import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class AgglomerativeClusteringTest {

  private static final double TOL = 1e-12;

  private static int[][] intMatrix(Object list) {
    return ((java.util.List<?>) list).stream().map(ReferenceVectors::ints).toArray(int[][]::new);
  }

  @Test
  void labelsChildrenAndDistancesMatchScikitLearnOnEveryDataSet() {
    int checked = 0;
    for (Map<String, Object> c : ClusteringReference.cases("AgglomerativeClustering")) {
      String what = ClusteringReference.describe(c);
      var model = ClusteringReference.configured(new AgglomerativeClustering(), c);
      model.fit(ClusteringReference.input(c, 1));
      ReferenceAssert.assertExact(c.get("labels"), model.labels(), what + " labels");
      int[][] expected = intMatrix(c.get("children"));
      int[][] children = model.children();
      assertEquals(expected.length, children.length, what);
      for (int r = 0; r < expected.length; r++) {
        assertArrayEquals(expected[r], children[r], what + " children row " + r);
      }
      assertEquals(((Number) c.get("n_clusters_")).intValue(), model.nClustersFound(), what);
      assertEquals(((Number) c.get("n_leaves")).intValue(), model.nLeaves(), what);
      assertEquals(1, model.nConnectedComponents(), what);
      if (c.containsKey("distances")) {
        ReferenceAssert.assertClose(c.get("distances"), model.distances(), TOL, what);
      } else {
        assertThrows(IllegalStateException.class, model::distances);
      }
      checked++;
    }
    assertTrue(checked >= 100, "cases checked: " + checked);
  }

  @Test
  void linkageMatrixAndFlatClustersMatchSciPy() {
    int checked = 0;
    for (Map<String, Object> c : ClusteringReference.cases("linkage")) {
      String what = ClusteringReference.describe(c);
      Map<?, ?> params = (Map<?, ?>) c.get("params");
      double[][] Z = Hierarchy.linkage(ClusteringReference.data((String) c.get("data")),
          (String) params.get("method"), (String) params.get("metric"));
      double[][] expected = ReferenceVectors.matrix(c.get("Z"));
      assertEquals(expected.length, Z.length, what);
      for (int r = 0; r < Z.length; r++) {
        assertEquals(expected[r][0], Z[r][0], what + " row " + r);
        assertEquals(expected[r][1], Z[r][1], what + " row " + r);
        assertEquals(expected[r][2], Z[r][2], TOL * Math.max(1, expected[r][2]), what);
        assertEquals(expected[r][3], Z[r][3], what + " row " + r);
      }
      for (Object o : (java.util.List<?>) c.get("fcluster")) {
        Map<?, ?> cut = (Map<?, ?>) o;
        double t = ((Number) cut.get("t")).doubleValue();
        String criterion = (String) cut.get("criterion");
        ReferenceAssert.assertExact(cut.get("T"), Hierarchy.fcluster(expected, t, criterion),
            what + " fcluster " + criterion + " " + t);
      }
      checked++;
    }
    assertTrue(checked >= 30, "cases checked: " + checked);
  }

  @Test
  void singleLinkageChildrenKeepTheMinimumSpanningTreeOrderLikeScikitLearn() {
    double[][] X = {{0}, {1}, {10}, {10.5}};
    var model = new AgglomerativeClustering(2).linkage("single").fit(X);
    // Prim's edges (0,1,1), (1,2,9), (2,3,0.5) sorted: the last joins the roots of 1 and 2
    assertArrayEquals(new int[] {5, 4}, model.children()[2]);
    assertArrayEquals(new int[] {0, 0, 1, 1}, model.labels());
    double[][] Z = Hierarchy.linkage(X, "single", "euclidean");
    assertArrayEquals(new double[] {4, 5, 9, 4}, Z[2]);  // SciPy sorts the pair
  }

  @Test
  void distanceThresholdCountsMergesAtOrAboveIt() {
    double[][] X = {{0}, {1}, {5}, {6}};
    var model = new AgglomerativeClustering().nClusters(null).distanceThreshold(1.0)
        .linkage("single").fit(X);
    assertEquals(4, model.nClustersFound());  // every merge is >= 1: none is kept
    assertArrayEquals(new double[] {1, 1, 4}, model.distances());
    assertArrayEquals(new int[] {3, 1, 2, 0}, model.labels());  // _hc_cut's heap order
    model.distanceThreshold(Math.nextUp(1.0)).fit(X);
    assertEquals(2, model.nClustersFound());
  }

  @Test
  void badParametersAndInputAreRejectedWithTheirName() {
    double[][] X = {{0, 0}, {1, 1}, {2, 3}};
    assertRejects(() -> new AgglomerativeClustering().metric("manhattan").fit(X),
        "manhattan was provided as metric. Ward can only work with euclidean distances");
    assertRejects(() -> new AgglomerativeClustering().distanceThreshold(1.0).fit(X),
        "Exactly one of n_clusters and distance_threshold");
    assertRejects(() -> new AgglomerativeClustering().nClusters(null).fit(X),
        "Exactly one of n_clusters and distance_threshold");
    assertRejects(() -> new AgglomerativeClustering(4).fit(X), "4 clusters", "3 leaves");
    assertRejects(() -> new AgglomerativeClustering(0).fit(X), "n_clusters", "0");
    assertRejects(() -> new AgglomerativeClustering().nClusters(null).distanceThreshold(-1.0)
        .fit(X), "distance_threshold", "-1");
    assertRejects(() -> new AgglomerativeClustering().nClusters(null).distanceThreshold(1.0)
        .computeFullTree(false).fit(X), "compute_full_tree");
    assertRejects(() -> new AgglomerativeClustering().linkage("average").metric("precomputed")
        .fit(X), "square", "3x2");
    assertRejects(() -> new AgglomerativeClustering().linkage("average").metric("precomputed")
        .fit(new double[][] {{0, -2}, {-2, 0}}), "negative", "-2");
    assertRejects(() -> new AgglomerativeClustering().fit(new double[][] {{0, Double.NaN},
        {1, 1}}), "X", "NaN");
    assertRejects(() -> new AgglomerativeClustering().fit(new double[][] {{0, 1}}), "1 sample");
    assertRejects(() -> new AgglomerativeClustering().linkage("average").metric("cosine")
        .fit(new double[][] {{0, 0}, {1, 1}}), "zero vectors");
    assertRejects(() -> Hierarchy.linkage(X, "ward", "cityblock"), "ward", "Euclidean");
    assertRejects(() -> Hierarchy.linkage(X, "centroid", "euclidean"), "method", "centroid");
    assertRejects(() -> Hierarchy.linkage(new double[] {1, 2}, "single"), "n(n - 1)/2");
    assertRejects(() -> Hierarchy.fcluster(Hierarchy.linkage(X, "single", "euclidean"), 1,
        "inconsistent"), "criterion", "inconsistent");
  }
}
