package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * {@link KMeans#fit(float[][], boolean)}: copy_x=False centres X in place and puts it back, with
 * exactly the fit of copy_x=True; copy_x=True leaves X as given.
 */
class KMeansCopyXTest {

  @Test
  void centringInPlaceGivesTheSameFitAndPutsXBack() {
    for (int d : new int[] {1, 3, 20}) {
      float[][] X = data(3000, d);
      float[][] original = copy(X);
      KMeans copied = new KMeans(4).randomState(0).fit(X);
      assertArrayEquals(original, X, "copy_x=True leaves X as given");
      float[][] rows = X.clone();
      KMeans inPlace = new KMeans(4).randomState(0).fit(X, false);
      assertArrayEquals(copied.labels(), inPlace.labels(), "d=" + d);
      assertArrayEquals(copied.clusterCenters(), inPlace.clusterCenters(), "d=" + d);
      assertEquals(copied.inertia(), inPlace.inertia(), 0.0);
      assertEquals(copied.nIter(), inPlace.nIter());
      assertEquals("float32", inPlace.dtype());
      for (int i = 0; i < X.length; i++) {
        assertEquals(rows[i], X[i], "the same row arrays, centred in place");
        for (int f = 0; f < d; f++) {
          // (x − m) + m in float32: x, or a neighbour of x where the subtraction rounded
          assertEquals(original[i][f], X[i][f], 2 * Math.ulp(Math.abs(original[i][f]) + 10f),
              "X[" + i + "][" + f + "] put back");
        }
      }
    }
  }

  @Test
  void theDefaultFitCentresACopy() {
    float[][] X = data(500, 2);
    float[][] original = copy(X);
    new KMeans(3).randomState(1).fit(X, true);
    assertArrayEquals(original, X);
    assertNotSame(original, X);
  }

  private static float[][] data(int n, int d) {
    RandomState random = new RandomState(42);
    float[][] X = new float[n][d];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < d; f++) {
        X[i][f] = (float) (random.randn() + 5 * (i % 4) + 3);
      }
    }
    return X;
  }

  private static float[][] copy(float[][] X) {
    float[][] out = new float[X.length][];
    for (int i = 0; i < X.length; i++) {
      out[i] = X[i].clone();
    }
    return out;
  }
}
