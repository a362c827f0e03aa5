package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.base.BaseEstimator;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/**
 * Histogram gradient boosting against scikit-learn 1.9.1 ({@code reference/hist_gradient_boosting.py}):
 * bin thresholds, n_iter_ (with early stopping), scores, every node of the stored iterations'
 * trees, raw predictions and probabilities, within 1e-9.
 */
class HistGradientBoostingTest {

  private static final Map<String, Object> REFERENCE =
      ReferenceVectors.load("hist_gradient_boosting.json");
  private static final double TOL = 1e-9;
  private static final String[] DOUBLE_FIELDS = {"value", "num_threshold", "gain"};
  private static final String[] INT_FIELDS = {"count", "feature_idx", "missing_go_to_left",
      "left", "right", "depth", "is_leaf", "bin_threshold"};

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases() {
    return (List<Map<String, Object>>) REFERENCE.get("cases");
  }

  /** The reference's synthetic set: RandomState(0), 10,000 x 20 normal values, 10% NaN. */
  static double[][] syntheticX(double[] yOut) {
    RandomState rs = new RandomState(0);
    double[] values = rs.randn(10000 * 20);
    double[] noise = rs.randn(10000);
    double[] u = rs.rand(10000 * 20);
    double[][] X = new double[10000][20];
    for (int i = 0; i < 10000; i++) {
      for (int j = 0; j < 20; j++) {
        X[i][j] = values[i * 20 + j];
      }
      double[] x = X[i];
      yOut[i] = x[0] + 2.0 * x[1] * x[1] - x[2] * x[3] + 0.5 * noise[i];
    }
    for (int i = 0; i < 10000; i++) {
      for (int j = 0; j < 20; j++) {
        if (u[i * 20 + j] < 0.1) {
          X[i][j] = Double.NaN;
        }
      }
    }
    return X;
  }

  record Data(double[][] X, double[] y, int[] labels) {}

  static Data data(String name) {
    if (name.startsWith("synthetic")) {
      double[] y = new double[10000];
      double[][] X = syntheticX(y);
      int[] labels = new int[y.length];
      for (int i = 0; i < y.length; i++) {
        labels[i] = y[i] > 1.0 ? 1 : 0;
      }
      return new Data(X, y, labels);
    }
    Dataset d = Datasets.load(name);
    return new Data(d.X(), d.y(), name.equals("diabetes") ? null : d.labels());
  }

  @SuppressWarnings("unchecked")
  static BaseHistGradientBoosting<?> fit(Map<String, Object> c, Data data) {
    BaseHistGradientBoosting<?> model = c.get("model").equals("HistGradientBoostingRegressor")
        ? new HistGradientBoostingRegressor() : new HistGradientBoostingClassifier();
    ((Map<String, Object>) c.get("params")).forEach(model::setParam);
    if (model instanceof HistGradientBoostingClassifier classifier) {
      return classifier.fit(data.X, data.labels);
    }
    return ((HistGradientBoostingRegressor) model).fit(data.X, data.y);
  }

  static String describe(Map<String, Object> c) {
    return c.get("model") + " on " + c.get("data") + " " + c.get("params");
  }

  @Test
  void everyCaseEqualsScikitLearns() {
    int nodes = 0;
    int rawValues = 0;
    int rawInexact = 0;
    for (Map<String, Object> c : cases()) {
      String what = describe(c);
      Data data = data((String) c.get("data"));
      BaseHistGradientBoosting<?> model = fit(c, data);
      List<?> thresholds = (List<?>) c.get("bin_thresholds");
      double[][] bins = model.binThresholds();
      for (int f = 0; f < bins.length; f++) {
        ReferenceAssert.assertClose(thresholds.get(f), bins[f], TOL, what + " thresholds " + f);
      }
      assertEquals(((Number) c.get("n_iter")).intValue(), model.nIter(), what + " n_iter_");
      ReferenceAssert.assertClose(c.get("train_score"), model.trainScore(), TOL,
          what + " train_score_");
      ReferenceAssert.assertClose(c.get("validation_score"), model.validationScore(), TOL,
          what + " validation_score_");
      TreePredictor[] predictors = model.predictors();
      int nTrees = predictors.length / model.nIter();
      List<?> iterations = (List<?>) c.get("iterations");
      List<?> expected = (List<?>) c.get("predictors");
      for (int t = 0; t < iterations.size(); t++) {
        int iteration = ((Number) iterations.get(t)).intValue();
        List<?> trees = (List<?>) expected.get(t);
        for (int k = 0; k < nTrees; k++) {
          TreePredictor tree = predictors[iteration * nTrees + k];
          assertSameNodes((Map<?, ?>) trees.get(k), tree,
              what + " iteration " + iteration + " tree " + k);
          nodes += tree.nNodes();
        }
      }
      double[][] raw = model.rawPredict(data.X);
      double[][] rawByRow = new double[raw[0].length][raw.length];
      for (int k = 0; k < raw.length; k++) {
        for (int i = 0; i < raw[0].length; i++) {
          rawByRow[i][k] = raw[k][i];
        }
      }
      rawInexact += ReferenceAssert.assertClose(c.get("raw_predict"), rawByRow, TOL,
          what + " raw predict");
      rawValues += raw.length * raw[0].length;
      if (model instanceof HistGradientBoostingClassifier classifier) {
        ReferenceAssert.assertClose(c.get("predict_proba"), classifier.predictProba(data.X), TOL,
            what + " predict_proba");
        assertArrayEquals(ReferenceVectors.ints(c.get("predict")), classifier.predict(data.X),
            what + " predict");
      } else {
        ReferenceAssert.assertClose(c.get("predict"),
            ((HistGradientBoostingRegressor) model).predict(data.X), TOL, what + " predict");
      }
    }
    System.out.printf("HistGradientBoosting vs scikit-learn: %d cases, %d nodes, all equal;"
        + " %d raw predictions, %d not bit-identical%n", cases().size(), nodes, rawValues,
        rawInexact);
  }

  static void assertSameNodes(Map<?, ?> expected, TreePredictor tree, String what) {
    Map<String, Object> actual = Map.of("value", tree.value(), "num_threshold",
        tree.numThreshold(), "gain", tree.gain(), "count", tree.count(), "feature_idx",
        tree.featureIdx(), "missing_go_to_left", tree.missingGoToLeft(), "left", tree.left(),
        "right", tree.right(), "depth", tree.depth(), "is_leaf", tree.isLeaf());
    assertEquals(((List<?>) expected.get("value")).size(), tree.nNodes(), what + " n_nodes");
    for (String field : INT_FIELDS) {
      int[] values = field.equals("bin_threshold") ? tree.binThreshold() : (int[]) actual.get(field);
      assertArrayEquals(ReferenceVectors.ints(expected.get(field)), values, what + " " + field);
    }
    for (String field : DOUBLE_FIELDS) {
      List<?> list = (List<?>) expected.get(field);
      double[] values = (double[]) actual.get(field);
      for (int i = 0; i < values.length; i++) {
        Object e = list.get(i);
        if ("inf".equals(e)) {
          assertEquals(Double.POSITIVE_INFINITY, values[i], what + " " + field + "[" + i + "]");
        } else {
          double v = ((Number) e).doubleValue();
          assertEquals(v, values[i], TOL * Math.max(1, Math.abs(v)),
              what + " " + field + "[" + i + "]");
        }
      }
    }
  }

  @Test
  void binThresholdsOfASubsampleAreScikitLearns() {
    Map<?, ?> binning = (Map<?, ?>) REFERENCE.get("binning");
    RandomState rs = new RandomState(((Number) binning.get("seed")).longValue());
    double[] u = rs.rand(250000 * 2);
    double[][] X = new double[250000][2];
    for (int i = 0; i < X.length; i++) {
      X[i][0] = u[2 * i];
      X[i][1] = Math.rint(u[2 * i + 1] * 1000);
    }
    double[][] thresholds = BinMapper.fitThresholds(X, 255,
        ((Number) binning.get("random_state")).longValue());
    List<?> expected = (List<?>) binning.get("bin_thresholds");
    for (int f = 0; f < 2; f++) {
      ReferenceAssert.assertClose(expected.get(f), thresholds[f], 0, "feature " + f);
    }
  }
}
