package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceVectors;

/**
 * DecisionTreeRegressor(criterion="poisson") against scikit-learn 1.9.1
 * ({@code reference/trees_poisson.py}): on diabetes and on a synthetic count target with zeros,
 * every tree_ array node for node, then the queries and the pruning path.
 */
class PoissonTreeTest {

  private static final List<Map<String, Object>> CASES =
      ReferenceVectors.cases("trees_poisson.json");

  @Test
  void poissonTreesEqualScikitLearnsNodeForNode() {
    int nodes = TreeReference.assertSameTrees(CASES);
    System.out.printf("Poisson trees vs scikit-learn: %d cases, %d nodes, all equal%n",
        CASES.size(), nodes);
  }

  @Test
  void poissonPruningPathsEqualScikitLearns() {
    TreeReference.assertSamePruningPaths(CASES);
  }

  @Test
  void negativeTargetsOrAZeroSumAreRefused() {
    double[][] X = {{0}, {1}, {2}};
    var tree = new DecisionTreeRegressor();
    tree.setParam("criterion", "poisson");
    var e = assertThrows(IllegalArgumentException.class,
        () -> tree.fit(X, new double[] {1, -0.5, 2}));
    assertEquals("criterion='poisson': Some value(s) of y are negative which is not allowed for"
        + " Poisson regression.", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> tree.fit(X, new double[] {0, 0, 0}));
    assertEquals("criterion='poisson': Sum of y is not positive which is necessary for Poisson"
        + " regression.", e.getMessage());
  }
}
