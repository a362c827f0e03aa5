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
import semaine.ensemble.ExtraTreesRegressor;
import semaine.ensemble.HistGradientBoostingClassifier;
import semaine.ensemble.HistGradientBoostingRegressor;
import semaine.ensemble.RandomForestClassifier;
import semaine.random.RandomState;
import semaine.tree.DecisionTreeClassifier;
import semaine.tree.DecisionTreeRegressor;

/**
 * {@code classify} and {@code regress} with {@code --model tree|forest|extra-trees}: the library's
 * trees, seeded with 0 unless {@code --seed} says otherwise, {@code --param} by scikit-learn's
 * names, and their attributes (feature_importances_, oob_score_) in {@code --json}.
 */
class TreeCommandTest {

  @TempDir
  Path dir;

  private double[][] X;
  private double[] y;
  private int[] labels;
  private Path data;

  /** 60 rows: features a, b, c; a numeric target y; a class name label (three classes). */
  @BeforeEach
  void writeData() throws IOException {
    RandomState random = new RandomState(11);
    double[][] noise = random.randn(60, 3);
    X = new double[60][];
    y = new double[60];
    labels = new int[60];
    StringBuilder csv = new StringBuilder("a,b,c,y,label\n");
    String[] names = {"ham", "spam", "eggs"};
    for (int i = 0; i < 60; i++) {
      labels[i] = i % 3;
      X[i] = new double[] {noise[i][0] + 2 * labels[i], noise[i][1], noise[i][2] - labels[i]};
      y[i] = 3 * X[i][0] - X[i][2];
      csv.append(X[i][0]).append(',').append(X[i][1]).append(',').append(X[i][2]).append(',')
          .append(y[i]).append(',').append(names[labels[i]]).append('\n');
    }
    data = dir.resolve("data.csv");
    Files.writeString(data, csv.toString());
  }

  /** The file's labels as class ids in the order of their sorted names (eggs, ham, spam). */
  private int[] fileIds() {
    int[] ids = new int[labels.length];
    int[] byName = {1, 2, 0};   // ham -> 1, spam -> 2, eggs -> 0
    for (int i = 0; i < ids.length; i++) {
      ids[i] = byName[labels[i]];
    }
    return ids;
  }

  @Test
  void classifyWithATreeGivesTheLibrarysTreeAndImportances() {
    Map<String, Object> json = json("classify", data.toString(), "--target", "label", "--drop",
        "y", "--model", "tree", "--param", "max_depth=2", "--proba", "--json");
    DecisionTreeClassifier expected = new DecisionTreeClassifier().maxDepth(2).randomState(0)
        .fit(X, fileIds());
    assertEquals(2L, map(json.get("params")).get("max_depth"));
    assertEquals(0L, map(json.get("params")).get("random_state"));
    Map<String, Object> attributes = map(json.get("attributes"));
    assertArrayEquals(expected.featureImportances(),
        doubles(attributes.get("feature_importances_")));
    double[][] proba = expected.predictProba(X);
    List<?> rows = (List<?>) json.get("probabilities");
    for (int i = 0; i < proba.length; i++) {
      assertArrayEquals(proba[i], doubles(rows.get(i)), "row " + i);
    }
  }

  @Test
  void classifyWithAForestReportsTheOutOfBagScore() {
    Map<String, Object> json = json("classify", data.toString(), "--target", "label", "--drop",
        "y", "--model", "forest", "--param", "n_estimators=7", "--param", "oob_score=true",
        "--seed", "4", "--json");
    RandomForestClassifier expected = new RandomForestClassifier().nEstimators(7).oobScore(true)
        .randomState(4).fit(X, fileIds());
    Map<String, Object> attributes = map(json.get("attributes"));
    assertEquals(expected.oobScore(), ((Number) attributes.get("oob_score_")).doubleValue());
    assertArrayEquals(expected.featureImportances(),
        doubles(attributes.get("feature_importances_")));
    // the trees' arrays, flattened by name: estimators_.0.feature ... estimators_.6.feature
    assertEquals(7, attributes.keySet().stream()
        .filter(name -> name.matches("estimators_\\.\\d+\\.feature")).count());
  }

  @Test
  void regressWithTreesGivesTheLibrarysPredictions() {
    Map<String, Object> tree = json("regress", data.toString(), "--target", "y", "--drop",
        "label", "--model", "tree", "--param", "max_leaf_nodes=6", "--json");
    DecisionTreeRegressor expected = new DecisionTreeRegressor().maxLeafNodes(6).randomState(0)
        .fit(X, y);
    assertEquals(expected.score(X, y), (Double) tree.get("r2"), 1e-12);
    Map<String, Object> extra = json("regress", data.toString(), "--target", "y", "--drop",
        "label", "--model", "extra-trees", "--param", "n_estimators=5", "--json");
    ExtraTreesRegressor forest = new ExtraTreesRegressor().nEstimators(5).randomState(0)
        .fit(X, y);
    assertEquals(forest.score(X, y), (Double) extra.get("r2"), 1e-12);
    assertTrue(map(extra.get("attributes")).containsKey("feature_importances_"));
  }

  @Test
  void histGradientBoostingGivesTheLibrarysModelAndItsIterations() {
    Map<String, Object> json = json("classify", data.toString(), "--target", "label", "--drop",
        "y", "--model", "hist-gb", "--param", "max_iter=12", "--param", "min_samples_leaf=5",
        "--proba", "--json");
    HistGradientBoostingClassifier expected = new HistGradientBoostingClassifier().maxIter(12)
        .minSamplesLeaf(5).randomState(0).fit(X, fileIds());
    assertEquals(12L, ((Number) map(json.get("attributes")).get("n_iter_")).longValue());
    double[][] proba = expected.predictProba(X);
    List<?> rows = (List<?>) json.get("probabilities");
    for (int i = 0; i < proba.length; i++) {
      assertArrayEquals(proba[i], doubles(rows.get(i)), "row " + i);
    }
    Map<String, Object> regress = json("regress", data.toString(), "--target", "y", "--drop",
        "label", "--model", "hist-gb", "--param", "max_iter=30", "--param",
        "early_stopping=true", "--param", "n_iter_no_change=2", "--json");
    HistGradientBoostingRegressor regressor = new HistGradientBoostingRegressor().maxIter(30)
        .earlyStopping(true).nIterNoChange(2).randomState(0).fit(X, y);
    assertEquals(regressor.score(X, y), (Double) regress.get("r2"), 1e-12);
    assertEquals((long) regressor.nIter(),
        ((Number) map(regress.get("attributes")).get("n_iter_")).longValue());
  }
}
