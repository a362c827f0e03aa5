package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.util.Json;

/** The day 3 and day 4 listings beyond k-NN and k-means print what their headers promise. */
class BeyondKnnExamplesTest {

  private static Map<?, ?> numbers(String name, Path out) throws Exception {
    CliRun run = CliRun.of("example", name, "--out", out.toString(), "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> numbers = (Map<?, ?>) ((Map<?, ?>) Json.parse(run.out())).get("numbers");
    Object files = numbers.containsKey("saved") ? numbers.get("saved") : List.of();
    for (Object saved : (List<?>) files) {
      assertNotNull(ImageIO.read(Path.of(saved.toString()).toFile()), saved + " is a PNG");
    }
    return numbers;
  }

  private static double number(Map<?, ?> numbers, String key) {
    return ((Number) numbers.get(key)).doubleValue();
  }

  @Test
  void logisticRegressionSeparatesTheBlobsAndReadsIris(@TempDir Path out) throws Exception {
    Map<?, ?> n = numbers("logistic-regression", out);
    assertTrue(number(n, "training accuracy") >= 0.9, n.toString());
    assertTrue(number(n, "iris test accuracy") >= 0.9, n.toString());
    // (0, 4) lies in class 0's blob, (2, 0) in class 1's
    assertEquals(List.of(0L, 0L, 1L).getFirst(), ((List<?>) n.get("predict")).getFirst());
    assertEquals(1L, ((List<?>) n.get("predict")).get(2));
  }

  @Test
  void randomForestReportsADepthThreeTreeAndImportancesSummingToOne(@TempDir Path out)
      throws Exception {
    Map<?, ?> n = numbers("random-forest", out);
    assertEquals(3L, n.get("tree depth"));
    assertTrue(number(n, "forest test accuracy") >= 0.9, n.toString());
    double sum = ((List<?>) n.get("feature_importances_")).stream()
        .mapToDouble(v -> ((Number) v).doubleValue()).sum();
    assertEquals(1, sum, 1e-12);
    assertEquals(2, ((List<?>) n.get("saved")).size());
  }

  @Test
  void gridSearchShowsThatScalingHelpsAndPicksAGridPoint(@TempDir Path out) throws Exception {
    Map<?, ?> n = numbers("grid-search", out);
    assertTrue(number(n, "5-fold accuracy, scaled") > number(n, "5-fold accuracy, raw features")
        + 0.2, n.toString());
    assertTrue(number(n, "best_score_") >= number(n, "5-fold accuracy, scaled") - 1e-12);
    assertTrue(n.get("best_params_").toString().contains("kneighborsclassifier__n_neighbors"));
  }

  @Test
  void dbscanFindsEachMoonWhereKMeansMixesThem(@TempDir Path out) throws Exception {
    Map<?, ?> n = numbers("dbscan", out);
    assertEquals(2L, n.get("clusters"));
    // each DBSCAN cluster holds points of one moon only; k-means mixes both in a cluster
    for (Object row : (List<?>) n.get("DBSCAN: points of each moon per cluster")) {
      List<?> counts = (List<?>) row;
      assertTrue(((Number) counts.get(0)).intValue() == 0
          || ((Number) counts.get(1)).intValue() == 0, counts.toString());
    }
    boolean mixed = false;
    for (Object row : (List<?>) n.get("k-means: points of each moon per cluster")) {
      List<?> counts = (List<?>) row;
      mixed |= ((Number) counts.get(0)).intValue() > 10 && ((Number) counts.get(1)).intValue() > 10;
    }
    assertTrue(mixed, n.toString());
  }
}
