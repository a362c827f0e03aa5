package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.anomaly.IsolationForest;
import semaine.base.BaseEstimator;
import semaine.data.Blobs;
import semaine.data.MakeBlobs;
import semaine.ensemble.BaseForest;
import semaine.ensemble.ExtraTreesClassifier;
import semaine.ensemble.ExtraTreesRegressor;
import semaine.ensemble.RandomForestClassifier;
import semaine.ensemble.RandomForestRegressor;
import semaine.testsupport.ReferenceVectors;

/**
 * The trees on float32 input against scikit-learn 1.9 fitting the same float32 X
 * (reference/trees_float32.py, which also checks that scikit-learn grows the same trees from X32
 * as from X32 in float64): node counts equal, predictions within 1e-12, and fit(float[][]) grows
 * exactly the trees of fit(double[][]) on the same values.
 */
class TreesFloat32Test {

  private static final Map<String, Object> REF = ReferenceVectors.load("trees_float32.json");

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases() {
    return (List<Map<String, Object>>) REF.get("cases");
  }

  @Test
  void fitOnFloat32MatchesScikitLearn() {
    Data data = data();
    for (Map<String, Object> c : cases()) {
      String model = (String) c.get("model");
      int[] nodes = ReferenceVectors.ints(c.get("node_counts"));
      switch (model) {
        case "DecisionTreeClassifier" -> {
          var m = configured(new DecisionTreeClassifier(), c).fit(data.X32, data.labels);
          assertArrayEquals(nodes, new int[] {m.tree().nodeCount()}, model);
          assertClose(c, m.predictProba(data.X64));
          assertEquals(m.tree().nodeCount(), configured(new DecisionTreeClassifier(), c)
              .fit(data.X64, data.labels).tree().nodeCount());
        }
        case "DecisionTreeRegressor" -> {
          var m = configured(new DecisionTreeRegressor(), c).fit(data.X32, data.y);
          assertArrayEquals(nodes, new int[] {m.tree().nodeCount()}, model);
          assertClose(c, new double[][] {m.predict(data.X64)});
        }
        case "RandomForestClassifier" -> forest(c, nodes,
            configured(new RandomForestClassifier(), c).fit(data.X32, data.labels),
            m -> ((RandomForestClassifier) m).predictProba(data.X64),
            configured(new RandomForestClassifier(), c).fit(data.X64, data.labels));
        case "ExtraTreesClassifier" -> forest(c, nodes,
            configured(new ExtraTreesClassifier(), c).fit(data.X32, data.labels),
            m -> ((ExtraTreesClassifier) m).predictProba(data.X64),
            configured(new ExtraTreesClassifier(), c).fit(data.X64, data.labels));
        case "RandomForestRegressor" -> forest(c, nodes,
            configured(new RandomForestRegressor(), c).fit(data.X32, data.y),
            m -> new double[][] {((RandomForestRegressor) m).predict(data.X64)},
            configured(new RandomForestRegressor(), c).fit(data.X64, data.y));
        case "ExtraTreesRegressor" -> forest(c, nodes,
            configured(new ExtraTreesRegressor(), c).fit(data.X32, data.y),
            m -> new double[][] {((ExtraTreesRegressor) m).predict(data.X64)},
            configured(new ExtraTreesRegressor(), c).fit(data.X64, data.y));
        case "IsolationForest" -> {
          var m = configured(new IsolationForest(), c).fit(data.X32);
          assertClose(c, new double[][] {m.scoreSamples(data.X32)});
          assertArrayEquals(m.scoreSamples(data.X64), m.scoreSamples(data.X32));
          assertEquals(((Number) c.get("offset")).doubleValue(), m.offset(), 1e-12, model);
          var m64 = configured(new IsolationForest(), c).fit(data.X64);
          assertEquals(m64.offset(), m.offset(), 0.0, model + ": the same forest as float64");
        }
        default -> throw new AssertionError("no case for " + model);
      }
    }
  }

  @Test
  void float32InputIsCheckedAsFloat64Input() {
    float[][] bad = {{0f, 1f}, {Float.POSITIVE_INFINITY, 2f}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DecisionTreeRegressor().fit(bad, new double[] {0, 1}));
    assertEquals("Input X contains infinity (Infinity at row 1, column 0).", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new IsolationForest().fit(new float[][] {{0f, Float.NaN}, {1f, 2f}}));
    assertEquals(true, e.getMessage().startsWith("Input X contains NaN (row 0, column 1)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new RandomForestClassifier().fit(new float[][] {{0f, 1f}, {2f}}, new int[] {0, 1}));
    assertEquals("X is ragged: row 1 has 1 values but row 0 has 2", e.getMessage());
  }

  private static void forest(Map<String, Object> c, int[] nodes, BaseForest<?> m,
      java.util.function.Function<BaseForest<?>, double[][]> output, BaseForest<?> m64) {
    assertArrayEquals(nodes, Arrays.stream(m.estimators()).mapToInt(Tree::nodeCount).toArray(),
        (String) c.get("model"));
    assertClose(c, output.apply(m));
    assertArrayEquals(output.apply(m64), output.apply(m), c.get("model") + ": as float64");
  }

  private static void assertClose(Map<String, Object> c, double[][] actual) {
    Object out = c.get("output");
    double[][] expected = ((List<?>) out).get(0) instanceof List<?>
        ? ReferenceVectors.matrix(out) : new double[][] {ReferenceVectors.doubles(out)};
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(expected[i][j], actual[i][j], 1e-12 * Math.max(1, Math.abs(expected[i][j])),
            c.get("model") + " [" + i + "][" + j + "]");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends BaseEstimator<E>> E configured(E model, Map<String, Object> c) {
    for (Map.Entry<String, Object> e : ((Map<String, Object>) c.get("params")).entrySet()) {
      model.setParam(e.getKey(), String.valueOf(e.getValue()));
    }
    return model;
  }

  private record Data(float[][] X32, double[][] X64, int[] labels, double[] y) {}

  @SuppressWarnings("unchecked")
  private static Data data() {
    Map<String, Object> spec = (Map<String, Object>) REF.get("make_blobs");
    Blobs blobs = new MakeBlobs().nSamples(((Number) spec.get("n_samples")).intValue())
        .centers(((Number) spec.get("centers")).intValue())
        .nFeatures(((Number) spec.get("n_features")).intValue())
        .clusterStd(((Number) spec.get("cluster_std")).doubleValue())
        .randomState(((Number) spec.get("random_state")).longValue()).generate();
    double[][] X = blobs.X();
    float[][] X32 = new float[X.length][X[0].length];
    double[][] X64 = new double[X.length][X[0].length];
    double[] y = new double[X.length];
    double sum = 0;
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < X[i].length; j++) {
        X32[i][j] = (float) X[i][j];
        X64[i][j] = X32[i][j];
        sum += X64[i][j];
      }
      y[i] = 2 * X64[i][0] - X64[i][1] * X64[i][2];
    }
    assertEquals(((Number) REF.get("x_sum")).doubleValue(), sum, 1e-9, "the script's X");
    return new Data(X32, X64, blobs.y(), y);
  }
}
