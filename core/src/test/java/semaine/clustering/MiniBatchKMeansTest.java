package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceVectors;

/** MiniBatchKMeans against scikit-learn 1.9 (reference/minibatch_kmeans.py, one OpenMP thread). */
class MiniBatchKMeansTest {

  private static final Map<String, Object> REF = ReferenceVectors.load("minibatch_kmeans.json");
  private static final double TOL = 1e-9;
  private static final Map<String, double[][]> DATA = new HashMap<>();
  private static double maxCenterError;
  private static double maxInertiaError;
  private static int compared;
  private static int bitExact;

  @AfterAll
  static void report() {
    System.out.printf("MiniBatchKMeans vs scikit-learn: %d fitted states, %d bit-exact (centres and"
        + " inertia), max centre error %.3g, max relative inertia error %.3g%n",
        compared, bitExact, maxCenterError, maxInertiaError);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static double[][] data(String name) {
    return DATA.computeIfAbsent(name, key -> {
      if (key.equals("iris")) {
        return Datasets.loadIris().X();
      }
      Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) REF.get("data")).get(key);
      return Datasets.makeBlobs()
          .nSamples(((Number) spec.get("n_samples")).intValue())
          .centers(((Number) spec.get("centers")).intValue())
          .nFeatures(((Number) spec.get("n_features")).intValue())
          .clusterStd(((Number) spec.get("cluster_std")).doubleValue())
          .randomState(((Number) spec.get("random_state")).longValue())
          .generate().X();
    });
  }

  @SuppressWarnings("unchecked")
  private static MiniBatchKMeans model(Map<String, Object> c) {
    MiniBatchKMeans model = new MiniBatchKMeans();
    ((Map<String, Object>) c.get("params")).forEach((name, value) ->
        model.setParam(name, value == null ? "None" : String.valueOf(value)));
    return model;
  }

  private static double[] weights(Map<String, Object> c) {
    return c.containsKey("sample_weight") ? ReferenceVectors.doubles(c.get("sample_weight")) : null;
  }

  /** Same centres (1e-9 of their scale), labels, n_steps, n_iter; inertia within 1e-9 relative. */
  private static void assertSameState(Map<String, Object> expected, MiniBatchKMeans model,
      String what) {
    assertEquals(((Number) expected.get("n_steps")).intValue(), model.nSteps(), what + ": n_steps");
    if (expected.containsKey("n_iter")) {
      assertEquals(((Number) expected.get("n_iter")).intValue(), model.nIter(), what + ": n_iter");
    }
    if (expected.containsKey("labels")) {
      assertArrayEquals(ReferenceVectors.ints(expected.get("labels")), model.labels(),
          what + ": labels");
    }
    boolean exact = true;
    if (expected.containsKey("inertia")) {
      double inertia = ((Number) expected.get("inertia")).doubleValue();
      double err = inertia == model.inertia() ? 0
          : Math.abs(inertia - model.inertia()) / Math.abs(inertia);
      maxInertiaError = Math.max(maxInertiaError, err);
      exact = err == 0;
      assertTrue(err <= TOL, what + ": inertia " + model.inertia() + " vs " + inertia);
    }
    double[][] centers = ReferenceVectors.matrix(expected.get("centers"));
    double[][] actual = model.clusterCenters();
    double scale = Arrays.stream(centers).flatMapToDouble(Arrays::stream)
        .map(Math::abs).max().orElse(1);
    for (int j = 0; j < centers.length; j++) {
      for (int f = 0; f < centers[j].length; f++) {
        double err = Math.abs(centers[j][f] - actual[j][f]);
        exact &= err == 0;
        maxCenterError = Math.max(maxCenterError, err / scale);
        assertTrue(err <= TOL * scale,
            what + ": centre " + j + "," + f + " " + actual[j][f] + " vs " + centers[j][f]);
      }
    }
    compared++;
    bitExact += exact ? 1 : 0;
  }

  @Test
  void fitMatchesScikitLearnOnEveryReferenceCase() {
    for (Map<String, Object> c : list(REF.get("fits"))) {
      double[][] X = data((String) c.get("data"));
      MiniBatchKMeans model = model(c);
      if (c.containsKey("init_rows")) {
        int[] rows = ReferenceVectors.ints(c.get("init_rows"));
        model.init(Arrays.stream(rows).mapToObj(r -> X[r].clone()).toArray(double[][]::new));
      }
      model.fit(X, weights(c));
      assertSameState(c, model, c.get("data") + " " + c.get("params"));
    }
  }

  @Test
  void partialFitMatchesScikitLearnBlockByBlock() {
    for (Map<String, Object> c : list(REF.get("partial_fit"))) {
      double[][] X = data((String) c.get("data"));
      double[] w = weights(c);
      int block = ((Number) c.get("block")).intValue();
      MiniBatchKMeans model = model(c);
      if (Boolean.TRUE.equals(c.get("fit_first"))) {
        model.fit(X);
      }
      List<Map<String, Object>> steps = list(c.get("steps"));
      for (int s = 0, start = 0; start < X.length; s++, start += block) {
        int end = Math.min(X.length, start + block);
        model.partialFit(Arrays.copyOfRange(X, start, end),
            w == null ? null : Arrays.copyOfRange(w, start, end));
        assertSameState(steps.get(s), model, c.get("data") + " " + c.get("params") + " block " + s);
      }
    }
  }

  @Test
  void earlyStoppingAndReassignmentAreExercisedByTheReference() {
    // the reference cases must cover what they claim: some fits stop early, some do not
    int early = 0;
    int full = 0;
    for (Map<String, Object> c : list(REF.get("fits"))) {
      int n = data((String) c.get("data")).length;
      MiniBatchKMeans m = model(c);
      int batch = Math.min((Integer) m.getParam("batch_size"), n);
      long planned = (long) (Integer) m.getParam("max_iter") * n / batch;
      if (((Number) c.get("n_steps")).longValue() < planned) {
        early++;
      } else {
        full++;
      }
    }
    assertTrue(early >= 3 && full >= 3, early + " early stops, " + full + " full runs");
  }

  @Test
  void reassignmentChangesTheAnswer() {
    double[][] X = data("blobs200");
    double[][] with = new MiniBatchKMeans(8).batchSize(16).randomState(0).fit(X).clusterCenters();
    double[][] without = new MiniBatchKMeans(8).batchSize(16).randomState(0).reassignmentRatio(0)
        .fit(X).clusterCenters();
    assertNotEquals(Arrays.deepToString(with), Arrays.deepToString(without));
  }

  @Test
  void predictLabelsTheTrainingDataAsFit() {
    double[][] X = data("blobs20000x5");
    MiniBatchKMeans model = new MiniBatchKMeans(6).randomState(0).fit(X);
    assertArrayEquals(model.labels(), model.predict(X));
    assertEquals(-model.inertia(), model.score(X), 1e-9 * model.inertia());
  }

  @Test
  void badInputIsNamed() {
    double[][] X = data("blobs50");
    var e = assertThrows(IllegalArgumentException.class, () -> new MiniBatchKMeans(51).fit(X));
    assertTrue(e.getMessage().contains("n_clusters=51"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new MiniBatchKMeans(2).batchSize(0).fit(X));
    assertTrue(e.getMessage().contains("batch_size"), e.getMessage());
    double[] w = new double[X.length];
    Arrays.fill(w, 1.0);
    w[3] = -1;
    e = assertThrows(IllegalArgumentException.class, () -> new MiniBatchKMeans(2).fit(X, w));
    assertTrue(e.getMessage().contains("sample_weight[3] (-1.0)"), e.getMessage());
    w[3] = 2;
    e = assertThrows(IllegalArgumentException.class, () -> new MiniBatchKMeans(2).fit(X, w));
    assertTrue(e.getMessage().contains("weighted k-means++"), e.getMessage());
    MiniBatchKMeans fitted = new MiniBatchKMeans(2).randomState(0).fit(X);
    e = assertThrows(IllegalArgumentException.class,
        () -> fitted.partialFit(new double[][] {{1, 2, 3}, {4, 5, 6}}));
    assertTrue(e.getMessage().contains("3 features"), e.getMessage());
    var partial = new MiniBatchKMeans(2).randomState(0).partialFit(X);
    var state = assertThrows(IllegalStateException.class, partial::nIter);
    assertTrue(state.getMessage().contains("partial_fit"), state.getMessage());
  }
}
