package semaine.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceVectors;

/** RidgeCV against scikit-learn 1.9.1 ({@code reference/linear_cv.py}). */
class RidgeCVTest {

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cases(String key) {
    return (List<Map<String, Object>>) ReferenceVectors.load("linear_cv.json").get(key);
  }

  @SuppressWarnings("unchecked")
  static double[][] X(String dataset) {
    if (dataset.equals("wide")) {
      var wide = (Map<String, Object>) ReferenceVectors.load("linear_cv.json").get("wide");
      return ReferenceVectors.matrix(wide.get("X"));
    }
    return Datasets.load(dataset).X();
  }

  @SuppressWarnings("unchecked")
  static double[] y(String dataset) {
    if (dataset.equals("wide")) {
      var wide = (Map<String, Object>) ReferenceVectors.load("linear_cv.json").get("wide");
      return ReferenceVectors.doubles(wide.get("y"));
    }
    return Datasets.load(dataset).y();
  }

  /** max |a − e| / max(1, |e|). */
  static double worst(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
    }
    return worst;
  }

  @Test
  @SuppressWarnings("unchecked")
  void leaveOneOutChoosesScikitLearnsAlphaAndFit() {
    for (Map<String, Object> c : cases("ridge")) {
      String name = c.get("dataset") + " " + c.get("params");
      var model = new RidgeCV();
      ((Map<String, Object>) c.get("params")).forEach(model::setParam);
      double[][] X = X((String) c.get("dataset"));
      model.fit(X, y((String) c.get("dataset")));
      assertEquals((Double) c.get("alpha"), model.alpha(), 0.0, name);
      double score = (Double) c.get("best_score");
      assertEquals(score, model.bestScore(), 1e-10 * Math.abs(score), name);
      double coef = worst(ReferenceVectors.doubles(c.get("coef")), model.coef());
      assertTrue(coef <= 1e-10, name + ": coef " + coef);
      assertEquals((Double) c.get("intercept"), model.intercept(),
          1e-10 * Math.max(1, Math.abs((Double) c.get("intercept"))), name);
      double[] predictions = model.predict(java.util.Arrays.copyOf(X, 5));
      assertTrue(worst(ReferenceVectors.doubles(c.get("predictions")), predictions) <= 1e-10, name);
      if (c.containsKey("cv_results")) {
        double[][] expected = ReferenceVectors.matrix(c.get("cv_results"));
        double[][] actual = model.cvResults();
        for (int i = 0; i < expected.length; i++) {
          for (int a = 0; a < expected[i].length; a++) {
            assertEquals(expected[i][a], actual[i][a],
                1e-9 * Math.max(1, Math.abs(expected[i][a])), name + " cv_results_");
          }
        }
      } else {
        assertNull(model.cvResults());
      }
    }
  }

  @Test
  void theChosenFitIsRidgeAtAlpha() {
    var diabetes = Datasets.load("diabetes");
    var cv = new RidgeCV().alphas(0.01, 0.1, 1).fit(diabetes.X(), diabetes.y());
    var ridge = new Ridge(cv.alpha()).fit(diabetes.X(), diabetes.y());
    assertArrayEquals(ridge.coef(), cv.coef(), 1e-9);
  }

  @Test
  void badAlphasAndUnimplementedOptionsAreRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new RidgeCV().alphas(1, 0).fit(new double[][] {{1}, {2}}, new double[] {1, 2}));
    assertTrue(e.getMessage().contains("alphas"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RidgeCV().alphas());
    var u = assertThrows(UnsupportedOperationException.class, () -> new RidgeCV()
        .setParam("cv", 5).fit(new double[][] {{1}, {2}, {3}}, new double[] {1, 2, 4}));
    assertTrue(u.getMessage().contains("cv"), u.getMessage());
  }
}
