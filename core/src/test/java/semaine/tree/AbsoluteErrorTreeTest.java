package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/**
 * DecisionTreeRegressor(criterion="absolute_error") against scikit-learn 1.9.1
 * ({@code reference/trees_absolute_error.py}): on diabetes and on a synthetic set with tied
 * targets, without weights, with integer weights (zeros included, so that half the weight often
 * falls exactly between two ranks) and with real weights: every tree_ array node for node (the
 * values are weighted medians), then the queries and the pruning path.
 */
class AbsoluteErrorTreeTest {

  private static final List<Map<String, Object>> CASES =
      ReferenceVectors.cases("trees_absolute_error.json");

  @Test
  void absoluteErrorTreesEqualScikitLearnsNodeForNode() {
    int nodes = assertSameRegressionTrees(CASES);
    System.out.printf("absolute_error trees vs scikit-learn: %d cases, %d nodes, all equal%n",
        CASES.size(), nodes);
  }

  /**
   * Fits every regression case and asserts its tree, predictions, importances, leaves and leaf
   * indices equal the reference's; returns the number of nodes compared.
   */
  static int assertSameRegressionTrees(List<Map<String, Object>> cases) {
    int nodes = 0;
    for (Map<String, Object> c : cases) {
      BaseDecisionTree<?> model = DecisionTreeTest.fit(c);
      String what = DecisionTreeTest.describe(c);
      TreeAssert.assertSameTree(c.get("tree"), model.tree(), what);
      double[][] X = DecisionTreeTest.data(c).X();
      assertArrayEquals(ReferenceVectors.doubles(c.get("predict")),
          ((DecisionTreeRegressor) model).predict(X), what + " predict");
      assertArrayEquals(ReferenceVectors.ints(c.get("apply")), model.apply(X), what + " apply");
      assertArrayEquals(ReferenceVectors.doubles(c.get("feature_importances")),
          model.featureImportances(), what + " feature_importances_");
      assertEquals(((Long) c.get("n_leaves")).intValue(), model.getNLeaves(), what);
      assertEquals(((Long) c.get("depth")).intValue(), model.getDepth(), what);
      nodes += model.tree().nodeCount();
    }
    return nodes;
  }

  @Test
  void absoluteErrorPruningPathsEqualScikitLearns() {
    for (Map<String, Object> c : CASES) {
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

  @Test
  void aLeafPredictsTheWeightedMedianOfItsTargets() {
    double[][] X = {{0}, {0}, {0}, {0}};
    var tree = new DecisionTreeRegressor();
    tree.setParam("criterion", "absolute_error");
    // weights 1, 1, 2, 1 on 1, 2, 5, 9: half the weight (2.5) falls inside the 5's weight
    tree.fit(X, new double[] {9, 1, 5, 2}, new double[] {1, 1, 2, 1});
    assertEquals(5.0, tree.predict(X)[0]);
    assertEquals((4 + 3 + 0 + 4) / 5.0, tree.tree().impurity()[0], 1e-15);
    // weights 1 each on 1, 2, 5, 9: half falls exactly between 2 and 5
    tree.fit(X, new double[] {9, 1, 5, 2});
    assertEquals(3.5, tree.predict(X)[0]);
  }

  @Test
  void anUnknownCriterionIsRefusedNamingTheOptions() {
    var tree = new DecisionTreeRegressor();
    tree.setParam("criterion", "median");
    var e = assertThrows(IllegalArgumentException.class,
        () -> tree.fit(new double[][] {{0}, {1}}, new double[] {0, 1}));
    assertEquals(true, e.getMessage().contains("absolute_error"), e.getMessage());
  }
}
