package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
    int nodes = TreeReference.assertSameTrees(CASES);
    System.out.printf("absolute_error trees vs scikit-learn: %d cases, %d nodes, all equal%n",
        CASES.size(), nodes);
  }

  @Test
  void absoluteErrorPruningPathsEqualScikitLearns() {
    TreeReference.assertSamePruningPaths(CASES);
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
