package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.classification.KNeighborsClassifier;
import semaine.util.Json;

class ClassifyCommandTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static final String TRAIN = """
      x0,x1,species
      0,0,setosa
      0,1,setosa
      1,0,setosa
      5,5,virginica
      5,6,virginica
      6,5,virginica
      """;

  @Test
  void predictsStringLabelsAsWrittenAndReportsAccuracy() throws IOException {
    Path train = write("train.csv", TRAIN);
    Path test = write("test.csv", "x0,x1,species\n0.5,0.5,setosa\n5.5,5.5,setosa\n");
    CliRun run = CliRun.of("classify", train.toString(), "--target", "species", "--k", "3",
        "--predict", test.toString(), "--json");
    assertEquals(0, run.code(), run.err());
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Json.parse(run.out());
    assertEquals(List.of("setosa", "virginica"), json.get("predictions"));
    assertEquals(0.5, json.get("accuracy"));
    assertTrue(json.containsKey("fit_seconds") && json.containsKey("predict_seconds"));
  }

  @Test
  void numericLabelsPrintAsNumbersAndMatchTheLibrary() throws IOException {
    Path train = write("train.csv", TRAIN.replace("setosa", "3").replace("virginica", "7"));
    Path test = write("test.csv", "x0,x1\n0.5,0.5\n5.5,5.5\n2.9,2.9\n");
    CliRun run = CliRun.of("classify", train.toString(), "--target", "species", "--k", "3",
        "--predict", test.toString(), "--json");
    assertEquals(0, run.code(), run.err());
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Json.parse(run.out());
    int[] expected = new KNeighborsClassifier(3).fit(
        new double[][] {{0, 0}, {0, 1}, {1, 0}, {5, 5}, {5, 6}, {6, 5}},
        new int[] {3, 3, 3, 7, 7, 7}).predict(new double[][] {{0.5, 0.5}, {5.5, 5.5}, {2.9, 2.9}});
    assertEquals(List.of((long) expected[0], (long) expected[1], (long) expected[2]),
        json.get("predictions"));
    assertTrue(!json.containsKey("accuracy"));
    CliRun text = CliRun.of("classify", train.toString(), "--target", "species", "--k", "1");
    assertEquals(0, text.code(), text.err());
    assertEquals("3\n3\n3\n7\n7\n7\naccuracy = 1.0", text.out().strip().replace("\r", ""));
  }

  @Test
  void badInputIsAUsageErrorNamingTheProblem() throws IOException {
    Path train = write("train.csv", TRAIN);
    CliRun run = CliRun.of("classify", train.toString(), "--target", "species", "--k", "7");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--k (7)"), run.err());
    run = CliRun.of("classify", train.toString(), "--target", "species", "--k", "0");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--k"), run.err());
    Path other = write("other.csv", "x0,x2\n1,2\n");
    run = CliRun.of("classify", train.toString(), "--target", "species", "--predict",
        other.toString(), "--k", "1");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("feature columns [x0, x2]"), run.err());
    Path single = write("single.csv", "x0,y\n1,a\n2,a\n");
    run = CliRun.of("classify", single.toString(), "--target", "y", "--k", "1");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("single class"), run.err());
    Path nan = write("nan.csv", "x0,y\n1,a\nNaN,b\n");
    run = CliRun.of("classify", nan.toString(), "--target", "y", "--k", "1");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("'NaN' is not a number"), run.err());
    run = CliRun.of("classify", train.toString(), "--target", "nope");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--target 'nope'"), run.err());
  }
}
