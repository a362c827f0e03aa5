package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;
import semaine.tree.Tree;
import semaine.tree.TreeAssert;

/**
 * The four forests with {@code monotonic_cst} against scikit-learn 1.9.1
 * ({@code reference/trees_monotonic.py}): regressors on diabetes, binary classifiers on breast
 * cancer, every tree node for node, predictions, importances and out-of-bag scores.
 */
class MonotonicForestTest {

  @Test
  void constrainedForestsEqualScikitLearns() {
    for (Map<String, Object> c : ReferenceVectors.cases("forests_monotonic.json")) {
      String what = ForestTest.describe(c);
      double[][] X = Datasets.load((String) c.get("data")).X();
      Object model = ForestTest.fit(c, -1);
      List<?> expected = (List<?>) c.get("trees");
      if (model instanceof ForestClassifier<?> f) {
        assertSameTrees(expected, f.estimators(), what);
        ReferenceAssert.assertClose(c.get("predict_proba"), f.predictProba(X), 1e-12,
            what + " predict_proba");
        ReferenceAssert.assertClose(c.get("feature_importances"), f.featureImportances(), 1e-12,
            what + " feature_importances_");
        if (c.containsKey("oob_score")) {
          assertEquals((Double) c.get("oob_score"), f.oobScore(), 1e-12, what + " oob");
        }
      } else {
        ForestReference.assertSameRegressionForests(List.of(c), X);
      }
    }
  }

  private static void assertSameTrees(List<?> expected, Tree[] trees, String what) {
    assertEquals(expected.size(), trees.length, what);
    for (int t = 0; t < trees.length; t++) {
      TreeAssert.assertSameTree(expected.get(t), trees[t], what + " tree " + t);
    }
  }
}
