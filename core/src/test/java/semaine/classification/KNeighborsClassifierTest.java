package semaine.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Blobs;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.random.RandomState;
import semaine.selection.TrainTestSplit;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class KNeighborsClassifierTest {

  private static final List<Map<String, Object>> CASES = ReferenceVectors.cases("knn.json");

  private static Map<String, Object> only(String name) {
    return CASES.stream().filter(c -> c.get("name").equals(name)).findFirst().orElseThrow();
  }

  @Test
  void bookListingPredictsTheTenUnknownPointsAsScikitLearn() {
    Map<String, Object> c = only("book");
    RandomState global = new RandomState(0);   // np.random.seed(0)
    Blobs blobs = Datasets.makeBlobs().nSamples(50).centers(2).nFeatures(2).randomState(0)
        .clusterStd(1).generate();
    double[][] X = blobs.X();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : X) {
      for (double v : row) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    double[][] XNew = global.uniform(min, max, 10, 2);
    ReferenceAssert.assertExact(c.get("X_new"), XNew, "X_new");
    var model = new KNeighborsClassifier(3);
    model.fit(X, blobs.y());
    ReferenceAssert.assertExact(c.get("predictions"), model.predict(XNew), "predictions");
    ReferenceAssert.assertExact(c.get("proba"), model.predictProba(XNew), "proba");
    assertEquals(c.get("fit_method"), model.fitMethod());
  }

  @Test
  void irisAndWineSplitsMatchScikitLearnForEveryKWeightsAndP() {
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("name").equals("split")) {
        continue;
      }
      Dataset data = Datasets.load((String) c.get("dataset"));
      var split = TrainTestSplit.of(data.X(), data.labels()).randomState(0).split();
      ReferenceAssert.assertExact(c.get("y_test"), split.yTest(), "y_test");
      int k = ((Long) c.get("k")).intValue();
      String weights = (String) c.get("weights");
      String what = c.get("dataset") + " k=" + k + " " + weights + " p=" + c.get("p") + " "
          + c.get("algorithm");
      var model = new KNeighborsClassifier(k).weights(weights).p(((Long) c.get("p")).intValue())
          .algorithm((String) c.get("algorithm"));
      model.fit(split.XTrain(), split.yTrain());
      assertEquals(c.get("fit_method"), model.fitMethod(), what);
      ReferenceAssert.assertExact(c.get("predictions"), model.predict(split.XTest()), what);
      ReferenceAssert.assertClose(c.get("proba"), model.predictProba(split.XTest()), 1e-12, what);
      assertEquals((Double) c.get("score"), model.score(split.XTest(), split.yTest()), what);
      var neighbors = model.kneighbors(split.XTest());
      ReferenceAssert.assertExact(c.get("distances"), neighbors.distances(), what);
      List<?> indices = (List<?>) c.get("indices");
      // iris has equal distances: the same neighbours in the same order, brute force or tree
      for (int q = 0; q < indices.size(); q++) {
        assertArrayEquals(ReferenceVectors.ints(indices.get(q)), neighbors.indices()[q], what);
      }
      checked++;
    }
    assertEquals(64, checked);
  }

  @Test
  void fourClassBlobsMatchScikitLearn() {
    Blobs blobs = Datasets.makeBlobs().nSamples(400).centers(4).randomState(1).clusterStd(1.5)
        .generate();
    var split = TrainTestSplit.of(blobs.X(), blobs.y()).randomState(0).split();
    for (Map<String, Object> c : CASES) {
      if (!c.get("name").equals("blobs4")) {
        continue;
      }
      ReferenceAssert.assertExact(c.get("y_test"), split.yTest(), "y_test");
      var model = new KNeighborsClassifier(5).weights((String) c.get("weights"))
          .fit(split.XTrain(), split.yTrain());
      ReferenceAssert.assertExact(c.get("predictions"), model.predict(split.XTest()), "blobs4");
      ReferenceAssert.assertClose(c.get("proba"), model.predictProba(split.XTest()), 1e-12, "p");
    }
  }

  @Test
  void predictionsMatchScikitLearnOnTieHeavyGrids() {
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("name").equals("grid")) {
        continue;
      }
      double[][] X = ReferenceVectors.matrix(c.get("X"));
      double[][] Q = ReferenceVectors.matrix(c.get("Q"));
      int[] labels = ReferenceVectors.ints(c.get("labels"));
      String algorithm = (String) c.get("algorithm");
      for (String weights : new String[] {"uniform", "distance"}) {
        String what = "grid n=" + X.length + " " + algorithm + " " + weights + " k=" + c.get("k")
            + " p=" + c.get("p");
        var model = new KNeighborsClassifier(((Long) c.get("k")).intValue()).weights(weights)
            .algorithm(algorithm).p(((Long) c.get("p")).intValue()).fit(X, labels);
        ReferenceAssert.assertExact(c.get("predictions_" + weights), model.predict(Q), what);
        ReferenceAssert.assertClose(c.get("proba_" + weights), model.predictProba(Q), 1e-12,
            what + " proba");
        checked++;
      }
    }
    assertEquals(48, checked);
  }

  @Test
  void voteTiesGoToTheFirstClass() {
    Map<String, Object> c = only("vote_tie");
    var model = new KNeighborsClassifier(4).fit(ReferenceVectors.matrix(c.get("X")),
        ReferenceVectors.ints(c.get("y")));
    double[][] Q = ReferenceVectors.matrix(c.get("Q"));
    ReferenceAssert.assertExact(c.get("predictions"), model.predict(Q), "vote tie");
    ReferenceAssert.assertExact(c.get("proba"), model.predictProba(Q), "vote tie proba");
    assertArrayEquals(new int[] {3, 5}, model.classes());
  }

  @Test
  void fitRejectsBadInput() {
    double[][] X = {{0, 0}, {1, 1}, {2, 2}};
    var e = assertThrows(IllegalArgumentException.class,
        () -> new KNeighborsClassifier(4).fit(X, new int[] {0, 1, 1}));
    assertTrue(e.getMessage().startsWith("n_neighbors (4)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KNeighborsClassifier(1).fit(X, new int[] {2, 2, 2}));
    assertTrue(e.getMessage().contains("single class"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KNeighborsClassifier(0).fit(X, new int[] {0, 1, 1}));
    assertTrue(e.getMessage().startsWith("n_neighbors (0)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KNeighborsClassifier(1).weights("linear").fit(X, new int[] {0, 1, 1}));
    assertEquals("weights (\"linear\") must be one of \"uniform\", \"distance\"", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KNeighborsClassifier(1).fit(X, new int[] {0, 1}));
    assertTrue(e.getMessage().contains("X has 3 rows"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new KNeighborsClassifier(1)
        .fit(new double[][] {{Double.NaN}, {1}}, new int[] {0, 1}));
    assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
    var model = new KNeighborsClassifier(1);
    assertThrows(IllegalStateException.class, () -> model.predict(X));
  }
}
