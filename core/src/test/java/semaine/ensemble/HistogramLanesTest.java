package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The histogram lanes: the vector paths give their scalar twins' bits for every width (hessians
 * and counts, either, neither), on rows and on groups of three and four columns that do not start
 * at feature 0, and unpacking gives the plain per-array sums and leaves the lanes zero.
 */
class HistogramLanesTest {

  private static final int N_BINS = 256;

  @Test
  void theVectorPathGivesTheScalarTwinsBitsAndThePlainSums() {
    assertTrue(HistogramLanes.VECTOR, "surefire runs with --add-modules jdk.incubator.vector");
    Random random = new Random(4);
    int nFeatures = 11;
    int stride = HistogramBuilder.stride(nFeatures);
    int n = 1_001;
    byte[] rows = new byte[n * stride];
    random.nextBytes(rows);
    float[] gh = new float[2 * n];
    for (int i = 0; i < gh.length; i++) {
      gh[i] = (float) random.nextGaussian();
    }
    int f0 = 3;
    int f1 = 10;
    for (boolean hessians : new boolean[] {true, false}) {
      for (boolean counts : new boolean[] {true, false}) {
        int width = HistogramLanes.width(hessians, counts);
        double[] vector = new double[width * nFeatures * N_BINS];
        double[] scalar = vector.clone();
        VectorHistogramLanes.sumRows(rows, stride, n, f0, f1, N_BINS, gh, hessians, counts,
            vector);
        HistogramLanes.sumRowsScalar(rows, stride, n, f0, f1, N_BINS, gh, hessians, counts,
            scalar);
        String where = "hessians=" + hessians + " counts=" + counts;
        assertArrayEquals(scalar, vector, where);

        assertUnpacksToPlainSums(vector, width, f0, f1, nFeatures,
            (f, k) -> rows[k * stride + f], n, gh, hessians, counts, where);
      }
    }
  }

  @Test
  void theColumnsVectorPathGivesTheScalarTwinsBitsAndThePlainSums() {
    Random random = new Random(5);
    int nFeatures = 9;
    int nSamples = 3_000;
    byte[][] binned = new byte[nFeatures][nSamples];
    for (byte[] column : binned) {
      random.nextBytes(column);
    }
    int[] samples = new int[nSamples];
    int m = 0;
    for (int i = 0; i < nSamples; i++) {
      if (random.nextInt(3) > 0) {
        samples[m++] = i;
      }
    }
    int from = 7;
    int n = m - from - 2;
    float[] gh = new float[2 * n];
    for (int i = 0; i < gh.length; i++) {
      gh[i] = (float) random.nextGaussian();
    }
    for (boolean hessians : new boolean[] {true, false}) {
      for (boolean four : new boolean[] {true, false}) {
        int f = 4;
        int size = four ? 4 : 3;
        int width = HistogramLanes.width(hessians, true);
        double[] vector = new double[width * nFeatures * N_BINS];
        double[] scalar = vector.clone();
        VectorHistogramLanes.sumColumns(binned, f, four, N_BINS, samples, from, n, gh, hessians,
            vector);
        HistogramLanes.sumColumnsScalar(binned, f, four, N_BINS, samples, from, n, gh, hessians,
            scalar);
        String where = "hessians=" + hessians + " four=" + four;
        assertArrayEquals(scalar, vector, where);

        assertUnpacksToPlainSums(vector, width, f, f + size, nFeatures,
            (j, k) -> binned[j][samples[from + k]], n, gh, hessians, true, where);
      }
    }
  }

  /** The bin of sample k (the k-th summed) for feature f. */
  private interface Bins {
    byte of(int f, int k);
  }

  /**
   * Unpacking the lanes of features {@code [f0, f1)} gives the per-array sums of the n samples in
   * order (the hessians and counts when they were summed), and leaves the lanes zero.
   */
  private static void assertUnpacksToPlainSums(double[] lanes, int width, int f0, int f1,
      int nFeatures, Bins bins, int n, float[] gh, boolean hessians, boolean counts,
      String where) {
    double[] sumGradients = new double[nFeatures * N_BINS];
    double[] sumHessians = hessians ? new double[nFeatures * N_BINS] : null;
    int[] count = counts ? new int[nFeatures * N_BINS] : null;
    HistogramLanes.unpack(lanes, width, f0, f1, N_BINS, sumGradients, sumHessians, count);
    double[] plainGradients = new double[nFeatures * N_BINS];
    double[] plainHessians = new double[nFeatures * N_BINS];
    int[] plainCount = new int[nFeatures * N_BINS];
    for (int f = f0; f < f1; f++) {
      for (int k = 0; k < n; k++) {
        int b = f * N_BINS + (bins.of(f, k) & 0xFF);
        plainGradients[b] += gh[2 * k];
        plainHessians[b] += gh[2 * k + 1];
        plainCount[b]++;
      }
    }
    assertArrayEquals(plainGradients, sumGradients, where);
    if (hessians) {
      assertArrayEquals(plainHessians, sumHessians, where);
    }
    if (counts) {
      assertArrayEquals(plainCount, count, where);
    }
    assertEquals(0, java.util.Arrays.stream(lanes).filter(v -> v != 0).count(), where);
  }
}
