package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Csv;
import semaine.data.Dataset;
import semaine.pipeline.Pipeline;
import semaine.preprocessing.StandardScaler;
import semaine.random.RandomState;
import semaine.util.Json;

/**
 * {@code classify|regress --scale}: the model becomes the pipeline scaler then model, which
 * {@code --save} keeps whole and {@code predict} applies from the file alone.
 */
class ScaleOptionTest {

  @TempDir
  Path dir;

  /** 90 rows where feature b is 1000 times larger than a, but only a tells the classes apart. */
  private Path data() throws IOException {
    RandomState random = new RandomState(5);
    double[][] noise = random.randn(90, 2);
    StringBuilder csv = new StringBuilder("a,b,y,label\n");
    for (int i = 0; i < 90; i++) {
      int k = i % 3;
      double a = noise[i][0] * 0.3 + k;
      double b = noise[i][1] * 1000;
      csv.append(a).append(',').append(b).append(',').append(2 * a + b / 1000).append(',')
          .append(new String[] {"ant", "bee", "cat"}[k]).append('\n');
    }
    Path file = dir.resolve("data.csv");
    Files.writeString(file, csv.toString());
    return file;
  }

  @Test
  void scaledKnnIsTheLibrarysPipelineAndPredictAppliesTheSavedScaler() throws IOException {
    Path data = data();
    Path model = dir.resolve("scaled.semaine");
    var scaled = json("classify", data.toString(), "--target", "label", "--drop", "y",
        "--scale", "standard", "--save", model.toString(), "--json");
    var plain = json("classify", data.toString(), "--target", "label", "--drop", "y", "--json");
    assertEquals("standard", scaled.get("scaler"));
    assertTrue((Double) scaled.get("accuracy") > (Double) plain.get("accuracy"),
        scaled.get("accuracy") + " vs " + plain.get("accuracy"));
    Dataset set = Csv.read(data).toClassDataset("label", java.util.Set.of("y"));
    var pipeline = Pipeline.classifier(new StandardScaler(), new KNeighborsClassifier())
        .fit(set.X(), set.labels());
    int[] ids = pipeline.predict(set.X());
    List<?> predictions = (List<?>) scaled.get("predictions");
    for (int i = 0; i < ids.length; i++) {
      assertEquals(set.targetNames().get(ids[i]), predictions.get(i));
    }
    var predicted = json("predict", model.toString(), data.toString(), "--drop", "y,label",
        "--json");
    assertEquals(predictions, predicted.get("predictions"));
    assertEquals("sklearn.pipeline.Pipeline", predicted.get("estimator"));
  }

  @Test
  void scaledRegressorIsSavedWhole() throws IOException {
    Path data = data();
    Path model = dir.resolve("knn.semaine");
    var fitted = json("regress", data.toString(), "--target", "y", "--drop", "label", "--model",
        "knn", "--scale", "minmax", "--predict", data.toString(), "--save", model.toString(),
        "--json");
    var unscaled = json("regress", data.toString(), "--target", "y", "--drop", "label",
        "--model", "knn", "--predict", data.toString(), "--json");
    assertNotEquals(unscaled.get("predictions"), fitted.get("predictions"));
    assertEquals(fitted.get("predictions"), json("predict", model.toString(), data.toString(),
        "--drop", "y,label", "--json").get("predictions"));
  }

  @Test
  void anUnknownScaleIsAUsageErrorListingTheChoices() throws IOException {
    CliRun run = CliRun.of("classify", data().toString(), "--target", "label", "--scale", "z");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--scale (z) must be standard, minmax or robust"), run.err());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.code(), run.err());
    return (Map<String, Object>) Json.parse(run.out());
  }
}
