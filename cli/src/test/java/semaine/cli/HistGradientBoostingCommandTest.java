package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.cli.FitParamsTest.doubles;
import static semaine.cli.FitParamsTest.json;
import static semaine.cli.FitParamsTest.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.ensemble.HistGradientBoostingClassifier;
import semaine.ensemble.HistGradientBoostingRegressor;
import semaine.random.RandomState;

/**
 * {@code --model hist-gb} with {@code --param categorical_features=...} (indices or a boolean
 * mask) and {@code --param monotonic_cst=...}: the library's model, with {@code is_categorical_}
 * in the attributes.
 */
class HistGradientBoostingCommandTest {

  @TempDir
  Path dir;

  private double[][] X;
  private double[] y;
  private int[] labels;
  private Path data;

  /** 400 rows: a, b numeric, shop an integer-coded category (0-7), y, label (y above 0). */
  @BeforeEach
  void writeData() throws IOException {
    RandomState random = new RandomState(5);
    double[][] noise = random.randn(400, 3);
    long[] shop = random.randint(0, 8, 400);
    double[] effect = {2, -1, 0.5, -2, 1.5, 0, -0.5, 3};
    X = new double[400][];
    y = new double[400];
    labels = new int[400];
    StringBuilder csv = new StringBuilder("a,shop,b,y,label\n");
    for (int i = 0; i < 400; i++) {
      X[i] = new double[] {noise[i][0], shop[i], noise[i][1]};
      y[i] = X[i][0] + effect[(int) shop[i]] + 0.3 * noise[i][2];
      labels[i] = y[i] > 0 ? 1 : 0;
      csv.append(X[i][0]).append(',').append(shop[i]).append(',').append(X[i][2]).append(',')
          .append(y[i]).append(',').append(labels[i]).append('\n');
    }
    data = dir.resolve("data.csv");
    Files.writeString(data, csv.toString());
  }

  @Test
  void categoricalFeaturesByIndexOrMaskReachTheModel() {
    Map<String, Object> json = json("regress", data.toString(), "--target", "y", "--drop",
        "label", "--model", "hist-gb", "--param", "categorical_features=1", "--param",
        "max_iter=20", "--json");
    HistGradientBoostingRegressor expected = new HistGradientBoostingRegressor()
        .categoricalFeatures(1).maxIter(20).randomState(0).fit(X, y);
    assertEquals(expected.score(X, y), (Double) json.get("r2"), 1e-12);
    Map<String, Object> attributes = map(json.get("attributes"));
    assertArrayEquals(new double[] {0, 1, 0}, doubles(attributes.get("is_categorical_")));
    HistGradientBoostingRegressor numeric = new HistGradientBoostingRegressor().maxIter(20)
        .randomState(0).fit(X, y);
    assertTrue(expected.score(X, y) != numeric.score(X, y), "the category changed the trees");

    Map<String, Object> masked = json("classify", data.toString(), "--target", "label",
        "--drop", "y", "--model", "hist-gb", "--param",
        "categorical_features=[False, True, False]", "--param", "max_iter=10", "--proba",
        "--json");
    assertEquals(List.of(false, true, false), map(masked.get("params")).get(
        "categorical_features"));
    HistGradientBoostingClassifier classifier = new HistGradientBoostingClassifier()
        .categoricalFeatures(false, true, false).maxIter(10).randomState(0).fit(X, labels);
    double[][] proba = classifier.predictProba(X);
    List<?> rows = (List<?>) masked.get("probabilities");
    for (int i = 0; i < proba.length; i++) {
      assertArrayEquals(proba[i], doubles(rows.get(i)), "row " + i);
    }
  }

  @Test
  void monotonicConstraintsReachTheModel() {
    Map<String, Object> json = json("regress", data.toString(), "--target", "y", "--drop",
        "label", "--model", "hist-gb", "--param", "monotonic_cst=1,0,-1", "--param",
        "max_iter=15", "--json");
    HistGradientBoostingRegressor expected = new HistGradientBoostingRegressor()
        .monotonicCst(1, 0, -1).maxIter(15).randomState(0).fit(X, y);
    assertEquals(expected.score(X, y), (Double) json.get("r2"), 1e-12);
  }
}
