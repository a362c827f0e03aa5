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

/** {@code semaine regress}: the book listing's line, gradient descent, and every bad input. */
class RegressCommandTest {

  @TempDir
  Path tmp;

  private Path book;
  private Map<?, ?> expected;

  @BeforeEach
  void writeBookListing() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/reference/book_day2_regression.json")) {
      expected = (Map<?, ?>) ((Map<?, ?>) Json.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8))).get("day2_regression");
    }
    List<?> x = (List<?>) expected.get("X");
    List<?> y = (List<?>) expected.get("y");
    StringBuilder csv = new StringBuilder("x,noise,y\n");
    for (int i = 0; i < x.size(); i++) {
      csv.append(x.get(i)).append(",").append(i % 7).append(",").append(y.get(i)).append("\n");
    }
    book = write("book.csv", csv.toString());
  }

  private Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static Map<?, ?> json(CliRun run) {
    assertEquals(0, run.code(), run.err());
    return (Map<?, ?>) Json.parse(run.out());
  }

  @Test
  void olsPrintsTheBookListingsCoefficientsBitForBit() {
    Map<?, ?> result = json(CliRun.of("regress", book.toString(), "--target", "y", "--drop",
        "noise", "--json"));
    assertEquals(List.of(expected.get("coef")), result.get("coef"));
    assertEquals(expected.get("intercept"), result.get("intercept"));
    double r2 = (Double) result.get("r2");
    assertTrue(r2 > 0.5 && r2 < 1, "r2 " + r2);
    assertTrue((Double) result.get("fit_seconds") >= 0);
    assertEquals(List.of("coef", "intercept", "r2", "fit_seconds", "params", "attributes"),
        List.copyOf(result.keySet()));
  }

  @Test
  void humanOutputIsTheEquationAndR2() {
    CliRun run = CliRun.of("regress", book.toString(), "--target", "y", "--drop", "noise");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("y = 1.4544 * x + 2.9855   (R² = 0."), run.out());
  }

  @Test
  void gradientDescentReachesTheLeastSquaresLine() {
    Map<?, ?> ols = json(CliRun.of("regress", book.toString(), "--target", "y", "--json"));
    // --tol 0: run until the loss stops falling, which pins (w, b) to about 1e-8.
    Map<?, ?> gd = json(CliRun.of("regress", book.toString(), "--target", "y", "--method", "gd",
        "--learning-rate", "0.5", "--tol", "0", "--json"));
    List<?> a = (List<?>) ols.get("coef");
    List<?> b = (List<?>) gd.get("coef");
    for (int j = 0; j < 2; j++) {
      assertEquals((Double) a.get(j), (Double) b.get(j), 1e-6, "coef " + j);
    }
    assertEquals((Double) ols.get("intercept"), (Double) gd.get("intercept"), 1e-6);
    assertTrue(((Long) gd.get("n_iter")) > 0);
    CliRun human = CliRun.of("regress", book.toString(), "--target", "y", "--method", "gd");
    assertTrue(human.out().contains("gradient descent: "), human.out());
  }

  @Test
  void gradientDescentStoppedByMaxIterWarnsOnStderr() {
    CliRun run = CliRun.of("regress", book.toString(), "--target", "y", "--method", "gd",
        "--max-iter", "3", "--json");
    assertEquals(3L, json(run).get("n_iter"));
    assertTrue(run.err().contains("stopped at --max-iter 3"), run.err());
  }

  @Test
  void divergingGradientDescentIsAUsageErrorSuggestingASmallerRate() {
    CliRun run = CliRun.of("regress", book.toString(), "--target", "y", "--method", "gd",
        "--learning-rate", "5");
    assertEquals(2, run.code(), run.err());
    String line = run.errLines().get(0);
    assertTrue(line.contains("--learning-rate (5.0) is too large") && line.contains("diverged")
        && line.contains("try a smaller learning rate"), line);
  }

  @Test
  void missingFileIsARuntimeError() {
    CliRun run = CliRun.of("regress", tmp.resolve("nope.csv").toString(), "--target", "y");
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("nope.csv"), run.err());
  }

  @Test
  void nanCellIsAUsageErrorNamingRowAndColumn() throws IOException {
    Path file = write("nan.csv", "a,b,y\n1,2,3\n4,nan,6\n7,8,10\n");
    CliRun run = CliRun.of("regress", file.toString(), "--target", "y");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("line 3") && run.err().contains("column 'b'")
        && run.err().contains("NaN"), run.err());
  }

  @Test
  void unknownTargetColumnIsAUsageErrorListingTheColumns() {
    CliRun run = CliRun.of("regress", book.toString(), "--target", "z");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("no column named 'z'") && run.err().contains("x, noise, y"),
        run.err());
  }

  @Test
  void nonNumericFeatureIsAUsageErrorNamingTheColumn() throws IOException {
    Path file = write("text.csv", "a,colour,y\n1,red,3\n4,blue,6\n");
    CliRun run = CliRun.of("regress", file.toString(), "--target", "y");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("column 'colour'") && run.err().contains("'red' is not a number"),
        run.err());
  }

  @Test
  void emptyDataIsAUsageError() throws IOException {
    Path file = write("empty.csv", "a,y\n");
    CliRun run = CliRun.of("regress", file.toString(), "--target", "y");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("empty"), run.err());
  }

  @Test
  void badMethodAndLearningRateAreUsageErrors() {
    CliRun method = CliRun.of("regress", book.toString(), "--target", "y", "--method", "sgd");
    assertEquals(2, method.code(), method.err());
    assertTrue(method.err().contains("--method"), method.err());
    CliRun rate = CliRun.of("regress", book.toString(), "--target", "y", "--method", "gd",
        "--learning-rate", "-1");
    assertEquals(2, rate.code(), rate.err());
    assertTrue(rate.err().contains("--learning-rate"), rate.err());
  }

  @Test
  void equationWritesSignsAndFeatureNames() {
    assertEquals("t = -1.5 * a + 0.25 * b - 3", RegressCommand.equation("t", List.of("a", "b"),
        new double[] {-1.5, 0.25}, -3));
    assertEquals("t = 1.4544 * x + 2.9855", RegressCommand.equation("t", List.of("x"),
        new double[] {1.4544090131704839}, 2.985464994688664));
  }
}
