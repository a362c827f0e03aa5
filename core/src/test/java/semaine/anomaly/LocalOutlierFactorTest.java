package semaine.anomaly;

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
import semaine.selection.TrainTestSplit;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class LocalOutlierFactorTest {

  private static final List<Map<String, Object>> CASES = ReferenceVectors.cases("lof.json");
  private static final double TOL = 1e-9;
  private static double worstRelativeError;

  /** The book's data: {@code np.random.seed(0); X = randn(30, 2) * 0.2} plus the point [2, 0.5]. */
  static double[][] bookData() {
    double[][] X = new double[31][];
    double[][] cloud = new RandomState(0).randn(30, 2);
    for (int i = 0; i < 30; i++) {
      X[i] = new double[] {cloud[i][0] * 0.2, cloud[i][1] * 0.2};
    }
    X[30] = new double[] {2, 0.5};
    return X;
  }

  private static LocalOutlierFactor configured(int k, Object contamination) {
    var model = new LocalOutlierFactor(k);
    return contamination instanceof String s ? model.contamination(s)
        : model.contamination(((Number) contamination).doubleValue());
  }

  /** Asserts closeness within TOL (relative, scaled by max(1, |x|)) and tracks the worst error. */
  private static void assertScores(Object expected, double[] actual, String what) {
    double[] e = ReferenceVectors.doubles(expected);
    ReferenceAssert.assertClose(expected, actual, TOL, what);
    for (int i = 0; i < e.length; i++) {
      double error = Math.abs(e[i] - actual[i]) / Math.max(1, Math.abs(e[i]));
      worstRelativeError = Math.max(worstRelativeError, error);
    }
  }

  @AfterAll
  static void report() {
    System.out.println("LocalOutlierFactorTest: worst relative error vs scikit-learn = "
        + worstRelativeError);
  }

  @Test
  void bookListingLabelsAndScoresMatchScikitLearn() {
    double[][] X = bookData();
    for (Map<String, Object> c : CASES) {
      if (!c.get("name").equals("book")) {
        continue;
      }
      ReferenceAssert.assertExact(c.get("X"), X, "X");
      var model = configured(20, c.get("contamination"));
      int[] labels = model.fitPredict(X);
      String what = "book contamination=" + c.get("contamination");
      ReferenceAssert.assertExact(c.get("labels"), labels, what);
      assertScores(c.get("negative_outlier_factor"), model.negativeOutlierFactor(), what);
      assertScores(c.get("lrd"), model.localReachabilityDensity(), what + " lrd");
      assertEquals((Double) c.get("offset"), model.offset(), TOL, what);
      assertEquals(c.get("fit_method"), model.fitMethod());
      assertEquals(20, model.nNeighbors());
    }
  }

  @Test
  void bookListingMatchesTheSharedBookReference() {
    @SuppressWarnings("unchecked")
    Map<String, Object> listing =
        (Map<String, Object>) ReferenceVectors.load("book_day5_lof.json").get("day5_lof");
    var model = new LocalOutlierFactor(20).contamination(0.5);
    int[] predictions = model.fitPredict(bookData());
    ReferenceAssert.assertExact(listing.get("predictions"), predictions, "predictions");
    double tol = (Double) listing.get("tol");
    ReferenceAssert.assertClose(listing.get("negative_outlier_factor"),
        model.negativeOutlierFactor(), tol, "negative_outlier_factor");
    assertEquals((Double) listing.get("offset"), model.offset(), tol);
    assertEquals(15, java.util.Arrays.stream(predictions).filter(v -> v == -1).count());
  }

  /**
   * Every case equals scikit-learn's brute-force answer, and scikit-learn's own answer (k-d tree on
   * wine) except where a tie at the k-th distance made scikit-learn's tree keep another neighbour
   * than its brute force: then both of its answers are in the JSON and they differ.
   */
  @Test
  void negativeOutlierFactorMatchesScikitLearnOnWineAndBreastCancer() {
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("name").equals("dataset")) {
        continue;
      }
      double[][] X = Datasets.load((String) c.get("dataset")).X();
      int k = ((Long) c.get("k")).intValue();
      int p = ((Long) c.get("p")).intValue();
      String what = c.get("dataset") + " k=" + k + " p=" + p + " contamination="
          + c.get("contamination");
      // algorithm='auto', as scikit-learn ran it (its KD-tree, ties included, for wine)
      var model = configured(k, c.get("contamination")).p(p);
      int[] labels = model.fitPredict(X);
      assertEquals(c.get("fit_method"), model.fitMethod(), what);
      assertScores(c.get("negative_outlier_factor"), model.negativeOutlierFactor(), what);
      ReferenceAssert.assertExact(c.get("labels"), labels, what);
      assertEquals((Double) c.get("offset"), model.offset(), TOL, what);
      // algorithm='brute': scikit-learn's brute force keeps other tied neighbours (wine, k=20, p=1)
      var brute = configured(k, c.get("contamination")).p(p).algorithm("brute");
      int[] bruteLabels = brute.fitPredict(X);
      assertScores(c.get("negative_outlier_factor_brute"), brute.negativeOutlierFactor(),
          what + " (brute)");
      ReferenceAssert.assertExact(c.get("labels_brute"), bruteLabels, what + " (brute)");
      assertEquals((Double) c.get("offset_brute"), brute.offset(), TOL, what + " (brute)");
      checked++;
    }
    assertEquals(24, checked);
  }

  @Test
  void noveltyModeScoresNewSamplesAsScikitLearn() {
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("name").equals("novelty")) {
        continue;
      }
      var data = Datasets.load((String) c.get("dataset"));
      var split = TrainTestSplit.of(data.X(), data.labels()).randomState(0).split();
      String what = c.get("dataset") + " novelty contamination=" + c.get("contamination");
      var model = configured(20, c.get("contamination")).novelty(true).fit(split.XTrain());
      assertScores(c.get("negative_outlier_factor"), model.negativeOutlierFactor(), what);
      assertEquals((Double) c.get("offset"), model.offset(), TOL, what);
      assertScores(c.get("score_samples"), model.scoreSamples(split.XTest()), what);
      assertScores(c.get("decision_function"), model.decisionFunction(split.XTest()), what);
      ReferenceAssert.assertExact(c.get("predict"), model.predict(split.XTest()), what);
      checked++;
    }
    assertEquals(4, checked);
  }

  @Test
  void duplicatesBeyondKGiveHugeDensitiesAndScikitLearnsWarning() {
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("name").equals("duplicates")) {
        continue;
      }
      int k = ((Long) c.get("k")).intValue();
      String what = "duplicates k=" + k;
      var model = new LocalOutlierFactor(k).contamination(0.2).algorithm("brute");
      int[] labels = model.fitPredict(ReferenceVectors.matrix(c.get("X")));
      assertScores(c.get("negative_outlier_factor"), model.negativeOutlierFactor(), what);
      ReferenceAssert.assertExact(c.get("labels"), labels, what);
      assertEquals((Double) c.get("offset"), model.offset(), TOL, what);
      assertEquals(c.get("warnings"), model.warnings(), what);
      checked++;
    }
    assertEquals(3, checked);
  }

  @Test
  void tooManyNeighborsAreCappedAtNMinusOneWithAWarning() {
    Map<String, Object> c = CASES.stream().filter(x -> x.get("name").equals("too_many_neighbors"))
        .findFirst().orElseThrow();
    var model = new LocalOutlierFactor(20);
    int[] labels = model.fitPredict(ReferenceVectors.matrix(c.get("X")));
    assertEquals(((Long) c.get("n_neighbors_")).intValue(), model.nNeighbors());
    assertEquals(c.get("warnings"), model.warnings());
    ReferenceAssert.assertExact(c.get("labels"), labels, "labels");
    assertScores(c.get("negative_outlier_factor"), model.negativeOutlierFactor(), "capped k");
  }

  @Test
  void contaminationPercentileFollowsNumPysLinearMethod() {
    double[][] X = Datasets.loadWine().X();
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("name").equals("percentile")) {
        continue;
      }
      double fraction = (Double) c.get("contamination");
      var model = new LocalOutlierFactor(10).contamination(fraction);
      int[] labels = model.fitPredict(X);
      assertEquals((Double) c.get("offset"), model.offset(), 1e-12, "contamination " + fraction);
      ReferenceAssert.assertExact(c.get("labels"), labels, "contamination " + fraction);
      checked++;
    }
    assertEquals(5, checked);
  }

  @Test
  void aPointEqualToTheOffsetIsAnInlier() {
    // contamination 0.5 on 31 samples: the offset is the median score itself
    var model = new LocalOutlierFactor(20).contamination(0.5);
    int[] labels = model.fitPredict(bookData());
    double[] scores = model.negativeOutlierFactor();
    int atOffset = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] == model.offset()) {
        assertEquals(1, labels[i]);
        atOffset++;
      }
    }
    assertEquals(1, atOffset);
  }

  @Test
  void aSampleAsDenseAsItsNeighboursHasLofOne() {
    // four corners of a square, k = 2: every sample sees the same picture, LOF = 1 exactly
    double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    var model = new LocalOutlierFactor(2);
    model.fit(X);
    assertArrayEquals(new double[] {-1, -1, -1, -1}, model.negativeOutlierFactor(), 1e-15);
    assertEquals(-1.5, model.offset());
  }

  @Test
  void badContaminationIsRejectedWithItsValueAndRule() {
    double[][] X = {{0, 0}, {1, 1}, {2, 2}};
    for (double bad : new double[] {0.0, -0.1, 0.7, Double.NaN}) {
      var model = new LocalOutlierFactor(1).contamination(bad);
      var e = assertThrows(IllegalArgumentException.class, () -> model.fit(X));
      assertEquals("contamination (" + bad + ") must be \"auto\" or a float in (0, 0.5]",
          e.getMessage());
    }
    for (String bad : new String[] {"0.51", "abc", "", "NaN"}) {
      var model = new LocalOutlierFactor(1).contamination(bad);
      var e = assertThrows(IllegalArgumentException.class, () -> model.fit(X));
      assertTrue(e.getMessage().startsWith("contamination (")
          && e.getMessage().endsWith(") must be \"auto\" or a float in (0, 0.5]"), e.getMessage());
    }
    assertEquals(0.1, new LocalOutlierFactor(1).contamination("0.1").getParam("contamination"));
    assertEquals(0.5, new Contamination(0.5).fraction());
  }

  @Test
  void badNeighboursAndDataAreRejectedWithClearMessages() {
    var zero = new LocalOutlierFactor(0);
    var e = assertThrows(IllegalArgumentException.class, () -> zero.fit(new double[][] {{1}, {2}}));
    assertEquals("n_neighbors (0) must be an int in [1, inf)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LocalOutlierFactor().fit(new double[][] {{1, 2}}));
    assertTrue(e.getMessage().startsWith("X has 1 row"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LocalOutlierFactor().fit(new double[][] {{1, 2}, {Double.NaN, 0}, {3, 4}}));
    assertTrue(e.getMessage().contains("X has a non-finite value (NaN) at row 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LocalOutlierFactor().p(3).fit(new double[][] {{1}, {2}}));
    assertTrue(e.getMessage().startsWith("p (3) must be an int in [1, 2]"), e.getMessage());
  }

  @Test
  void noveltyMethodsAndFitPredictAreEachAvailableInOneModeOnly() {
    double[][] X = bookData();
    var plain = new LocalOutlierFactor(5).fit(X);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> plain.predict(X));
    assertTrue(e.getMessage().contains("novelty"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> plain.scoreSamples(X));
    assertThrows(IllegalStateException.class, () -> plain.decisionFunction(X));
    var novel = new LocalOutlierFactor(5).novelty(true);
    e = assertThrows(IllegalStateException.class, () -> novel.fitPredict(X));
    assertTrue(e.getMessage().contains("novelty"), e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> new LocalOutlierFactor().offset());
    assertTrue(e.getMessage().contains("fit"), e.getMessage());
    var fitted = novel.fit(X);
    var wrongWidth = assertThrows(IllegalArgumentException.class,
        () -> fitted.predict(new double[][] {{1, 2, 3}}));
    assertTrue(wrongWidth.getMessage().contains("features"), wrongWidth.getMessage());
  }
}
