package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.random.RandomState;
import semaine.util.Json;
import semaine.util.Repr;

/**
 * Files larger than memory: {@code regress} fits least squares block by block with the in-memory
 * coefficients, and the commands whose models keep every row refuse such a file with its size and
 * the memory it would take. The second half runs the command line in a JVM of 40 MB, where the
 * file's rows would not fit.
 */
class LargeFileTest {

  @TempDir
  static Path dir;

  private static Path data;

  /** 250,000 rows: features a, b, c, an id column and a target y in the middle. */
  @BeforeAll
  static void writeData() throws IOException {
    RandomState random = new RandomState(17);
    int n = 250_000;
    double[][] X = random.randn(n, 3);
    double[] noise = random.randn(n);
    StringBuilder csv = new StringBuilder("a,b,id,y,c\n");
    for (int i = 0; i < n; i++) {
      double y = 2 * X[i][0] - X[i][1] + 0.5 * X[i][2] + 3 + 0.1 * noise[i];
      csv.append(Repr.of(X[i][0])).append(',').append(Repr.of(X[i][1])).append(',').append(i)
          .append(',').append(Repr.of(y)).append(',').append(Repr.of(X[i][2])).append('\n');
    }
    data = dir.resolve("large.csv");
    Files.writeString(data, csv.toString());
  }

  @Test
  void streamedLeastSquaresGiveTheInMemoryCoefficientsAndASavedModel() {
    Map<?, ?> memory = json(CliRun.of("regress", data.toString(), "--target", "y", "--drop", "id",
        "--json"));
    Path model = dir.resolve("ols.semaine");
    Map<?, ?> streamed = json(CliRun.of("regress", data.toString(), "--target", "y", "--drop",
        "id", "--stream", "--save", model.toString(), "--json"));
    assertEquals(memory.get("coef"), streamed.get("coef"));
    assertEquals(memory.get("intercept"), streamed.get("intercept"));
    assertEquals(true, streamed.get("streamed"));
    assertEquals(null, streamed.get("r2"));
    Map<?, ?> info = json(CliRun.of("inspect", model.toString(), "--json"));
    assertEquals(List.of("a", "b", "c"), info.get("feature_names"));
    CliRun human = CliRun.of("regress", data.toString(), "--target", "y", "--drop", "id",
        "--stream");
    assertTrue(human.out().contains("(fitted block by block: R² on the training rows not computed)"),
        human.out());
    CliRun knn = CliRun.of("regress", data.toString(), "--target", "y", "--drop", "id",
        "--model", "knn", "--stream");
    assertEquals(2, knn.code());
    assertTrue(knn.err().contains("--stream: knn keeps every row in memory (ols fits block by"
        + " block)"), knn.err());
  }

  @Test
  void streamedMiniBatchKMeansIsPartialFitOverBlocksOfBatchSizeRows() {
    Map<?, ?> streamed = json(CliRun.of("cluster", data.toString(), "--method",
        "minibatch-kmeans", "--k", "3", "--drop", "id,y", "--seed", "0", "--stream", "--json"));
    double[][] X = semaine.data.Csv.read(data).toMatrix(java.util.Set.of("id", "y"));
    var model = new semaine.clustering.MiniBatchKMeans(3).randomState(0);
    int steps = 0;
    for (int from = 0; from < X.length; from += 1024) {
      model.partialFit(java.util.Arrays.copyOfRange(X, from, Math.min(X.length, from + 1024)));
      steps++;
    }
    assertEquals((long) steps, streamed.get("n_steps"));
    assertEquals((long) X.length, streamed.get("rows"));
    List<?> centers = (List<?>) streamed.get("centers");
    for (int j = 0; j < 3; j++) {
      for (int f = 0; f < 3; f++) {
        assertEquals(model.clusterCenters()[j][f], ((List<?>) centers.get(j)).get(f));
      }
    }
    CliRun kmeans = CliRun.of("cluster", data.toString(), "--k", "3", "--drop", "id,y",
        "--stream");
    assertEquals(2, kmeans.code());
    assertTrue(kmeans.err().contains("--stream: kmeans keeps every row in memory"), kmeans.err());
  }

  @Test
  void inAJvmTooSmallForTheRowsRegressStreamsAndTheOthersRefuseWithTheSizes() throws Exception {
    Map<?, ?> memory = json(CliRun.of("regress", data.toString(), "--target", "y", "--drop", "id",
        "--json"));
    Run regress = small("regress", data.toString(), "--target", "y", "--drop", "id", "--json");
    assertEquals(0, regress.code(), regress.err());
    Map<?, ?> streamed = (Map<?, ?>) Json.parse(regress.out());
    assertEquals(true, streamed.get("streamed"));
    assertEquals(memory.get("coef"), streamed.get("coef"));
    assertEquals(memory.get("intercept"), streamed.get("intercept"));
    Run minibatch = small("cluster", data.toString(), "--method", "minibatch-kmeans", "--k", "3",
        "--drop", "id,y", "--json");
    assertEquals(0, minibatch.code(), minibatch.err());
    assertEquals(true, ((Map<?, ?>) Json.parse(minibatch.out())).get("streamed"));
    for (List<String> command : List.of(
        List.of("classify", data.toString(), "--target", "y", "--drop", "id"),
        List.of("cluster", data.toString(), "--k", "3", "--drop", "id,y"),
        List.of("regress", data.toString(), "--target", "y", "--drop", "id", "--model", "knn"))) {
      Run refused = small(command.toArray(String[]::new));
      assertEquals(2, refused.code(), refused.out() + refused.err());
      assertTrue(refused.err().contains("large.csv is ") && refused.err().contains("rows): holding"
          + " them takes about ") && refused.err().contains("more than the "),
          refused.err());
      assertTrue(refused.err().contains("keeps every row in memory"), refused.err());
      assertTrue(refused.err().contains("spark module"), refused.err());
    }
  }

  private record Run(int code, String out, String err) {}

  /** Runs the command line in a fresh JVM with a 40 MB heap. */
  private static Run small(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx40m", "--add-modules",
        "jdk.incubator.vector", "--class-path", System.getProperty("java.class.path"),
        "semaine.cli.Main"));
    command.addAll(List.of(args));
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
    return new Run(process.exitValue(), out, Files.readString(err));
  }

  private static Map<?, ?> json(CliRun run) {
    assertEquals(0, run.code(), run.err());
    return (Map<?, ?>) Json.parse(run.out());
  }
}
