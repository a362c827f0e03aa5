package semaine.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import semaine.base.Regressor;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceVectors;

/** Ridge, Lasso and ElasticNet against scikit-learn 1.9.1 ({@code reference/regularised.py}). */
class RegularisedRegressionTest {

  /** Ridge's closed form: the 1e-10. */
  private static final double RIDGE_TOL = 1e-10;

  /** Coordinate descent in scikit-learn's order: the 1e-12. */
  private static final double CD_TOL = 1e-12;

  private static final Map<String, Double> WORST = new TreeMap<>();

  private static final Map<String, Object> FILE = ReferenceVectors.load("regularised.json");

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases() {
    return (List<Map<String, Object>>) FILE.get("cases");
  }

  @SuppressWarnings("unchecked")
  private static double[][] X(Map<String, Object> c) {
    String name = (String) c.get("dataset");
    return name.equals("diabetes") ? Datasets.loadDiabetes().X()
        : ReferenceVectors.matrix(((Map<String, Object>) ((Map<String, Object>) FILE.get("data"))
            .get(name)).get("X"));
  }

  @SuppressWarnings("unchecked")
  private static double[] y(Map<String, Object> c) {
    String name = (String) c.get("dataset");
    return name.equals("diabetes") ? Datasets.loadDiabetes().y()
        : ReferenceVectors.doubles(((Map<String, Object>) ((Map<String, Object>) FILE.get("data"))
            .get(name)).get("y"));
  }

  @SuppressWarnings("unchecked")
  private static Regressor model(Map<String, Object> c) {
    Regressor model = switch ((String) c.get("model")) {
      case "Ridge" -> new Ridge();
      case "Lasso" -> new Lasso();
      default -> new ElasticNet();
    };
    ((Map<String, Object>) c.get("params")).forEach(model::setParam);
    return model;
  }

  private static String name(Map<String, Object> c) {
    return c.get("model") + " " + c.get("dataset") + " " + c.get("params");
  }

  /** max |a − e| / max(1, |e|) over coef_ and intercept_. */
  private static double difference(Map<String, Object> c, double[] coef, double intercept) {
    double[] expected = ReferenceVectors.doubles(c.get("coef"));
    double worst = 0;
    for (int j = 0; j < expected.length; j++) {
      worst = Math.max(worst, Math.abs(coef[j] - expected[j]) / Math.max(1, Math.abs(expected[j])));
    }
    double b = (Double) c.get("intercept");
    return Math.max(worst, Math.abs(intercept - b) / Math.max(1, Math.abs(b)));
  }

  @Test
  void ridgeMatchesScikitLearnsCholeskySolution() {
    for (Map<String, Object> c : cases()) {
      if (!c.get("model").equals("Ridge")) {
        continue;
      }
      var model = (Ridge) model(c);
      model.fit(X(c), y(c));
      double diff = difference(c, model.coef(), model.intercept());
      WORST.put(name(c), diff);
      assertTrue(diff <= RIDGE_TOL, name(c) + ": " + diff);
      assertEquals(c.get("solver"), model.attributes().get("solver_"));
      assertPredictions(c, model.predict(X(c)), RIDGE_TOL);
    }
  }

  @Test
  void coordinateDescentGivesScikitLearnsIterationsAndCoefficients() {
    for (Map<String, Object> c : cases()) {
      if (c.get("model").equals("Ridge")) {
        continue;
      }
      var model = (CoordinateDescentModel<?>) model(c);
      model.fit(X(c), y(c));
      assertMatches(c, model);
    }
  }

  /** Each route, whichever the estimator would pick: the centred columns and the Gram matrix. */
  @Test
  void bothRoutesGiveScikitLearnsIterationsAndCoefficients() {
    for (boolean gram : new boolean[] {false, true}) {
      for (Map<String, Object> c : cases()) {
        if (c.get("model").equals("Ridge")) {
          continue;
        }
        var model = (CoordinateDescentModel<?>) model(c);
        model.fit(X(c), y(c), gram);
        assertMatches(c, model);
      }
    }
  }

  /**
   * Above the size where the estimators take the Gram route (2000 × 40), both routes give the
   * same sweeps, weights within 1e-12 and duality gap within 1e-12 of ‖y − ȳ‖²: Lasso, elastic
   * net, positive weights, random selection, no intercept, a warm start.
   */
  @Test
  void theGramRouteFollowsTheColumnsOnALargerProblem() {
    var rs = new semaine.random.RandomState(7);
    double[][] X = rs.randn(2000, 40);
    double[] y = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      X[i][1] = X[i][0] + 0.1 * X[i][1];   // two correlated features
      for (int j = 0; j < 8; j++) {
        y[i] += (j - 3) * X[i][j];
      }
      y[i] += 5 + rs.randn();
    }
    assertTrue(CoordinateDescentModel.gramRoute(X.length, X[0].length));
    List<java.util.function.Supplier<CoordinateDescentModel<?>>> models = List.of(
        () -> new Lasso(0.05), () -> new Lasso(0.01).tol(1e-10),
        () -> new ElasticNet(0.1).l1Ratio(0.3).positive(true),
        () -> new Lasso(0.02).selection("random").randomState(3),
        () -> new ElasticNet(0.05).fitIntercept(false));
    double yy = variance(y) * y.length;
    for (var model : models) {
      var columns = model.get().fit(X, y, false);
      var gram = model.get().fit(X, y, true);
      String name = columns.getParams().toString();
      assertEquals(columns.nIter(), gram.nIter(), name);
      assertArrayEquals(columns.coef(), gram.coef(), 1e-12, name);
      assertEquals(columns.intercept(), gram.intercept(), 1e-12 * Math.abs(columns.intercept()));
      assertEquals(columns.dualGap(), gram.dualGap(), 1e-12 * yy / y.length, name);
      columns.warmStart(true).alpha(0.005).fit(X, y, false);
      gram.warmStart(true).alpha(0.005).fit(X, y, true);
      assertEquals(columns.nIter(), gram.nIter(), name + " warm");
      assertArrayEquals(columns.coef(), gram.coef(), 1e-12, name + " warm");
    }
  }

  /** n_iter_, coef_ and intercept_ (1e-12), the warnings, dual_gap_ and the predictions. */
  private static void assertMatches(Map<String, Object> c, CoordinateDescentModel<?> model) {
    double diff = difference(c, model.coef(), model.intercept());
    WORST.merge(name(c), diff, Math::max);
    assertEquals(((Number) c.get("n_iter")).intValue(), model.nIter(), name(c) + " n_iter_");
    assertTrue(diff <= CD_TOL, name(c) + ": " + diff);
    assertEquals(c.get("warned"), !model.warnings().isEmpty(), name(c) + model.warnings());
    double gap = (Double) c.get("dual_gap");
    // the gap is primal − dual, each of the order of ‖y − ȳ‖²/2: rounding is relative to that
    assertEquals(gap, model.dualGap(), 1e-12 * variance(y(c)), name(c) + " dual_gap_");
    assertPredictions(c, model.predict(X(c)), 1e-11);
  }

  @Test
  void aLassoAtAnAlphaAboveTheLargestCorrelationIsZero() {
    var diabetes = Datasets.loadDiabetes();
    var model = new Lasso(1000).fit(diabetes.X(), diabetes.y());
    assertArrayEquals(new double[10], model.coef());
    assertEquals(0, model.nIter(), "the gap is 0 before the first sweep");
    assertEquals(ReferenceVectors.doubles(List.of(152.13348416289594))[0], model.intercept(), 1e-12);
  }

  @Test
  void badInputIsRefusedNamingTheArgument() {
    double[][] X = {{0, 1}, {1, 0}, {2, 2}};
    double[] y = {1, 2, 3};
    var e = assertThrows(IllegalArgumentException.class, () -> new ElasticNet().l1Ratio(1.5).fit(X, y));
    assertEquals("l1_ratio (1.5) must be a float in [0, 1]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Lasso(-1).fit(X, y));
    assertEquals("alpha (-1.0) must be a float in [0, inf)", e.getMessage());
    double[] row = new double[1 << 20]; // 2048 references to one row: 2^31 values, 8 MB held
    double[][] huge = new double[2048][];
    java.util.Arrays.fill(huge, row);
    e = assertThrows(IllegalArgumentException.class, () -> new Lasso().fit(huge, new double[2048]));
    assertEquals("X (2048 x 1048576) has more than 2^31 values, more than the centred copy of one"
        + " array can hold: fit on a sample of the rows, or on fewer features", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Ridge().fit(X, new double[] {1, Double.NaN, 3}));
    assertEquals("y has a non-finite value (NaN) at index 1", e.getMessage());
    for (boolean intercept : new boolean[] {true, false}) {   // X's values, proved by the products
      for (double bad : new double[] {Double.NaN, Double.NEGATIVE_INFINITY}) {
        double[][] withBad = {{0, 1}, {1, 0}, {2, bad}};
        e = assertThrows(IllegalArgumentException.class,
            () -> new Ridge().fitIntercept(intercept).fit(withBad, y));
        assertEquals("X has a non-finite value (" + bad + ") at row 2, column 1", e.getMessage());
      }
      e = assertThrows(IllegalArgumentException.class,
          () -> new Ridge().fitIntercept(intercept).fit(new double[][] {{0, 1}, {1e200, 0}, {2, 2}}, y));
      assertEquals("X's values are too large: the products XᵀX overflow a double (more than 1.8e308);"
          + " scale X, e.g. with StandardScaler", e.getMessage());
    }
    var ridge = new Ridge().fit(X, y);
    e = assertThrows(IllegalArgumentException.class, () -> ridge.predict(new double[][] {{1}}));
    assertEquals("X has 1 features, but Ridge is expecting 2 features as input", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Ridge(0).fitIntercept(false).fit(new double[][] {{1, 2}, {2, 4}, {3, 6}}, y));
    assertTrue(e.getMessage().startsWith("alpha (0.0) leaves the normal equations singular"));
  }

  private static double variance(double[] y) {
    double mean = java.util.Arrays.stream(y).average().orElseThrow();
    return java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / y.length;
  }

  private static void assertPredictions(Map<String, Object> c, double[] predicted, double tol) {
    double[] expected = ReferenceVectors.doubles(c.get("predictions"));
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], predicted[i], tol * Math.max(1, Math.abs(expected[i])), name(c));
    }
  }

  @AfterAll
  static void printWorstErrors() {
    WORST.forEach((name, diff) -> System.out.printf("regularised %-90s %.3g%n", name, diff));
  }
}
