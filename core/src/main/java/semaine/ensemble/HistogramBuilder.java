package semaine.ensemble;

import java.util.concurrent.ForkJoinPool;
import semaine.ensemble.HistSplitter.Histograms;
import semaine.util.Parallel;

/**
 * scikit-learn's {@code HistogramBuilder}: the histograms of one tree's nodes, per feature and bin
 * the float64 sums of the node's float32 gradients and hessians and the sample count.
 *
 * <p>Each bin's sums are added in the order of the node's samples, as scikit-learn adds them, so
 * the bits do not depend on how the work is cut: the features are independent, and they are summed
 * in parallel, one contiguous range of features per core (as many features each), four at a time
 * in one pass over the samples (one read of the sample's index and gradient feeds four
 * histograms). The root's samples are all the rows in order: its pass reads the
 * gradients and the bins directly ({@code compute_histograms_brute} with {@code is_root}), and its
 * counts, the same for every tree, are counted once ({@link #counts}). Another
 * node's gradients are first gathered in the order of its samples, so that the pass reads them in
 * sequence and gathers only the bins. When the hessians are constant (squared error) the counts
 * stand for them.
 */
final class HistogramBuilder {

  /** The samples × features of a histogram below which one thread sums it. */
  private static final long PARALLEL_WORK = 1 << 18;
  /** The features summed in one pass over a node's samples. */
  private static final int GROUP = 4;

  private final byte[][] binned;
  private final float[] gradients;
  private final float[] hessians;
  private final int nBins;
  private final int[] rootCounts;

  /**
   * @param binned (n_features, n_samples) the training bins
   * @param gradients (n_samples,) the float32 gradients
   * @param hessians (n_samples,) the float32 hessians, or one value when they are constant
   * @param nBins max_bins + 1
   * @param rootCounts the samples of each feature's bins ({@link #counts}), read only
   */
  HistogramBuilder(byte[][] binned, float[] gradients, float[] hessians, int nBins,
      int[] rootCounts) {
    this.binned = binned;
    this.gradients = gradients;
    this.hessians = hessians.length == 1 ? null : hessians;
    this.nBins = nBins;
    this.rootCounts = rootCounts;
  }

  /** The samples of each feature's bins, feature f's bin b at {@code f·nBins + b}. */
  static int[] counts(byte[][] binned, int nBins) {
    int[] count = new int[binned.length * nBins];
    Parallel.forRange(binned.length, 1, (f0, f1) -> {
      for (int f = f0; f < f1; f++) {
        for (byte b : binned[f]) {
          count[f * nBins + (b & 0xFF)]++;
        }
      }
    });
    return count;
  }

  /** The root's histograms: every sample, in order. */
  Histograms root() {
    return sum(null, 0, gradients.length, gradients, hessians);
  }

  /** The histograms of the samples {@code samples[from, to)}, summed in that order. */
  Histograms node(int[] samples, int from, int to) {
    int n = to - from;
    float[] orderedGradients = new float[n];
    float[] orderedHessians = hessians == null ? null : new float[n];
    Parallel.RangeBody gather = (k0, k1) -> {
      for (int k = k0; k < k1; k++) {
        int i = samples[from + k];
        orderedGradients[k] = gradients[i];
        if (orderedHessians != null) {
          orderedHessians[k] = hessians[i];
        }
      }
    };
    if (parallel(n)) {
      Parallel.forRange(n, 1 << 16, gather);
    } else {
      gather.run(0, n);
    }
    return sum(samples, from, n, orderedGradients, orderedHessians);
  }

  private boolean parallel(int n) {
    return (long) n * binned.length >= PARALLEL_WORK;
  }

  /**
   * The sums over the n samples: sample k is {@code samples[from + k]} (k itself when samples is
   * null), its gradient {@code g[k]}, its hessian {@code h[k]} (h null: constant hessians).
   */
  private Histograms sum(int[] samples, int from, int n, float[] g, float[] h) {
    int nFeatures = binned.length;
    double[] sumGradients = new double[nFeatures * nBins];
    double[] sumHessians = h == null ? null : new double[nFeatures * nBins];
    int[] count = samples == null ? null : new int[nFeatures * nBins];
    Parallel.RangeBody body = (f0, f1) -> {
      int f = f0;
      for (; f + GROUP <= f1; f += GROUP) {
        sumFour(f, samples, from, n, g, h, sumGradients, sumHessians, count);
      }
      for (; f < f1; f++) {
        sumOne(f, samples, from, n, g, h, sumGradients, sumHessians, count);
      }
    };
    if (parallel(n)) {
      int cores = ForkJoinPool.getCommonPoolParallelism() + 1;
      Parallel.forRange(nFeatures, (nFeatures + cores - 1) / cores, body);
    } else {
      body.run(0, nFeatures);
    }
    return new Histograms(sumGradients, sumHessians, count == null ? rootCounts : count);
  }

  /**
   * Features f to f + 3 in one pass (their bins are apart: the order within each bin is kept);
   * the counts too, unless count is null (the root).
   */
  private void sumFour(int f, int[] samples, int from, int n, float[] g, float[] h,
      double[] sumGradients, double[] sumHessians, int[] count) {
    byte[] c0 = binned[f];
    byte[] c1 = binned[f + 1];
    byte[] c2 = binned[f + 2];
    byte[] c3 = binned[f + 3];
    int o0 = f * nBins;
    int o1 = o0 + nBins;
    int o2 = o1 + nBins;
    int o3 = o2 + nBins;
    for (int k = 0; k < n; k++) {
      int i = samples == null ? k : samples[from + k];
      int b0 = o0 + (c0[i] & 0xFF);
      int b1 = o1 + (c1[i] & 0xFF);
      int b2 = o2 + (c2[i] & 0xFF);
      int b3 = o3 + (c3[i] & 0xFF);
      double gk = g[k];
      sumGradients[b0] += gk;
      sumGradients[b1] += gk;
      sumGradients[b2] += gk;
      sumGradients[b3] += gk;
      if (count != null) {
        count[b0]++;
        count[b1]++;
        count[b2]++;
        count[b3]++;
      }
      if (h != null) {
        double hk = h[k];
        sumHessians[b0] += hk;
        sumHessians[b1] += hk;
        sumHessians[b2] += hk;
        sumHessians[b3] += hk;
      }
    }
  }

  /** Feature f alone (the features left after the groups of four); count null at the root. */
  private void sumOne(int f, int[] samples, int from, int n, float[] g, float[] h,
      double[] sumGradients, double[] sumHessians, int[] count) {
    byte[] column = binned[f];
    int offset = f * nBins;
    for (int k = 0; k < n; k++) {
      int b = offset + (column[samples == null ? k : samples[from + k]] & 0xFF);
      sumGradients[b] += g[k];
      if (count != null) {
        count[b]++;
      }
      if (h != null) {
        sumHessians[b] += h[k];
      }
    }
  }

  /**
   * {@code compute_histograms_subtraction}: the parent's histograms minus the sibling's, written
   * over the parent's (which the grower no longer needs), but for the counts shared by every root
   * ({@code shared}), which are copied first.
   */
  static Histograms subtract(Histograms parent, Histograms sibling, int[] shared) {
    double[] g = parent.sumGradients();
    double[] h = parent.sumHessians();
    int[] count = parent.count() == shared ? parent.count().clone() : parent.count();
    double[] sg = sibling.sumGradients();
    double[] sh = sibling.sumHessians();
    int[] sc = sibling.count();
    for (int b = 0; b < g.length; b++) {
      g[b] -= sg[b];
      count[b] -= sc[b];
    }
    if (h != null) {
      for (int b = 0; b < h.length; b++) {
        h[b] -= sh[b];
      }
    }
    return new Histograms(g, h, count);
  }

  /** The counts every root shares, which {@link #subtract} must not overwrite. */
  int[] rootCounts() {
    return rootCounts;
  }
}
