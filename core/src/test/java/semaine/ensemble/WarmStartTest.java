package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceVectors;
import semaine.tree.Tree;
import semaine.tree.TreeAssert;

/**
 * {@code warm_start=True} against scikit-learn 1.9.1 ({@code reference/forests_warm_start.py}):
 * forests refitted with growing {@code n_estimators} keep their trees and grow the next ones
 * from the seeds scikit-learn draws, node for node; the result is the forest of one fit.
 */
class WarmStartTest {

  private static final List<Map<String, Object>> CASES =
      ReferenceVectors.cases("forests_warm_start.json");

  @Test
  void warmStartedForestsEqualScikitLearnsTreeForTree() {
    for (Map<String, Object> c : CASES) {
      String what = ForestTest.describe(c) + " steps " + c.get("steps");
      BaseForest<?> model = warmFit(c);
      Tree[] estimators = model.estimators();
      List<?> expected = (List<?>) c.get("trees");
      assertEquals(expected.size(), estimators.length, what);
      long[] seeds = (long[]) model.fittedState().values().get("_seeds");
      for (int t = 0; t < estimators.length; t++) {
        Map<?, ?> tree = (Map<?, ?>) expected.get(t);
        assertEquals(((Number) tree.get("random_state")).longValue(), seeds[t], what + " seed " + t);
        TreeAssert.assertSameTree(tree, estimators[t], what + " tree " + t);
      }
      assertArrayEquals(ReferenceVectors.doubles(c.get("feature_importances")),
          model.featureImportances(), 1e-12, what + " feature_importances_");
      if (c.containsKey("oob_score")) {
        assertEquals((Double) c.get("oob_score"), model.oobScore(), 1e-12, what + " oob_score_");
      }
    }
  }

  @Test
  void aWarmStartedForestIsTheForestOfOneFit() {
    Dataset iris = Datasets.loadIris();
    var warm = new RandomForestClassifier().warmStart(true).randomState(7).nEstimators(4)
        .fit(iris.X(), iris.labels());
    Tree[] kept = warm.estimators();
    warm.nEstimators(9).fit(iris.X(), iris.labels());
    assertSame(kept[3], warm.estimators()[3]);   // the first trees are kept, not regrown
    var once = new RandomForestClassifier().randomState(7).nEstimators(9)
        .fit(iris.X(), iris.labels());
    assertArrayEquals(once.predictProba(iris.X()), warm.predictProba(iris.X()));
    // without warm_start a refit grows every tree again
    var cold = new RandomForestClassifier().randomState(7).nEstimators(4)
        .fit(iris.X(), iris.labels());
    Tree first = cold.estimators()[0];
    cold.nEstimators(9).fit(iris.X(), iris.labels());
    assertTrue(first != cold.estimators()[0]);
  }

  @Test
  void fewerTreesOrOtherFeaturesAreRefused() {
    Dataset diabetes = Datasets.loadDiabetes();
    var forest = new ExtraTreesRegressor().warmStart(true).nEstimators(5).randomState(0)
        .fit(diabetes.X(), diabetes.y());
    var e = assertThrows(IllegalArgumentException.class,
        () -> forest.nEstimators(3).fit(diabetes.X(), diabetes.y()));
    assertEquals("n_estimators=3 must be larger or equal to len(estimators_)=5 when"
        + " warm_start==True", e.getMessage());
    double[][] narrow = new double[diabetes.X().length][];
    for (int i = 0; i < narrow.length; i++) {
      narrow[i] = java.util.Arrays.copyOf(diabetes.X()[i], 4);
    }
    e = assertThrows(IllegalArgumentException.class,
        () -> forest.nEstimators(8).fit(narrow, diabetes.y()));
    assertTrue(e.getMessage().contains("X has 4 features, but the forest's 5 trees kept by"
        + " warm_start were fitted with 10"), e.getMessage());
  }

  @SuppressWarnings("unchecked")
  private static BaseForest<?> warmFit(Map<String, Object> c) {
    BaseForest<?> model = null;
    for (Object n : (List<?>) c.get("steps")) {
      Map<String, Object> params = new java.util.LinkedHashMap<>(
          (Map<String, Object>) c.get("params"));
      params.put("warm_start", true);
      params.put("n_estimators", n);
      Map<String, Object> step = new java.util.HashMap<>(c);
      step.put("params", params);
      step.put("sample_weight", null);
      model = model == null ? (BaseForest<?>) ForestTest.fit(step, null) : refit(model, c, n);
    }
    return model;
  }

  private static BaseForest<?> refit(BaseForest<?> model, Map<String, Object> c, Object n) {
    model.setParam("n_estimators", n);
    Dataset data = Datasets.load((String) c.get("data"));
    if (model instanceof ForestClassifier<?> f) {
      return f.fit(data.X(), data.labels());
    }
    return ((ForestRegressor<?>) model).fit(data.X(), data.y());
  }
}
