package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import semaine.ensemble.HistSplitter.Histograms;
import semaine.ensemble.HistSplitter.SplitInfo;

/**
 * The fast paths of one boosting tree against their plain definitions: the histograms summed four
 * features per pass (and the features left over), the root's without gathering and with the counts
 * of the whole fit, a sparse node's from its gathered rows, the arrays re-used from a pool, and the
 * sample partition cut in chunks. The reference tests' data sets are too
 * small for the chunks and have few features; these sizes reach them.
 */
class HistogramBuilderTest {

  private static final int N_BINS = 256;

  /** Random bins (some missing) and float32 gradients and hessians of n samples. */
  private static byte[][] bins(Random random, int nFeatures, int n) {
    byte[][] binned = new byte[nFeatures][n];
    for (byte[] column : binned) {
      for (int i = 0; i < n; i++) {
        column[i] = (byte) (random.nextInt(20) == 0 ? N_BINS - 1 : random.nextInt(N_BINS - 1));
      }
    }
    return binned;
  }

  private static float[] floats(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  /** The sums as their definition: for each feature, the samples in order into their bins. */
  private static Histograms plain(byte[][] binned, float[] g, float[] h, int[] samples, int from,
      int to) {
    double[] sumGradients = new double[binned.length * N_BINS];
    double[] sumHessians = h.length == 1 ? null : new double[binned.length * N_BINS];
    int[] count = new int[binned.length * N_BINS];
    for (int f = 0; f < binned.length; f++) {
      for (int k = from; k < to; k++) {
        int i = samples[k];
        int b = f * N_BINS + (binned[f][i] & 0xFF);
        sumGradients[b] += g[i];
        if (sumHessians != null) {
          sumHessians[b] += h[i];
        }
        count[b]++;
      }
    }
    return new Histograms(sumGradients, sumHessians, count);
  }

  private static void assertSame(Histograms expected, Histograms actual) {
    assertArrayEquals(expected.sumGradients(), actual.sumGradients());
    assertArrayEquals(expected.sumHessians(), actual.sumHessians());
    assertArrayEquals(expected.count(), actual.count());
  }

  @Test
  void histogramsAreThePlainSumsBitForBit() {
    Random random = new Random(0);
    int n = 70_000;
    for (int nFeatures : new int[] {1, 7, 8}) {
      byte[][] binned = bins(random, nFeatures, n);
      float[] g = floats(random, n);
      for (float[] h : new float[][] {floats(random, n), {1f}}) {
        HistogramBuilder builder =
            new HistogramBuilder(binned, g, h, N_BINS, HistogramBuilder.counts(binned, N_BINS));
        int[] all = new int[n];
        int[] some = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
          all[i] = i;
          if (random.nextInt(3) == 0) {
            some[m++] = i;
          }
        }
        assertSame(plain(binned, g, h, all, 0, n), builder.root());
        assertSame(plain(binned, g, h, all, 0, n), builder.node(all, 0, n));
        assertSame(plain(binned, g, h, some, 5, m), builder.node(some, 5, m));
        assertSame(plain(binned, g, h, some, 0, 100), builder.node(some, 0, 100));
      }
    }
  }

  @Test
  void gatheredRowsAndPooledArraysGiveThePlainSums() {
    Random random = new Random(2);
    int n = 200_000;
    for (int nFeatures : new int[] {9, 28}) {
      byte[][] binned = bins(random, nFeatures, n);
      float[] g = floats(random, n);
      float[] h = floats(random, n);
      HistogramBuilder builder =
          new HistogramBuilder(binned, g, h, N_BINS, HistogramBuilder.counts(binned, N_BINS));
      // a dense node (columns), a node gathered in parallel (28 features), a small one
      for (int every : new int[] {15, 21, 3000}) {
        int[] samples = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
          if (i % every == 0 || random.nextInt(100 * every) == 0) {
            samples[m++] = i;
          }
        }
        Histograms node = builder.node(samples, 0, m);
        assertSame(plain(binned, g, h, samples, 0, m), node);
        builder.release(node);
        builder.release(builder.root());
        assertSame(plain(binned, g, h, samples, 1, m), builder.node(samples, 1, m));
      }
    }
  }

  @Test
  void splitIndicesInChunksIsTheStablePartition() {
    Random random = new Random(1);
    int n = 300_000;
    byte[][] binned = bins(random, 2, n);
    boolean[] hasMissing = {true, true};
    HistSplitter splitter = new HistSplitter(binned, new float[] {1f}, N_BINS,
        new int[] {N_BINS - 1, N_BINS - 1}, hasMissing, 20, 0, null, new boolean[2], null);
    for (boolean missingLeft : new boolean[] {false, true}) {
      SplitInfo split = new SplitInfo(1, 1, 100, missingLeft, 0, 0, 0, 0, 0, 0, 0, 0, false, null);
      int[] samples = new int[n];
      for (int i = 0; i < n; i++) {
        samples[i] = i;
      }
      int from = 1_000;
      int to = n - 7;
      int[] expected = samples.clone();
      int next = from;
      for (int pass = 0; pass < 2; pass++) {
        for (int i = from; i < to; i++) {
          int bin = binned[1][i] & 0xFF;
          boolean left = bin <= 100 || (missingLeft && bin == N_BINS - 1);
          if (left == (pass == 0)) {
            expected[next++] = i;
          }
        }
      }
      int middle = splitter.splitIndices(split, samples, from, to, new int[n]);
      int nLeft = 0;
      for (int i = from; i < to; i++) {
        int bin = binned[1][i] & 0xFF;
        nLeft += bin <= 100 || (missingLeft && bin == N_BINS - 1) ? 1 : 0;
      }
      assertEquals(from + nLeft, middle);
      assertArrayEquals(expected, samples);
    }
  }
}
