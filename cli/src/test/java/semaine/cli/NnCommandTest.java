package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.data.Csv;
import semaine.data.Datasets;
import semaine.util.Json;

/** {@code semaine nn train}: digits and iris learnt from CSV files, regression, and bad input. */
class NnCommandTest {

  @TempDir
  Path tmp;

  private Path load(String name) {
    Path file = tmp.resolve(name + ".csv");
    CliRun run = CliRun.of("datasets", "load", name, "--out", file.toString());
    assertEquals(0, run.code(), run.err());
    return file;
  }

  private static Map<?, ?> json(CliRun run) {
    assertEquals(0, run.code(), run.err());
    return (Map<?, ?>) Json.parse(run.out());
  }

  @Test
  void digitsWrittenByDatasetsLoadAreLearnt() {
    Path digits = load("digits");
    CliRun run = CliRun.of("nn", "train", digits.toString(), "--target", "target", "--hidden",
        "64,32", "--epochs", "10", "--batch-size", "32", "--json");
    Map<?, ?> result = json(run);
    assertEquals(List.of("task", "hidden", "n_iter", "loss_curve", "accuracy", "fit_seconds",
        "params", "attributes"),
        List.copyOf(result.keySet()));
    assertEquals("classification", result.get("task"));
    assertEquals(List.of(64L, 32L), result.get("hidden"));
    List<?> curve = (List<?>) result.get("loss_curve");
    assertEquals(10, curve.size());
    assertEquals(10L, result.get("n_iter"));
    double first = ((Number) curve.getFirst()).doubleValue();
    double last = ((Number) curve.getLast()).doubleValue();
    assertTrue(last < first / 5, "the loss falls: " + first + " -> " + last);
    double accuracy = (Double) result.get("accuracy");
    assertTrue(accuracy > 0.97 && accuracy <= 1, "training accuracy " + accuracy);
    assertTrue((Double) result.get("fit_seconds") > 0);
    assertEquals("", run.err(), "no progress bar without a terminal");
  }

  @Test
  void irisWithClassNamesIsClassificationAndPrintsAHumanSummary() {
    Path iris = load("iris");
    CliRun run = CliRun.of("nn", "train", iris.toString(), "--target", "target", "--epochs",
        "300", "--learning-rate", "0.01");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("classification of 'target': network 4-100-3, "), run.out());
    String accuracy = run.out().lines().toList().get(1);
    assertTrue(accuracy.matches("accuracy = 0\\.9[5-9]\\d\\d \\(training data\\), .*"), accuracy);
  }

  @Test
  void aSavedNetworkIsItsScalingAndTheNetworkAndPredictsAsTheTrainingRun()
      throws IOException {
    Path iris = load("iris");
    Path model = tmp.resolve("mlp.semaine");
    Map<?, ?> trained = json(CliRun.of("nn", "train", iris.toString(), "--target", "target",
        "--epochs", "50", "--learning-rate", "0.01", "--save", model.toString(), "--json"));
    Map<?, ?> info = json(CliRun.of("inspect", model.toString(), "--json"));
    assertEquals("sklearn.pipeline.Pipeline", info.get("estimator"));
    Map<?, ?> predicted = json(CliRun.of("predict", model.toString(), iris.toString(), "--drop",
        "target", "--json"));
    List<?> labels = (List<?>) predicted.get("predictions");
    List<String> truth = semaine.data.Csv.read(iris).column("target");
    int right = 0;
    for (int i = 0; i < truth.size(); i++) {
      right += truth.get(i).equals(labels.get(i)) ? 1 : 0;
    }
    assertEquals((Double) trained.get("accuracy"), (double) right / truth.size(), 0.0);
    Path diabetes = tmp.resolve("diabetes.csv");
    Files.writeString(diabetes, Csv.format(Datasets.loadDiabetes(), "target"));
    Path regressor = tmp.resolve("r.semaine");
    Map<?, ?> regression = json(CliRun.of("nn", "train", diabetes.toString(), "--target",
        "target", "--epochs", "20", "--save", regressor.toString(), "--json"));
    // the saved model is the network and its standardised target: predict gives the target's
    // units, with the training run's R²
    Map<?, ?> values = json(CliRun.of("predict", regressor.toString(), diabetes.toString(),
        "--drop", "target", "--json"));
    double[] yHat = ((List<?>) values.get("predictions")).stream()
        .mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    assertEquals((Double) regression.get("r2"),
        semaine.metrics.RegressionMetrics.r2Score(Datasets.loadDiabetes().y(), yHat), 0.0);
    assertEquals("sklearn.compose.TransformedTargetRegressor", values.get("estimator"));
  }

  @Test
  void aContinuousTargetIsRegression() throws IOException {
    Path diabetes = tmp.resolve("diabetes.csv");
    Files.writeString(diabetes, Csv.format(Datasets.loadDiabetes(), "target"));
    Map<?, ?> result = json(CliRun.of("nn", "train", diabetes.toString(), "--target", "target",
        "--hidden", "32", "--epochs", "100", "--learning-rate", "0.01", "--json"));
    assertEquals("regression", result.get("task"));
    double r2 = (Double) result.get("r2");
    assertTrue(r2 > 0.5 && r2 < 1, "training r2 " + r2);
    assertFalse(result.containsKey("accuracy"));
  }

  @Test
  void theTaskFollowsScikitLearnsTypeOfTargetUpToTwentyIntegerValues() throws IOException {
    StringBuilder few = new StringBuilder("x,y\n");
    StringBuilder many = new StringBuilder("x,y\n");
    for (int i = 0; i < 60; i++) {
      few.append(i).append(',').append(i % 20).append('\n');
      many.append(i).append(',').append(i % 21).append('\n');
    }
    Files.writeString(tmp.resolve("few.csv"), few);
    Files.writeString(tmp.resolve("many.csv"), many);
    assertEquals("classification", json(CliRun.of("nn", "train", tmp.resolve("few.csv").toString(),
        "--target", "y", "--epochs", "1", "--json")).get("task"));
    assertEquals("regression", json(CliRun.of("nn", "train", tmp.resolve("many.csv").toString(),
        "--target", "y", "--epochs", "1", "--json")).get("task"));
    assertEquals("classification", json(CliRun.of("nn", "train",
        tmp.resolve("many.csv").toString(), "--target", "y", "--epochs", "1", "--task",
        "classification", "--json")).get("task"));
  }

  @Test
  void aHugeLearningRateIsAUsageErrorSuggestingASmallerOne() {
    Path iris = load("iris");
    CliRun run = CliRun.of("nn", "train", iris.toString(), "--target", "target",
        "--learning-rate", "1e30", "--epochs", "20");
    assertEquals(2, run.code(), run.err());
    String line = run.errLines().getFirst();
    assertTrue(line.contains("--learning-rate (1.0E30) is too large")
        && line.contains("training loss became") && line.contains("try a smaller learning rate"),
        line);
  }

  @Test
  void unknownTargetIsAUsageErrorListingTheColumns() {
    Path iris = load("iris");
    CliRun run = CliRun.of("nn", "train", iris.toString(), "--target", "species");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("no column named 'species'") && run.err().contains("petal"),
        run.err());
  }

  @Test
  void badHiddenSizesAreUsageErrorsNamingTheOption() {
    Path iris = load("iris");
    for (String hidden : List.of("64,x", "0", "64,-3")) {
      CliRun run = CliRun.of("nn", "train", iris.toString(), "--target", "target", "--hidden",
          hidden);
      assertEquals(2, run.code(), hidden + ": " + run.err());
      assertTrue(run.errLines().getFirst().contains("--hidden"), run.err());
      assertTrue(run.errLines().getFirst().contains("must be"), run.err());
    }
  }

  @Test
  void regressionOnClassNamesIsAUsageError() {
    Path iris = load("iris");
    CliRun run = CliRun.of("nn", "train", iris.toString(), "--target", "target", "--task",
        "regression");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("--task regression") && run.err().contains("setosa"), run.err());
  }

  @Test
  void theProgressBarDrawsOneLineWithCarriageReturns() {
    var text = new java.io.StringWriter();
    var bar = new ProgressBar(new java.io.PrintWriter(text), 4, true);
    bar.update(1, 2.5);
    bar.update(4, 0.125);
    bar.finish();
    assertEquals("\r[#######.......................] 1/4  loss 2.500"
        + "\r[##############################] 4/4  loss 0.1250" + System.lineSeparator(),
        text.toString());
    var hidden = new java.io.StringWriter();
    new ProgressBar(new java.io.PrintWriter(hidden), 4, false).update(1, 1);
    assertEquals("", hidden.toString());
  }
}
