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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.util.Json;

/** {@code semaine datasets ...}: the numbers scikit-learn prints, and one clear line on bad input. */
class DatasetsCommandTest {

  @TempDir
  Path tmp;

  private static String resource(String name) throws IOException {
    try (InputStream in = DatasetsCommandTest.class.getResourceAsStream("/reference/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void blobsJsonIsByteForByteWhatPythonPrintsForMakeBlobs() throws IOException {
    CliRun run = CliRun.of("datasets", "blobs", "--samples", "50", "--centers", "2", "--features",
        "2", "--std", "1", "--seed", "0", "--json");
    assertEquals(0, run.code(), run.err());
    assertEquals(resource("blobs_50_2_2_1_seed0.json"), run.out());
  }

  @Test
  void moonsJsonMatchesMakeMoonsWithin1e12() throws IOException {
    CliRun run = CliRun.of("datasets", "moons", "--samples", "20", "--noise", "0.1", "--seed", "3",
        "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> actual = (Map<?, ?>) Json.parse(run.out());
    Map<?, ?> expected = (Map<?, ?>) Json.parse(resource("moons_20_noise0.1_seed3.json"));
    assertEquals(expected.get("y"), actual.get("y"));
    List<?> xe = (List<?>) expected.get("X");
    List<?> xa = (List<?>) actual.get("X");
    assertEquals(xe.size(), xa.size());
    for (int i = 0; i < xe.size(); i++) {
      for (int j = 0; j < 2; j++) {
        double e = (Double) ((List<?>) xe.get(i)).get(j);
        double a = (Double) ((List<?>) xa.get(i)).get(j);
        assertEquals(e, a, 1e-12 * Math.max(1, Math.abs(e)), "X[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void loadIrisJsonHasScikitLearnsDataAndNames() throws IOException {
    CliRun run = CliRun.of("datasets", "load", "iris", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> actual = (Map<?, ?>) Json.parse(run.out());
    Map<?, ?> expected = (Map<?, ?>) Json.parse(resource("iris.json"));
    for (String key : List.of("feature_names", "target_names", "X", "y")) {
      assertEquals(expected.get(key), actual.get(key), key);
    }
  }

  @Test
  void blobsWithoutJsonPrintsCsvThatReadsBackAsTheSameNumbers() throws IOException {
    CliRun json = CliRun.of("datasets", "blobs", "--samples", "7", "--seed", "42", "--json");
    CliRun csv = CliRun.of("datasets", "blobs", "--samples", "7", "--seed", "42");
    assertEquals(0, csv.code(), csv.err());
    List<String> lines = csv.out().lines().toList();
    assertEquals("x0,x1,y", lines.get(0));
    assertEquals(8, lines.size());
    List<?> X = (List<?>) ((Map<?, ?>) Json.parse(json.out())).get("X");
    List<?> y = (List<?>) ((Map<?, ?>) Json.parse(json.out())).get("y");
    String[] first = lines.get(1).split(",");
    assertEquals(((List<?>) X.get(0)).get(0), Double.parseDouble(first[0]));
    assertEquals(((List<?>) X.get(0)).get(1), Double.parseDouble(first[1]));
    assertEquals(y.get(0), Long.parseLong(first[2]));
  }

  @Test
  void outWritesTheCsvAndSaysWhere() throws IOException {
    Path file = tmp.resolve("sub/blobs.csv");
    CliRun run = CliRun.of("datasets", "blobs", "--samples", "10", "--seed", "1", "--out",
        file.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains(file.toString()), run.out());
    assertEquals(11, Files.readAllLines(file).size());
  }

  @Test
  void loadReadsACsvFileWithItsTargetColumn() throws IOException {
    Path file = tmp.resolve("iris.csv");
    assertEquals(0, CliRun.of("datasets", "load", "iris", "--out", file.toString()).code());
    CliRun run = CliRun.of("datasets", "load", file.toString(), "--target", "target", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> actual = (Map<?, ?>) Json.parse(run.out());
    Map<?, ?> expected = (Map<?, ?>) Json.parse(resource("iris.json"));
    assertEquals(expected.get("X"), actual.get("X"));
    assertEquals(expected.get("target_names"), actual.get("target_names"));
  }

  @Test
  void badSamplesSeedAndNameAreUsageErrorsOnOneLine() {
    assertUsageError(CliRun.of("datasets", "blobs", "--samples", "-1"), "--samples (-1) must be >= 1");
    assertUsageError(CliRun.of("datasets", "blobs", "--seed", "4294967296"),
        "--seed (4294967296) must be in [0, 4294967295]");
    assertUsageError(CliRun.of("datasets", "moons", "--noise", "-0.5"), "--noise (-0.5)");
    assertUsageError(CliRun.of("datasets", "load", "foo"), "unknown dataset 'foo'");
    assertUsageError(CliRun.of("datasets", "load", "x.csv"), "--target is required");
  }

  @Test
  void unreadableFileIsARuntimeErrorNamingIt() throws IOException {
    CliRun missing = CliRun.of("datasets", "load", tmp.resolve("missing.csv").toString(),
        "--target", "y");
    assertEquals(1, missing.code());
    assertEquals(1, missing.errLines().size(), missing.err());
    assertTrue(missing.err().contains("missing.csv"), missing.err());
    Path dir = Files.createDirectory(tmp.resolve("dir.csv"));
    CliRun directory = CliRun.of("datasets", "load", dir.toString(), "--target", "y");
    assertEquals(1, directory.code(), directory.err());
    assertEquals(1, directory.errLines().size(), directory.err());
  }

  @Test
  void malformedCsvIsAUsageErrorNamingTheLine() throws IOException {
    Path file = tmp.resolve("bad.csv");
    Files.writeString(file, "a,b,y\n1,2,0\n3,oops,1\n");
    CliRun run = CliRun.of("datasets", "load", file.toString(), "--target", "y");
    assertEquals(2, run.code());
    assertTrue(run.errLines().get(0).contains("bad.csv line 3"), run.err());
  }

  private static void assertUsageError(CliRun run, String message) {
    assertEquals(2, run.code(), run.err());
    assertEquals("", run.out());
    assertTrue(run.errLines().get(0).startsWith("semaine: error: "), run.err());
    assertTrue(run.errLines().get(0).contains(message), run.err());
    assertTrue(run.errLines().size() <= 2, run.err());
  }
}
