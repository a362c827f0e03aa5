package semaine.anomaly;

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
import semaine.metrics.ClassificationMetrics;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceVectors;

class IsolationForestTest {

  private static final List<Map<String, Object>> CASES = ReferenceVectors.cases("lof.json");

  /** 1 for malignant (target 0, the anomaly), 0 for benign. */
  private static int[] malignant(Dataset data) {
    int[] labels = data.labels();
    return Arrays.stream(labels).map(v -> v == 0 ? 1 : 0).toArray();
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }

  /**
   * The trees are not scikit-learn's numbers (its splits come from its own C generator), so the
   * comparison is over the same 50 seeds: mean ROC AUC, lowest and highest score.
   */
  @Test
  void rocAucOnBreastCancerIsWithinTwoHundredthsOfScikitLearnsOverFiftySeeds() {
    Dataset data = Datasets.loadBreastCancer();
    int[] truth = malignant(data);
    List<Map<String, Object>> seeds = CASES.stream()
        .filter(c -> c.get("name").equals("iforest")).toList();
    assertEquals(50, seeds.size());
    double[] ours = new double[seeds.size()];
    double[] theirs = new double[seeds.size()];
    double[][] ourRange = new double[2][seeds.size()];
    double[][] theirRange = new double[2][seeds.size()];
    for (int s = 0; s < seeds.size(); s++) {
      Map<String, Object> c = seeds.get(s);
      var model = new IsolationForest().randomState((Long) c.get("seed")).fit(data.X());
      double[] scores = model.scoreSamples(data.X());
      double[] anomaly = Arrays.stream(scores).map(v -> -v).toArray();
      ours[s] = ClassificationMetrics.rocAucScore(truth, anomaly);
      theirs[s] = (Double) c.get("auc");
      ourRange[0][s] = Arrays.stream(scores).min().orElseThrow();
      ourRange[1][s] = Arrays.stream(scores).max().orElseThrow();
      theirRange[0][s] = (Double) c.get("score_min");
      theirRange[1][s] = (Double) c.get("score_max");
      assertEquals(-0.5, model.offset());
      assertEquals(256, model.maxSamplesFitted());
    }
    System.out.printf("IsolationForest breast cancer, 50 seeds: mean AUC %.4f (scikit-learn %.4f);"
        + " seed 0: %.4f (%.4f); mean min score %.4f (%.4f), mean max %.4f (%.4f)%n",
        mean(ours), mean(theirs), ours[0], theirs[0], mean(ourRange[0]), mean(theirRange[0]),
        mean(ourRange[1]), mean(theirRange[1]));
    assertEquals(mean(theirs), mean(ours), 0.02, "mean ROC AUC over 50 seeds");
    assertEquals(mean(theirRange[0]), mean(ourRange[0]), 0.02, "mean lowest score");
    assertEquals(mean(theirRange[1]), mean(ourRange[1]), 0.02, "mean highest score");
  }

  @Test
  void contaminationPutsTheOffsetAtThePercentileOfTheTrainingScores() {
    Map<String, Object> c = CASES.stream()
        .filter(x -> x.get("name").equals("iforest_contamination")).findFirst().orElseThrow();
    double[][] X = Datasets.loadBreastCancer().X();
    var model = new IsolationForest().contamination(0.1).randomState(0);
    int[] labels = model.fitPredict(X);
    long outliers = Arrays.stream(labels).filter(v -> v == -1).count();
    // 10% of 569 samples fall strictly below the 10th percentile: 57, as scikit-learn
    assertEquals(((Long) c.get("n_outliers")).longValue(), outliers);
    assertEquals((Double) c.get("offset"), model.offset(), 0.02);
    double[] decision = model.decisionFunction(X);
    for (int i = 0; i < X.length; i++) {
      assertEquals(decision[i] < 0 ? -1 : 1, labels[i]);
    }
  }

  @Test
  void sameSeedSameForestAndASharedStreamAdvances() {
    double[][] X = Datasets.loadWine().X();
    double[] a = new IsolationForest().randomState(7).fit(X).scoreSamples(X);
    double[] b = new IsolationForest().randomState(7).fit(X).scoreSamples(X);
    assertArrayEquals(a, b);
    RandomState shared = new RandomState(7);
    double[] first = new IsolationForest().randomState(shared).fit(X).scoreSamples(X);
    double[] second = new IsolationForest().randomState(shared).fit(X).scoreSamples(X);
    assertArrayEquals(a, first);
    assertTrue(!Arrays.equals(first, second));
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
  void averagePathLengthIsScikitLearnsFormula() {
    assertEquals(0.0, IsolationTree.averagePathLength(1));
    assertEquals(1.0, IsolationTree.averagePathLength(2));
    // c(3) = 2 (ln 2 + γ) − 4/3
    assertEquals(2 * (Math.log(2) + 0.5772156649015329) - 4.0 / 3, IsolationTree.averagePathLength(3));
  }

  @Test
  void badArgumentsAreRejectedWithTheirNames() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new IsolationForest().contamination(0.6));
    assertTrue(e.getMessage().startsWith("contamination (0.6)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new IsolationForest().nEstimators(0));
    assertTrue(e.getMessage().startsWith("nEstimators (0)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new IsolationForest().fit(new double[][] {{Double.NaN}}));
    assertTrue(e.getMessage().startsWith("X has a non-finite value"), e.getMessage());
    var fitted = new IsolationForest().randomState(0).fit(new double[][] {{1, 2}, {3, 4}});
    e = assertThrows(IllegalArgumentException.class, () -> fitted.predict(new double[][] {{1}}));
    assertTrue(e.getMessage().contains("features"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new IsolationForest().offset());
  }
}
