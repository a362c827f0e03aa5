package semaine.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.base.Models;
import semaine.classification.KNeighborsClassifier;
import semaine.regression.KNeighborsRegressor;
import semaine.testsupport.ReferenceVectors;

/**
 * k-NN on float32 input against scikit-learn 1.9 fitting the same float32 X
 * (reference/knn_float32.py, which first checks what scikit-learn does: its trees work on float64
 * copies, its brute search computes the squared distances in float64 on the upcast values and
 * rounds the returned distances to float32 twice, float32(sqrt(float32(r)))).
 *
 * <p>Tolerances. Neighbour indices: identical, in every case, equal distances included (grid2).
 * Tree distances: 1e-12 relative, as the float64 k-NN tests (the same float64 arithmetic). Brute
 * distances: one float32 ulp. semaine's squared distance r is scikit-learn's up to the order of
 * the dot product's sum (a few float64 ulps, OpenBLAS's GEMM against our kernels); rounded to
 * float32 the two agree unless r lies within those ulps of a float32 rounding boundary, and then
 * they are adjacent float32 values, whose roots round at most one ulp apart. Votes and means built
 * on 1 / distance inherit that: 1e-6 relative (a float32 ulp is 1.2e-7 relative) for brute,
 * 1e-12 for the trees; uniform probabilities and every predicted label exactly.
 */
class KNeighborsFloat32Test {

  private static final Map<String, Object> REF = ReferenceVectors.load("knn_float32.json");
  private static final int K = ((Number) REF.get("k")).intValue();

  @Test
  void neighboursAndDistancesAreScikitLearns() {
    for (Map<String, Object> c : cases()) {
      Data data = data(c);
      String label = c.get("data") + " " + c.get("algorithm");
      NearestNeighbors nn = new NearestNeighbors(K).algorithm((String) c.get("algorithm"))
          .fit(data.X);
      assertEquals("float32", nn.dtype());
      boolean brute = c.get("fit_method").equals("brute");
      assertEquals(brute ? "brute" : "kd_tree", nn.fitMethod(), label);
      assertNeighbours(c, "query", nn.kneighbors(data.Q), brute, label);
      assertNeighbours(c, "train", nn.kneighbors(), brute, label);
    }
  }

  @Test
  void classifierAndRegressorPredictAsScikitLearn() {
    for (Map<String, Object> c : cases()) {
      Data data = data(c);
      boolean brute = c.get("fit_method").equals("brute");
      double[] y = target(data.X);
      for (String weights : List.of("uniform", "distance")) {
        String label = c.get("data") + " " + c.get("algorithm") + " " + weights;
        double tolerance = weights.equals("uniform") ? 0.0 : brute ? 1e-6 : 1e-12;
        var clf = new KNeighborsClassifier(K).weights(weights)
            .algorithm((String) c.get("algorithm")).fit(data.X, data.classes);
        assertEquals("float32", clf.dtype());
        assertArrayEquals(ReferenceVectors.ints(c.get("predict_" + weights)),
            clf.predict(data.Q), label);
        assertClose(ReferenceVectors.matrix(c.get("proba_" + weights)), clf.predictProba(data.Q),
            tolerance, label);
        var reg = new KNeighborsRegressor(K).weights(weights)
            .algorithm((String) c.get("algorithm")).fit(data.X, y);
        assertClose(new double[][] {ReferenceVectors.doubles(c.get("regress_" + weights))},
            new double[][] {reg.predict(data.Q)}, weights.equals("uniform") ? 1e-12 : tolerance,
            label);
      }
    }
  }

  @Test
  void float32FitFindsTheNeighboursOfTheSameValuesInFloat64() {
    Data data = data(cases().get(5));   // blobs20, brute
    double[][] X64 = upcast(data.X);
    double[][] Q64 = upcast(data.Q);
    for (String algorithm : List.of("brute", "kd_tree")) {
      Neighbors on32 = new NearestNeighbors(K).algorithm(algorithm).fit(data.X).kneighbors(data.Q);
      Neighbors on64 = new NearestNeighbors(K).algorithm(algorithm).fit(X64).kneighbors(Q64);
      assertArrayEquals(on64.indices(), on32.indices(), algorithm);
      for (int i = 0; i < Q64.length; i++) {
        for (int j = 0; j < K; j++) {
          double expected = algorithm.equals("brute")
              ? (float) on64.distances()[i][j] : on64.distances()[i][j];
          assertEquals(expected, on32.distances()[i][j],
              algorithm.equals("brute") ? Math.ulp((float) expected) : 0.0, algorithm);
        }
      }
      // float64 queries against the float32 fit: scikit-learn's float64 search (no rounding)
      Neighbors mixed = new NearestNeighbors(K).algorithm(algorithm).fit(data.X).kneighbors(Q64);
      assertArrayEquals(on64.distances(), mixed.distances(), algorithm);
    }
  }

  @Test
  void aSavedFloat32ModelKeepsItsDtypeAndItsAnswers(@TempDir Path dir) {
    Data data = data(cases().get(5));   // blobs20, brute: the distances are rounded to float32
    var clf = new KNeighborsClassifier(K).weights("distance").fit(data.X, data.classes);
    Models.save(clf, dir.resolve("clf"));
    var loadedClf = Models.load(dir.resolve("clf"), KNeighborsClassifier.class);
    assertEquals("float32", loadedClf.dtype());
    assertArrayEquals(clf.predictProba(data.Q), loadedClf.predictProba(data.Q));
    var reg = new KNeighborsRegressor(K).weights("distance").fit(data.X, target(data.X));
    Models.save(reg, dir.resolve("reg"));
    var loadedReg = Models.load(dir.resolve("reg"), KNeighborsRegressor.class);
    assertEquals("float32", loadedReg.dtype());
    assertArrayEquals(reg.predict(data.Q), loadedReg.predict(data.Q));
    var reg64 = new KNeighborsRegressor(K).fit(upcast(data.X), target(data.X));
    Models.save(reg64, dir.resolve("reg64"));
    assertEquals("float64", Models.load(dir.resolve("reg64"), KNeighborsRegressor.class).dtype());
  }

  @Test
  void badFloat32InputIsRefusedByName() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new NearestNeighbors(1).fit(new float[][] {{0f, 1f}, {Float.NaN, 2f}}));
    assertEquals("X has a non-finite value (NaN) at row 1, column 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KNeighborsClassifier(1).fit(new float[][] {{0f, 1f}, {2f}}, new int[] {0, 1}));
    assertEquals("X is ragged: row 1 has 1 values but row 0 has 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KNeighborsRegressor(3).fit(new float[][] {{0f}, {1f}}, new double[] {0, 1}));
    assertEquals("n_neighbors (3) must be <= the number of training samples (2)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new NearestNeighbors(1).fit(
        new float[][] {{0f}, {1f}}).kneighbors(new float[][] {{0f, 1f}}));
    assertEquals("X has 2 features but the model was fitted with 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new NearestNeighbors(1).p(1)
        .algorithm("brute").fit(new float[][] {{0f}, {1f}}));
    assertTrue(e.getMessage().startsWith("p=1 with brute force"), e.getMessage());
  }

  private static void assertNeighbours(Map<String, Object> c, String which, Neighbors actual,
      boolean brute, String label) {
    int[][] indices = toInts(ReferenceVectors.matrix(c.get(which + "_indices")));
    double[][] distances = ReferenceVectors.matrix(c.get(which + "_distances"));
    assertArrayEquals(indices, actual.indices(), label + " " + which + " indices");
    for (int i = 0; i < distances.length; i++) {
      for (int j = 0; j < distances[i].length; j++) {
        double expected = distances[i][j];
        double tolerance = brute ? Math.ulp((float) expected)
            : 1e-12 * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual.distances()[i][j], tolerance,
            label + " " + which + " distance [" + i + "][" + j + "]");
        if (brute) {
          assertEquals(actual.distances()[i][j], (float) actual.distances()[i][j], 0.0,
              label + ": a float32 value");
        }
      }
    }
  }

  private static void assertClose(double[][] expected, double[][] actual, double tolerance,
      String label) {
    assertEquals(expected.length, actual.length, label);
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(expected[i][j], actual[i][j],
            tolerance * Math.max(1, Math.abs(expected[i][j])), label + " [" + i + "][" + j + "]");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases() {
    return (List<Map<String, Object>>) REF.get("cases");
  }

  private record Data(float[][] X, int[] classes, float[][] Q) {}

  @SuppressWarnings("unchecked")
  private static Data data(Map<String, Object> c) {
    var set = ((Map<String, Map<String, Object>>) REF.get("data")).get((String) c.get("data"));
    return new Data(toFloats(ReferenceVectors.matrix(set.get("X"))),
        ReferenceVectors.ints(set.get("classes")), toFloats(ReferenceVectors.matrix(set.get("Q"))));
  }

  /** The script's regression target, 2 x0 − x1 x_last in float64 on the float32 values. */
  private static double[] target(float[][] X) {
    double[] y = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      double[] x = upcast(new float[][] {X[i]})[0];
      y[i] = 2 * x[0] - x[1] * x[x.length - 1];
    }
    return y;
  }

  private static float[][] toFloats(double[][] X) {
    float[][] out = new float[X.length][];
    for (int i = 0; i < X.length; i++) {
      out[i] = new float[X[i].length];
      for (int j = 0; j < X[i].length; j++) {
        out[i][j] = (float) X[i][j];
        assertEquals(X[i][j], out[i][j], 0.0, "the script's values are float32");
      }
    }
    return out;
  }

  private static double[][] upcast(float[][] X) {
    double[][] out = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      out[i] = new double[X[i].length];
      for (int j = 0; j < X[i].length; j++) {
        out[i][j] = X[i][j];
      }
    }
    return out;
  }

  private static int[][] toInts(double[][] values) {
    return java.util.Arrays.stream(values)
        .map(row -> java.util.Arrays.stream(row).mapToInt(v -> (int) v).toArray())
        .toArray(int[][]::new);
  }
}
