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

  /** The rows of data.csv: X (a, shop, b), y, and label (y above 0). */
  private record Rows(double[][] X, double[] y, int[] labels, Path csv) {}

  /** 400 rows: a, b numeric, shop an integer-coded category (0-7), y, label. */
  private static Rows write(Path dir) throws IOException {
    RandomState random = new RandomState(5);
    double[][] noise = random.randn(400, 3);
    long[] shop = random.randint(0, 8, 400);
    double[] effect = {2, -1, 0.5, -2, 1.5, 0, -0.5, 3};
    Rows rows = new Rows(new double[400][], new double[400], new int[400],
        dir.resolve("data.csv"));
    StringBuilder csv = new StringBuilder("a,shop,b,y,label\n");
    for (int i = 0; i < 400; i++) {
      double[] x = {noise[i][0], shop[i], noise[i][1]};
      rows.X[i] = x;
      rows.y[i] = x[0] + effect[(int) shop[i]] + 0.3 * noise[i][2];
      rows.labels[i] = rows.y[i] > 0 ? 1 : 0;
      csv.append(x[0]).append(',').append(shop[i]).append(',').append(x[2]).append(',')
          .append(rows.y[i]).append(',').append(rows.labels[i]).append('\n');
    }
    Files.writeString(rows.csv, csv.toString());
    return rows;
  }

  /** regress --model hist-gb with the given --param values: its r2 is the expected model's. */
  private static Map<String, Object> assertRegressLike(Rows rows,
      HistGradientBoostingRegressor expected, String... params) {
    List<String> args = new java.util.ArrayList<>(List.of("regress", rows.csv.toString(),
        "--target", "y", "--drop", "label", "--model", "hist-gb", "--json"));
    for (String param : params) {
      args.add("--param");
      args.add(param);
    }
    Map<String, Object> json = json(args.toArray(String[]::new));
    expected.randomState(0).fit(rows.X, rows.y);
    assertEquals(expected.score(rows.X, rows.y), (Double) json.get("r2"), 1e-12);
    return json;
  }

  @Test
  void categoricalFeaturesByIndexOrMaskReachTheModel(@TempDir Path dir) throws IOException {
    Rows rows = write(dir);
    var expected = new HistGradientBoostingRegressor().categoricalFeatures(1).maxIter(20);
    Map<String, Object> json = assertRegressLike(rows, expected, "categorical_features=1",
        "max_iter=20");
    Map<String, Object> attributes = map(json.get("attributes"));
    assertArrayEquals(new double[] {0, 1, 0}, doubles(attributes.get("is_categorical_")));
    HistGradientBoostingRegressor numeric = new HistGradientBoostingRegressor().maxIter(20)
        .randomState(0).fit(rows.X, rows.y);
    assertTrue(expected.score(rows.X, rows.y) != numeric.score(rows.X, rows.y),
        "the category changed the trees");

    Map<String, Object> masked = json("classify", rows.csv.toString(), "--target", "label",
        "--drop", "y", "--model", "hist-gb", "--param",
        "categorical_features=[False, True, False]", "--param", "max_iter=10", "--proba",
        "--json");
    assertEquals(List.of(false, true, false), map(masked.get("params")).get(
        "categorical_features"));
    HistGradientBoostingClassifier classifier = new HistGradientBoostingClassifier()
        .categoricalFeatures(false, true, false).maxIter(10).randomState(0)
        .fit(rows.X, rows.labels);
    double[][] proba = classifier.predictProba(rows.X);
    List<?> probabilities = (List<?>) masked.get("probabilities");
    for (int i = 0; i < proba.length; i++) {
      assertArrayEquals(proba[i], doubles(probabilities.get(i)), "row " + i);
    }
  }

  @Test
  void monotonicConstraintsReachTheModel(@TempDir Path dir) throws IOException {
    assertRegressLike(write(dir), new HistGradientBoostingRegressor().monotonicCst(1, 0, -1)
        .maxIter(15), "monotonic_cst=1,0,-1", "max_iter=15");
  }
}
