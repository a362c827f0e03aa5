package semaine.svm;

import java.util.LinkedHashMap;
import java.util.Map;
import semaine.util.Parallel;

/**
 * The kernel matrix of one training problem, row by row on demand, with the most recently used
 * rows kept in a budget of {@code cache_size} megabytes (libsvm's {@code Cache}: least recently
 * used rows are dropped first).
 *
 * <p>A row holds {@code (float) K(x_i, x_j)} for every sample j of the problem: libsvm stores its
 * matrix in single precision, and the solver's iterates depend on that rounding. This whole-row
 * cache by sample serves the regression problems ({@link SvrQ}); the problems with one variable
 * per sample get {@link SvcQ}, which caches rows over the active set only. Both count their
 * requests here, so that benchmarks can report the hit rate.
 */
final class KernelCache {

  /** Below this many multiply-adds a row is computed on the calling thread. */
  private static final int PARALLEL_WORK = 1 << 16;

  private final Kernel kernel;
  private final double[][] x;
  private final int[] columns;
  private final double[] squares;
  private final double[] diagonal;
  /** The rows feature by feature (null for a precomputed kernel). */
  private FeatureMajor byFeature;
  private final double cacheSizeMb;
  private final long capacityRows;
  private final LinkedHashMap<Integer, float[]> rows;
  private long hits;
  private long misses;

  /**
   * @param kernel the kernel function
   * @param x the problem's samples, shape (l, n_features) (for precomputed: Gram rows)
   * @param columns each sample's column in the Gram matrix (precomputed only; else unused)
   * @param cacheSizeMb the budget in megabytes (cache_size)
   */
  KernelCache(Kernel kernel, double[][] x, int[] columns, double cacheSizeMb) {
    this.kernel = kernel;
    this.x = x;
    this.columns = columns;
    int l = x.length;
    squares = new double[l];
    if (kernel.type() == Kernel.Type.RBF) {
      for (int i = 0; i < l; i++) {
        squares[i] = Kernel.dot(x[i], x[i]);
      }
    }
    this.cacheSizeMb = cacheSizeMb;
    diagonal = new double[l];
    for (int i = 0; i < l; i++) {
      diagonal[i] = value(i, i);
    }
    // libsvm keeps at least two rows whatever the budget
    capacityRows = Math.max(2, (long) (cacheSizeMb * (1 << 20)) / (4L * Math.max(1, l)));
    rows = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, float[]> eldest) {
        return size() > capacityRows;
      }
    };
  }

  /** The budget in megabytes (cache_size). */
  double cacheSizeMb() {
    return cacheSizeMb;
  }

  Kernel kernel() {
    return kernel;
  }

  /** The samples, by sample. */
  double[][] samples() {
    return x;
  }

  /** ‖x_i‖² by sample (rbf; zeros otherwise). */
  double[] squares() {
    return squares;
  }

  /** Each sample's Gram-matrix column (precomputed), else null. */
  int[] columns() {
    return kernel.type() == Kernel.Type.PRECOMPUTED ? columns : null;
  }

  void countHit() {
    hits++;
  }

  void countMiss() {
    misses++;
  }

  /** The number of samples l. */
  int size() {
    return x.length;
  }

  /** K(x_i, x_j) in double precision. */
  double value(int i, int j) {
    return kernel.training(x[i], squares[i], x[j], squares[j], columns == null ? 0 : columns[j]);
  }

  /** K(x_i, x_i) for each i, in double precision (libsvm's QD before signs). */
  double[] diagonal() {
    return diagonal;
  }

  /** Row i of the kernel matrix in float, from the cache or computed now. */
  float[] row(int i) {
    float[] row = rows.get(i);
    if (row != null) {
      hits++;
      return row;
    }
    misses++;
    return computeRow(i);
  }

  /** Row i again right after {@link #row} returned it (not a new request). */
  float[] rowUncounted(int i) {
    float[] row = rows.get(i);
    return row != null ? row : computeRow(i);
  }

  private float[] computeRow(int i) {
    if (byFeature == null && kernel.type() != Kernel.Type.PRECOMPUTED) {
      byFeature = new FeatureMajor(x);
    }
    int l = x.length;
    float[] computed = new float[l];
    int features = x[i].length;
    int grain = Math.max(64, PARALLEL_WORK / Math.max(1, features));
    Parallel.forRange(l, grain, (from, to) -> {
      if (byFeature == null) {
        for (int j = from; j < to; j++) {
          computed[j] = (float) value(i, j);
        }
        return;
      }
      double[] dots = new double[to - from];
      byFeature.dots(x[i], from, to, dots);
      for (int j = from; j < to; j++) {
        computed[j] = (float) kernel.ofDot(dots[j - from], squares[i], squares[j]);
      }
    });
    rows.put(i, computed);
    return computed;
  }

  /** The share of row requests answered from the cache (0 when no row was asked for). */
  double hitRate() {
    long total = hits + misses;
    return total == 0 ? 0 : (double) hits / total;
  }

  long hits() {
    return hits;
  }

  long misses() {
    return misses;
  }
}
