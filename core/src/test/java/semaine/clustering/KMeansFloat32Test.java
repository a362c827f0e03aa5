package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import semaine.data.MakeBlobs;
import semaine.testsupport.ReferenceVectors;

/**
 * KMeans on float32 input against scikit-learn 1.9 fitting the same float32 X
 * (reference/kmeans_float32.py, one OpenMP thread): labels and n_iter identical; the centres and
 * the inertia are float32 values, compared within 4 float32 ulps of the largest centre coordinate
 * (2^-21 relative) and 2^-20 relative for the inertia (a float32 sum over the samples), since
 * k-means++'s float32 BLAS potentials are not summed in OpenBLAS's order (see KMeansPlusPlus32).
 */
class KMeansFloat32Test {

  private static final List<Map<String, Object>> CASES =
      ReferenceVectors.cases("kmeans_float32.json");
  private static int fits;
  private static int bitExactCenters;
  private static int bitExactInertias;

  @AfterAll
  static void report() {
    System.out.printf("KMeans float32 vs scikit-learn: %d fits, %d with bit-exact centres, %d with"
        + " bit-exact inertia%n", fits, bitExactCenters, bitExactInertias);
  }

  @Test
  void matchesScikitLearnOnFloat32Blobs() {
    for (Map<String, Object> c : CASES) {
      String name = (String) c.get("name");
      float[][] X = blobs(c);
      KMeans model = ClusteringReference.configured(new KMeans(), c).fit(X);
      assertArrayEquals(ReferenceVectors.ints(c.get("labels")), model.labels(), name + ": labels");
      assertEquals(((Number) c.get("n_iter")).intValue(), model.nIter(), name + ": n_iter");
      assertEquals("float32", c.get("centers_dtype"));
      assertEquals("float32", model.dtype(), name);
      double[][] expected = ReferenceVectors.matrix(c.get("centers"));
      double[][] actual = model.clusterCenters();
      double scale = 0;
      boolean exact = true;
      for (double[] row : expected) {
        for (double v : row) {
          scale = Math.max(scale, Math.abs(v));
        }
      }
      for (int j = 0; j < expected.length; j++) {
        for (int f = 0; f < expected[j].length; f++) {
          assertEquals((float) actual[j][f], actual[j][f], name + ": a float32 value");
          assertEquals(expected[j][f], actual[j][f], scale * 0x1p-21, name + ": centre " + j + "," + f);
          exact &= expected[j][f] == actual[j][f];
        }
      }
      double inertia = ((Number) c.get("inertia")).doubleValue();
      assertEquals((float) model.inertia(), model.inertia(), name + ": a float32 inertia");
      assertEquals(inertia, model.inertia(), inertia * 0x1p-20, name + ": inertia");
      fits++;
      bitExactCenters += exact ? 1 : 0;
      bitExactInertias += inertia == model.inertia() ? 1 : 0;
    }
    assertEquals(CASES.size(), fits);
  }

  @Test
  void float32InputHalvesNothingButTheDtype() {
    // the same data as float64 gives a float64 fit; as float32, a float32 one
    Map<String, Object> c = CASES.get(0);
    float[][] X = blobs(c);
    double[][] X64 = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      X64[i] = new double[X[i].length];
      for (int f = 0; f < X[i].length; f++) {
        X64[i][f] = X[i][f];
      }
    }
    KMeans model = ClusteringReference.configured(new KMeans(), c);
    assertEquals("float64", model.fit(X64).dtype());
    assertEquals("float32", model.fit(X).dtype());
  }

  @Test
  void refusesNonFiniteAndRaggedFloat32Input() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KMeans(2).fit(new float[][] {{0f, 1f}, {Float.NaN, 2f}, {3f, 4f}}));
    assertEquals("X must be finite: X[1][0] is NaN", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KMeans(2).fit(new float[][] {{0f, 1f}, {2f}}));
    assertTrue(e.getMessage().contains("ragged"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KMeans(2).recordSteps(true).fit(new float[][] {{0f}, {1f}}));
    assertTrue(e.getMessage().contains("record_steps"), e.getMessage());
  }

  /** make_blobs as the script called it, rounded to float32; its sum checked against the script's. */
  @SuppressWarnings("unchecked")
  static float[][] blobs(Map<String, Object> c) {
    Map<String, Object> spec = (Map<String, Object>) c.get("make_blobs");
    MakeBlobs make = new MakeBlobs()
        .nSamples(((Number) spec.get("n_samples")).intValue())
        .centers(((Number) spec.get("centers")).intValue())
        .nFeatures(((Number) spec.get("n_features")).intValue())
        .clusterStd(((Number) spec.get("cluster_std")).doubleValue())
        .randomState(((Number) spec.get("random_state")).longValue());
    if (spec.get("center_box") instanceof List<?> box) {
      make.centerBox(((Number) box.get(0)).doubleValue(), ((Number) box.get(1)).doubleValue());
    }
    double[][] X = make.generate().X();
    float[][] out = new float[X.length][X[0].length];
    double sum = 0;
    for (int i = 0; i < X.length; i++) {
      for (int f = 0; f < X[i].length; f++) {
        out[i][f] = (float) X[i][f];
        sum += out[i][f];
      }
    }
    assertEquals(((Number) c.get("x_sum")).doubleValue(), sum,
        Math.abs(sum) * 1e-12 + 1e-9, c.get("name") + ": the same X as the script");
    return out;
  }
}
