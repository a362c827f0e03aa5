package semaine.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.preprocessing.StandardScaler;
import semaine.testsupport.ReferenceVectors;

/** LogisticRegression(solver="sag"/"saga") against scikit-learn 1.9.1 ({@code reference/saga.py}). */
class SagaTest {

  /** The largest difference to scikit-learn seen per case, printed at the end. */
  private static final Map<String, Double> WORST = new TreeMap<>();

  private static List<Map<String, Object>> cases() {
    return ReferenceVectors.cases("saga.json");
  }

  private static Dataset data(String name) {
    return Datasets.load(name.equals("iris_binary") ? "iris" : name);
  }

  private static double[][] X(String name) {
    double[][] X = data(name).X();
    if (name.equals("iris_binary")) {
      return Arrays.copyOfRange(X, 50, 150);
    }
    return name.equals("iris") ? X : new StandardScaler().fitTransform(X);
  }

  private static int[] y(String name) {
    int[] y = data(name).labels();
    return name.equals("iris_binary") ? Arrays.copyOfRange(y, 50, 150) : y;
  }

  @SuppressWarnings("unchecked")
  private static LogisticRegression model(Map<String, Object> c) {
    var model = new LogisticRegression();
    ((Map<String, Object>) c.get("params")).forEach(model::setParam);
    return model;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> part(Map<String, Object> c, String key) {
    return (Map<String, Object>) c.get(key);
  }

  private static String name(Map<String, Object> c) {
    return c.get("dataset") + " " + c.get("params");
  }

  /** max |a − e| / max(1e-300, max|e|) over coef_ and intercept_: relative to the largest. */
  private static double relative(Map<String, Object> expected, LogisticRegression model) {
    double[][] coef = ReferenceVectors.matrix(expected.get("coef"));
    double[] intercept = ReferenceVectors.doubles(expected.get("intercept"));
    double[][] actual = model.coef();
    double scale = 1e-300;
    double worst = 0;
    for (int k = 0; k < coef.length; k++) {
      for (int j = 0; j < coef[k].length; j++) {
        scale = Math.max(scale, Math.abs(coef[k][j]));
        worst = Math.max(worst, Math.abs(actual[k][j] - coef[k][j]));
      }
      scale = Math.max(scale, Math.abs(intercept[k]));
      worst = Math.max(worst, Math.abs(model.intercept()[k] - intercept[k]));
    }
    return worst / scale;
  }

  @Test
  void defaultSettingsFollowScikitLearnsPathEpochForEpoch() {
    for (Map<String, Object> c : cases()) {
      String dataset = (String) c.get("dataset");
      double[][] X = X(dataset);
      var model = model(c).fit(X, y(dataset));
      Map<String, Object> expected = part(c, "default");
      double diff = relative(expected, model);
      WORST.put(name(c) + " default", diff);
      // the same sample draws and the same arithmetic: the same iterates to rounding
      assertTrue(diff <= 1e-9, name(c) + ": " + diff);
      assertEquals(((Number) expected.get("n_iter")).intValue(), model.nIter(), name(c));
      assertEquals(c.get("default_warned"), !model.warnings().isEmpty(),
          name(c) + " " + model.warnings());
      assertArrayEquals(ReferenceVectors.ints(c.get("predictions")), model.predict(X), name(c));
    }
  }

  @Test
  void aTightTolReachesScikitLearnsOptimumWithin1e8() {
    for (Map<String, Object> c : cases()) {
      if (!c.containsKey("tight")) {
        continue;   // digits: minutes at this tol, its path is checked at the default settings
      }
      String dataset = (String) c.get("dataset");
      var model = model(c).tol(1e-8).maxIter(3000).fit(X(dataset), y(dataset));
      double diff = relative(part(c, "tight"), model);
      WORST.put(name(c) + " tol=1e-8", diff);
      assertTrue(diff <= 1e-8, name(c) + ": " + diff);
      assertEquals(((Number) part(c, "tight").get("n_iter")).intValue(), model.nIter(), name(c));
      if (c.containsKey("optimum") && model.nIter() < 3000) {
        // the optimum by Newton's method: saga stops on the change of one epoch relative to
        // max|W|, which with its linear rate leaves it up to a few 1e-6 away (where it converged:
        // on unscaled iris and on digits 3000 epochs are not enough)
        double newton = relative(part(c, "optimum"), model);
        WORST.put(name(c) + " tol=1e-8 vs newton-cholesky", newton);
        assertTrue(newton <= 1e-4, name(c) + " vs newton-cholesky: " + newton);
      }
    }
  }

  @Test
  void penaltiesTheSolverRefusesGiveScikitLearnsMessages() {
    @SuppressWarnings("unchecked")
    Map<String, String> errors = (Map<String, String>) ReferenceVectors.load("saga.json").get("errors");
    double[][] X = X("iris");
    int[] y = y("iris");
    var e = assertThrows(IllegalArgumentException.class,
        () -> new LogisticRegression().l1Ratio(1.0).solver("sag").fit(X, y));
    assertEquals(errors.get("l1 with sag"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LogisticRegression().l1Ratio(0.5).solver("sag").fit(X, y));
    assertEquals(errors.get("elasticnet with sag"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LogisticRegression()
        .penalty("elasticnet").setParam("l1_ratio", null).solver("saga").fit(X, y));
    assertEquals(errors.get("elasticnet without l1_ratio"), e.getMessage());
    var invalid = assertThrows(IllegalArgumentException.class,
        () -> new LogisticRegression().l1Ratio(1.5).solver("saga").fit(X, y));
    assertTrue(invalid.getMessage().contains("l1_ratio") && invalid.getMessage().contains("1.5"),
        invalid.getMessage());
  }

  @Test
  void theSeedComesFromRandomState() {
    double[][] X = X("wine");
    int[] y = y("wine");
    var a = new LogisticRegression().solver("saga").setParam("random_state", 1L).fit(X, y);
    var b = new LogisticRegression().solver("saga").setParam("random_state", 1L).fit(X, y);
    var other = new LogisticRegression().solver("saga").setParam("random_state", 2L).fit(X, y);
    assertArrayEquals(a.coef()[0], b.coef()[0]);
    assertTrue(!Arrays.equals(a.coef()[0], other.coef()[0]));
  }

  @AfterAll
  static void printWorstErrors() {
    WORST.forEach((k, v) -> System.out.printf("saga %-70s %.3g%n", k, v));
  }
}
