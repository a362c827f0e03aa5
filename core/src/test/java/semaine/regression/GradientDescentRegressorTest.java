package semaine.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceVectors;

/** The book's gradient descent against the same loop in NumPy ({@code reference/regression.py}). */
class GradientDescentRegressorTest {

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases() {
    return (List<Map<String, Object>>) ReferenceVectors.load("regression.json").get("descent");
  }

  @Test
  void historyMatchesNumPyStepByStep() {
    for (Map<String, Object> c : cases()) {
      String name = (String) c.get("name");
      double[][] X = ReferenceVectors.matrix(c.get("X"));
      double[] y = ReferenceVectors.doubles(c.get("y"));
      var model = new GradientDescentRegressor((Double) c.get("learning_rate"))
          .maxIter(((Long) c.get("max_iter")).intValue())
          .tol((Double) c.get("tol"));
      if (c.containsKey("seed")) {
        model.randomState((Long) c.get("seed"));
      } else {
        model.init(ReferenceVectors.doubles(c.get("w0")), (Double) c.get("b0"));
      }
      model.fit(X, y);
      double[][] ws = ReferenceVectors.matrix(c.get("w"));
      double[] bs = ReferenceVectors.doubles(c.get("b"));
      double[] losses = ReferenceVectors.doubles(c.get("loss"));
      assertEquals(((Long) c.get("n_iter")).intValue(), model.nIter(), name + ": n_iter");
      List<DescentStep> history = model.history();
      assertEquals(ws.length, history.size(), name + ": history length");
      for (int k = 0; k < history.size(); k++) {
        DescentStep step = history.get(k);
        assertEquals(k, step.iteration());
        assertArrayEquals(ws[k], step.w(), 1e-12 * Math.max(1, norm(ws[k])), name + ": w " + k);
        assertEquals(bs[k], step.b(), 1e-12 * Math.max(1, Math.abs(bs[k])), name + ": b " + k);
        assertEquals(losses[k], step.loss(), 1e-12 * losses[k], name + ": loss " + k);
      }
      assertArrayEquals(ws[ws.length - 1], model.coef(), 1e-12, name + ": coef");
      assertEquals(bs[bs.length - 1], model.intercept(), 1e-12, name + ": intercept");
      assertEquals(losses[losses.length - 1], model.loss(), 1e-12, name + ": loss");
    }
  }

  @Test
  void convergesToTheLeastSquaresSolution() {
    Map<String, Object> c = cases().get(0);  // the book's data from (0, 0), tol 1e-12
    double[][] X = ReferenceVectors.matrix(c.get("X"));
    double[] y = ReferenceVectors.doubles(c.get("y"));
    var gd = new GradientDescentRegressor(0.1).maxIter(10_000).tol(0).fit(X, y);
    var ols = new LinearRegression().fit(X, y);
    // tol 0 stops once the loss no longer falls in double precision; near the minimum the loss is
    // quadratic in the error of (w, b), so (w, b) is then known to about sqrt(ulp) ~ 1e-8.
    assertEquals(ols.coef()[0], gd.coef()[0], 1e-7);
    assertEquals(ols.intercept(), gd.intercept(), 1e-7);
    assertEquals(ols.score(X, y), gd.score(X, y), 1e-14);
    assertTrue(gd.nIter() < 10_000, "stopped by the loss, not by maxIter: " + gd.nIter());
  }

  @Test
  void lossDecreasesAtEveryStepWithAStableRate() {
    double[][] X = new RandomState(1).randn(60, 2);
    double[] y = new RandomState(2).randn(60);
    var model = new GradientDescentRegressor(0.5).maxIter(50).tol(0).randomState(0).fit(X, y);
    List<DescentStep> history = model.history();
    for (int k = 1; k < history.size(); k++) {
      assertTrue(history.get(k).loss() <= history.get(k - 1).loss(), "step " + k);
    }
  }

  @Test
  void randomStartDrawsWThenBFromTheStream() {
    double[][] X = {{1, 2}, {2, 1}, {3, 4}};
    double[] y = {1, 2, 3};
    var model = new GradientDescentRegressor(0.01).maxIter(1).randomState(7).fit(X, y);
    RandomState expected = new RandomState(7);
    double[] w = expected.randn(2);
    DescentStep start = model.history().get(0);
    assertArrayEquals(w, start.w(), 0.0);
    assertEquals(expected.randn(), start.b(), 0.0);
    assertEquals(LossSurface.meanSquaredLoss(X, y, w, start.b()), start.loss(), 0.0);
  }

  @Test
  void tooLargeALearningRateStopsWithAnExplanation() {
    Map<String, Object> c = cases().get(0);
    double[][] X = ReferenceVectors.matrix(c.get("X"));
    double[] y = ReferenceVectors.doubles(c.get("y"));
    var model = new GradientDescentRegressor(2.5).init(new double[] {0}, 0);
    var e = assertThrows(DivergenceException.class, () -> model.fit(X, y));
    String message = e.getMessage();
    assertTrue(message.startsWith("learningRate (2.5) is too large for this data: gradient descent "
        + "diverged at iteration "), message);
    assertTrue(message.contains("try a smaller learning rate, e.g. "), message);
    // The suggestion converges on the same data, and the history shows the loss rising.
    double suggested = e.suggestedLearningRate();
    assertTrue(suggested < 2.5 && suggested > 0, "suggested " + suggested);
    new GradientDescentRegressor(suggested).init(new double[] {0}, 0).fit(X, y);
    List<DescentStep> history = e.history();
    assertTrue(history.get(history.size() - 1).loss() > history.get(history.size() - 2).loss());
    assertThrows(IllegalStateException.class, model::coef);
  }

  @Test
  void startingAtTheExactSolutionOfNoiselessDataIsNotADivergence() {
    // y = 3 x - 1 exactly: the loss at the start is 0 and later steps only add rounding noise.
    double[][] X = new RandomState(4).randn(30, 1);
    double[] y = new double[30];
    for (int i = 0; i < 30; i++) {
      y[i] = 3 * X[i][0] - 1;
    }
    var model = new GradientDescentRegressor(0.5).tol(0).maxIter(20).init(new double[] {3}, -1)
        .fit(X, y);
    assertEquals(3, model.coef()[0], 1e-15);
    assertEquals(-1, model.intercept(), 1e-15);
  }

  @Test
  void badArgumentsAreRejectedWithTheirName() {
    double[][] X = {{1}, {2}};
    double[] y = {1, 2};
    var rate = assertThrows(IllegalArgumentException.class,
        () -> new GradientDescentRegressor(0).fit(X, y));
    assertEquals("learning_rate (0.0) must be a float in (0, inf)", rate.getMessage());
    var nan = assertThrows(IllegalArgumentException.class,
        () -> new GradientDescentRegressor(Double.NaN).fit(X, y));
    assertTrue(nan.getMessage().startsWith("learning_rate (NaN)"), nan.getMessage());
    var infinite = assertThrows(IllegalArgumentException.class,
        () -> new GradientDescentRegressor(Double.POSITIVE_INFINITY).fit(X, y));
    assertTrue(infinite.getMessage().startsWith("learning_rate (Infinity)"), infinite.getMessage());
    var iter = assertThrows(IllegalArgumentException.class,
        () -> new GradientDescentRegressor(0.1).maxIter(0).fit(X, y));
    assertEquals("max_iter (0) must be an int in [1, inf)", iter.getMessage());
    var start = assertThrows(IllegalArgumentException.class, () -> new GradientDescentRegressor(0.1)
        .init(new double[] {0, 0}, 0).fit(X, y));
    assertEquals("coef_init has 2 values but X has 1 features", start.getMessage());
    var cell = assertThrows(IllegalArgumentException.class, () -> new GradientDescentRegressor(0.1)
        .fit(new double[][] {{1}, {Double.NaN}}, new double[] {1, 2}));
    assertTrue(cell.getMessage().contains("row 1, column 0"), cell.getMessage());
    var lengths = assertThrows(IllegalArgumentException.class, () -> new GradientDescentRegressor(0.1)
        .fit(new double[][] {{1}, {2}}, new double[] {1}));
    assertEquals("X has 2 rows but y has 1 values", lengths.getMessage());
    assertThrows(IllegalStateException.class, () -> new GradientDescentRegressor(0.1).history());
  }

  @Test
  void lossGridEvaluatesTheLossAtEachPoint() {
    double[] x = {0, 1, 2};
    double[] y = {1, 3, 5};  // y = 2x + 1 exactly
    double[][] grid = LossSurface.grid(x, y, new double[] {2, 0}, new double[] {1, 0});
    assertEquals(0.0, grid[0][0], 0.0);               // the exact line
    assertEquals(3.0 / 6, grid[0][1], 1e-15);         // errors -1, -1, -1: 3 / (2 * 3)
    assertEquals((1 + 9 + 25) / 6.0, grid[1][1], 1e-15);
    double[][] X = {{0}, {1}, {2}};
    assertEquals(grid[1][0], LossSurface.meanSquaredLoss(X, y, new double[] {0}, 1), 0.0);
    var bad = assertThrows(IllegalArgumentException.class,
        () -> LossSurface.grid(x, new double[] {1, 2}, new double[] {0}, new double[] {0}));
    assertEquals("x has 3 values but y has 2", bad.getMessage());
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s = Math.max(s, Math.abs(x));
    }
    return s;
  }
}
