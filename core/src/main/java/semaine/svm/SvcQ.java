package semaine.svm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import semaine.util.Parallel;

/**
 * Q for the problems with one variable per sample (C-SVC, ν-SVC, one-class: libsvm's {@code SVC_Q}
 * and {@code ONE_CLASS_Q}), cached as libsvm's {@code Cache} does: rows in solver positions, each
 * holding only the prefix [0, len) computed so far (the active set under shrinking), extended in
 * place when a longer prefix is asked (after unshrinking), least recently used rows dropped first.
 * Unlike libsvm, which reallocates each row to its length, every row owns an array of l floats
 * (so the {@code cache_size} budget holds as many rows as the whole-row cache) and a dropped row's
 * array serves the next row: no allocation, copy or garbage in the solver's loop.
 *
 * <p>Every entry is {@code ±(float) K(x_s, x_t)} computed by {@link KernelCache#value}'s
 * formula, so the solver sees the same numbers whichever entries are cached. A swap of positions moves the
 * samples' data and the cached rows with them; inside each cached row the two entries are exchanged
 * (batched until the next request, one row after another), and a row that covers the lower position
 * but not the higher one receives the one missing value (libsvm drops such a row instead).
 */
final class SvcQ implements QMatrix {

  /** True when the Vector API module is loaded and not switched off ({@code semaine.vector}). */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("semaine.vector"));
  /** Entries per block of a row: the dot products of one block stay in the first-level cache. */
  private static final int BLOCK = 256;
  /** Below this many multiply-adds, a row segment is computed on the calling thread. */
  private static final int PARALLEL_WORK = 1 << 17;

  private final KernelCache cache;
  private final Kernel kernel;
  private final int l;
  // per-position data of the samples; a swap moves them together
  private final double[][] x;
  private final double[] squares;
  private final int[] columns;
  private final byte[] y;
  private final int[] sampleAt;
  private final FeatureMajor byFeature;
  /** Each sample's sign, indexed by sample. */
  private final byte[] ySample;
  // the cache: row of each position, its cached length, the LRU ring (sentinel at l)
  private final float[][] data;
  private final int[] len;
  private final int[] prev;
  private final int[] next;
  /** Rows that may still be allocated within the budget. */
  private long freeRows;
  /** Swaps not yet applied inside the cached rows: (low, high, sample moved to low) triples. */
  private int[] pending = new int[48];
  private int nPending;

  SvcQ(KernelCache cache, byte[] y, double cacheSizeMb) {
    this.cache = cache;
    this.kernel = cache.kernel();
    this.l = y.length;
    this.x = cache.samples().clone();
    this.squares = cache.squares().clone();
    this.columns = cache.columns() == null ? null : cache.columns().clone();
    this.y = y.clone();
    this.ySample = y.clone();
    this.sampleAt = new int[l];
    for (int t = 0; t < l; t++) {
      sampleAt[t] = t;
    }
    byFeature = kernel.type() == Kernel.Type.PRECOMPUTED ? null : new FeatureMajor(x);
    data = new float[l][];
    len = new int[l];
    prev = new int[l + 1];
    next = new int[l + 1];
    prev[l] = l;
    next[l] = l;
    // the budget in whole rows, at least two (libsvm's in floats)
    freeRows = Math.max(2L, (long) (cacheSizeMb * (1 << 20)) / (4L * l));
  }

  @Override
  public float[] row(int i, int len) {
    if (this.len[i] > 0) {
      cache.countHit();
    } else {
      cache.countMiss();
    }
    return fill(i, len);
  }

  @Override
  public float[] longer(int i, int len) {
    return fill(i, len);
  }

  private float[] fill(int i, int want) {
    if (nPending > 0) {
      applyPendingSwaps();
    }
    int have = len[i];
    if (have > 0) {
      unlink(i);
    }
    if (have == 0) {
      if (freeRows > 0) {
        freeRows--;
        data[i] = new float[l];
      } else {
        // the least recently used row gives its array
        int old = next[l];
        unlink(old);
        data[i] = data[old];
        data[old] = null;
        len[old] = 0;
      }
    }
    if (want > have) {
      compute(i, have, want, data[i]);
      len[i] = want;
    }
    linkLast(i);
    return data[i];
  }

  /** Entries [from, to) of row i: ±(float) K, blocks of dot products then the kernel of each. */
  private void compute(int i, int from, int to, float[] row) {
    int features = Math.max(1, x[i].length);
    int grain = Math.max(4 * BLOCK, PARALLEL_WORK / features);
    boolean vectorRbf = VECTOR && kernel.type() == Kernel.Type.RBF;
    Parallel.forRange(to - from, grain, (a, b) -> {
      double[] xi = x[i];
      double squareI = squares[i];
      byte yi = y[i];
      double[] dots = new double[BLOCK];
      double[] args = vectorRbf ? new double[BLOCK] : null;
      for (int s = from + a; s < from + b; s += BLOCK) {
        int e = Math.min(s + BLOCK, from + b);
        if (byFeature == null) {
          for (int k = s; k < e; k++) {
            float v = (float) xi[columns[k]];
            row[k] = y[k] == yi ? v : -v;
          }
          continue;
        }
        int k = s;
        if (vectorRbf) {
          // exp by whole vectors, rounded to float as Math.exp's value would be
          k = VectorKernelRows.rbfTraining(byFeature.columns(), xi, squareI, squares,
              kernel.gamma(), s, e, args, dots);
          for (int m = s; m < k; m++) {
            float v = Kernel.expToFloat(dots[m - s], args[m - s]);
            row[m] = y[m] == yi ? v : -v;
          }
          // the last few, one by one (the same sums in the same order)
          for (; k < e; k++) {
            float v = (float) kernel.training(xi, squareI, x[k], squares[k], 0);
            row[k] = y[k] == yi ? v : -v;
          }
        }
        if (k < e) {
          byFeature.dots(xi, k, e, dots);
          for (int m = k; m < e; m++) {
            float v = (float) kernel.ofDot(dots[m - k], squareI, squares[m]);
            row[m] = y[m] == yi ? v : -v;
          }
        }
      }
    });
  }

  @Override
  public void swap(int i, int j) {
    if (i == j) {
      return;
    }
    swapRef(x, i, j);
    Swaps.swapDouble(squares, i, j);
    if (columns != null) {
      Swaps.swapInt(columns, i, j);
    }
    Swaps.swapByte(y, i, j);
    Swaps.swapInt(sampleAt, i, j);
    if (byFeature != null) {
      byFeature.swap(i, j);
    }
    boolean cachedI = len[i] > 0;
    boolean cachedJ = len[j] > 0;
    if (cachedI) {
      unlink(i);
    }
    if (cachedJ) {
      unlink(j);
    }
    swapRef(data, i, j);
    Swaps.swapInt(len, i, j);
    if (len[i] > 0) {
      linkLast(i);
    }
    if (len[j] > 0) {
      linkLast(j);
    }
    if (nPending * 3 + 3 > pending.length) {
      pending = Arrays.copyOf(pending, pending.length * 2);
    }
    int low = Math.min(i, j);
    pending[nPending * 3] = low;
    pending[nPending * 3 + 1] = Math.max(i, j);
    pending[nPending * 3 + 2] = sampleAt[low];
    nPending++;
  }

  /**
   * Exchanges the swapped entries inside every cached row, all pending swaps in order, row after
   * row (in parallel: the rows are independent).
   */
  private void applyPendingSwaps() {
    List<Integer> cached = new ArrayList<>();
    for (int h = next[l]; h != l; h = next[h]) {
      cached.add(h);
    }
    int n = nPending;
    int[] swaps = pending;
    Parallel.forRange(cached.size(), 8, (from, to) -> {
      for (int c = from; c < to; c++) {
        int h = cached.get(c);
        float[] row = data[h];
        int rowLen = len[h];
        int owner = sampleAt[h];
        for (int s = 0; s < n; s++) {
          int low = swaps[3 * s];
          if (rowLen <= low) {
            continue;
          }
          int high = swaps[3 * s + 1];
          if (rowLen > high) {
            float t = row[low];
            row[low] = row[high];
            row[high] = t;
          } else {
            int moved = swaps[3 * s + 2];
            float v = (float) cache.value(owner, moved);
            row[low] = ySample[owner] == ySample[moved] ? v : -v;
          }
        }
      }
    });
    nPending = 0;
  }

  private void unlink(int h) {
    next[prev[h]] = next[h];
    prev[next[h]] = prev[h];
  }

  private void linkLast(int h) {
    next[h] = l;
    prev[h] = prev[l];
    next[prev[h]] = h;
    prev[l] = h;
  }

  private static <T> void swapRef(T[] a, int i, int j) {
    T t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
