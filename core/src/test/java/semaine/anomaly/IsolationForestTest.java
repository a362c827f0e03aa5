package semaine.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/** IsolationForest against scikit-learn 1.9.1 ({@code reference/iforest.py}). */
class IsolationForestTest {

  private static final Map<String, Object> REFERENCE = ReferenceVectors.load("iforest.json");

  @SuppressWarnings("unchecked")
  private static final List<Map<String, Object>> CASES =
      (List<Map<String, Object>>) REFERENCE.get("cases");

  /**
   * The path length sums are bit-identical (see treesMatchScikitLearnNodeForNode); the scores may
   * still differ in the last bit, as NumPy's 2**x (AVX-512 SVML here) is not Java's Math.pow.
   */
  private static final double TOL = 1e-12;

  @Test
  void scoresDecisionAndLabelsMatchScikitLearnOnEveryCase() {
    double worst = 0;
    int inexact = 0;
    int values = 0;
    for (Map<String, Object> c : CASES) {
      if (c.get("name").equals("shared_stream")) {
        continue;
      }
      String what = describe(c);
      double[][] X = data(c);
      IsolationForest model = configure(c).randomState((Long) c.get("seed")).fit(X);
      double[][] rows = scoredRows(c, X);
      double[] scores = model.scoreSamples(rows);
      inexact += ReferenceAssert.assertClose(c.get("score_samples"), scores, TOL,
          what + " score_samples");
      values += scores.length;
      worst = Math.max(worst, maxAbsDiff(c.get("score_samples"), scores));
      ReferenceAssert.assertClose(c.get("decision_function"), model.decisionFunction(rows), TOL,
          what + " decision_function");
      assertArrayEquals(ReferenceVectors.ints(c.get("predict")), model.predict(rows),
          what + " predict");
      assertEquals((Double) c.get("offset"), model.offset(), TOL, what + " offset_");
      assertEquals(((Long) c.get("max_samples_")).intValue(), model.maxSamplesFitted(),
          what + " max_samples_");
    }
    System.out.printf("IsolationForest vs scikit-learn: max |score difference| %.3g,"
        + " %d of %d scores not bit-identical%n", worst, inexact, values);
  }

  @Test
  void treesMatchScikitLearnNodeForNode() {
    int compared = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.containsKey("trees")) {
        continue;
      }
      IsolationForest model = configure(c).randomState((Long) c.get("seed")).fit(data(c));
      List<?> expected = (List<?>) c.get("trees");
      for (int t = 0; t < expected.size(); t++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) expected.get(t);
        IsolationTree tree = model.trees().get(t);
        String what = describe(c) + " tree " + t;
        assertArrayEquals(ReferenceVectors.ints(e.get("samples")), tree.samples(),
            what + " estimators_samples_");
        assertSameNodes(e, tree, what);
        compared++;
      }
      // the sum before 2^(−sum / (n_trees · c)) is bit-identical
      double[][] rows = scoredRows(c, data(c));
      ReferenceAssert.assertExact(c.get("path_length_sums"), model.pathLengthSums(rows),
          describe(c) + " path length sums");
    }
    assertEquals(17, compared);
  }

  @Test
  void aSharedRandomStateIsAdvancedByEachFitAsInScikitLearn() {
    RandomState shared = new RandomState(7);
    double[][] X = Datasets.loadWine().X();
    for (Map<String, Object> c : CASES) {
      if (c.get("name").equals("shared_stream")) {
        double[] scores = new IsolationForest().randomState(shared).fit(X).scoreSamples(X);
        ReferenceAssert.assertClose(c.get("score_samples"), scores, TOL,
            "shared stream, fit " + c.get("fit"));
      }
    }
    double[] a = new IsolationForest().randomState(7).fit(X).scoreSamples(X);
    double[] b = new IsolationForest().randomState(7).fit(X).scoreSamples(X);
    assertArrayEquals(a, b);
  }

  @Test
  void packedWalkReachesTheLeavesOfTheReferenceWalk() {
    // 1003 rows: blocks of four walks and a remainder; 5 samples per tree: leaves at many depths
    for (int maxSamples : new int[] {5, 256}) {
      double[][] X = new RandomState(3).randn(1003, 3);
      var model = new IsolationForest().nEstimators(7).maxSamples(maxSamples).randomState(1).fit(X);
      double[] sums = model.pathLengthSums(X);
      for (int i = 0; i < X.length; i++) {
        float[] x = {(float) X[i][0], (float) X[i][1], (float) X[i][2]};
        double expected = 0;
        for (IsolationTree tree : model.trees()) {
          expected += tree.pathLength(x);
        }
        assertEquals(expected, sums[i], "row " + i + ", maxSamples " + maxSamples);
      }
    }
  }

  @Test
  void averagePathLengthIsScikitLearns() {
    @SuppressWarnings("unchecked")
    Map<String, Object> table = (Map<String, Object>) REFERENCE.get("average_path_length");
    int[] n = ReferenceVectors.ints(table.get("n"));
    double[] c = ReferenceVectors.doubles(table.get("c"));
    for (int i = 0; i < n.length; i++) {
      assertEquals(c[i], IsolationTree.averagePathLength(n[i]), "c(" + n[i] + ")");
    }
    // c(3) = 2 (ln 2 + γ) − 4/3
    assertEquals(2 * (Math.log(2) + 0.5772156649015329) - 4.0 / 3,
        IsolationTree.averagePathLength(3));
  }

  @Test
  void contaminationLabelsTheLowestScoresAsOutliers() {
    double[][] X = Datasets.loadBreastCancer().X();
    var model = new IsolationForest().contamination(0.1).randomState(0);
    int[] labels = model.fitPredict(X);
    // 10% of 569 samples fall strictly below the 10th percentile
    assertEquals(57, Arrays.stream(labels).filter(v -> v == -1).count());
    double[] decision = model.decisionFunction(X);
    for (int i = 0; i < X.length; i++) {
      assertEquals(decision[i] < 0 ? -1 : 1, labels[i]);
    }
  }

  @Test
  void anIsolatedPointScoresLowest() {
    double[][] X = new RandomState(0).randn(200, 2);
    X[17] = new double[] {8, -8};
    double[] scores = new IsolationForest().randomState(0).fit(X).scoreSamples(X);
    int lowest = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] < scores[lowest]) {
        lowest = i;
      }
    }
    assertEquals(17, lowest);
    for (double s : scores) {
      assertTrue(s >= -1 && s < 0, "score " + s);
    }
  }

  @Test
  void aSingleSampleScoresMinusOneHalf() {
    // c(1) = 0: scikit-learn divides by 1 instead, so every score is −2^−1
    var model = new IsolationForest().randomState(0).fit(new double[][] {{1, 2}});
    assertArrayEquals(new double[] {-0.5, -0.5}, model.scoreSamples(new double[][] {{1, 2}, {9, 9}}));
  }

  @Test
  void badArgumentsAreRejectedWithTheirNames() {
    double[][] X = {{1, 2}, {3, 4}};
    var e = assertThrows(IllegalArgumentException.class,
        () -> new IsolationForest().contamination(0.6).fit(X));
    assertTrue(e.getMessage().startsWith("contamination (0.6) must be \"auto\" or a float in (0, 0.5]"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new IsolationForest().nEstimators(0).fit(X));
    assertTrue(e.getMessage().startsWith("n_estimators (0)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new IsolationForest().maxSamples(0).fit(X));
    assertTrue(e.getMessage().startsWith("max_samples (0)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new IsolationForest().fit(new double[][] {{Double.NaN}}));
    assertTrue(e.getMessage().startsWith("X has a non-finite value"), e.getMessage());
    var fitted = new IsolationForest().randomState(0).fit(new double[][] {{1, 2}, {3, 4}});
    e = assertThrows(IllegalArgumentException.class, () -> fitted.predict(new double[][] {{1}}));
    assertTrue(e.getMessage().contains("features"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new IsolationForest().offset());
  }

  // ------------------------------------------------------------------ helpers

  private static void assertSameNodes(Map<String, Object> e, IsolationTree tree, String what) {
    int[] feature = ReferenceVectors.ints(e.get("feature"));
    double[] threshold = ReferenceVectors.doubles(e.get("threshold"));
    int[] left = ReferenceVectors.ints(e.get("children_left"));
    int[] right = ReferenceVectors.ints(e.get("children_right"));
    int[] count = ReferenceVectors.ints(e.get("n_node_samples"));
    int nodes = Math.min(feature.length, tree.nodeCount());
    for (int i = 0; i < nodes; i++) {
      if (feature[i] != tree.feature()[i] || threshold[i] != tree.threshold()[i]
          || left[i] != tree.childrenLeft()[i] || right[i] != tree.childrenRight()[i]
          || count[i] != tree.nNodeSamples()[i]) {
        fail(what + ": first difference at node " + i + ": scikit-learn (feature " + feature[i]
            + ", threshold " + threshold[i] + ", children " + left[i] + "/" + right[i] + ", "
            + count[i] + " samples), ours (feature " + tree.feature()[i] + ", threshold "
            + tree.threshold()[i] + ", children " + tree.childrenLeft()[i] + "/"
            + tree.childrenRight()[i] + ", " + tree.nNodeSamples()[i] + " samples)");
      }
    }
    assertEquals(feature.length, tree.nodeCount(), what + " node_count");
  }

  private static IsolationForest configure(Map<String, Object> c) {
    @SuppressWarnings("unchecked")
    Map<String, Object> params = (Map<String, Object>) c.get("params");
    var model = new IsolationForest();
    Object contamination = params.get("contamination");
    if (contamination instanceof Double fraction) {
      model.contamination(fraction);
    } else if (contamination != null) {
      model.contamination((String) contamination);
    }
    if (params.get("max_samples") instanceof Long maxSamples) {
      model.maxSamples(maxSamples.intValue());
    }
    return model;
  }

  private static double[][] data(Map<String, Object> c) {
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) c.get("data");
    if (data.containsKey("X")) {
      return ReferenceVectors.matrix(data.get("X"));
    }
    if (data.containsKey("dataset")) {
      return Datasets.load((String) data.get("dataset")).X();
    }
    return new RandomState((Long) data.get("randn_seed"))
        .randn(((Long) data.get("rows")).intValue(), ((Long) data.get("cols")).intValue());
  }

  private static double[][] scoredRows(Map<String, Object> c, double[][] X) {
    Object rows = c.get("score_rows");
    return rows == null ? X : Arrays.copyOf(X, ((Long) rows).intValue());
  }

  private static double maxAbsDiff(Object expected, double[] actual) {
    double[] e = ReferenceVectors.doubles(expected);
    double worst = 0;
    for (int i = 0; i < e.length; i++) {
      worst = Math.max(worst, Math.abs(e[i] - actual[i]));
    }
    return worst;
  }

  private static String describe(Map<String, Object> c) {
    return c.get("name") + " seed " + c.get("seed") + " " + c.get("params");
  }
}
