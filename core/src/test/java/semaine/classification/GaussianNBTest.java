package semaine.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceVectors;

/** GaussianNB against scikit-learn 1.9.1 ({@code reference/naive_bayes.py}). */
class GaussianNBTest {

  /** The bound for GaussianNB: 1e-10. */
  private static final double TOL = 1e-10;

  private static void assertClose(Object expected, double[][] actual, String what) {
    double[][] e = ReferenceVectors.matrix(expected);
    double worst = 0;
    for (int i = 0; i < e.length; i++) {
      for (int j = 0; j < e[i].length; j++) {
        worst = Math.max(worst, Math.abs(e[i][j] - actual[i][j]) / Math.max(1, Math.abs(e[i][j])));
      }
    }
    System.out.printf("gaussian-nb %-45s %.3g%n", what, worst);
    assertTrue(worst <= TOL, what + ": " + worst);
  }

  @Test
  void fitAndPartialFitMatchScikitLearn() {
    for (Map<String, Object> c : ReferenceVectors.cases("naive_bayes.json")) {
      String name = (String) c.get("name");
      Dataset d = Datasets.load((String) c.get("dataset"));
      double[][] X = d.X();
      int[] y = d.labels();
      var model = new GaussianNB();
      @SuppressWarnings("unchecked")
      Map<String, Object> params = (Map<String, Object>) c.get("params");
      if (params.containsKey("var_smoothing")) {
        model.varSmoothing((Double) params.get("var_smoothing"));
      }
      if (params.containsKey("priors")) {
        model.priors(ReferenceVectors.doubles(params.get("priors")));
      }
      if (c.get("batches") == null) {
        model.fit(X, y);
      } else {
        int[] order = ReferenceVectors.ints(c.get("order"));
        double[][] Xo = new double[X.length][];
        int[] yo = new int[y.length];
        for (int i = 0; i < order.length; i++) {
          Xo[i] = X[order[i]];
          yo[i] = y[order[i]];
        }
        X = Xo;
        y = yo;
        int batches = ((Number) c.get("batches")).intValue();
        int[] classes = Arrays.stream(y).sorted().distinct().toArray();
        // np.array_split: the first n % k parts have one more row
        int start = 0;
        for (int b = 0; b < batches; b++) {
          int size = X.length / batches + (b < X.length % batches ? 1 : 0);
          model.partialFit(Arrays.copyOfRange(X, start, start + size),
              Arrays.copyOfRange(y, start, start + size), classes);
          start += size;
        }
      }
      Map<String, Object> attributes = model.attributes();
      assertClose(c.get("theta"), (double[][]) attributes.get("theta_"), name + " theta_");
      assertClose(c.get("var"), (double[][]) attributes.get("var_"), name + " var_");
      assertArrayEquals(ReferenceVectors.doubles(c.get("class_prior")),
          (double[]) attributes.get("class_prior_"), TOL, name);
      assertEquals((Double) c.get("epsilon"), (Double) attributes.get("epsilon_"),
          TOL * (Double) c.get("epsilon"), name);
      assertArrayEquals(ReferenceVectors.ints(c.get("predictions")), model.predict(X), name);
      assertClose(c.get("proba"), model.predictProba(Arrays.copyOf(X, 5)), name + " proba");
    }
  }

  @Test
  void badInputIsRefusedNamingTheArgument() {
    double[][] X = {{0, 1}, {1, 0}, {2, 2}, {3, 1}};
    int[] y = {0, 0, 1, 1};
    var e = assertThrows(IllegalArgumentException.class,
        () -> new GaussianNB().varSmoothing(-1).fit(X, y));
    assertEquals("var_smoothing (-1.0) must be a float in [0, inf)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new GaussianNB().priors(new double[] {0.5, 0.6}).fit(X, y));
    assertEquals("The sum of the priors should be 1.", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new GaussianNB().partialFit(X, y, null));
    assertEquals("classes must be passed on the first call to partial_fit.", e.getMessage());
    var model = new GaussianNB().fit(X, y);
    e = assertThrows(IllegalArgumentException.class, () -> model.predict(new double[][] {{1}}));
    assertEquals("X has 1 features, but GaussianNB is expecting 2 features as input",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new GaussianNB().fit(new double[][] {{0, Double.NaN}, {1, 1}}, new int[] {0, 1}));
    assertEquals("X has a non-finite value (NaN) at row 0, column 1", e.getMessage());
    assertEquals(List.of("priors", "var_smoothing"), model.paramNames());
  }

  @Test
  void predictIsTheFirstLargestJointLogLikelihoodOnEveryCore() {
    // more rows than one task takes, so that the rows are shared out between the cores
    semaine.random.RandomState rs = new semaine.random.RandomState(7);
    double[][] X = rs.randn(30_000, 5);
    int[] y = new int[X.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 10 * (int) (3 * rs.randomSample());
    }
    GaussianNB model = new GaussianNB().fit(X, y);
    double[][] jll = model.jointLogLikelihood(X);
    int[] expected = new int[X.length];
    for (int i = 0; i < X.length; i++) {
      int best = 0;
      for (int c = 1; c < 3; c++) {
        best = jll[i][c] > jll[i][best] ? c : best;
      }
      expected[i] = model.classes()[best];
    }
    assertArrayEquals(expected, model.predict(X));
    assertEquals(3, Arrays.stream(model.predict(X)).distinct().count());
  }
}
