package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceVectors;

/** KMeans against scikit-learn 1.9 (reference/kmeans.py, one OpenMP thread). */
class KMeansTest {

  private static final Map<String, Object> REF = ReferenceVectors.load("kmeans.json");
  private static final double TOL = 1e-9;
  private static double maxRelativeError;
  private static int fits;
  private static int bitExactInertias;

  @AfterAll
  static void report() {
    System.out.printf("KMeans vs scikit-learn: %d fits, %d inertias bit-exact, max relative error %.3g%n",
        fits, bitExactInertias, maxRelativeError);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(String name) {
    return (Map<String, Object>) REF.get(name);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  /** Same labels and n_iter, inertia and centres within 1e-9 relative. */
  static void assertSameFit(Map<String, Object> expected, KMeans model, String what) {
    assertArrayEquals(ReferenceVectors.ints(expected.get("labels")), model.labels(), what + ": labels");
    assertEquals(((Number) expected.get("n_iter")).intValue(), model.nIter(), what + ": n_iter");
    double inertia = ((Number) expected.get("inertia")).doubleValue();
    assertClose(inertia, model.inertia(), what + ": inertia");
    fits++;
    if (inertia == model.inertia()) {
      bitExactInertias++;
    }
    double[][] centers = ReferenceVectors.matrix(expected.get("centers"));
    double[][] actual = model.clusterCenters();
    double scale = 0;
    for (double[] row : centers) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (int j = 0; j < centers.length; j++) {
      for (int f = 0; f < centers[j].length; f++) {
        double err = Math.abs(centers[j][f] - actual[j][f]) / Math.max(scale, 1e-300);
        maxRelativeError = Math.max(maxRelativeError, err);
        assertTrue(err <= TOL, what + ": center " + j + "," + f + " " + actual[j][f] + " vs " + centers[j][f]);
      }
    }
  }

  static void assertClose(double expected, double actual, String what) {
    double err = Math.abs(expected - actual) / Math.max(Math.abs(expected), 1e-300);
    if (expected == actual) {
      err = 0;
    }
    maxRelativeError = Math.max(maxRelativeError, err);
    assertTrue(err <= TOL, what + ": " + actual + " vs " + expected + " (relative " + err + ")");
  }

  @Test
  void fitsFromSeedsMatchScikitLearnOnFactSheetBlobs() {
    Map<String, Object> blobs = section("blobs50");
    double[][] X = ReferenceVectors.matrix(blobs.get("X"));
    for (Map<String, Object> fit : list(blobs.get("fits"))) {
      int k = ((Number) fit.get("k")).intValue();
      KMeans model = new KMeans(k).randomState(((Number) fit.get("seed")).longValue());
      if (fit.get("n_init") instanceof Number nInit) {
        model.nInit(nInit.intValue());
      }
      if ("random".equals(fit.get("init"))) {
        model.init(KMeans.Init.RANDOM);
      }
      model.fit(X);
      assertSameFit(fit, model, "k=" + k + " n_init=" + fit.get("n_init") + " init=" + fit.get("init"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void fitsFromSeedsMatchScikitLearnOnLargerBlobs() {
    for (Map<String, Object> fit : list(REF.get("larger"))) {
      Map<String, Object> spec = (Map<String, Object>) fit.get("make_blobs");
      double[][] X = Datasets.makeBlobs()
          .nSamples(((Number) spec.get("n_samples")).intValue())
          .nFeatures(((Number) spec.get("n_features")).intValue())
          .centers(((Number) spec.get("centers")).intValue())
          .randomState(((Number) spec.get("random_state")).longValue())
          .generate().X();
      int k = ((Number) fit.get("k")).intValue();
      KMeans model = new KMeans(k).randomState(((Number) fit.get("seed")).longValue()).fit(X);
      assertSameFit(fit, model, "larger " + spec);
    }
  }

  @Test
  void fitsFromExplicitCentersMatchScikitLearnIncludingEmptyClusters() {
    Map<String, Object> explicit = section("explicit");
    double[][] X = ReferenceVectors.matrix(explicit.get("X"));
    for (Map<String, Object> fit : list(explicit.get("fits"))) {
      double[][] init = ReferenceVectors.matrix(fit.get("init"));
      KMeans model = new KMeans(init.length).init(init).fit(X);
      assertSameFit(fit, model, "explicit " + fit.get("name"));
    }
  }

  @Test
  void fewerDistinctPointsThanClustersWarnsAndStillFits() {
    Map<String, Object> dup = section("duplicates");
    double[][] X = ReferenceVectors.matrix(dup.get("X"));
    KMeans model = new KMeans(4).randomState(0).fit(X);
    assertSameFit(dup, model, "duplicates");
    assertEquals(List.of(dup.get("warning")), model.warnings());
  }

  @Test
  void predictTransformScoreMatchScikitLearn() {
    Map<String, Object> ref = section("predict");
    double[][] X = ReferenceVectors.matrix(section("blobs50").get("X"));
    double[][] xNew = ReferenceVectors.matrix(ref.get("X_new"));
    KMeans model = new KMeans(3).randomState(0).fit(X);
    assertArrayEquals(ReferenceVectors.ints(ref.get("predict")), model.predict(xNew));
    double[][] expected = ReferenceVectors.matrix(ref.get("transform"));
    double[][] actual = model.transform(xNew);
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        assertClose(expected[i][j], actual[i][j], "transform " + i + "," + j);
      }
    }
    assertClose(((Number) ref.get("score")).doubleValue(), model.score(xNew), "score");
    assertArrayEquals(model.labels(), model.predict(X), "labels_ agree with predict(X)");
  }

  @Test
  void bookListingWithOneSharedStreamMatchesScikitLearn() {
    Map<String, Object> book = section("book");
    RandomState rs = new RandomState(0);
    int k = rs.choice(new int[] {2, 3, 4, 5, 6, 7, 8});
    assertEquals(((Number) book.get("k_true")).intValue(), k);
    double[][] X = Datasets.makeBlobs().nSamples(200).centers(k).nFeatures(2).clusterStd(0.5)
        .randomState(rs).generate().X();
    double[][] expectedX = ReferenceVectors.matrix(book.get("X"));
    for (int i = 0; i < X.length; i++) {
      assertArrayEquals(expectedX[i], X[i], "X row " + i);
    }
    double[] inertias = ReferenceVectors.doubles(book.get("inertias"));
    for (int c = 1; c <= 9; c++) {
      assertClose(inertias[c - 1], new KMeans(c).randomState(rs).fit(X).inertia(), "k=" + c);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> last = (Map<String, Object>) book.get("final_k4");
    assertSameFit(last, new KMeans(4).randomState(rs).fit(X), "final KMeans(4)");
  }

  @Test
  void sameSeedGivesSameResultAndSharedStreamAdvances() {
    double[][] X = ReferenceVectors.matrix(section("blobs50").get("X"));
    KMeans a = new KMeans(3).randomState(5).fit(X);
    KMeans b = new KMeans(3).randomState(5).fit(X);
    assertArrayEquals(a.labels(), b.labels());
    assertEquals(a.inertia(), b.inertia());
    RandomState rs = new RandomState(5);
    new KMeans(3).randomState(rs).fit(X);
    RandomState fresh = new RandomState(5);
    assertTrue(rs.randomSample() != fresh.randomSample(), "the shared stream advanced");
  }

  @Test
  void stepsRecordEveryAssignmentUpToConvergence() {
    double[][] X = ReferenceVectors.matrix(section("blobs50").get("X"));
    KMeans model = new KMeans(3).randomState(0).recordSteps(true).fit(X);
    List<KMeansStep> steps = model.steps();
    assertTrue(steps.size() >= model.nIter(), "one step per iteration at least");
    assertArrayEquals(model.labels(), steps.get(steps.size() - 1).labels());
    assertThrows(IllegalStateException.class, () -> new KMeans(3).randomState(0).fit(X).steps());
  }

  @Test
  void sameClusteringIgnoresRelabelling() {
    assertTrue(KMeans.sameClustering(new int[] {0, 0, 1, 2}, new int[] {2, 2, 0, 1}, 3));
    assertTrue(!KMeans.sameClustering(new int[] {0, 0, 1, 2}, new int[] {2, 1, 0, 1}, 3));
  }

  @Test
  void badInputIsRejectedWithTheArgumentNamed() {
    double[][] X = {{0, 0}, {1, 1}, {2, 2}};
    // setters only store: fit checks every parameter and names it as scikit-learn does
    KMeans zero = new KMeans(0);
    assertMessage("n_clusters (0) must be an int in [1, inf)", () -> zero.fit(X));
    assertMessage("n_clusters (4) must be <= n_samples (3)", () -> new KMeans(4).fit(X));
    assertMessage("X has a non-finite value (NaN) at row 1",
        () -> new KMeans(2).fit(new double[][] {{0, 0}, {Double.NaN, 1}, {2, 2}}));
    assertMessage("init has 3 rows but n_clusters is 2",
        () -> new KMeans(2).init(new double[][] {{0, 0}, {1, 1}, {2, 2}}).fit(X));
    assertMessage("init has 3 columns but X has 2 features",
        () -> new KMeans(2).init(new double[][] {{0, 0, 0}, {1, 1, 1}}).fit(X));
    assertMessage("n_init (0) must be \"auto\" or an int in [1, inf)",
        () -> new KMeans(2).nInit(0).fit(X));
    assertMessage("max_iter (0)", () -> new KMeans(2).maxIter(0).fit(X));
    assertMessage("tol (-1.0) must be a float in [0, inf)", () -> new KMeans(2).tol(-1).fit(X));
    assertMessage("X has 3 features but this KMeans was fitted with 2",
        () -> new KMeans(2).randomState(0).fit(X).predict(new double[][] {{1, 2, 3}}));
    IllegalStateException notFitted = assertThrows(IllegalStateException.class,
        () -> new KMeans(2).inertia());
    assertTrue(notFitted.getMessage().contains("fit"));
  }

  private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
