package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.util.Json;

/** {@code semaine cluster}: scikit-learn's numbers (reference/kmeans.py), one clear line on bad input. */
class ClusterCommandTest {

  @TempDir
  Path tmp;

  private Path blobs;
  private Map<?, ?> reference;

  @BeforeEach
  void writeBlobs() throws IOException {
    blobs = tmp.resolve("blobs.csv");
    CliRun made = CliRun.of("datasets", "blobs", "--samples", "50", "--centers", "2", "--features",
        "2", "--std", "1", "--seed", "0", "--out", blobs.toString());
    assertEquals(0, made.code(), made.err());
    try (InputStream in = getClass().getResourceAsStream("/reference/cluster.json")) {
      reference = (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  @Test
  void oneKGivesScikitLearnsLabelsCentersAndInertia() {
    CliRun run = CliRun.of("cluster", blobs.toString(), "--k", "3", "--seed", "0", "--target", "y",
        "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    Map<?, ?> expected = (Map<?, ?>) reference.get("k3_seed0");
    assertEquals(expected.get("labels"), json.get("labels"));
    assertEquals(expected.get("n_iter"), json.get("n_iter"));
    double inertia = number(expected.get("inertia"));
    assertEquals(inertia, number(json.get("inertia")), 1e-9 * inertia);
    List<?> centers = (List<?>) json.get("centers");
    List<?> expectedCenters = (List<?>) expected.get("centers");
    for (int j = 0; j < expectedCenters.size(); j++) {
      for (int f = 0; f < 2; f++) {
        double e = number(((List<?>) expectedCenters.get(j)).get(f));
        assertEquals(e, number(((List<?>) centers.get(j)).get(f)), 1e-9 * Math.max(1, Math.abs(e)));
      }
    }
    assertTrue(number(json.get("fit_seconds")) >= 0);
  }

  @Test
  void elbowSharesOneStreamLikeTheBook() {
    CliRun run = CliRun.of("cluster", blobs.toString(), "--elbow", "1:6", "--seed", "0", "--drop",
        "y", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    Map<?, ?> expected = (Map<?, ?>) reference.get("elbow_1_6_seed0");
    assertEquals(expected.get("k"), json.get("k"));
    List<?> inertias = (List<?>) expected.get("inertia");
    for (int i = 0; i < inertias.size(); i++) {
      double e = number(inertias.get(i));
      assertEquals(e, number(((List<?>) json.get("inertia")).get(i)), 1e-9 * e, "k=" + (i + 1));
    }
    assertEquals(expected.get("elbow"), json.get("elbow"));
    assertTrue(json.containsKey("note") && json.containsKey("fit_seconds"));
    Map<?, ?> methods = (Map<?, ?>) json.get("elbow_methods");
    assertEquals(List.of("drop_ratio", "kneedle", "silhouette"), List.copyOf(methods.keySet()));
    assertEquals(json.get("elbow"), methods.get("drop_ratio"));
    assertEquals(expected.get("elbow"), methods.get("kneedle"));  // the reference's Kneedle
    assertTrue(methods.get("silhouette") instanceof Number, String.valueOf(methods));
  }

  /** The book's listing data (true k 6): the default names 6 where Kneedle says 3. */
  @Test
  void elbowDefaultFindsTheBooksSixGroups() throws IOException {
    semaine.random.RandomState rs = new semaine.random.RandomState(0);
    int k = rs.choice(new int[] {2, 3, 4, 5, 6, 7, 8});
    double[][] X = semaine.data.Datasets.makeBlobs().nSamples(200).centers(k).nFeatures(2)
        .clusterStd(0.5).randomState(rs).generate().X();
    StringBuilder csv = new StringBuilder("a,b\n");
    for (double[] row : X) {
      csv.append(row[0]).append(',').append(row[1]).append('\n');
    }
    Path book = tmp.resolve("book.csv");
    Files.writeString(book, csv);
    CliRun run = CliRun.of("cluster", book.toString(), "--elbow", "1:9", "--seed", "0", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(6, k);
    assertEquals(6, ((Number) json.get("elbow")).intValue(), run.out());
    Map<?, ?> methods = (Map<?, ?>) json.get("elbow_methods");
    assertEquals(3, ((Number) methods.get("kneedle")).intValue(), run.out());
    CliRun text = CliRun.of("cluster", book.toString(), "--elbow", "1:9", "--seed", "0");
    assertTrue(text.out().lines().anyMatch(l -> l.startsWith("   6  ") && l.endsWith("<- elbow")),
        text.out());
    assertTrue(text.out().contains("other criteria: Kneedle k = 3"), text.out());
  }

  @Test
  void humanOutputNamesTheClustersAndTheElbow() {
    CliRun one = CliRun.of("cluster", blobs.toString(), "--k", "2", "--seed", "0", "--target", "y");
    assertEquals(0, one.code(), one.err());
    assertTrue(one.out().contains("cluster 1:"), one.out());
    CliRun range = CliRun.of("cluster", blobs.toString(), "--elbow", "1:6", "--seed", "0",
        "--target", "y");
    assertEquals(0, range.code(), range.err());
    assertTrue(range.out().contains("<- elbow"), range.out());
  }

  @Test
  void initFromACentersFileRunsOnceFromThoseCenters() throws IOException {
    Path centers = tmp.resolve("centers.csv");
    Files.writeString(centers, "a,b\n0,4\n2,1\n");
    CliRun run = CliRun.of("cluster", blobs.toString(), "--k", "2", "--init", centers.toString(),
        "--target", "y", "--json");
    assertEquals(0, run.code(), run.err());
    CliRun again = CliRun.of("cluster", blobs.toString(), "--k", "2", "--init", centers.toString(),
        "--target", "y", "--json");
    Map<?, ?> a = (Map<?, ?>) Json.parse(run.out());
    Map<?, ?> b = (Map<?, ?>) Json.parse(again.out());
    assertEquals(a.get("labels"), b.get("labels"), "no randomness with explicit centres");
  }

  @Test
  void fewerDistinctPointsThanKWarnsOnStderrAndStillAnswers() throws IOException {
    Path dup = tmp.resolve("dup.csv");
    Files.writeString(dup, "x,y\n0,0\n1,1\n0,0\n5,5\n1,1\n5,5\n");
    CliRun run = CliRun.of("cluster", dup.toString(), "--k", "4", "--seed", "0", "--json");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("Number of distinct clusters (3) found smaller than n_clusters (4)"),
        run.err());
    Json.parse(run.out());
  }

  @Test
  void badInputGivesExitTwoAndNamesTheProblem() throws IOException {
    assertUsage("give exactly one of --k K or --elbow A:B", "cluster", blobs.toString());
    assertUsage("give exactly one of --k K or --elbow A:B", "cluster", blobs.toString(), "--k", "2",
        "--elbow", "1:3");
    assertUsage("--k", "cluster", blobs.toString(), "--k", "0");
    assertUsage("--k (51) must be <= the number of samples (50)", "cluster", blobs.toString(),
        "--k", "51", "--target", "y");
    assertUsage("--elbow (3:1) must be A:B", "cluster", blobs.toString(), "--elbow", "3:1");
    assertUsage("--elbow (x) must be A:B", "cluster", blobs.toString(), "--elbow", "x");
    assertUsage("no column named 'label'", "cluster", blobs.toString(), "--k", "2", "--target",
        "label");
    Path nan = tmp.resolve("nan.csv");
    Files.writeString(nan, "a,b\n0,1\nnan,2\n3,4\n");
    assertUsage("'nan' is not a number", "cluster", nan.toString(), "--k", "2");
    Path centers = tmp.resolve("centers3.csv");
    Files.writeString(centers, "a,b,c\n0,4,1\n2,1,1\n");
    assertUsage("has 2 rows and 3 columns but must have 2 rows (--k) and 2 columns", "cluster",
        blobs.toString(), "--k", "2", "--init", centers.toString(), "--target", "y");
    assertUsage("--init with --elbow must be k-means++ or random", "cluster", blobs.toString(),
        "--elbow", "1:3", "--init", centers.toString());
    CliRun missing = CliRun.of("cluster", tmp.resolve("absent.csv").toString(), "--k", "2");
    assertEquals(1, missing.code(), missing.err());
  }

  private static void assertUsage(String fragment, String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains(fragment), run.err());
  }
}
