package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.util.Json;

/**
 * {@code --dtype float32}: KMeans gives scikit-learn's numbers on the float32 X
 * (reference/kmeans_float32.py), k-NN scikit-learn's numbers on the float32 X
 * (reference/knn_float32.py), the trees and forests their float64 answers (they work on float32
 * samples either way), and the other models refuse it by name.
 */
class DtypeOptionTest {

  @TempDir
  Path tmp;

  private Path blobs;

  @BeforeEach
  void writeBlobs() {
    blobs = tmp.resolve("blobs.csv");
    CliRun made = CliRun.of("datasets", "blobs", "--samples", "1500", "--centers", "4",
        "--features", "2", "--std", "1", "--seed", "0", "--out", blobs.toString());
    assertEquals(0, made.code(), made.err());
  }

  private static Map<?, ?> json(CliRun run) {
    assertEquals(0, run.code(), run.err());
    return (Map<?, ?>) Json.parse(run.out());
  }

  @Test
  void clusterFloat32GivesScikitLearnsFloat32Fit() throws IOException {
    Map<?, ?> expected;
    try (InputStream in = getClass().getResourceAsStream("/reference/cluster_float32.json")) {
      expected = (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Map<?, ?> json = json(CliRun.of("cluster", blobs.toString(), "--k", "4", "--seed", "0",
        "--target", "y", "--dtype", "float32", "--json"));
    assertEquals(expected.get("labels"), json.get("labels"));
    assertEquals(expected.get("n_iter"), json.get("n_iter"));
    // float32 values: bit-exact here (KMeansFloat32Test), 4 float32 ulps allowed
    double inertia = ((Number) expected.get("inertia")).doubleValue();
    assertEquals(inertia, ((Number) json.get("inertia")).doubleValue(), inertia * 0x1p-20);
    List<?> centers = (List<?>) json.get("centers");
    List<?> want = (List<?>) expected.get("centers");
    for (int j = 0; j < want.size(); j++) {
      for (int f = 0; f < 2; f++) {
        double e = ((Number) ((List<?>) want.get(j)).get(f)).doubleValue();
        double a = ((Number) ((List<?>) centers.get(j)).get(f)).doubleValue();
        assertEquals(e, a, 0x1p-21 * Math.max(1, Math.abs(e)));
        assertEquals((float) a, a, 0.0, "a float32 value");
      }
    }
    // float64 is not the same computation: its inertia is not a float32 value here
    Map<?, ?> float64 = json(CliRun.of("cluster", blobs.toString(), "--k", "4", "--seed", "0",
        "--target", "y", "--json"));
    assertEquals(json.get("labels"), float64.get("labels"));
    assertNotEquals(json.get("inertia"), float64.get("inertia"));
  }

  @Test
  void savedKMeansRecordsItsDtype() {
    Path model = tmp.resolve("k.semaine");
    json(CliRun.of("cluster", blobs.toString(), "--k", "4", "--seed", "0", "--target", "y",
        "--dtype", "float32", "--save", model.toString(), "--json"));
    CliRun inspect = CliRun.of("inspect", model.toString(), "--json");
    assertEquals(0, inspect.code(), inspect.err());
    assertEquals(true, inspect.out().contains("\"_dtype\""), inspect.out());
    semaine.clustering.KMeans loaded = (semaine.clustering.KMeans) semaine.base.Models.load(model);
    assertEquals("float32", loaded.dtype());
  }

  @Test
  void treesAndForestsGiveTheirFloat64AnswersFromFloat32Features() {
    for (String model : List.of("tree", "forest", "extra-trees")) {
      Map<?, ?> a = json(CliRun.of("classify", blobs.toString(), "--target", "y", "--model", model,
          "--proba", "--dtype", "float32", "--json"));
      Map<?, ?> b = json(CliRun.of("classify", blobs.toString(), "--target", "y", "--model", model,
          "--proba", "--json"));
      assertEquals(b.get("predictions"), a.get("predictions"), model);
      assertEquals(b.get("probabilities"), a.get("probabilities"), model);
      Map<?, ?> r = json(CliRun.of("regress", blobs.toString(), "--target", "x1", "--model",
          model, "--dtype", "float32", "--json"));
      Map<?, ?> r64 = json(CliRun.of("regress", blobs.toString(), "--target", "x1", "--model",
          model, "--json"));
      assertEquals(r64.get("r2"), r.get("r2"), model);
      assertEquals("float32", r.get("dtype"));
    }
    Map<?, ?> a = json(CliRun.of("outliers", blobs.toString(), "--target", "y", "--method",
        "iforest", "--contamination", "0.05", "--dtype", "float32", "--json"));
    Map<?, ?> b = json(CliRun.of("outliers", blobs.toString(), "--target", "y", "--method",
        "iforest", "--contamination", "0.05", "--json"));
    assertEquals(b.get("labels"), a.get("labels"));
    assertEquals(b.get("scores"), a.get("scores"));
    assertEquals(b.get("offset"), a.get("offset"));
  }

  /**
   * k-NN with 20 features (brute force, whose distances scikit-learn returns as float32) from
   * float32 features, predicting a second file: scikit-learn's labels, and its probabilities and
   * regression predictions within 1e-6 relative (KNeighborsFloat32Test: 1 / distance from
   * distances equal within a float32 ulp, 1.2e-7 relative).
   */
  @Test
  void knnFloat32GivesScikitLearnsFloat32Answers() throws IOException {
    Map<?, ?> expected;
    try (InputStream in = getClass().getResourceAsStream("/reference/knn_float32_cli.json")) {
      expected = (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Path train = tmp.resolve("b20.csv");
    Path queries = tmp.resolve("q20.csv");
    for (String[] file : List.of(new String[] {train.toString(), "300", "0"},
        new String[] {queries.toString(), "100", "1"})) {
      CliRun made = CliRun.of("datasets", "blobs", "--samples", file[1], "--centers", "3",
          "--features", "20", "--std", "1", "--seed", file[2], "--out", file[0]);
      assertEquals(0, made.code(), made.err());
    }
    Map<?, ?> json = json(CliRun.of("classify", train.toString(), "--target", "y", "--model",
        "knn", "--weights", "distance", "--proba", "--dtype", "float32", "--predict",
        queries.toString(), "--json"));
    assertEquals(expected.get("classify_predictions"), json.get("predictions"));
    // probabilities <= 1: 1e-6 is the relative bound
    assertArrayEquals(numbers(expected.get("classify_probabilities")),
        numbers(json.get("probabilities")), 1e-6);
    Map<?, ?> r = json(CliRun.of("regress", train.toString(), "--target", "x1", "--model", "knn",
        "--param", "weights=distance", "--dtype", "float32", "--predict", queries.toString(),
        "--json"));
    assertEquals("float32", r.get("dtype"));
    // |x1| < 10 in these blobs: 1e-5 absolute is 1e-6 relative to 10
    assertArrayEquals(numbers(expected.get("regress_predictions")), numbers(r.get("predictions")),
        1e-5);
    Path model = tmp.resolve("knn.semaine");
    json(CliRun.of("classify", train.toString(), "--target", "y", "--model", "knn", "--dtype",
        "float32", "--save", model.toString(), "--json"));
    assertEquals("float32", ((semaine.classification.KNeighborsClassifier)
        semaine.base.Models.load(model)).dtype());
  }

  /** The numbers of a JSON list of numbers or of lists, in order. */
  private static double[] numbers(Object json) {
    return json instanceof List<?> list
        ? list.stream().flatMapToDouble(item -> java.util.Arrays.stream(numbers(item))).toArray()
        : new double[] {((Number) json).doubleValue()};
  }

  @Test
  void modelsWithoutAFloat32FitRefuseItByName() {
    assertRefused("semaine: error: --dtype float32: LogisticRegression (--model logistic) fits"
        + " float64 data only in semaine; float32 is available for kmeans, knn, tree, forest,"
        + " extra-trees and iforest; use --dtype float64",
        "classify", blobs.toString(), "--target", "y", "--model", "logistic", "--dtype",
        "float32");
    assertRefused("semaine: error: --dtype float32: LinearRegression (--model ols) fits float64"
        + " data only in semaine; float32 is available for kmeans, knn, tree, forest, extra-trees"
        + " and iforest; use --dtype float64",
        "regress", blobs.toString(), "--target", "x1", "--dtype", "float32");
    assertRefused("semaine: error: --dtype float32: DBSCAN (--method dbscan) fits float64 data"
        + " only in semaine; float32 is available for kmeans, knn, tree, forest, extra-trees and"
        + " iforest; use --dtype float64",
        "cluster", blobs.toString(), "--method", "dbscan", "--dtype", "float32");
    assertRefused("semaine: error: --dtype float32: LocalOutlierFactor (--method lof) fits"
        + " float64 data only in semaine; float32 is available for kmeans, knn, tree, forest,"
        + " extra-trees and iforest; use --dtype float64",
        "outliers", blobs.toString(), "--dtype", "float32");
    assertRefused("semaine: error: --dtype (float16) must be float32 or float64",
        "cluster", blobs.toString(), "--k", "2", "--dtype", "float16");
    assertRefused("semaine: error: --dtype float32 is not available with --elbow: the elbow's"
        + " fits are float64; use --dtype float64",
        "cluster", blobs.toString(), "--elbow", "2:4", "--dtype", "float32");
    assertRefused("semaine: error: --dtype float32 is not available with --scale: the scalers"
        + " fit float64 data; use --dtype float64",
        "classify", blobs.toString(), "--target", "y", "--model", "tree", "--scale", "standard",
        "--dtype", "float32");
  }

  private static void assertRefused(String message, String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(2, run.code(), run.out() + run.err());
    assertEquals(message, run.err().lines().findFirst().orElse(""));
  }
}
