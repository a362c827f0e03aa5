package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.clustering.ClusteringReference.assertRejects;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class HDBSCANTest {

  private static final double TOL = 1e-9;
  private static final List<Map<String, Object>> CASES = ReferenceVectors.cases("hdbscan.json");

  /** The case's data set with its corrupted values (inf, -inf, nan) written in. */
  private static double[][] input(Map<String, Object> c) {
    double[][] X = ClusteringReference.input(c, 2);
    if (c.containsKey("corrupt")) {
      X = X.clone();
      for (Object o : (List<?>) c.get("corrupt")) {
        List<?> spot = (List<?>) o;
        int row = ((Number) spot.get(0)).intValue();
        X[row] = X[row].clone();
        X[row][((Number) spot.get(1)).intValue()] = Double.parseDouble(
            ((String) spot.get(2)).replace("inf", "Infinity").replace("nan", "NaN"));
      }
    }
    return X;
  }

  /**
   * scikit-learn's labels and probabilities on every case where the order of equal edge weights
   * does not matter; where it does ("tie_sensitive": scikit-learn's unstable SIMD quicksort decides
   * it, differently on other CPUs), scikit-learn's result with the edges sorted stably.
   */
  @Test
  void labelsAndProbabilitiesMatchScikitLearnOnEveryDataSet() {
    int exact = 0;
    int stable = 0;
    for (Map<String, Object> c : CASES) {
      String what = ClusteringReference.describe(c);
      boolean ties = c.containsKey("tie_sensitive");
      var model = ClusteringReference.configured(new HDBSCAN(), c).fit(input(c));
      ReferenceAssert.assertExact(c.get(ties ? "stable_labels" : "labels"), model.labels(),
          what + " labels");
      assertProbabilities(c.get(ties ? "stable_probabilities" : "probabilities"),
          model.probabilities(), what);
      if (ties) {
        stable++;
      } else {
        exact++;
      }
    }
    assertTrue(exact >= 28 && stable <= 10, "cases: " + exact + " exact, " + stable + " stable");
  }

  private static void assertProbabilities(Object expectedList, double[] actual, String what) {
    List<?> expected = (List<?>) expectedList;
    assertEquals(expected.size(), actual.length, what);
    for (int i = 0; i < actual.length; i++) {
      if ("nan".equals(expected.get(i))) {
        assertTrue(Double.isNaN(actual[i]), what + " probability " + i + " should be NaN");
      } else {
        assertEquals(((Number) expected.get(i)).doubleValue(), actual[i], TOL,
            what + " probability " + i);
      }
    }
  }

  @Test
  void twoSeparatedGroupsAreTwoClustersWithFullMembershipAtTheirCores() {
    double[][] X = new double[20][];
    for (int i = 0; i < 10; i++) {
      X[i] = new double[] {i * 0.1, 0};
      X[10 + i] = new double[] {100 + i * 0.1, 0};
    }
    var model = new HDBSCAN(3).fit(X);
    int[] labels = model.labels();
    for (int i = 0; i < 10; i++) {
      assertEquals(labels[0], labels[i]);
      assertEquals(labels[10], labels[10 + i]);
    }
    assertTrue(labels[0] >= 0 && labels[10] >= 0 && labels[0] != labels[10]);
    for (double p : model.probabilities()) {
      assertTrue(p > 0 && p <= 1, "probability " + p);
    }
    assertArrayEquals(labels, new HDBSCAN(3).algorithm("brute").fit(X).labels());
  }

  /** Three 5 x 5 grids of step 0.1 at x = 0, 3 and 20. */
  private static double[][] threeGroups() {
    double[][] X = new double[75][];
    double[] origins = {0, 3, 20};
    for (int g = 0; g < 3; g++) {
      for (int k = 0; k < 25; k++) {
        X[25 * g + k] = new double[] {origins[g] + 0.1 * (k % 5), 0.1 * (k / 5)};
      }
    }
    return X;
  }

  /** How many distinct labels, noise included; and whether each group is one label. */
  private static int[] groupLabels(int[] labels) {
    for (int g = 0; g < 3; g++) {
      for (int k = 0; k < 25; k++) {
        assertEquals(labels[25 * g], labels[25 * g + k], "group " + g + " split");
      }
    }
    return new int[] {labels[0], labels[25], labels[50]};
  }

  /**
   * cluster_selection_epsilon merges the clusters born closer than epsilon into their first
   * ancestor born farther (scikit-learn 1.9 raises a TypeError whenever it must climb, so these
   * are checked by hand): at epsilon 5 the two groups 2.6 apart become one cluster, the far one
   * stays; at epsilon 20 a single cluster is allowed to take everything.
   */
  @Test
  void epsilonMergesTheClustersBornCloserThanIt() {
    double[][] X = threeGroups();
    for (String method : new String[] {"eom", "leaf"}) {
      int[] plain = groupLabels(new HDBSCAN(10).clusterSelectionMethod(method).fit(X).labels());
      assertArrayEquals(new int[] {0, 1, 2}, sorted(plain), method);
      int[] merged = groupLabels(new HDBSCAN(10).clusterSelectionMethod(method)
          .clusterSelectionEpsilon(5).fit(X).labels());
      assertEquals(merged[0], merged[1], method);
      assertTrue(merged[0] >= 0 && merged[2] >= 0 && merged[2] != merged[0], method);
      int[] far = groupLabels(new HDBSCAN(10).clusterSelectionMethod(method)
          .clusterSelectionEpsilon(20).fit(X).labels());
      assertEquals(far[0], far[1], method);
      assertTrue(far[0] >= 0 && far[2] >= 0 && far[2] != far[0], method);
      int[] single = groupLabels(new HDBSCAN(10).clusterSelectionMethod(method)
          .clusterSelectionEpsilon(20).allowSingleCluster(true).fit(X).labels());
      assertArrayEquals(new int[] {0, 0, 0}, single, method);
    }
  }

  private static int[] sorted(int[] a) {
    int[] s = a.clone();
    java.util.Arrays.sort(s);
    return s;
  }

  /** Prim's steps shared between cores (blocks of 7) give the serial tree, ties included. */
  @Test
  void parallelPrimStepsGiveTheSerialTree() {
    double[][] X = grid(600);
    PairwiseMetric metric = PairwiseMetric.of("euclidean", null);
    double[] core = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      double[] d = new double[X.length];
      for (int j = 0; j < X.length; j++) {
        d[j] = MutualReachability.distance(metric, X[i], X[j]);
      }
      java.util.Arrays.sort(d);
      core[i] = d[4];
    }
    double[][] serial = MutualReachability.primsTree(X, metric, core, 1.0, 1 << 20);
    double[][] parallel = MutualReachability.primsTree(X, metric, core, 1.0, 7);
    for (int r = 0; r < serial.length; r++) {
      assertArrayEquals(serial[r], parallel[r], "row " + r);
    }
  }

  @Test
  void euclideanPrimGivesThePlainPrimsTreeTiesAndAlphaIncluded() {
    PairwiseMetric metric = PairwiseMetric.of("euclidean", null);
    double[][] grid = grid(600);
    double[][] noise = new semaine.random.RandomState(2).randn(20_000, 3);
    for (double[][] X : new double[][][] {grid, noise}) {
      double[] core = new double[X.length];
      for (int i = 0; i < X.length; i++) {
        core[i] = (i % 7) * 0.25;  // equal core distances, some above the gaps
      }
      for (double alpha : new double[] {1.0, 1.3}) {
        double[][] plain = MutualReachability.primsTree(X, metric, core, alpha, 1 << 20);
        double[][] fast = MutualReachability.primsTree(X, metric, core, alpha);
        for (int r = 0; r < plain.length; r++) {
          assertArrayEquals(plain[r], fast[r], X.length + " alpha " + alpha + " row " + r);
        }
      }
    }
  }

  /** n points of a 12 x 12 integer grid drawn by RandomState(4) (many equal distances). */
  private static double[][] grid(int n) {
    semaine.random.RandomState rs = new semaine.random.RandomState(4);
    double[][] X = new double[n][2];
    for (int i = 0; i < n; i++) {
      X[i][0] = rs.randint(0, 12);
      X[i][1] = rs.randint(0, 12);
    }
    return X;
  }

  @Test
  void badParametersAndInputAreRejectedWithTheirName() {
    double[][] X = {{0, 0}, {1, 1}, {2, 3}, {4, 4}};
    assertRejects(() -> new HDBSCAN().setParam("min_cluster_size", 1).fit(X), "min_cluster_size",
        "1");
    assertRejects(() -> new HDBSCAN(2).setParam("min_samples", 0).fit(X), "min_samples", "0");
    assertRejects(() -> new HDBSCAN(2).minSamples(5).fit(X), "min_samples", "5", "4");
    assertRejects(() -> new HDBSCAN().fit(X), "min_samples", "5");
    assertRejects(() -> new HDBSCAN(2).alpha(0).fit(X), "alpha");
    assertRejects(() -> new HDBSCAN(2).clusterSelectionEpsilon(-1).fit(X),
        "cluster_selection_epsilon");
    assertRejects(() -> new HDBSCAN(2).setParam("max_cluster_size", 0).fit(X),
        "max_cluster_size");
    assertRejects(() -> new HDBSCAN(2).clusterSelectionMethod("mean").fit(X),
        "cluster_selection_method");
    assertRejects(() -> new HDBSCAN(2).fit(new double[][] {{0, 0}, {Double.NaN, 1}}),
        "at least 2", "finite");
    assertRejects(() -> new HDBSCAN(2).fit(new double[][] {{0, 0}, {1}}), "ragged");
    assertRejects(() -> new HDBSCAN(2).metric("precomputed").fit(new double[][] {{0, 1}}),
        "square");
    assertRejects(() -> new HDBSCAN(2).metric("precomputed")
        .fit(new double[][] {{0, 1, 2}, {1, 0, 1}, {3, 1, 0}}), "symmetric");
    assertRejects(() -> new HDBSCAN(2).metric("precomputed")
        .fit(new double[][] {{0, -1}, {-1, 0}}), "negative");
    assertRejects(() -> new HDBSCAN(2).metric("precomputed").algorithm("kd_tree")
        .fit(new double[][] {{0, 1}, {1, 0}}), "precomputed", "kd_tree");
  }
}
