package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/**
 * DecisionTreeClassifier and DecisionTreeRegressor against scikit-learn 1.9.1
 * ({@code reference/trees.py}): every tree_ array equal node for node, then the queries.
 */
class DecisionTreeTest {

  private static final List<Map<String, Object>> CASES = ReferenceVectors.cases("trees.json");

  @Test
  void treesEqualScikitLearnNodeForNode() {
    int nodes = 0;
    for (Map<String, Object> c : CASES) {
      BaseDecisionTree<?> model = fit(c);
      String what = describe(c);
      TreeAssert.assertSameTree(c.get("tree"), model.tree(), what);
      nodes += model.tree().nodeCount();
    }
    System.out.printf("DecisionTree vs scikit-learn: %d cases, %d nodes, all equal%n",
        CASES.size(), nodes);
  }

  @Test
  void costComplexityPruningPathsEqualScikitLearns() {
    for (Map<String, Object> c : CASES) {
      Data data = data(c);
      double[] sw = c.get("sample_weight") == null ? null
          : ReferenceVectors.doubles(c.get("sample_weight"));
      CostComplexityPruning.Path path = c.get("kind").equals("classifier")
          ? configure(new DecisionTreeClassifier(), c)
              .costComplexityPruningPath(data.X(), labels(data), sw)
          : configure(new DecisionTreeRegressor(), c)
              .costComplexityPruningPath(data.X(), data.y(), sw);
      ReferenceAssert.assertExact(c.get("ccp_alphas"), path.ccpAlphas(),
          describe(c) + " ccp_alphas");
      ReferenceAssert.assertExact(c.get("ccp_impurities"), path.impurities(),
          describe(c) + " impurities");
    }
  }

  @Test
  void queriesEqualScikitLearn() {
    for (Map<String, Object> c : CASES) {
      BaseDecisionTree<?> model = fit(c);
      String what = describe(c);
      double[][] X = data(c).X();
      assertEquals(((Long) c.get("n_leaves")).intValue(), model.getNLeaves(), what + " n_leaves");
      assertEquals(((Long) c.get("depth")).intValue(), model.getDepth(), what + " depth");
      assertArrayEquals(ReferenceVectors.doubles(c.get("feature_importances")),
          model.featureImportances(), what + " feature_importances_");
      assertArrayEquals(ReferenceVectors.ints(c.get("apply")), model.apply(X), what + " apply");
      if (model instanceof DecisionTreeClassifier clf) {
        assertEquals(((Long) c.get("max_features_")).intValue(), clf.maxFeaturesFitted(), what);
        assertArrayEquals(ReferenceVectors.ints(c.get("predict")), clf.predict(X),
            what + " predict");
        double[][] proba = clf.predictProba(X);
        int[] leaves = model.apply(X);
        for (int i = 0; i < X.length; i++) {
          assertArrayEquals(model.tree().value()[leaves[i]], proba[i], what + " proba " + i);
        }
      } else {
        DecisionTreeRegressor reg = (DecisionTreeRegressor) model;
        assertEquals(((Long) c.get("max_features_")).intValue(), reg.maxFeaturesFitted(), what);
        assertArrayEquals(ReferenceVectors.doubles(c.get("predict")), reg.predict(X),
            what + " predict");
      }
    }
  }

  static BaseDecisionTree<?> fit(Map<String, Object> c) {
    Data data = data(c);
    double[] sw = c.get("sample_weight") == null ? null
        : ReferenceVectors.doubles(c.get("sample_weight"));
    if (c.get("kind").equals("classifier")) {
      var model = configure(new DecisionTreeClassifier(), c);
      return model.fit(data.X(), labels(data), sw);
    }
    return configure(new DecisionTreeRegressor(), c).fit(data.X(), data.y(), sw);
  }

  /** Sets the case's parameters by name, as the command line does. */
  @SuppressWarnings("unchecked")
  static <E extends BaseDecisionTree<E>> E configure(E model, Map<String, Object> c) {
    Map<String, Object> params = (Map<String, Object>) c.get("params");
    params.forEach((name, value) -> {
      if (value instanceof Map<?, ?> dict) {
        StringBuilder text = new StringBuilder("{");
        dict.forEach((k, v) -> text.append(text.length() > 1 ? ", " : "").append(k).append(": ")
            .append(v));
        value = text.append("}").toString();
      }
      model.setParam(name, value);
    });
    return model;
  }

  /** A case's samples and targets. */
  record Data(double[][] X, double[] y) {}

  static Data data(Map<String, Object> c) {
    if (c.containsKey("X")) {
      return new Data(ReferenceVectors.matrix(c.get("X")), ReferenceVectors.doubles(c.get("y")));
    }
    Dataset data = Datasets.load((String) c.get("data"));
    return new Data(data.X(), data.y());
  }

  static int[] labels(Data data) {
    double[] y = data.y();
    int[] labels = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      labels[i] = (int) y[i];
    }
    return labels;
  }

  static String describe(Map<String, Object> c) {
    return c.get("kind") + " on " + c.get("data") + " " + c.get("params")
        + (c.get("sample_weight") == null ? "" : " weighted");
  }
}
