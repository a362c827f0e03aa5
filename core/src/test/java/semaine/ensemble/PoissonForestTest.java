package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;
import semaine.tree.Tree;
import semaine.tree.TreeAssert;

/**
 * RandomForestRegressor and ExtraTreesRegressor with criterion="poisson" against scikit-learn
 * 1.9.1 ({@code reference/trees_poisson.py}): every tree node for node, predictions, importances
 * and the out-of-bag R².
 */
class PoissonForestTest {

  private static final List<Map<String, Object>> CASES =
      ReferenceVectors.cases("forests_poisson.json");

  @Test
  void poissonForestsEqualScikitLearns() {
    Dataset diabetes = Datasets.loadDiabetes();
    for (Map<String, Object> c : CASES) {
      String what = ForestTest.describe(c);
      ForestRegressor<?> forest = (ForestRegressor<?>) ForestTest.fit(c, null);
      Tree[] trees = forest.estimators();
      List<?> expected = (List<?>) c.get("trees");
      assertEquals(expected.size(), trees.length, what);
      for (int t = 0; t < trees.length; t++) {
        TreeAssert.assertSameTree(expected.get(t), trees[t], what + " tree " + t);
      }
      ReferenceAssert.assertClose(c.get("predict"), forest.predict(diabetes.X()), 1e-12,
          what + " predict");
      ReferenceAssert.assertClose(c.get("feature_importances"), forest.featureImportances(),
          1e-12, what + " feature_importances_");
      if (c.containsKey("oob_score")) {
        assertEquals((Double) c.get("oob_score"), forest.oobScore(), 1e-12, what + " oob");
      }
    }
  }

  @Test
  void negativeTargetsAreRefusedWithScikitLearnsForestMessage() {
    var forest = new RandomForestRegressor().nEstimators(2);
    forest.setParam("criterion", "poisson");
    double[][] X = {{0}, {1}, {2}};
    var e = assertThrows(IllegalArgumentException.class,
        () -> forest.fit(X, new double[] {0, 0, 0}));
    assertEquals("criterion='poisson': Sum of y is not strictly positive which is necessary for"
        + " Poisson regression.", e.getMessage());
  }
}
