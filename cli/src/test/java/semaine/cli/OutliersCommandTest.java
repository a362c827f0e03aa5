package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.anomaly.IsolationForest;
import semaine.anomaly.LocalOutlierFactor;
import semaine.random.RandomState;
import semaine.util.Json;

class OutliersCommandTest {

  @TempDir
  Path dir;

  /** The book's 31 points (randn(30, 2) * 0.2 and [2, 0.5]) with a label column to drop. */
  private static double[][] book() {
    double[][] X = new RandomState(0).randn(30, 2);
    double[][] out = new double[31][];
    for (int i = 0; i < 30; i++) {
      out[i] = new double[] {X[i][0] * 0.2, X[i][1] * 0.2};
    }
    out[30] = new double[] {2, 0.5};
    return out;
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private Path bookCsv() throws IOException {
    StringBuilder csv = new StringBuilder("size,diameter,batch\n");
    for (double[] row : book()) {
      csv.append(row[0]).append(',').append(row[1]).append(",7\n");
    }
    return write("bottles.csv", csv.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(CliRun run) {
    assertEquals(0, run.code(), run.err());
    return (Map<String, Object>) Json.parse(run.out());
  }

  private static int[] ints(Object list) {
    return ((List<?>) list).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
  }

  private static double[] doubles(Object list) {
    return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }

  @Test
  void lofJsonHasTheLibrarysLabelsScoresAndOffset() throws IOException {
    Map<String, Object> json = json(CliRun.of("outliers", bookCsv().toString(), "--drop", "batch",
        "--neighbors", "20", "--contamination", "0.5", "--json"));
    var model = new LocalOutlierFactor(20).contamination(0.5);
    int[] labels = model.fitPredict(book());
    assertArrayEquals(labels, ints(json.get("labels")));
    assertArrayEquals(model.negativeOutlierFactor(), doubles(json.get("scores")));
    assertEquals(model.offset(), json.get("offset"));
    assertEquals(15L, json.get("n_outliers"));
    assertTrue(json.get("fit_seconds") instanceof Double);
    assertEquals("lof", json.get("method"));
  }

  @Test
  void defaultContaminationAutoFlagsOnlyTheOddBottle() throws IOException {
    CliRun run = CliRun.of("outliers", bookCsv().toString(), "--drop", "batch");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("1 outlier(s) among 31 rows"), run.out());
    assertTrue(run.out().contains("row 30  score -4.6238"), run.out());
  }

  @Test
  void iforestUsesTheSeed() throws IOException {
    Map<String, Object> json = json(CliRun.of("outliers", bookCsv().toString(), "--drop", "batch",
        "--method", "iforest", "--seed", "3", "--json"));
    var model = new IsolationForest().randomState(3);
    assertArrayEquals(model.fitPredict(book()), ints(json.get("labels")));
    assertArrayEquals(model.scoreSamples(book()), doubles(json.get("scores")));
    assertEquals(-0.5, json.get("offset"));
    assertEquals(-1L, ((List<?>) json.get("labels")).get(30));
  }

  @Test
  void tooManyNeighboursWarnOnStderrAndStillAnswer() throws IOException {
    Path file = write("small.csv", "a,b\n0,0\n0,1\n1,0\n1,1\n5,5\n");
    CliRun run = CliRun.of("outliers", file.toString(), "--neighbors", "10", "--json");
    Map<String, Object> json = json(run);
    assertEquals(4L, json.get("n_neighbors"));
    assertTrue(run.err().contains("semaine: warning: n_neighbors (10) is greater than the total"
        + " number of samples (5)"), run.err());
  }

  private static void assertUsageError(CliRun run, String... fragments) {
    assertEquals(2, run.code(), run.out() + run.err());
    assertEquals("", run.out());
    for (String fragment : fragments) {
      assertTrue(run.err().contains(fragment), run.err());
    }
  }

  @Test
  void badContaminationIsAUsageErrorNamingTheRule() throws IOException {
    String file = bookCsv().toString();
    String[][] cases = {{"0.7", "0.7"}, {"0", "0.0"}, {"-0.1", "-0.1"}, {"abc", "\"abc\""},
        {"nan", "NaN"}};
    for (String[] bad : cases) {
      String rule = "contamination (" + bad[1] + ") must be \"auto\" or a float in (0, 0.5]";
      assertUsageError(CliRun.of("outliers", file, "--drop", "batch", "--contamination", bad[0]),
          rule);
      assertUsageError(CliRun.of("outliers", file, "--drop", "batch", "--method", "iforest",
          "--contamination", bad[0]), rule);
    }
  }

  @Test
  void badNeighboursMethodAndSeedAreUsageErrors() throws IOException {
    String file = bookCsv().toString();
    assertUsageError(CliRun.of("outliers", file, "--neighbors", "0"), "--neighbors", ">= 1");
    assertUsageError(CliRun.of("outliers", file, "--neighbors", "x"), "--neighbors");
    assertUsageError(CliRun.of("outliers", file, "--method", "svm"),
        "--method (svm) must be lof, ocsvm or iforest");
    assertUsageError(CliRun.of("outliers", file, "--method", "iforest", "--seed", "-1"), "--seed");
    assertUsageError(CliRun.of("outliers", file, "--drop", "nope"), "--drop 'nope'");
  }

  @Test
  void nanAndOneRowDataAreRejectedWithClearMessages() throws IOException {
    Path nan = write("nan.csv", "a,b\n0,0\nNaN,1\n1,0\n");
    CliRun run = CliRun.of("outliers", nan.toString());
    assertTrue(run.code() != 0, run.err());
    assertTrue(run.err().contains("NaN"), run.err());
    assertTrue(run.err().contains("line 3"), run.err());
    Path one = write("one.csv", "a,b\n0,0\n");
    assertUsageError(CliRun.of("outliers", one.toString()), "one.csv has 1 row",
        "needs at least 2");
  }

  @Test
  void textColumnsMustBeDropped() throws IOException {
    Path file = write("text.csv", "a,name\n0,x\n1,y\n2,z\n");
    CliRun run = CliRun.of("outliers", file.toString());
    assertTrue(run.code() != 0);
    assertTrue(run.err().contains("name"), run.err());
  }
}
