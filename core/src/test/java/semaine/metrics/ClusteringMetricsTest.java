package semaine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceVectors;

/** silhouette_score against scikit-learn 1.9 (reference/kmeans.py). */
class ClusteringMetricsTest {

  @Test
  @SuppressWarnings("unchecked")
  void silhouetteScoreMatchesScikitLearn() {
    Map<String, Object> ref = ReferenceVectors.load("kmeans.json");
    for (Map<String, Object> c : (List<Map<String, Object>>) ref.get("silhouette")) {
      double expected = ((Number) c.get("score")).doubleValue();
      double actual = ClusteringMetrics.silhouetteScore(ReferenceVectors.matrix(c.get("X")),
          ReferenceVectors.ints(c.get("labels")));
      assertEquals(expected, actual, 1e-9 * Math.abs(expected), String.valueOf(c.get("name")));
    }
  }

  @Test
  void twoTightPairsGiveTheHandComputedSilhouette() {
    // a = 1 for every point; b = mean(11, 12) = 11.5 for x = 0 and mean(10, 11) = 10.5 for x = 1
    double[][] X = {{0}, {1}, {11}, {12}};
    double[] s = ClusteringMetrics.silhouetteSamples(X, new int[] {0, 0, 1, 1});
    assertEquals((11.5 - 1) / 11.5, s[0], 1e-15);
    assertEquals((10.5 - 1) / 10.5, s[1], 1e-15);
  }

  @Test
  void silhouetteNeedsTwoToNMinusOneClusters() {
    double[][] X = {{0}, {1}, {2}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClusteringMetrics.silhouetteScore(X, new int[] {0, 0, 0}));
    assertTrue(e.getMessage().contains("labels has 1 distinct values"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ClusteringMetrics.silhouetteScore(X, new int[] {0, 1, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> ClusteringMetrics.silhouetteScore(X, new int[] {0, 1}));
  }
}
