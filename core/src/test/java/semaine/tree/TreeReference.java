package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/**
 * The comparisons a reference file of tree cases ({@code reference/trees*.py}) is checked with:
 * every tree_ array, the queries and the predictions, and the pruning paths.
 */
final class TreeReference {

  private TreeReference() {}

  /**
   * Fits every case and asserts its tree, leaf indices, importances, leaf count, depth and
   * predictions ({@code predict_proba} for classifiers) equal the reference's; returns the number
   * of nodes compared.
   */
  static int assertSameTrees(List<Map<String, Object>> cases) {
    int nodes = 0;
    for (Map<String, Object> c : cases) {
      BaseDecisionTree<?> model = DecisionTreeTest.fit(c);
      String what = DecisionTreeTest.describe(c);
      TreeAssert.assertSameTree(c.get("tree"), model.tree(), what);
      double[][] X = DecisionTreeTest.data(c).X();
      assertArrayEquals(ReferenceVectors.ints(c.get("apply")), model.apply(X), what + " apply");
      assertArrayEquals(ReferenceVectors.doubles(c.get("feature_importances")),
          model.featureImportances(), what + " feature_importances_");
      assertEquals(((Long) c.get("n_leaves")).intValue(), model.getNLeaves(), what);
      assertEquals(((Long) c.get("depth")).intValue(), model.getDepth(), what);
      if (model instanceof DecisionTreeClassifier clf) {
        ReferenceAssert.assertExact(c.get("predict_proba"), clf.predictProba(X),
            what + " predict_proba");
      } else {
        assertArrayEquals(ReferenceVectors.doubles(c.get("predict")),
            ((DecisionTreeRegressor) model).predict(X), what + " predict");
      }
      nodes += model.tree().nodeCount();
    }
    return nodes;
  }

  /** Asserts each regression case's cost-complexity pruning path equals the reference's. */
  static void assertSamePruningPaths(List<Map<String, Object>> cases) {
    for (Map<String, Object> c : cases) {
      DecisionTreeTest.Data data = DecisionTreeTest.data(c);
      double[] sw = c.get("sample_weight") == null ? null
          : ReferenceVectors.doubles(c.get("sample_weight"));
      CostComplexityPruning.Path path = DecisionTreeTest.configure(new DecisionTreeRegressor(), c)
          .costComplexityPruningPath(data.X(), data.y(), sw);
      ReferenceAssert.assertExact(c.get("ccp_alphas"), path.ccpAlphas(),
          DecisionTreeTest.describe(c) + " ccp_alphas");
      ReferenceAssert.assertExact(c.get("ccp_impurities"), path.impurities(),
          DecisionTreeTest.describe(c) + " impurities");
    }
  }
}
