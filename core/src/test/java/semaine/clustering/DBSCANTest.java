package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.clustering.ClusteringReference.assertRejects;

import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class DBSCANTest {

  @Test
  void labelsAndCoreSamplesMatchScikitLearnOnEveryDataSet() {
    int checked = 0;
    for (Map<String, Object> c : ClusteringReference.cases("DBSCAN")) {
      String what = ClusteringReference.describe(c);
      double[][] X = ClusteringReference.input(c, 2);
      DBSCAN model = ClusteringReference.configured(new DBSCAN(), c);
      double[] weights = c.containsKey("sample_weight")
          ? ReferenceVectors.doubles(c.get("sample_weight")) : null;
      model.fit(X, weights);
      ReferenceAssert.assertExact(c.get("labels"), model.labels(), what + " labels");
      int[] core = model.coreSampleIndices();
      ReferenceAssert.assertExact(c.get("core_sample_indices"), core, what + " core");
      double[][] components = model.components();
      for (int k = 0; k < core.length; k++) {
        assertArrayEquals(X[core[k]], components[k], what + " components");
      }
      checked++;
    }
    assertTrue(checked >= 60, "cases checked: " + checked);
  }

  @Test
  void fitPredictReturnsTheLabelsAndNoiseIsMinusOne() {
    double[][] X = {{0, 0}, {0, 1}, {1, 0}, {10, 10}, {0.5, 0.5}};
    var model = new DBSCAN(1.0).minSamples(3);
    assertArrayEquals(new int[] {0, 0, 0, -1, 0}, model.fitPredict(X));
    assertArrayEquals(new int[] {0, 1, 2, 4}, model.coreSampleIndices());
  }

  @Test
  void pointsAtExactlyEpsAreNeighbours() {
    double[][] X = {{0}, {1}, {2}, {3}};
    assertArrayEquals(new int[] {0, 0, 0, 0}, new DBSCAN(1.0).minSamples(3).fitPredict(X));
    assertArrayEquals(new int[] {-1, -1, -1, -1},
        new DBSCAN(Math.nextDown(1.0)).minSamples(2).fitPredict(X));
  }

  @Test
  void aSampleWeighingMinSamplesIsCoreByItself() {
    double[][] X = {{0}, {1}, {5}};
    var model = new DBSCAN(1.0).minSamples(3).fit(X, new double[] {2, 1, 3});
    assertArrayEquals(new int[] {0, 0, 1}, model.labels());
    assertArrayEquals(new int[] {0, 1, 2}, model.coreSampleIndices());
  }

  @Test
  void badParametersAndInputAreRejectedWithTheirName() {
    double[][] X = {{0, 0}, {1, 1}, {2, 2}};
    assertRejects(() -> new DBSCAN(0).fit(X), "eps", "0");
    assertRejects(() -> new DBSCAN(-1).fit(X), "eps", "-1");
    assertRejects(() -> new DBSCAN().minSamples(0).fit(X), "min_samples", "0");
    assertRejects(() -> new DBSCAN().metric("minkowski").p(0).fit(X), "p", "minkowski");
    assertRejects(() -> new DBSCAN().fit(new double[][] {{0, Double.NaN}}), "X", "NaN");
    assertRejects(() -> new DBSCAN().metric("precomputed").fit(X), "square", "3x2");
    assertRejects(() -> new DBSCAN().metric("precomputed")
        .fit(new double[][] {{0, -1}, {-1, 0}}), "negative", "-1");
    assertRejects(() -> new DBSCAN().fit(X, new double[] {1, 1}), "sample_weight", "2");
    assertRejects(() -> new DBSCAN().setParam("metric", "cosine").fit(X), "metric", "cosine");
  }

  @Test
  void minSamplesAboveTheNumberOfSamplesMakesEverySampleNoiseAsInScikitLearn() {
    double[][] X = {{0}, {0.1}, {0.2}};
    assertArrayEquals(new int[] {-1, -1, -1}, new DBSCAN(1).minSamples(4).fitPredict(X));
    assertEquals(0, new DBSCAN(1).minSamples(4).fit(X).components().length);
  }

  @Test
  void callingAnAttributeBeforeFitSaysToFitFirst() {
    var e = assertThrows(IllegalStateException.class, () -> new DBSCAN().labels());
    assertTrue(e.getMessage().contains("fit"), e.getMessage());
  }
}
