package semaine.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.preprocessing.StandardScaler;
import semaine.testsupport.ReferenceVectors;

/** LogisticRegression against scikit-learn 1.9.1 ({@code reference/logistic.py}). */
class LogisticRegressionTest {

  /** The bound for the optimum: 1e-8 relative (scaled by max(1, |value|)). */
  private static final double OPTIMUM_TOL = 1e-8;

  /** The largest difference to scikit-learn's optimum seen per case, printed at the end. */
  private static final Map<String, Double> WORST = new TreeMap<>();

  private static List<Map<String, Object>> cases() {
    return ReferenceVectors.cases("logistic.json");
  }

  private static double[][] X(Map<String, Object> c) {
    Dataset d = Datasets.load((String) c.get("dataset"));
    String name = (String) c.get("dataset");
    double[][] X = name.equals("wine") || name.equals("breast_cancer")
        ? new StandardScaler().fitTransform(d.X()) : d.X();
    if (c.get("columns") == null) {
      return X;
    }
    int[] columns = ReferenceVectors.ints(c.get("columns"));
    double[][] out = new double[X.length][columns.length];
    for (int i = 0; i < X.length; i++) {
      for (int k = 0; k < columns.length; k++) {
        out[i][k] = X[i][columns[k]];
      }
    }
    return out;
  }

  private static int[] y(Map<String, Object> c) {
    return Datasets.load((String) c.get("dataset")).labels();
  }

  /** The case's parameters set by name, as {@code LogisticRegression(**params)}. */
  @SuppressWarnings("unchecked")
  private static LogisticRegression model(Map<String, Object> c) {
    var model = new LogisticRegression();
    ((Map<String, Object>) c.get("params")).forEach(model::setParam);
    return model;
  }

  private static double[] weights(Map<String, Object> c) {
    return c.get("sample_weight") == null ? null : ReferenceVectors.doubles(c.get("sample_weight"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> part(Map<String, Object> c, String key) {
    return (Map<String, Object>) c.get(key);
  }

  /** max |a − e| / max(1, |e|) over coef_ and intercept_. */
  private static double difference(Map<String, Object> expected, LogisticRegression model) {
    double[][] coef = ReferenceVectors.matrix(expected.get("coef"));
    double[] intercept = ReferenceVectors.doubles(expected.get("intercept"));
    double[][] actual = model.coef();
    double worst = 0;
    for (int k = 0; k < coef.length; k++) {
      for (int j = 0; j < coef[k].length; j++) {
        worst = Math.max(worst, Math.abs(actual[k][j] - coef[k][j]) / Math.max(1, Math.abs(coef[k][j])));
      }
      worst = Math.max(worst, Math.abs(model.intercept()[k] - intercept[k])
          / Math.max(1, Math.abs(intercept[k])));
    }
    return worst;
  }

  @Test
  void newtonCholeskyReachesScikitLearnsOptimumWithin1e8() {
    for (Map<String, Object> c : cases()) {
      var model = model(c).solver("newton-cholesky").tol(1e-12).maxIter(1000);
      model.fit(X(c), y(c), weights(c));
      double diff = difference(part(c, "optimum"), model);
      WORST.put(c.get("name") + " newton-cholesky", diff);
      assertTrue(diff <= OPTIMUM_TOL, c.get("name") + ": " + diff);
      assertTrue(model.warnings().stream().noneMatch(w -> w.contains("converge")),
          c.get("name") + ": " + model.warnings());
    }
  }

  @Test
  void lbfgsWithATightTolStopsWhereScipyDoesNearTheOptimum() {
    for (Map<String, Object> c : cases()) {
      if (!c.containsKey("lbfgs_tight")) {
        continue;   // digits: thousands of iterations, covered by the default-settings test
      }
      var model = model(c).tol(1e-12).maxIter(100_000);
      model.fit(X(c), y(c), weights(c));
      double diff = difference(part(c, "optimum"), model);
      var scipyModel = model.clone().restore(withCoefficients(model, part(c, "lbfgs_tight")));
      double scipy = difference(part(c, "optimum"), scipyModel);
      WORST.put(c.get("name") + " lbfgs tol=1e-12", diff);
      WORST.put(c.get("name") + " (scipy's lbfgs tol=1e-12)", scipy);
      // both stop on the relative reduction of f, about 1e-6 from the optimum
      assertTrue(diff <= 1e-4, c.get("name") + ": " + diff);
    }
  }

  @Test
  void defaultSettingsGiveScikitLearnsClassesAndPredictions() {
    for (Map<String, Object> c : cases()) {
      double[][] X = X(c);
      var model = model(c).fit(X, y(c), weights(c));
      String name = (String) c.get("name");
      assertArrayEquals(ReferenceVectors.ints(c.get("classes")), model.classes(), name);
      int[] expected = ReferenceVectors.ints(c.get("predictions"));
      int[] actual = model.predict(X);
      int differing = 0;
      for (int i = 0; i < expected.length; i++) {
        differing += expected[i] != actual[i] ? 1 : 0;
      }
      // tol=1e-4 leaves both solvers short of the optimum by different amounts: a point on the
      // boundary may fall either side, never more than a few
      WORST.put(name + " default: differing predictions", (double) differing);
      assertTrue(differing <= 1, name + ": " + differing + " predictions differ");
      // the iterates differ from SciPy's, so whether max_iter is reached may too (iris: SciPy
      // stops on it, semaine converges first); a warning still means max_iter was reached
      WORST.put(name + " default: n_iter_ (scikit-learn " + ((Map<?, ?>) c.get("default"))
          .get("n_iter") + ")", (double) model.nIter());
      assertEquals(model.nIter() == 100, !model.warnings().isEmpty(), name + model.warnings());
    }
  }

  @Test
  void probabilitiesAndScoresFollowTheFittedCoefficientsAsScikitLearnComputesThem() {
    for (Map<String, Object> c : cases()) {
      double[][] X = X(c);
      var fitted = model(c).fit(X, y(c), weights(c));
      // the reference's own coefficients in a fitted model, so only predict_* are compared
      var restored = fitted.clone().restore(withCoefficients(fitted, part(c, "default")));
      double[][] head = java.util.Arrays.copyOf(X, 5);
      assertClose(ReferenceVectors.matrix(c.get("proba")), restored.predictProba(head), 1e-13);
      assertClose(ReferenceVectors.matrix(c.get("log_proba")), restored.predictLogProba(head), 1e-12);
      assertClose(ReferenceVectors.matrix(c.get("decision")), restored.decisionFunction(head), 1e-12);
    }
  }

  @Test
  void separableDataWithoutPenaltyStopsWithFiniteWeightsAsScikitLearnDoes() {
    @SuppressWarnings("unchecked")
    Map<String, Object> s = (Map<String, Object>) ReferenceVectors.load("logistic.json").get("separable");
    double[][] X = ReferenceVectors.matrix(s.get("X"));
    int[] y = ReferenceVectors.ints(s.get("y"));
    var model = new LogisticRegression(Double.POSITIVE_INFINITY).fit(X, y);
    // the loss falls towards 0 while the weights grow: both stop on the relative reduction of f
    // (scikit-learn after 14 iterations), neither hangs nor reaches NaN
    assertTrue(model.nIter() < 100, "n_iter_ " + model.nIter());
    assertEquals(ReferenceVectors.strings(s.get("warnings")), model.warnings());
    assertArrayEquals(ReferenceVectors.ints(s.get("predictions")), model.predict(X));
    for (double[] row : model.predictProba(X)) {
      assertTrue(Double.isFinite(row[0]) && Double.isFinite(row[1]));
    }
  }

  @Test
  void reachingMaxIterGivesScikitLearnsConvergenceWarning() {
    var iris = Datasets.loadIris();
    var model = new LogisticRegression().maxIter(5).fit(iris.X(), iris.labels());
    assertEquals(5, model.nIter());
    assertEquals(1, model.warnings().size());
    String warning = model.warnings().get(0);
    assertTrue(warning.startsWith("lbfgs failed to converge after 5 iteration(s) (status=1):\n"
        + "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT\n\nIncrease the number of iterations to"
        + " improve the convergence (max_iter=5).\nYou might also want to scale the data"), warning);
  }

  @Test
  void badInputIsRefusedNamingTheArgument() {
    @SuppressWarnings("unchecked")
    Map<String, String> errors = (Map<String, String>) ReferenceVectors.load("logistic.json").get("errors");
    double[][] X = {{0, 0}, {1, 0.2}, {0.2, 1}, {3, 3}, {4, 3.2}, {3.1, 4}};
    int[] y = {0, 0, 0, 1, 1, 1};
    var e = assertThrows(IllegalArgumentException.class,
        () -> new LogisticRegression().l1Ratio(1.0).fit(X, y));
    assertEquals(errors.get("l1 with lbfgs"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LogisticRegression().l1Ratio(0.5).solver("newton-cholesky").fit(X, y));
    assertEquals(errors.get("elasticnet with newton-cholesky"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LogisticRegression().fit(X, new int[6]));
    // scikit-learn shows the label as NumPy's repr, np.int64(0)
    assertEquals(errors.get("one class").replace("np.int64(0)", "0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LogisticRegression(0).fit(X, y));
    assertTrue(e.getMessage().startsWith("C (0.0) must be a float in (0, "), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LogisticRegression().l1Ratio(1.5).fit(X, y));
    assertTrue(e.getMessage().startsWith("l1_ratio (1.5) must be a float in [0, 1]"), e.getMessage());
    double[][] nan = {{0, 0}, {1, Double.NaN}, {0.2, 1}, {3, 3}, {4, 3.2}, {3.1, 4}};
    e = assertThrows(IllegalArgumentException.class, () -> new LogisticRegression().fit(nan, y));
    assertEquals("X has a non-finite value (NaN) at row 1, column 1", e.getMessage());
    var model = new LogisticRegression().fit(X, y);
    e = assertThrows(IllegalArgumentException.class,
        () -> model.predict(new double[][] {{1, 2, 3}}));
    assertEquals("X has 3 features, but LogisticRegression is expecting 2 features as input",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LogisticRegression().fit(X, y, new double[] {1, 1, 1, -1, 1, 1}));
    assertTrue(e.getMessage().startsWith("sample_weight has a negative value (-1.0) at index 3"));
  }

  @Test
  void classWeightAsAMapEqualsTheSameSampleWeights() {
    var iris = Datasets.loadIris();
    int[] y = iris.labels();
    var byClass = new LogisticRegression().solver("newton-cholesky").tol(1e-12)
        .classWeight(Map.of(0, 2.0, 2, 0.5)).fit(iris.X(), y);
    double[] w = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      w[i] = y[i] == 0 ? 2.0 : y[i] == 2 ? 0.5 : 1.0;
    }
    var bySample = new LogisticRegression().solver("newton-cholesky").tol(1e-12)
        .fit(iris.X(), y, w);
    assertClose(bySample.coef(), byClass.coef(), 0);
    assertFalse(byClass.warnings().stream().anyMatch(m -> m.contains("converge")));
  }

  /** The fitted model's state with the reference's coef_, intercept_ and n_iter_ in it. */
  private static semaine.base.FittedState withCoefficients(LogisticRegression fitted,
      Map<String, Object> part) {
    var values = new java.util.LinkedHashMap<>(fitted.fittedState().values());
    values.put("coef_", ReferenceVectors.matrix(part.get("coef")));
    values.put("intercept_", ReferenceVectors.doubles(part.get("intercept")));
    return new semaine.base.FittedState(values);
  }

  private static void assertClose(double[][] expected, double[][] actual, double tol) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      for (int k = 0; k < expected[i].length; k++) {
        assertEquals(expected[i][k], actual[i][k], tol * Math.max(1, Math.abs(expected[i][k])),
            "[" + i + "][" + k + "]");
      }
    }
  }

  @AfterAll
  static void printWorstErrors() {
    WORST.forEach((name, diff) -> System.out.printf("logistic %-60s %.3g%n", name, diff));
  }
}
