package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.random.RandomState;
import semaine.util.Json;

/**
 * {@code --save}, {@code predict} and {@code inspect}: a model fitted by a command, saved, then
 * applied by {@code predict} from the file alone gives the fitting command's answers, bit for bit.
 */
class PredictCommandTest {

  @TempDir
  Path dir;

  private Path data;

  /** 60 rows of three blobs: features a, b, c; a numeric target y; a class name label. */
  @BeforeEach
  void writeData() throws IOException {
    RandomState random = new RandomState(11);
    double[][] noise = random.randn(60, 3);
    StringBuilder csv = new StringBuilder("a,b,c,y,label\n");
    for (int i = 0; i < 60; i++) {
      int k = i % 3;
      double a = noise[i][0] + 4 * k;
      double b = noise[i][1] - 2 * k;
      double c = noise[i][2];
      csv.append(a).append(',').append(b).append(',').append(c).append(',')
          .append(1.5 * a - b + 0.25 * c).append(',').append(new String[] {"ant", "bee", "cat"}[k])
          .append('\n');
    }
    data = dir.resolve("data.csv");
    Files.writeString(data, csv.toString());
  }

  @Test
  void aSavedClassifierPredictsTheLabelsAndProbabilitiesOfTheFittingRun() {
    Path model = dir.resolve("knn.semaine");
    var fitted = json("classify", data.toString(), "--target", "label", "--drop", "y", "--k", "7",
        "--proba", "--save", model.toString(), "--json");
    var predicted = json("predict", model.toString(), data.toString(), "--drop", "y,label",
        "--proba", "--json");
    assertEquals(fitted.get("predictions"), predicted.get("predictions"));
    assertEquals(fitted.get("probabilities"), predicted.get("probabilities"));
    assertEquals("sklearn.neighbors.KNeighborsClassifier", predicted.get("estimator"));
    for (String kind : new String[] {"mlp"}) {
      Path mlp = dir.resolve(kind + ".semaine");
      var f = json("classify", data.toString(), "--target", "label", "--drop", "y", "--model", kind,
          "--param", "max_iter=20", "--save", mlp.toString(), "--json");
      var p = json("predict", mlp.toString(), data.toString(), "--drop", "y,label", "--json");
      assertEquals(f.get("predictions"), p.get("predictions"));
    }
  }

  @Test
  void savedRegressorsClusteringsAndDetectorsAnswerAsTheirFittingRun() {
    Path ols = dir.resolve("ols.semaine");
    var regress = json("regress", data.toString(), "--target", "y", "--drop", "label",
        "--predict", data.toString(), "--save", ols.toString(), "--json");
    assertEquals(regress.get("predictions"),
        json("predict", ols.toString(), data.toString(), "--drop", "y,label", "--json")
            .get("predictions"));
    for (String kind : new String[] {"knn", "gd", "ridge", "lasso", "svr", "tree", "forest",
        "mlp"}) {
      Path saved = dir.resolve(kind + "-regressor.semaine");
      var fit = json("regress", data.toString(), "--target", "y", "--drop", "label", "--model",
          kind, "--predict", data.toString(), "--save", saved.toString(), "--json");
      assertEquals(fit.get("predictions"),
          json("predict", saved.toString(), data.toString(), "--drop", "y,label", "--json")
              .get("predictions"), kind);
    }
    Path kmeans = dir.resolve("kmeans.semaine");
    var cluster = json("cluster", data.toString(), "--drop", "y,label", "--k", "3", "--seed", "0",
        "--save", kmeans.toString(), "--json");
    assertEquals(cluster.get("labels"),
        json("predict", kmeans.toString(), data.toString(), "--drop", "y,label", "--json")
            .get("predictions"));
    Path forest = dir.resolve("iforest.semaine");
    var outliers = json("outliers", data.toString(), "--drop", "y,label", "--method", "iforest",
        "--save", forest.toString(), "--json");
    var scored = json("predict", forest.toString(), data.toString(), "--drop", "y,label", "--json");
    assertEquals(outliers.get("labels"), scored.get("predictions"));
    assertEquals(outliers.get("scores"), scored.get("scores"));
  }

  @Test
  void inspectDescribesTheFile() {
    Path model = dir.resolve("knn.semaine");
    json("classify", data.toString(), "--target", "label", "--drop", "y", "--k", "4", "--save",
        model.toString(), "--json");
    var info = json("inspect", model.toString(), "--json");
    assertEquals("sklearn.neighbors.KNeighborsClassifier", info.get("estimator"));
    assertEquals(List.of("a", "b", "c"), info.get("feature_names"));
    assertEquals(List.of("ant", "bee", "cat"), info.get("classes"));
    assertEquals(4L, ((Map<?, ?>) info.get("params")).get("n_neighbors"));
    assertEquals(1L, info.get("format_version"));
  }

  @Test
  void columnsTheModelLacksOrNeedsAndBadFilesAreUsageErrorsNamingThem() throws IOException {
    Path model = dir.resolve("ols.semaine");
    json("regress", data.toString(), "--target", "y", "--drop", "label", "--save",
        model.toString(), "--json");
    assertUsage(CliRun.of("predict", model.toString(), data.toString()),
        "has a column 'y' that the model in " + model + " was not fitted on: leave it out with"
            + " --drop y");
    Path fewer = dir.resolve("fewer.csv");
    Files.writeString(fewer, "a,c\n1,2\n");
    assertUsage(CliRun.of("predict", model.toString(), fewer.toString()),
        fewer + " has no column 'b', a feature of the model in " + model);
    Path broken = dir.resolve("broken.semaine");
    Files.write(broken, new byte[] {1, 2, 3});
    assertUsage(CliRun.of("predict", broken.toString(), data.toString()),
        broken + " is not a valid model file: it is 3 bytes long");
    assertUsage(CliRun.of("inspect", data.toString()), data + " is not a valid model file");
    assertUsage(CliRun.of("predict", model.toString(), data.toString(), "--drop", "y,label",
        "--proba"), "--proba: ");
    assertUsage(CliRun.of("classify", data.toString(), "--target", "label", "--drop", "y",
        "--save", dir.toString()), "is a directory");
    Path lof = dir.resolve("lof.semaine");
    json("outliers", data.toString(), "--drop", "y,label", "--method", "lof", "--save",
        lof.toString(), "--json");
    assertUsage(CliRun.of("predict", lof.toString(), data.toString(), "--drop", "y,label"),
        "--param novelty=true");
    Path dbscan = dir.resolve("dbscan.semaine");
    json("cluster", data.toString(), "--drop", "y,label", "--method", "dbscan", "--save",
        dbscan.toString(), "--json");
    assertUsage(CliRun.of("predict", dbscan.toString(), data.toString(), "--drop", "y,label"),
        "DBSCAN labels only the data it was fitted on (no predict)");
  }

  @Test
  void aFileOfSeveralBlocksIsAnsweredBlockByBlockAsTheWholeFileIsAnsweredInMemory()
      throws IOException {
    Path model = dir.resolve("knn.semaine");
    json("classify", data.toString(), "--target", "label", "--drop", "y", "--k", "5", "--save",
        model.toString(), "--json");
    int n = 2 * PredictCommand.BLOCK_ROWS + 123;
    double[][] Q = new RandomState(5).randn(n, 3);
    StringBuilder csv = queries(Q);
    Path big = dir.resolve("big.csv");
    Files.writeString(big, csv.toString());
    var memory = (semaine.base.Classifier) semaine.base.Models.load(model);
    double[][] probabilities = memory.predictProba(Q);
    int[] ids = memory.predict(Q);

    var streamed = json("predict", model.toString(), big.toString(), "--proba", "--json");
    List<?> predictions = (List<?>) streamed.get("predictions");
    assertEquals(n, predictions.size());
    Path out = dir.resolve("answers.csv");
    var written = json("predict", model.toString(), big.toString(), "--proba", "--out",
        out.toString(), "--json");
    assertEquals((long) n, written.get("rows"));
    assertTrue((Double) written.get("megabytes_per_second") > 0);
    List<String> lines = Files.readAllLines(out);
    assertEquals("prediction,ant,bee,cat", lines.getFirst());
    CliRun text = CliRun.of("predict", model.toString(), big.toString());
    assertEquals(0, text.code(), text.err());
    String[] printed = text.out().split("\n");
    assertEquals(n, printed.length);
    String[] names = {"ant", "bee", "cat"};
    for (int i = 0; i < n; i++) {
      assertEquals(names[ids[i]], predictions.get(i));
      String[] fields = lines.get(i + 1).split(",");
      assertEquals(names[ids[i]], fields[0]);
      for (int k = 0; k < 3; k++) {
        assertEquals(probabilities[i][k], Double.parseDouble(fields[k + 1]), 0.0);
      }
      assertTrue(printed[i].startsWith(names[ids[i]]), printed[i]);
    }

    // a bad field after the first blocks: an error naming its line, and the old output kept
    Files.writeString(big, csv.toString() + "1,x,2\n");
    assertUsage(CliRun.of("predict", model.toString(), big.toString(), "--out", out.toString()),
        "big.csv line " + (n + 2) + ", column 'b': 'x' is not a number");
    assertEquals(lines, Files.readAllLines(out));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".answers"))
          .toList());
    }
    assertUsage(CliRun.of("predict", model.toString(), data.toString(), "--drop", "y,label",
        "--out", dir.toString()), "--out " + dir);
  }

  @Test
  void standardInputAndANamedPipeAreAnsweredAsTheFileIs() throws Exception {
    Path model = dir.resolve("kmeans.semaine");
    json("cluster", data.toString(), "--drop", "y,label", "--k", "3", "--seed", "0", "--save",
        model.toString(), "--json");
    int n = 2 * PredictCommand.BLOCK_ROWS + 77;
    StringBuilder csv = queries(new RandomState(8).randn(n, 3));
    Path file = dir.resolve("queries.csv");
    Files.writeString(file, csv.toString());
    var expected = json("predict", model.toString(), file.toString(), "--json");
    assertEquals(n, ((List<?>) expected.get("predictions")).size());

    var stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(csv.toString().getBytes()));
      var fromStdin = json("predict", model.toString(), "-", "--json");
      assertEquals(expected.get("predictions"), fromStdin.get("predictions"));
      assertTrue((Double) fromStdin.get("megabytes_per_second") > 0);
      System.setIn(new java.io.ByteArrayInputStream((csv + "1,x,2\n").getBytes()));
      assertUsage(CliRun.of("predict", model.toString(), "-"),
          "standard input line " + (n + 2) + ", column 'b': 'x' is not a number");
      System.setIn(new java.io.ByteArrayInputStream("a,c,b\n1,2,3\n".getBytes()));
      assertUsage(CliRun.of("predict", model.toString(), "-"),
          "standard input has feature columns [a, c, b] but the model in " + model
              + " was fitted on [a, b, c]");
    } finally {
      System.setIn(stdin);
    }

    Path pipe = dir.resolve("rows.pipe");
    assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
    Thread writer = Thread.ofPlatform().start(() -> {
      try {
        Files.writeString(pipe, csv.toString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Path out = dir.resolve("from-pipe.csv");
    json("predict", model.toString(), pipe.toString(), "--out", out.toString(), "--json");
    writer.join();
    List<String> lines = Files.readAllLines(out);
    assertEquals(n + 1, lines.size());
    List<?> labels = (List<?>) expected.get("predictions");
    for (int i = 0; i < n; i++) {
      assertEquals(((Number) labels.get(i)).longValue(), Long.parseLong(lines.get(i + 1)));
    }
  }

  /** Rows of features a, b, c spread over the three blobs (Q is moved there), as CSV text. */
  private static StringBuilder queries(double[][] Q) {
    StringBuilder csv = new StringBuilder("a,b,c\n");
    for (double[] q : Q) {
      q[0] = 4 * q[0] + 4;
      q[1] = 3 * q[1] - 2;
      csv.append(q[0]).append(',').append(q[1]).append(',').append(q[2]).append('\n');
    }
    return csv;
  }

  private static void assertUsage(CliRun run, String fragment) {
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains(fragment), run.err());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.code(), run.err());
    return (Map<String, Object>) Json.parse(run.out());
  }
}
