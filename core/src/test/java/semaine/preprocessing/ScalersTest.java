package semaine.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.base.Transformer;
import semaine.data.Datasets;
import semaine.impute.SimpleImputer;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/** MinMaxScaler, MaxAbsScaler, RobustScaler, Normalizer and SimpleImputer against scikit-learn. */
class ScalersTest {

  /** Within 1e-12 of scikit-learn, relative to max(1, |value|). */
  private static final double TOL = 1e-12;

  private static final Map<String, String> ATTRIBUTES = Map.of("min_", "min", "scale_", "scale",
      "data_min_", "dataMin", "data_max_", "dataMax", "max_abs_", "maxAbs", "center_", "center",
      "statistics_", "statistics");

  @Test
  void attributesAndTransformsMatchScikitLearn() throws Exception {
    int inexact = 0;
    int compared = 0;
    for (Map<String, Object> c : ReferenceVectors.cases("scalers.json")) {
      double[][] X = Datasets.load((String) c.get("data")).X();
      if (c.get("missing") != null) {
        X = withMissing(X, c.get("missing").equals("empty"));
      }
      Transformer model = switch ((String) c.get("class")) {
        case "MinMaxScaler" -> new MinMaxScaler();
        case "MaxAbsScaler" -> new MaxAbsScaler();
        case "RobustScaler" -> new RobustScaler();
        case "Normalizer" -> new Normalizer();
        default -> new SimpleImputer();
      };
      @SuppressWarnings("unchecked")
      var params = (Map<String, Object>) c.get("params");
      params.forEach((name, value) -> model.setParam(name,
          value));
      model.fit(X);
      String what = c.get("class") + " " + c.get("data") + " " + params;
      for (var attribute : ATTRIBUTES.entrySet()) {
        if (c.containsKey(attribute.getKey())) {
          Object actual = model.getClass().getMethod(attribute.getValue()).invoke(model);
          inexact += close(c.get(attribute.getKey()), actual, what + " " + attribute.getKey());
          compared++;
        }
      }
      double[][] head = java.util.Arrays.copyOf(X, 20);
      inexact += close(c.get("transform_head"), model.transform(head), what + " transform");
      double[][] probe = new double[5][];
      for (int i = 0; i < 5; i++) {
        probe[i] = X[i].clone();
        for (int j = 0; j < probe[i].length; j++) {
          probe[i][j] = probe[i][j] * 1.5 + 0.25;
        }
      }
      inexact += close(c.get("probe_transformed"), model.transform(probe), what + " probe");
      if (c.containsKey("inverse_of_transform_head")) {
        inexact += close(c.get("inverse_of_transform_head"),
            model.inverseTransform(model.transform(head)), what + " inverse_transform");
      }
      compared += 3;
    }
    System.out.println("scalers and imputer vs scikit-learn: " + compared + " arrays, " + inexact
        + " values not bit-identical");
  }

  @Test
  void badParametersAreRefusedAtFit() {
    double[][] X = Datasets.loadIris().X();
    var e = assertThrows(IllegalArgumentException.class,
        () -> new MinMaxScaler().featureRange(1, 0).fit(X));
    assertEquals("feature_range ([1.0, 0.0]) must be a pair (low, high) with low < high",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new RobustScaler().quantileRange(75, 25).fit(X));
    assertTrue(e.getMessage().startsWith("quantile_range ([75.0, 25.0]) must be a pair"));
    e = assertThrows(IllegalArgumentException.class,
        () -> new Normalizer().setParam("norm", "l3").fit(X));
    assertTrue(e.getMessage().startsWith("norm (\"l3\") must be"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new SimpleImputer().missingValues(-1).fit(new double[][] {{1, Double.NaN}}));
    assertTrue(e.getMessage().contains("NaN marks a missing value only with missing_values=nan"),
        e.getMessage());
    var imputer = new SimpleImputer().addIndicator(true).fit(new double[][] {{1, Double.NaN},
        {2, 3}});
    e = assertThrows(IllegalArgumentException.class,
        () -> imputer.transform(new double[][] {{Double.NaN, 1}}));
    assertTrue(e.getMessage().startsWith("the features [0] have missing values in transform"),
        e.getMessage());
  }

  @Test
  void anImputerWithAMarkerValueFillsOnlyThatValue() {
    double[][] X = {{1, -1}, {3, 5}, {-1, 7}, {5, -1}};
    double[][] Z = new SimpleImputer().missingValues(-1).strategy("median").fitTransform(X);
    assertEquals(List.of(List.of(1.0, 6.0), List.of(3.0, 5.0), List.of(3.0, 7.0),
        List.of(5.0, 6.0)), java.util.Arrays.stream(Z).map(r -> List.of(r[0], r[1])).toList());
  }

  /** The entries where RandomState(0).rand(n, d) < 0.1 set to NaN (and column 3 when empty). */
  static double[][] withMissing(double[][] X, boolean empty) {
    double[][] u = new RandomState(0).rand(X.length, X[0].length);
    double[][] out = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      out[i] = X[i].clone();
      for (int j = 0; j < out[i].length; j++) {
        if (u[i][j] < 0.1 || (empty && j == 3)) {
          out[i][j] = Double.NaN;
        }
      }
    }
    return out;
  }

  private static int close(Object expected, Object actual, String what) {
    // NaN statistics (empty columns) compare as equal to NaN
    if (actual instanceof double[] a) {
      double[] e = ReferenceVectors.doubles(java.util.Arrays.stream(
          ((List<?>) expected).toArray()).map(v -> v == null ? Double.NaN : v).toList());
      int inexact = 0;
      for (int j = 0; j < e.length; j++) {
        assertTrue(Double.isNaN(e[j]) ? Double.isNaN(a[j])
            : Math.abs(e[j] - a[j]) <= TOL * Math.max(1, Math.abs(e[j])),
            what + "[" + j + "]: " + a[j] + " vs " + e[j]);
        inexact += Double.doubleToLongBits(e[j]) == Double.doubleToLongBits(a[j]) ? 0 : 1;
      }
      assertEquals(e.length, a.length, what);
      return inexact;
    }
    return ReferenceAssert.assertClose(expected, actual, TOL, what);
  }
}
