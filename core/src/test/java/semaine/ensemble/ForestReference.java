package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import semaine.testsupport.ReferenceAssert;
import semaine.tree.Tree;
import semaine.tree.TreeAssert;

/** The comparisons a reference file of regression forests ({@code reference/*.py}) is checked with. */
final class ForestReference {

  private ForestReference() {}

  /** Fits every forest case on X and compares its trees, predictions, importances and oob. */
  static void assertSameRegressionForests(List<Map<String, Object>> cases, double[][] X) {
    for (Map<String, Object> c : cases) {
      String what = ForestTest.describe(c);
      ForestRegressor<?> forest = (ForestRegressor<?>) ForestTest.fit(c, null);
      Tree[] trees = forest.estimators();
      List<?> expected = (List<?>) c.get("trees");
      assertEquals(expected.size(), trees.length, what);
      for (int t = 0; t < trees.length; t++) {
        TreeAssert.assertSameTree(expected.get(t), trees[t], what + " tree " + t);
      }
      ReferenceAssert.assertClose(c.get("predict"), forest.predict(X), 1e-12, what + " predict");
      ReferenceAssert.assertClose(c.get("feature_importances"), forest.featureImportances(),
          1e-12, what + " feature_importances_");
      if (c.containsKey("oob_score")) {
        assertEquals((Double) c.get("oob_score"), forest.oobScore(), 1e-12, what + " oob");
      }
    }
  }
}
