package semaine.ensemble;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import semaine.ensemble.HistSplitter.Histograms;
import semaine.util.Parallel;

/**
 * scikit-learn's {@code HistogramBuilder}: the histograms of one tree's nodes, per feature and bin
 * the float64 sums of the node's float32 gradients and hessians and the sample count.
 *
 * <p>Each bin's sums are added in the order of the node's samples, as scikit-learn adds them, so
 * the bits do not depend on how the work is cut: the features are independent, and they are summed
 * in parallel, one contiguous range of features per core (as many features each). A sample's
 * gradient and hessian sit side by side ({@code gradHess[2i]}, {@code gradHess[2i + 1]}), so that
 * gathering them is one cache miss. The root's
 * samples are all the rows in order ({@code compute_histograms_brute} with {@code is_root}): its
 * pass reads the rows of bins ({@link #rows}, a sample's bins side by side) in sequence with the
 * gradients, adding each sample to the bins of all the core's features (measured faster than
 * passes over the columns, a few features each), and its counts, the same for every tree, are
 * counted once ({@link #counts}). Another node's samples are scattered: their gradients and
 * hessians are first gathered in the order of its samples into buffers re-used from node to node,
 * and so are their rows when the node is small, by a short loop whose cache misses overlap
 * (reading 28 scattered columns in the sums would wait on 28 misses a sample); the pass then reads
 * the rows as the root's does. A large node's columns, read in sample order, stream well: it is
 * summed from them, three or four features per pass (one read of the sample's gradient feeds
 * them all). When the hessians are constant (squared error) the counts stand for them.
 */
final class HistogramBuilder {

  /** The samples × features of a histogram below which one thread sums it. */
  private static final long PARALLEL_WORK = 1 << 18;
  /** The features summed at most in one pass over a large node's columns. */
  private static final int GROUP = 4;
  /** A node of fewer than 1/GATHER_ROWS of the samples has its rows gathered. */
  private static final int GATHER_ROWS = 20;
  /** The samples gathered by one task. */
  private static final int GATHER_GRAIN = 1 << 12;
  /** A row's bins copied eight at a time by the gather. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private final byte[][] binned;
  private final byte[] rows;
  private final int stride;
  private final float[] gradHess;
  private final boolean hasHessians;
  private final int nSamples;
  private final int nBins;
  private final int[] rootCounts;
  /**
   * Histogram arrays no node holds any more, re-used by the next nodes and trees (scikit-learn's
   * {@code HistogramsPool}): fresh memory costs more than zeroing.
   */
  private final ArrayDeque<double[]> freeSums = new ArrayDeque<>();
  private final ArrayDeque<int[]> freeCounts = new ArrayDeque<>();
  /**
   * The sums of the passes over rows, bin by bin side by side ({@link HistogramLanes}); zero
   * between passes, each core's features apart.
   */
  private final double[] lanes;
  /** A node's gradients and hessians (pairs) and rows in its samples' order, re-used. */
  private float[] orderedGradHess = new float[0];
  private byte[] orderedRows;

  /**
   * A builder of gradients and hessians given apart (copied side by side).
   *
   * @param binned (n_features, n_samples) the training bins
   * @param gradients (n_samples,) the float32 gradients
   * @param hessians (n_samples,) the float32 hessians, or one value when they are constant
   * @param nBins max_bins + 1
   * @param rootCounts the samples of each feature's bins ({@link #counts}), read only
   */
  HistogramBuilder(byte[][] binned, float[] gradients, float[] hessians, int nBins,
      int[] rootCounts) {
    this(binned, rows(binned), pairs(gradients, hessians), hessians.length > 1, nBins,
        rootCounts);
  }

  /**
   * @param rows the same bins row by row ({@link #rows}), read only
   * @param gradHess (2 n_samples,) sample i's float32 gradient at 2i and hessian at 2i + 1, read
   *     at each node, so they may change from tree to tree
   * @param hessians false when the hessians are constant (their slots are not read)
   */
  HistogramBuilder(byte[][] binned, byte[] rows, float[] gradHess, boolean hessians, int nBins,
      int[] rootCounts) {
    this.binned = binned;
    this.rows = rows;
    this.stride = stride(binned.length);
    this.gradHess = gradHess;
    this.hasHessians = hessians;
    this.nSamples = gradHess.length / 2;
    this.nBins = nBins;
    this.rootCounts = rootCounts;
    this.lanes = new double[4 * binned.length * nBins];
  }

  /** Gradients and hessians side by side; a constant hessian is repeated. */
  private static float[] pairs(float[] gradients, float[] hessians) {
    float[] pairs = new float[2 * gradients.length];
    for (int i = 0; i < gradients.length; i++) {
      pairs[2 * i] = gradients[i];
      pairs[2 * i + 1] = hessians[hessians.length == 1 ? 0 : i];
    }
    return pairs;
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

  /** The bytes of a row of {@link #rows}: the features, rounded up to a multiple of eight. */
  static int stride(int nFeatures) {
    return (nFeatures + 7) & -8;
  }

  /** The bins row by row: sample i's feature f at {@code i·stride + f}. */
  static byte[] rows(byte[][] binned) {
    int nFeatures = binned.length;
    int stride = stride(nFeatures);
    byte[] rows = new byte[binned[0].length * stride];
    Parallel.forRange(binned[0].length, GATHER_GRAIN, (i0, i1) -> {
      for (int f = 0; f < nFeatures; f++) {
        byte[] column = binned[f];
        for (int i = i0; i < i1; i++) {
          rows[i * stride + f] = column[i];
        }
      }
    });
    return rows;
  }

  /** The root's histograms: every sample, in order, from the rows. */
  Histograms root() {
    int n = nSamples;
    return sum(n, null, false,
        (f0, f1, sg, sh) -> sumRows(f0, f1, rows, n, gradHess, sg, sh, null));
  }

  /**
   * The histograms of the samples {@code samples[from, to)}, summed in that order. Their
   * gradients and hessians are gathered first; so are their rows when the node holds less than
   * {@code 1/GATHER_ROWS} of the samples (a dense node's columns read in sample order stream
   * well).
   */
  Histograms node(int[] samples, int from, int to) {
    int n = to - from;
    if (orderedGradHess.length < 2 * n) {
      orderedGradHess = new float[2 * Math.max(n, (nSamples + 1) / 2)];
    }
    boolean gatherRows = (long) n * GATHER_ROWS < nSamples;
    if (gatherRows && (orderedRows == null || orderedRows.length < n * stride)) {
      orderedRows = new byte[Math.max(n, nSamples / GATHER_ROWS + 1) * stride];
    }
    float[] gh = orderedGradHess;
    byte[] ordered = orderedRows;
    Parallel.RangeBody gather = gatherRows
        ? (k0, k1) -> gatherRows(samples, from, k0, k1, gh, ordered)
        : (k0, k1) -> gatherGradHess(samples, from, k0, k1, gh);
    if (parallel(n)) {
      Parallel.forRange(n, GATHER_GRAIN, gather);
    } else {
      gather.run(0, n);
    }
    int nFeatures = binned.length;
    if (gatherRows) {
      int[] count = freeCounts.isEmpty() ? new int[nFeatures * nBins] : freeCounts.pop();
      return sum(n, count, false,
          (f0, f1, sg, sh) -> sumRows(f0, f1, ordered, n, gh, sg, sh, count));
    }
    int[] count = freeCounts.isEmpty() ? new int[nFeatures * nBins] : zeroed(freeCounts.pop());
    return sum(n, count, true,
        (f0, f1, sg, sh) -> sumColumns(f0, f1, samples, from, n, gh, sg, sh, count));
  }

  /** The gradients and hessians of {@code samples[from + k]}, k in {@code [k0, k1)}, in order. */
  private void gatherGradHess(int[] samples, int from, int k0, int k1, float[] gh) {
    for (int k = k0; k < k1; k++) {
      int i = samples[from + k];
      gh[2 * k] = gradHess[2 * i];
      gh[2 * k + 1] = gradHess[2 * i + 1];
    }
  }

  /**
   * The gradients, hessians and rows of {@code samples[from + k]}, k in {@code [k0, k1)}, in
   * order. A row of up to 32 bytes is copied as that many 8-byte words by a switch: loads of a
   * constant count, which the next rows' cache misses overlap (a loop over the words, or
   * {@code System.arraycopy} of a row, measured 1.5 to 2 times slower).
   */
  private void gatherRows(int[] samples, int from, int k0, int k1, float[] gh, byte[] ordered) {
    int words = stride / Long.BYTES;
    for (int k = k0; k < k1; k++) {
      int i = samples[from + k];
      gh[2 * k] = gradHess[2 * i];
      gh[2 * k + 1] = gradHess[2 * i + 1];
      int source = i * stride;
      int target = k * stride;
      switch (words) {
        case 4:
          LONGS.set(ordered, target + 24, (long) LONGS.get(rows, source + 24));
          // fall through
        case 3:
          LONGS.set(ordered, target + 16, (long) LONGS.get(rows, source + 16));
          // fall through
        case 2:
          LONGS.set(ordered, target + 8, (long) LONGS.get(rows, source + 8));
          // fall through
        case 1:
          LONGS.set(ordered, target, (long) LONGS.get(rows, source));
          break;
        default:
          System.arraycopy(rows, source, ordered, target, stride);
      }
    }
  }

  /** Sums of every feature's bins, from the pool when it has some, zeroed if asked. */
  private double[] sums(boolean zeroed) {
    double[] sums = freeSums.poll();
    if (sums == null) {
      return new double[binned.length * nBins];
    }
    if (zeroed) {
      Arrays.fill(sums, 0);
    }
    return sums;
  }

  private static int[] zeroed(int[] count) {
    Arrays.fill(count, 0);
    return count;
  }

  /** Gives a node's histograms back: the next nodes' sums are written over them. */
  void release(Histograms histograms) {
    freeSums.push(histograms.sumGradients());
    if (histograms.sumHessians() != null) {
      freeSums.push(histograms.sumHessians());
    }
    if (histograms.count() != rootCounts) {
      freeCounts.push(histograms.count());
    }
  }

  private boolean parallel(int n) {
    return (long) n * binned.length >= PARALLEL_WORK;
  }

  /** One core's share of a histogram: features {@code [f0, f1)} into the sums. */
  private interface Features {
    void sum(int f0, int f1, double[] sumGradients, double[] sumHessians);
  }

  /**
   * Histograms of n samples (counts into count, or the root's when it is null), each core summing
   * a contiguous range of as many features; the sums start at zero when {@code zeroed} (else the
   * features write every bin).
   */
  private Histograms sum(int n, int[] count, boolean zeroed, Features features) {
    int nFeatures = binned.length;
    double[] sumGradients = sums(zeroed);
    double[] sumHessians = hasHessians ? sums(zeroed) : null;
    Parallel.RangeBody body = (f0, f1) -> features.sum(f0, f1, sumGradients, sumHessians);
    if (parallel(n)) {
      Parallel.perCore(nFeatures, body);
    } else {
      body.run(0, nFeatures);
    }
    return new Histograms(sumGradients, sumHessians, count == null ? rootCounts : count);
  }

  /**
   * Features {@code [f0, f1)} over the first n rows of {@code source} (sample k's bins at
   * {@code k·stride}, its gradient {@code gh[2k]}, its hessian {@code gh[2k + 1]}): each row is
   * read once and its sample added to every feature's bin, in lanes ({@link HistogramLanes}) then
   * moved to the sums; the counts too, unless count is null (the root).
   */
  private void sumRows(int f0, int f1, byte[] source, int n, float[] gh, double[] sumGradients,
      double[] sumHessians, int[] count) {
    boolean counts = count != null;
    if (HistogramLanes.VECTOR) {
      VectorHistogramLanes.sumRows(source, stride, n, f0, f1, nBins, gh, hasHessians, counts,
          lanes);
    } else {
      HistogramLanes.sumRowsScalar(source, stride, n, f0, f1, nBins, gh, hasHessians, counts,
          lanes);
    }
    HistogramLanes.unpack(lanes, HistogramLanes.width(hasHessians, counts), f0, f1, nBins,
        sumGradients, sumHessians, count);
  }

  /**
   * Features {@code [f0, f1)} of the samples {@code samples[from, from + n)} from the columns, in
   * passes of four or three features (one read of a gradient feeds them all; 14 features are
   * 4 + 4 + 3 + 3, never a pass of one feature that reads every gradient again for one sum),
   * each into lanes ({@link HistogramLanes}) then moved to the sums; a group of one or two (a
   * range of up to five features) is summed feature by feature, straight into the zeroed sums.
   */
  private void sumColumns(int f0, int f1, int[] samples, int from, int n, float[] gh,
      double[] sumGradients, double[] sumHessians, int[] count) {
    int remaining = f1 - f0;
    int groups = (remaining + GROUP - 1) / GROUP;
    int f = f0;
    for (int group = 0; group < groups; group++) {
      int size = remaining / (groups - group) + (remaining % (groups - group) == 0 ? 0 : 1);
      if (size >= GROUP - 1) {
        if (HistogramLanes.VECTOR) {
          VectorHistogramLanes.sumColumns(binned, f, size == GROUP, nBins, samples, from, n, gh,
              hasHessians, lanes);
        } else {
          HistogramLanes.sumColumnsScalar(binned, f, size == GROUP, nBins, samples, from, n, gh,
              hasHessians, lanes);
        }
        HistogramLanes.unpack(lanes, HistogramLanes.width(hasHessians, true), f, f + size, nBins,
            sumGradients, sumHessians, count);
      } else {
        for (int one = f; one < f + size; one++) {
          sumOne(one, samples, from, n, gh, sumGradients, sumHessians, count);
        }
      }
      f += size;
      remaining -= size;
    }
  }

  /** Feature f alone (a range of one or two features). */
  private void sumOne(int f, int[] samples, int from, int n, float[] gh,
      double[] sumGradients, double[] sumHessians, int[] count) {
    byte[] column = binned[f];
    int offset = f * nBins;
    for (int k = 0; k < n; k++) {
      int b = offset + (column[samples[from + k]] & 0xFF);
      sumGradients[b] += gh[2 * k];
      count[b]++;
      if (hasHessians) {
        sumHessians[b] += gh[2 * k + 1];
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
