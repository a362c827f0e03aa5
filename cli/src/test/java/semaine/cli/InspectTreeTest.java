package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.cli.FitParamsTest.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.ensemble.RandomForestClassifier;
import semaine.random.RandomState;
import semaine.tree.DecisionTreeClassifier;
import semaine.tree.DecisionTreeRegressor;
import semaine.tree.TreeExport;

/**
 * {@code inspect MODEL --tree}: a saved tree (or a forest's tree) printed as
 * {@link TreeExport#exportText} prints the library's tree fitted on the same data, named with the
 * file's columns and class names; a model without trees is a usage error.
 */
class InspectTreeTest {

  private static final List<String> FEATURES = List.of("a", "b", "c");
  private static final List<String> CLASSES = List.of("eggs", "ham", "spam");

  @TempDir
  Path dir;

  private double[][] X;
  private double[] y;
  private int[] ids;
  private Path data;

  /** 60 rows: features a, b, c; a numeric target y; a label ham, spam or eggs. */
  @BeforeEach
  void writeData() throws IOException {
    double[][] noise = new RandomState(5).randn(60, 3);
    X = new double[60][];
    y = new double[60];
    ids = new int[60];
    StringBuilder csv = new StringBuilder("a,b,c,y,label\n");
    String[] names = {"ham", "spam", "eggs"};
    int[] sorted = {1, 2, 0};
    for (int i = 0; i < 60; i++) {
      int k = i % 3;
      ids[i] = sorted[k];
      X[i] = new double[] {noise[i][0] + k, noise[i][1], noise[i][2] - k};
      y[i] = 3 * X[i][0] - X[i][2] + noise[i][1];
      csv.append(X[i][0]).append(',').append(X[i][1]).append(',').append(X[i][2]).append(',')
          .append(y[i]).append(',').append(names[k]).append('\n');
    }
    data = dir.resolve("data.csv");
    Files.writeString(data, csv.toString());
  }

  @Test
  void aSavedClassifierTreeIsPrintedWithItsColumnsAndClassNames() {
    Path model = dir.resolve("tree.semaine");
    json("classify", data.toString(), "--target", "label", "--drop", "y", "--model", "tree",
        "--save", model.toString(), "--json");
    var expected = new DecisionTreeClassifier().randomState(0).fit(X, ids);
    var options = TreeExport.TextOptions.defaults().withFeatureNames(FEATURES)
        .withClassNames(CLASSES).withMaxDepth(2).withShowWeights(true);
    String text = TreeExport.exportText(expected, options);
    assertTrue(text.contains("class: ham") && text.contains("truncated branch"), text);
    CliRun run = CliRun.of("inspect", model.toString(), "--tree", "--max-depth", "2",
        "--show-weights");
    assertEquals(0, run.code(), run.err());
    assertEquals(text, run.out());
    var json = json("inspect", model.toString(), "--tree", "--max-depth", "2", "--show-weights",
        "--json");
    assertEquals(text, json.get("text"));
    assertEquals("sklearn.tree.DecisionTreeClassifier", json.get("estimator"));
  }

  @Test
  void aForestsTreeIsChosenByIndexAndARegressorPrintsValues() {
    Path forest = dir.resolve("forest.semaine");
    json("classify", data.toString(), "--target", "label", "--drop", "y", "--model", "forest",
        "--param", "n_estimators=4", "--save", forest.toString(), "--json");
    var trees = new RandomForestClassifier().nEstimators(4).randomState(0).fit(X, ids)
        .estimators();
    var options = TreeExport.TextOptions.defaults().withDecimals(3).withFeatureNames(FEATURES);
    String third = TreeExport.exportText(trees[2], 3, CLASSES, options);
    CliRun run = CliRun.of("inspect", forest.toString(), "--tree", "--tree-index", "2",
        "--decimals", "3");
    assertEquals(0, run.code(), run.err());
    assertEquals(third, run.out());
    assertEquals(TreeExport.exportText(trees[0], 3, CLASSES, options.withDecimals(2)),
        CliRun.of("inspect", forest.toString(), "--tree").out());

    Path regressor = dir.resolve("reg.semaine");
    json("regress", data.toString(), "--target", "y", "--drop", "label", "--model", "tree",
        "--param", "max_depth=3", "--save", regressor.toString(), "--json");
    var reg = new DecisionTreeRegressor().maxDepth(3).randomState(0).fit(X, y);
    String values = TreeExport.exportText(reg, TreeExport.TextOptions.defaults()
        .withFeatureNames(FEATURES).withSpacing(2));
    assertTrue(values.contains("value: ["), values);
    assertEquals(values, CliRun.of("inspect", regressor.toString(), "--tree", "--spacing", "2")
        .out());
  }

  @Test
  void modelsWithoutTreesAndBadIndicesAreUsageErrors() {
    Path knn = dir.resolve("knn.semaine");
    json("classify", data.toString(), "--target", "label", "--drop", "y", "--save",
        knn.toString(), "--json");
    assertUsage(CliRun.of("inspect", knn.toString(), "--tree"),
        "--tree: " + knn + " holds a sklearn.neighbors.KNeighborsClassifier, not a decision tree"
            + " or a forest of trees");
    Path forest = dir.resolve("forest.semaine");
    json("classify", data.toString(), "--target", "label", "--drop", "y", "--model", "forest",
        "--param", "n_estimators=3", "--save", forest.toString(), "--json");
    assertUsage(CliRun.of("inspect", forest.toString(), "--tree", "--tree-index", "3"),
        "--tree-index 3: the sklearn.ensemble.RandomForestClassifier in " + forest
            + " has 3 trees (0 to 2)");
    assertUsage(CliRun.of("inspect", forest.toString(), "--tree", "--max-depth", "-1"),
        "max_depth must be >= 0, got -1");
    assertUsage(CliRun.of("inspect", forest.toString(), "--tree-index", "1"),
        "--tree-index applies with --tree");
    Path tree = dir.resolve("tree.semaine");
    json("classify", data.toString(), "--target", "label", "--drop", "y", "--model", "tree",
        "--save", tree.toString(), "--json");
    assertUsage(CliRun.of("inspect", tree.toString(), "--tree", "--tree-index", "1"),
        "--tree-index 1: a sklearn.tree.DecisionTreeClassifier is a single tree (index 0)");
  }

  private static void assertUsage(CliRun run, String fragment) {
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains(fragment), run.err());
  }
}
