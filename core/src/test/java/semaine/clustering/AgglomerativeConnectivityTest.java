package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.clustering.ClusteringReference.assertRejects;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.base.Models;
import semaine.neighbors.NearestNeighbors;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/**
 * Structured AgglomerativeClustering (a connectivity graph) against scikit-learn 1.9.1
 * ({@code reference/agglomerative_connectivity.py}): the same children_, labels_,
 * n_connected_components_ and warnings, distances_ within 1e-12.
 */
class AgglomerativeConnectivityTest {

  private static final double TOL = 1e-12;
  private static final Map<String, Object> FILE =
      ReferenceVectors.load("agglomerative_connectivity.json");

  @SuppressWarnings("unchecked")
  private static double[][] data(String name) {
    return ReferenceVectors.matrix(((Map<String, Object>) FILE.get("data")).get(name));
  }

  private static int[][] intMatrix(Object list) {
    return ((List<?>) list).stream().map(ReferenceVectors::ints).toArray(int[][]::new);
  }

  /** The case's estimator: text parameters as --param gives them, a listed graph as int[][]. */
  @SuppressWarnings("unchecked")
  private static AgglomerativeClustering configured(Map<String, Object> c) {
    var model = new AgglomerativeClustering();
    for (var e : ((Map<String, Object>) c.get("params")).entrySet()) {
      Object value = e.getValue();
      if (value instanceof List<?> graph) {
        model.connectivity(intMatrix(graph));
      } else {
        model.setParam(e.getKey(), String.valueOf(value));
      }
    }
    return model;
  }

  @SuppressWarnings("unchecked")
  @Test
  void childrenLabelsAndDistancesMatchScikitLearnWithAConnectivityGraph() {
    int checked = 0;
    int completed = 0;
    int early = 0;
    for (Map<String, Object> c : (List<Map<String, Object>>) FILE.get("cases")) {
      String what = c.get("data") + " " + c.get("params");
      var model = configured(c);
      double[][] X = data((String) c.get("data"));
      if ("precomputed".equals(((Map<?, ?>) c.get("params")).get("metric"))) {
        X = manhattan(data((String) c.get("data")));
      }
      model.fit(X);
      ReferenceAssert.assertExact(c.get("labels"), model.labels(), what + " labels");
      int[][] expected = intMatrix(c.get("children"));
      int[][] children = model.children();
      assertEquals(expected.length, children.length, what);
      for (int r = 0; r < expected.length; r++) {
        assertArrayEquals(expected[r], children[r], what + " children row " + r);
      }
      assertEquals(((Number) c.get("n_clusters_")).intValue(), model.nClustersFound(), what);
      assertEquals(((Number) c.get("n_leaves")).intValue(), model.nLeaves(), what);
      int components = ((Number) c.get("n_connected_components")).intValue();
      assertEquals(components, model.nConnectedComponents(), what);
      assertEquals(ReferenceVectors.strings(c.get("warnings")), model.warnings(), what);
      if (c.containsKey("distances")) {
        ReferenceAssert.assertClose(c.get("distances"), model.distances(), TOL, what);
      } else {
        assertThrows(IllegalStateException.class, model::distances);
      }
      completed += components > 1 ? 1 : 0;
      early += expected.length < X.length - 1 ? 1 : 0;
      checked++;
    }
    assertEquals(81, checked);
    assertTrue(completed >= 12, "graphs completed: " + completed);
    assertTrue(early >= 12, "trees stopped early: " + early);
  }

  private static double[][] manhattan(double[][] X) {
    double[][] D = new double[X.length][X.length];
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < X.length; j++) {
        for (int f = 0; f < X[i].length; f++) {
          D[i][j] += Math.abs(X[i][f] - X[j][f]);
        }
      }
    }
    return D;
  }

  @SuppressWarnings("unchecked")
  @Test
  void kneighborsGraphListsScikitLearnsNeighbours() {
    Map<String, Object> graphs = (Map<String, Object>) FILE.get("kneighbors_graph");
    for (String name : List.of("blobs", "roll")) {
      int[][] expected = intMatrix(graphs.get(name));
      int[][] graph = NearestNeighbors.kneighborsGraph(data(name), 10, false);
      for (int i = 0; i < expected.length; i++) {
        assertArrayEquals(expected[i], graph[i], name + " row " + i);
      }
    }
    int[][] expected = intMatrix(graphs.get("roll_self"));
    int[][] graph = NearestNeighbors.kneighborsGraph(data("roll"), 10, true);
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], graph[i], "roll include_self row " + i);
    }
  }

  @Test
  void aGraphGivenAsAnArrayEqualsTheSameGraphAskedForAsText() {
    double[][] X = data("moons");
    var fromText = new AgglomerativeClustering(4).linkage("average").connectivity("knn:7").fit(X);
    var fromGraph = new AgglomerativeClustering(4).linkage("average")
        .connectivity(NearestNeighbors.kneighborsGraph(X, 7, false)).fit(X);
    assertArrayEquals(fromText.labels(), fromGraph.labels());
    assertArrayEquals(fromText.children(), fromGraph.children());
  }

  @Test
  void aTextGraphIsSavedAndLoaded() throws Exception {
    double[][] X = data("blobs");
    var model = new AgglomerativeClustering(3).connectivity("knn:5").fit(X);
    var path = java.nio.file.Files.createTempFile("agglomerative", ".safetensors");
    try {
      Models.save(model, path);
      AgglomerativeClustering loaded = Models.load(path, AgglomerativeClustering.class);
      assertArrayEquals(model.labels(), loaded.labels());
      assertEquals("knn:5", loaded.getParam("connectivity"));
    } finally {
      java.nio.file.Files.deleteIfExists(path);
    }
  }

  @Test
  void aRaggedGraphCannotBeSavedAndSaysWhy() throws Exception {
    double[][] X = {{0, 0}, {0, 1}, {5, 5}};
    var model = new AgglomerativeClustering(2).connectivity(new int[][] {{1}, {0, 2}, {}}).fit(X);
    assertArrayEquals(new int[][] {{0, 1}, {2, 3}}, model.children());
    var path = java.nio.file.Files.createTempFile("agglomerative", ".safetensors");
    try {
      assertRejects(() -> Models.save(model, path), "rectangular", "row 1");
    } finally {
      java.nio.file.Files.deleteIfExists(path);
    }
  }

  @Test
  void badGraphsAreRejectedWithTheirName() {
    double[][] X = data("blobs");
    assertRejects(() -> new AgglomerativeClustering().connectivity("knn:0").fit(X),
        "connectivity", "knn:0");
    assertRejects(() -> new AgglomerativeClustering().connectivity("knn:200").fit(X),
        "connectivity", "200");
    assertRejects(() -> new AgglomerativeClustering().connectivity(new int[3][]).fit(X),
        "connectivity", "3");
    assertRejects(() -> new AgglomerativeClustering().connectivity(
        new int[][] {{1}, {0}}).fit(new double[][] {{0, 0}, {1, 1}, {2, 2}}), "connectivity", "2");
    int[][] outside = new int[X.length][0];
    outside[4] = new int[] {X.length};
    assertRejects(() -> new AgglomerativeClustering().connectivity(outside).fit(X),
        "connectivity", "row 4", String.valueOf(X.length));
    assertRejects(() -> new AgglomerativeClustering().metric("precomputed").linkage("average")
        .connectivity("knn:3").fit(new double[][] {{0, 1}, {1, 0}}), "precomputed");
    assertRejects(() -> new AgglomerativeClustering(250).connectivity("knn:3")
        .computeFullTree(false).fit(X), "250", "samples");
  }
}
