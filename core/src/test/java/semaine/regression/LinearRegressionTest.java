package semaine.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceVectors;

/** LinearRegression against scikit-learn 1.9 ({@code reference/regression.py}, book.json). */
class LinearRegressionTest {

  /** The bound: equal to scikit-learn to 1e-9 relative. */
  private static final double TOL = 1e-9;

  /** The largest relative difference seen per case, reported by {@link #printWorstErrors()}. */
  private static final Map<String, Double> WORST = new java.util.TreeMap<>();

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases() {
    return (List<Map<String, Object>>) ReferenceVectors.load("regression.json").get("linear");
  }

  private static Map<String, Object> named(String name) {
    return cases().stream().filter(c -> c.get("name").equals(name)).findFirst().orElseThrow();
  }

  @Test
  void bookListingMatchesBookJsonBitForBit() {
    @SuppressWarnings("unchecked")
    Map<String, Object> book =
        (Map<String, Object>) ReferenceVectors.load("book_day2_regression.json").get("day2_regression");
    // The listing: np.random.seed(0); X = randn(50).reshape(-1, 1); y = 1.5 X + 3 + randn(50).
    RandomState random = new RandomState(0);
    double[] x = random.randn(50);
    double[] noise = random.randn(50);
    double[][] X = new double[50][];
    double[] y = new double[50];
    for (int i = 0; i < 50; i++) {
      X[i] = new double[] {x[i]};
      y[i] = 1.5 * x[i] + 3 + noise[i];
    }
    assertArrayEquals(ReferenceVectors.doubles(book.get("X")), x, "X");
    assertArrayEquals(ReferenceVectors.doubles(book.get("y")), y, "y");

    var model = new LinearRegression().fit(X, y);
    assertEquals((Double) book.get("coef"), model.coef()[0], 0.0, "coef");
    assertEquals((Double) book.get("intercept"), model.intercept(), 0.0, "intercept");
    double[][] grid = new double[50][];
    double step = 6.0 / 49;
    for (int i = 0; i < 50; i++) {
      grid[i] = new double[] {i == 49 ? 3.0 : i * step + -3.0};  // np.linspace(-3, 3), 50 points
    }
    assertArrayEquals(ReferenceVectors.doubles(book.get("predictions")), model.predict(grid), "predict");
  }

  @Test
  void matchesScikitLearnOnEveryReferenceCase() {
    Dataset diabetes = Datasets.loadDiabetes();
    for (Map<String, Object> c : cases()) {
      String name = (String) c.get("name");
      double[][] X = c.containsKey("X") ? ReferenceVectors.matrix(c.get("X")) : diabetes.X();
      var model = new LinearRegression().fitIntercept((Boolean) c.get("fit_intercept"));
      double[][] probe = ReferenceVectors.matrix(c.get("probe"));
      double[][] coef;
      double[][] predictions;
      double score;
      if ((Boolean) c.get("multi_output")) {
        double[][] Y = ReferenceVectors.matrix(c.get("y"));
        model.fit(X, Y);
        coef = model.coefMatrix();
        predictions = model.predictMatrix(probe);
        score = model.score(X, Y);
        assertMatrixClose(ReferenceVectors.matrix(c.get("coef")), coef, name + ": coef");
      } else {
        double[] y = c.containsKey("y") ? ReferenceVectors.doubles(c.get("y")) : diabetes.y();
        model.fit(X, y);
        coef = new double[][] {model.coef()};
        predictions = new double[][] {model.predict(probe)};
        score = model.score(X, y);
        assertMatrixClose(new double[][] {ReferenceVectors.doubles(c.get("coef"))}, coef, name + ": coef");
        assertMatrixClose(new double[][] {ReferenceVectors.doubles(c.get("predictions"))}, predictions,
            name + ": predictions");
        assertClose(ReferenceVectors.doubles(c.get("intercept"))[0], model.intercept(), TOL,
            name + ": intercept");
      }
      double[] intercept = model.interceptVector();
      double[] expectedIntercept = ReferenceVectors.doubles(c.get("intercept"));
      for (int t = 0; t < intercept.length; t++) {
        assertClose(expectedIntercept[t], intercept[t], TOL, name + ": intercept " + t);
      }
      if (c.get("score") == null) {
        assertTrue(Double.isNaN(score), name + ": R² of one sample is NaN, got " + score);
      } else {
        assertClose((Double) c.get("score"), score, TOL, name + ": score");
      }
      assertEquals(((Long) c.get("rank")).intValue(), model.rank(), name + ": rank");
      double[] singular = ReferenceVectors.doubles(c.get("singular"));
      double[] actual = model.singular();
      assertEquals(singular.length, actual.length, name + ": number of singular values");
      for (int i = 0; i < singular.length; i++) {
        // A singular value lstsq drops (below tol * s_max) is rounding noise: compare it to s_max.
        double scale = singular[i] > 1e-6 * singular[0] ? Math.abs(singular[i]) : singular[0];
        assertTrue(Math.abs(singular[i] - actual[i]) <= TOL * scale,
            name + ": singular " + i + ": " + actual[i] + " vs " + singular[i]);
      }
    }
  }

  @Test
  void bookListingWithTwoDimensionalYMatchesScikitLearnBitForBit() {
    // y of shape (50, 1), as in the listing: coef_ is [[1.4544...]] and intercept_ [2.9854...].
    Map<String, Object> c = named("book listing, y of shape (50, 1)");
    var model = new LinearRegression()
        .fit(ReferenceVectors.matrix(c.get("X")), ReferenceVectors.matrix(c.get("y")));
    assertArrayEquals(ReferenceVectors.matrix(c.get("coef"))[0], model.coefMatrix()[0], 0.0);
    assertArrayEquals(ReferenceVectors.doubles(c.get("intercept")), model.interceptVector(), 0.0);
    assertEquals(model.coefMatrix()[0][0], model.coef()[0], 0.0);
  }

  @Test
  void recoversExactCoefficientsOfNoiselessData() {
    // y = 2 x0 - 3 x1 + 0.5 x2 + 7 exactly: any least-squares solver must return these numbers.
    double[][] X = new RandomState(5).randn(40, 3);
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      y[i] = 2 * X[i][0] - 3 * X[i][1] + 0.5 * X[i][2] + 7;
    }
    var model = new LinearRegression().fit(X, y);
    assertArrayEquals(new double[] {2, -3, 0.5}, model.coef(), 1e-13);
    assertEquals(7, model.intercept(), 1e-13);
    assertEquals(1.0, model.score(X, y), 1e-15);
  }

  @Test
  void tallDataSpanningSeveralParallelChunksMatchesASingleChunk() {
    // 70,000 rows = three chunks of TallQr reduced in parallel and merged; compare with the same
    // problem solved from its exact normal equations on rows built to be orthogonal.
    int n = 3 * RowChunks.CHUNK_ROWS - 1000;
    RandomState random = new RandomState(11);
    double[][] X = random.randn(n, 4);
    double[] noise = random.randn(n);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = X[i][0] - 2 * X[i][1] + 0.25 * X[i][3] + 1 + 0.1 * noise[i];
    }
    var full = new LinearRegression().fit(X, y);
    // The solution of the first-order conditions Xcᵀ (Xc w - yc) = 0 must hold to rounding.
    double[] w = full.coef();
    double[] gradient = new double[4];
    for (int i = 0; i < n; i++) {
      double r = full.intercept();
      for (int j = 0; j < 4; j++) {
        r += X[i][j] * w[j];
      }
      r -= y[i];
      for (int j = 0; j < 4; j++) {
        gradient[j] += X[i][j] * r;
      }
    }
    for (int j = 0; j < 4; j++) {
      assertEquals(0, gradient[j] / n, 1e-12, "normal equation " + j);
    }
  }

  @Test
  void rowsStreamedBlockByBlockGiveTheInMemoryFitToTheLastBit() {
    int n = 3 * RowChunks.CHUNK_ROWS + 517;
    RandomState random = new RandomState(5);
    for (int d : new int[] {1, 3, 6}) {
      for (double scale : new double[] {1, 1e200}) {
        double[][] X = random.randn(n, d);
        double[][] rows = new double[n][d + 1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < d; j++) {
            X[i][j] *= scale;
            y[i] += (j + 1) * X[i][j];
          }
          y[i] += 3 + random.randn() * scale;
          // the target in the middle of the row, as a CSV file may have it
          int target = d / 2;
          System.arraycopy(X[i], 0, rows[i], 0, target);
          rows[i][target] = y[i];
          System.arraycopy(X[i], target, rows[i], target + 1, d - target);
        }
        for (boolean intercept : new boolean[] {true, false}) {
          var memory = new LinearRegression().fitIntercept(intercept).fit(X, y);
          var streamed = new LinearRegression().fitIntercept(intercept)
              .fit(semaine.data.RowBlocks.of(rows), d + 1, d / 2);
          String what = "d=" + d + ", scale=" + scale + ", intercept=" + intercept;
          assertArrayEquals(memory.coef(), streamed.coef(), 0.0, what);
          assertEquals(memory.intercept(), streamed.intercept(), 0.0, what);
          assertArrayEquals(memory.singular(), streamed.singular(), 0.0, what);
          assertEquals(memory.rank(), streamed.rank(), what);
          // blocks lent in one buffer written again, as CsvReader.blocks gives them
          var lent = new LinearRegression().fitIntercept(intercept).fit(lent(rows), d + 1, d / 2);
          assertArrayEquals(memory.coef(), lent.coef(), 0.0, what);
          assertEquals(memory.intercept(), lent.intercept(), 0.0, what);
          assertArrayEquals(memory.singular(), lent.singular(), 0.0, what);
        }
      }
    }
    var e = assertThrows(IllegalArgumentException.class, () -> new LinearRegression()
        .fit(semaine.data.RowBlocks.of(new double[][] {{1, 2}, {3, Double.NaN}}), 2, 1));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
  }

  /** The rows in blocks copied into one buffer, overwritten with NaN once each block is used. */
  private static semaine.data.RowBlocks lent(double[][] rows) {
    return (blockRows, action) -> {
      double[][] buffer = new double[blockRows][rows[0].length];
      for (int from = 0; from < rows.length; from += blockRows) {
        int n = Math.min(blockRows, rows.length - from);
        for (int i = 0; i < n; i++) {
          System.arraycopy(rows[from + i], 0, buffer[i], 0, rows[0].length);
        }
        action.accept(n == blockRows ? buffer : java.util.Arrays.copyOf(buffer, n));
        for (double[] row : buffer) {
          java.util.Arrays.fill(row, Double.NaN);
        }
      }
    };
  }

  @Test
  void fitRejectsBadInputWithMessagesNamingTheArgument() {
    var model = new LinearRegression();
    double[][] X = {{1, 2}, {3, Double.NaN}, {5, 6}};
    var nan = assertThrows(IllegalArgumentException.class,
        () -> model.fit(X, new double[] {1, 2, 3}));
    assertTrue(nan.getMessage().contains("X") && nan.getMessage().contains("row 1")
        && nan.getMessage().contains("column 1"), nan.getMessage());
    var infinite = assertThrows(IllegalArgumentException.class,
        () -> model.fit(new double[][] {{1}, {2}}, new double[] {1, Double.POSITIVE_INFINITY}));
    assertTrue(infinite.getMessage().startsWith("y has a non-finite value"), infinite.getMessage());
    var lengths = assertThrows(IllegalArgumentException.class,
        () -> model.fit(new double[][] {{1}, {2}, {3}}, new double[] {1, 2}));
    assertEquals("X has 3 rows but y has 2 values", lengths.getMessage());
    var empty = assertThrows(IllegalArgumentException.class,
        () -> model.fit(new double[0][], new double[0]));
    assertTrue(empty.getMessage().startsWith("X is empty"), empty.getMessage());
    var tol = assertThrows(IllegalArgumentException.class,
        () -> model.tol(-1).fit(new double[][] {{1}, {2}}, new double[] {1, 2}));
    assertEquals("tol (-1.0) must be a float in [0, inf)", tol.getMessage());
  }

  @Test
  void usingTheModelBeforeFitOrWithTheWrongShapeIsAnError() {
    var model = new LinearRegression();
    var unfitted = assertThrows(IllegalStateException.class, model::coef);
    assertTrue(unfitted.getMessage().contains("call fit"), unfitted.getMessage());
    model.fit(new double[][] {{1, 0}, {2, 1}, {3, 5}}, new double[] {1, 2, 4});
    var features = assertThrows(IllegalArgumentException.class,
        () -> model.predict(new double[][] {{1, 2, 3}}));
    assertEquals("X has 3 features but the model was fitted with 2", features.getMessage());
    model.fit(new double[][] {{1}, {2}, {3}}, new double[][] {{1, 2}, {2, 3}, {3, 5}});
    var targets = assertThrows(IllegalStateException.class, model::coef);
    assertTrue(targets.getMessage().contains("2 targets"), targets.getMessage());
  }

  private static void assertMatrixClose(double[][] expected, double[][] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": rows");
    for (int r = 0; r < expected.length; r++) {
      assertEquals(expected[r].length, actual[r].length, what + ": row " + r);
      double scale = 0;
      for (double v : expected[r]) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int c = 0; c < expected[r].length; c++) {
        // Relative to the row's largest entry: a coefficient that is zero in exact arithmetic
        // (the minimum-norm solution's dropped directions) has no relative digits of its own.
        assertClose(expected[r][c], actual[r][c], TOL, scale, what + "[" + r + "][" + c + "]");
      }
    }
  }

  private static void assertClose(double expected, double actual, double tol, String what) {
    assertClose(expected, actual, tol, Math.abs(expected), what);
  }

  private static void assertClose(double expected, double actual, double tol, double scale,
      String what) {
    double error = Math.abs(expected - actual) / Math.max(scale, Double.MIN_NORMAL);
    if (expected != actual) {
      WORST.merge(what.split(":")[0], error, Math::max);
    }
    assertTrue(expected == actual || error <= tol, what + ": " + actual + " vs " + expected
        + " (relative error " + error + ")");
  }

  @org.junit.jupiter.api.AfterAll
  static void printWorstErrors() {
    WORST.forEach((name, error) ->
        System.out.println("LinearRegression vs scikit-learn, largest relative error: " + error
            + " (" + name + ")"));
  }
}
