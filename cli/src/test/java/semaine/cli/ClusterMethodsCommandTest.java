package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.clustering.AgglomerativeClustering;
import semaine.clustering.DBSCAN;
import semaine.clustering.HDBSCAN;
import semaine.clustering.OPTICS;
import semaine.random.RandomState;
import semaine.util.Json;

/**
 * {@code semaine cluster --method dbscan|agglomerative}: the command passes its parameters to the
 * library and prints the library's labels and attributes (the library is checked against
 * scikit-learn in core).
 */
class ClusterMethodsCommandTest {

  @TempDir
  Path tmp;

  private Path file;
  private double[][] X;

  /** 120 points in three loose groups, written with round-trip decimals. */
  @BeforeEach
  void writeData() throws IOException {
    RandomState random = new RandomState(3);
    double[][] noise = random.randn(120, 2);
    X = new double[120][];
    StringBuilder csv = new StringBuilder("a,b\n");
    for (int i = 0; i < 120; i++) {
      double shift = 4.0 * (i % 3);
      X[i] = new double[] {shift + 0.6 * noise[i][0], 0.6 * noise[i][1]};
      csv.append(X[i][0]).append(',').append(X[i][1]).append('\n');
    }
    file = tmp.resolve("groups.csv");
    Files.writeString(file, csv);
  }

  private static List<Integer> list(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  /** A JSON list of numbers as ints (the parser reads them as longs). */
  private static List<Integer> ints(Object json) {
    return ((List<?>) json).stream().map(v -> ((Number) v).intValue()).toList();
  }

  private Map<?, ?> json(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.code(), run.err());
    return (Map<?, ?>) Json.parse(run.out());
  }

  @Test
  void dbscanPrintsTheLibrarysLabelsAndCoreSamples() {
    Map<?, ?> json = json("cluster", file.toString(), "--method", "dbscan", "--param", "eps=0.5",
        "--param", "min_samples=6", "--json");
    DBSCAN model = new DBSCAN(0.5).minSamples(6).fit(X);
    assertTrue(Arrays.stream(model.labels()).anyMatch(l -> l == -1), "the data has noise");
    assertEquals(list(model.labels()), ints(json.get("labels")));
    Map<?, ?> attributes = (Map<?, ?>) json.get("attributes");
    assertEquals(list(model.coreSampleIndices()), ints(attributes.get("core_sample_indices_")));
    assertEquals(model.coreSampleIndices().length,
        ((List<?>) attributes.get("components_")).size());
    assertEquals(0.5, ((Number) ((Map<?, ?>) json.get("params")).get("eps")).doubleValue());
  }

  @Test
  void agglomerativePrintsLabelsChildrenAndDistances() {
    Map<?, ?> json = json("cluster", file.toString(), "--method", "agglomerative", "--param",
        "linkage=average", "--param", "n_clusters=None", "--param", "distance_threshold=2.5",
        "--json");
    var model = new AgglomerativeClustering().nClusters(null).distanceThreshold(2.5)
        .linkage("average").fit(X);
    assertEquals(list(model.labels()), ints(json.get("labels")));
    Map<?, ?> attributes = (Map<?, ?>) json.get("attributes");
    List<?> children = (List<?>) attributes.get("children_");
    assertEquals(119, children.size());
    assertEquals(list(model.children()[118]), ints(children.get(118)));
    assertEquals(model.nClustersFound(), ((Number) attributes.get("n_clusters_")).intValue());
    assertEquals(119, ((List<?>) attributes.get("distances_")).size());
  }

  @Test
  void agglomerativeTakesAKNeighboursGraphAsConnectivity() {
    Map<?, ?> json = json("cluster", file.toString(), "--method", "agglomerative", "--param",
        "connectivity=knn:10", "--param", "n_clusters=3", "--json");
    var model = new AgglomerativeClustering(3).connectivity("knn:10").fit(X);
    assertEquals(list(model.labels()), ints(json.get("labels")));
    Map<?, ?> attributes = (Map<?, ?>) json.get("attributes");
    assertEquals(list(model.children()[118]), ints(((List<?>) attributes.get("children_"))
        .get(118)));
    assertEquals(model.nConnectedComponents(),
        ((Number) attributes.get("n_connected_components_")).intValue());
    CliRun run = CliRun.of("cluster", file.toString(), "--method", "agglomerative", "--param",
        "connectivity=knn:1");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("warning: the number of connected components"), run.err());
    CliRun bad = CliRun.of("cluster", file.toString(), "--method", "agglomerative", "--param",
        "connectivity=knn");
    assertTrue(bad.code() != 0 && bad.err().contains("connectivity"), bad.err());
  }

  @Test
  void opticsPrintsOrderingReachabilityAndHierarchy() {
    Map<?, ?> json = json("cluster", file.toString(), "--method", "optics", "--param",
        "min_samples=8", "--json");
    OPTICS model = new OPTICS(8).fit(X);
    assertEquals(list(model.labels()), ints(json.get("labels")));
    Map<?, ?> attributes = (Map<?, ?>) json.get("attributes");
    assertEquals(list(model.ordering()), ints(attributes.get("ordering_")));
    List<?> reachability = (List<?>) attributes.get("reachability_");
    double[] expected = model.reachability();
    for (int i = 0; i < expected.length; i++) {
      Object value = reachability.get(i);
      if (Double.isInfinite(expected[i])) {
        assertTrue(!(value instanceof Number n) || Double.isInfinite(n.doubleValue()),
            "reachability_[" + i + "] = " + value);
      } else {
        assertEquals(expected[i], ((Number) value).doubleValue(), "reachability_[" + i + "]");
      }
    }
    assertEquals(model.clusterHierarchy().length,
        ((List<?>) attributes.get("cluster_hierarchy_")).size());
  }

  @Test
  void hdbscanPrintsLabelsAndProbabilities() {
    Map<?, ?> json = json("cluster", file.toString(), "--method", "hdbscan", "--param",
        "min_cluster_size=10", "--param", "cluster_selection_method=leaf", "--json");
    HDBSCAN model = new HDBSCAN(10).clusterSelectionMethod("leaf").fit(X);
    assertEquals(list(model.labels()), ints(json.get("labels")));
    Map<?, ?> attributes = (Map<?, ?>) json.get("attributes");
    assertEquals(list(model.labels()), ints(attributes.get("labels_")));
    List<?> probabilities = (List<?>) attributes.get("probabilities_");
    double[] expected = model.probabilities();
    assertEquals(expected.length, probabilities.size());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], ((Number) probabilities.get(i)).doubleValue(), "p[" + i + "]");
    }
    CliRun bad = CliRun.of("cluster", file.toString(), "--method", "hdbscan", "--param",
        "min_cluster_size=1");
    assertEquals(2, bad.code(), bad.out());
    assertTrue(bad.err().contains("min_cluster_size"), bad.err());
  }

  @Test
  void kIsTheShorthandOfNClustersForAgglomerative() {
    Map<?, ?> json = json("cluster", file.toString(), "--method", "agglomerative", "--k", "3",
        "--json");
    assertEquals(list(new AgglomerativeClustering(3).fit(X).labels()), ints(json.get("labels")));
  }

  @Test
  void textOutputCountsNoise() {
    CliRun run = CliRun.of("cluster", file.toString(), "--method", "dbscan", "--param", "eps=0.5",
        "--param", "min_samples=6");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("noise:"), run.out());
    assertTrue(run.out().contains("cluster 0:"), run.out());
  }

  @Test
  void badParametersGiveOneLineNamingThem() {
    CliRun run = CliRun.of("cluster", file.toString(), "--method", "dbscan", "--param", "eps=0");
    assertEquals(2, run.code(), run.out());
    assertTrue(run.err().contains("eps"), run.err());
    run = CliRun.of("cluster", file.toString(), "--method", "dbscan", "--k", "3");
    assertEquals(2, run.code(), run.out());
    assertTrue(run.err().contains("n_clusters"), run.err());
    run = CliRun.of("cluster", file.toString(), "--method", "agglomerative", "--param",
        "metric=manhattan");
    assertTrue(run.code() != 0 && run.err().contains("Ward can only work with euclidean"),
        run.err());
  }
}
