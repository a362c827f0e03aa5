package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.base.BaseEstimator;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;
import semaine.tree.Tree;
import semaine.tree.TreeAssert;

/**
 * The forests against scikit-learn 1.9.1 ({@code reference/forests.py}): every tree node for node
 * with its seed, then probabilities, predictions, importances and out-of-bag scores within 1e-12.
 */
class ForestTest {

  private static final List<Map<String, Object>> CASES = ReferenceVectors.cases("forests.json");
  private static final double TOL = 1e-12;

  @Test
  void everyTreeEqualsScikitLearnsNodeForNode() {
    int trees = 0;
    for (Map<String, Object> c : CASES) {
      Object model = fit(c, null);
      Tree[] estimators = model instanceof ForestClassifier<?> f ? f.estimators()
          : ((ForestRegressor<?>) model).estimators();
      List<?> expected = (List<?>) c.get("trees");
      assertEquals(expected.size(), estimators.length, describe(c));
      for (int t = 0; t < estimators.length; t++) {
        TreeAssert.assertSameTree(expected.get(t), estimators[t], describe(c) + " tree " + t);
        trees++;
      }
    }
    System.out.printf("Forests vs scikit-learn: %d cases, %d trees, all equal%n", CASES.size(),
        trees);
  }

  @Test
  void seedsAndBootstrapSamplesAreScikitLearns() {
    for (Map<String, Object> c : CASES) {
      BaseForest<?> model = (BaseForest<?>) fit(c, null);
      List<?> expected = (List<?>) c.get("trees");
      long[] seeds = (long[]) model.fittedState().values().get("_seeds");
      for (int t = 0; t < seeds.length; t++) {
        assertEquals(((Map<?, ?>) expected.get(t)).get("random_state"), seeds[t], describe(c));
      }
      if (!Boolean.FALSE.equals(model.getParam("bootstrap"))) {
        Dataset data = Datasets.load((String) c.get("data"));
        double[] sw = weights(c);
        int[] sample = BaseForest.sampleIndices(seeds[0], data.nSamples(),
            ((int[]) ReferenceVectors.ints(c.get("first_sample"))).length, classWeighted(c, sw));
        assertArrayEquals(ReferenceVectors.ints(c.get("first_sample")), sample, describe(c));
      }
    }
  }

  @Test
  void predictionsImportancesAndOutOfBagScoresMatch() {
    for (Map<String, Object> c : CASES) {
      for (Integer nJobs : new Integer[] {1, -1}) {
        Object model = fit(c, nJobs);
        String what = describe(c) + " n_jobs=" + nJobs;
        double[][] X = Datasets.load((String) c.get("data")).X();
        if (model instanceof ForestClassifier<?> f) {
          ReferenceAssert.assertClose(c.get("predict_proba"), f.predictProba(X), TOL,
              what + " predict_proba");
          assertArrayEquals(ReferenceVectors.ints(c.get("predict")), f.predict(X), what);
          ReferenceAssert.assertClose(c.get("feature_importances"), f.featureImportances(), TOL,
              what + " feature_importances_");
          if (c.containsKey("oob_score")) {
            assertEquals((Double) c.get("oob_score"), f.oobScore(), TOL, what + " oob_score_");
            ReferenceAssert.assertClose(c.get("oob"), f.oobDecisionFunction(), TOL,
                what + " oob_decision_function_");
          }
        } else {
          ForestRegressor<?> r = (ForestRegressor<?>) model;
          ReferenceAssert.assertClose(c.get("predict"), r.predict(X), TOL, what + " predict");
          ReferenceAssert.assertClose(c.get("feature_importances"), r.featureImportances(), TOL,
              what + " feature_importances_");
          if (c.containsKey("oob_score")) {
            assertEquals((Double) c.get("oob_score"), r.oobScore(), TOL, what + " oob_score_");
            ReferenceAssert.assertClose(c.get("oob"), r.oobPrediction(), TOL,
                what + " oob_prediction_");
          }
        }
      }
    }
  }

  /** The weights the bootstrap draws with: sample weights times "balanced" class weights. */
  private static double[] classWeighted(Map<String, Object> c, double[] sw) {
    Object cw = ((Map<?, ?>) c.get("params")).get("class_weight");
    if (cw == null) {
      return sw;
    }
    Dataset data = Datasets.load((String) c.get("data"));
    double[] w = semaine.tree.ClassWeight.sampleWeights(text(cw), new int[] {0, 1, 2},
        data.labels(), sw);
    for (int i = 0; i < w.length && sw != null; i++) {
      w[i] *= sw[i];
    }
    return w;
  }

  private static double[] weights(Map<String, Object> c) {
    return c.get("sample_weight") == null ? null
        : ReferenceVectors.doubles(c.get("sample_weight"));
  }

  private static String text(Object value) {
    if (value instanceof Map<?, ?> dict) {
      StringBuilder text = new StringBuilder("{");
      dict.forEach((k, v) -> text.append(text.length() > 1 ? ", " : "").append(k).append(": ")
          .append(v));
      return text.append("}").toString();
    }
    return (String) value;
  }

  @SuppressWarnings("unchecked")
  static Object fit(Map<String, Object> c, Integer nJobs) {
    BaseEstimator<?> model = switch ((String) c.get("model")) {
      case "RandomForestClassifier" -> new RandomForestClassifier();
      case "RandomForestRegressor" -> new RandomForestRegressor();
      case "ExtraTreesClassifier" -> new ExtraTreesClassifier();
      default -> new ExtraTreesRegressor();
    };
    ((Map<String, Object>) c.get("params")).forEach((name, value) ->
        model.setParam(name, value instanceof Map ? text(value) : value));
    model.setParam("n_jobs", nJobs);
    Dataset data = Datasets.load((String) c.get("data"));
    if (model instanceof ForestClassifier<?> f) {
      return f.fit(data.X(), data.labels(), weights(c));
    }
    return ((ForestRegressor<?>) model).fit(data.X(), data.y(), weights(c));
  }

  static String describe(Map<String, Object> c) {
    return c.get("model") + " on " + c.get("data") + " " + c.get("params")
        + (c.get("sample_weight") == null ? "" : " weighted");
  }
}
