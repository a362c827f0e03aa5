package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceVectors;

/**
 * TreeExport.exportText against the text scikit-learn 1.9.1's export_text prints
 * ({@code reference/export_text.py}) for iris and diabetes trees, every option in some case.
 */
class TreeExportTest {

  private static final List<Map<String, Object>> CASES =
      ReferenceVectors.cases("export_text.json");

  @Test
  void textEqualsScikitLearnsCharacterForCharacter() {
    for (Map<String, Object> c : CASES) {
      BaseDecisionTree<?> model = DecisionTreeTest.fit(c);
      TreeExport.TextOptions options = options(c);
      String text = model instanceof DecisionTreeClassifier clf
          ? TreeExport.exportText(clf, options)
          : TreeExport.exportText((DecisionTreeRegressor) model, options);
      assertEquals(c.get("text"), text, DecisionTreeTest.describe(c) + " " + c.get("export"));
    }
  }

  @SuppressWarnings("unchecked")
  private static TreeExport.TextOptions options(Map<String, Object> c) {
    Map<String, Object> export = (Map<String, Object>) c.get("export");
    TreeExport.TextOptions options = TreeExport.TextOptions.defaults();
    if (export.containsKey("feature_names")) {
      options = options.withFeatureNames((List<String>) export.get("feature_names"));
    }
    if (export.containsKey("class_names")) {
      options = options.withClassNames((List<String>) export.get("class_names"));
    }
    if (export.containsKey("max_depth")) {
      options = options.withMaxDepth(((Long) export.get("max_depth")).intValue());
    }
    if (export.containsKey("spacing")) {
      options = options.withSpacing(((Long) export.get("spacing")).intValue());
    }
    if (export.containsKey("decimals")) {
      options = options.withDecimals(((Long) export.get("decimals")).intValue());
    }
    if (export.containsKey("show_weights")) {
      options = options.withShowWeights((Boolean) export.get("show_weights"));
    }
    return options;
  }

  @Test
  void numbersAreWrittenAsPythonFormatsThem() {
    assertEquals("0.12", TreeExport.fixed(0.125, 2));   // an exact tie goes to even
    assertEquals("2.67", TreeExport.fixed(2.675, 2));   // 2.67499999... in binary
    assertEquals("-0.00", TreeExport.fixed(-0.001, 2));
    assertEquals("-0.00", TreeExport.fixed(-0.0, 2));
    assertEquals("2", TreeExport.fixed(2.5, 0));
    assertEquals("-3", TreeExport.fixed(-2.5001, 0));
  }

  @Test
  void badOptionsAreRefusedByName() {
    var data = Datasets.loadIris();
    int[] y = new int[data.y().length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (int) data.y()[i];
    }
    var tree = new DecisionTreeClassifier().randomState(0).fit(data.X(), y);
    var defaults = TreeExport.TextOptions.defaults();
    var e = assertThrows(IllegalArgumentException.class,
        () -> TreeExport.exportText(tree, defaults.withFeatureNames(List.of("a", "b"))));
    assertTrue(e.getMessage().contains("feature_names must contain 4 elements, got 2"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TreeExport.exportText(tree, defaults.withClassNames(List.of("a"))));
    assertTrue(e.getMessage().contains("Got 1 while the tree was fitted with 3 classes"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TreeExport.exportText(tree, defaults.withMaxDepth(-1)));
    assertTrue(e.getMessage().contains("max_depth must be >= 0, got -1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TreeExport.exportText(tree, defaults.withSpacing(0)));
    assertTrue(e.getMessage().contains("spacing must be >= 1, got 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TreeExport.exportText(tree, defaults.withDecimals(-2)));
    assertTrue(e.getMessage().contains("decimals must be >= 0, got -2"), e.getMessage());
  }
}
