package semaine.regression;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import semaine.data.RowBlocks;
import semaine.util.Checks;
import semaine.util.Sums;

/**
 * The rows of a least-squares problem, X and its target columns, in chunks of
 * {@value #CHUNK_ROWS} rows visited in order: in memory (chunks mapped in parallel) or read
 * again from {@link RowBlocks} at each pass (a file larger than memory). Each computation over the
 * rows (means, maxima, the triangular factor) is written once against this class and gives the
 * same bits on both, since the chunks and their order are the same.
 */
abstract class RowChunks {

  /** Rows per chunk; fixed so that the rounding depends neither on the cores nor on the source. */
  static final int CHUNK_ROWS = 1 << 15;

  /** Rows [from, to) of X, shape (n, d), and of each target column, shape (t, n). */
  record Chunk(double[][] X, double[][] targets, int from, int to) {}

  /** Number of rows (for streamed rows: counted by the last pass). */
  abstract int rows();

  abstract int features();

  abstract int targets();

  /** Maps each chunk with {@code f} and gives the results to {@code then} in chunk order. */
  abstract <T> void forEach(Function<Chunk, T> f, Consumer<T> then);

  /** X, shape (n, d), and its target columns, shape (t, n), in memory. */
  static RowChunks of(double[][] X, double[][] targets) {
    return new InMemory(X, targets);
  }

  /**
   * Rows whose column {@code target} is the target and the others the features, read from
   * {@code source} at each pass; every block is checked (finite, {@code width} columns).
   */
  static RowChunks streamed(RowBlocks source, int width, int target) {
    return new Streamed(source, width, target);
  }

  /**
   * What one pass over the rows learns: the column means of X and of the targets, as
   * {@code np.average(axis=0)} orders the sums (pairwise for a single column, sequential down the
   * columns otherwise), and each column's smallest and largest value.
   */
  record Summary(double[] xMean, double[] yMean, double[] xMin, double[] xMax, double[] yMin,
      double[] yMax) {

    /**
     * The largest {@code |x - xOffset|} over X and {@code |y - yOffset|} over the targets, from
     * the extremes: rounding is monotonic, so the largest rounded difference is that of an extreme.
     */
    double[] maxAbsCentred(double[] xOffset, double[] yOffset) {
      return new double[] {maxAbs(xMin, xMax, xOffset), maxAbs(yMin, yMax, yOffset)};
    }

    private static double maxAbs(double[] min, double[] max, double[] offset) {
      double largest = 0;
      for (int j = 0; j < offset.length; j++) {
        largest = Math.max(largest, Math.max(Math.abs(max[j] - offset[j]),
            Math.abs(min[j] - offset[j])));
      }
      return largest;
    }
  }

  /** The {@link Summary} of the rows, in one pass. */
  Summary summary() {
    int d = features();
    int t = targets();
    double[] xSums = new double[d];
    double[] ySums = new double[t];
    double[] xMin = filled(d, Double.POSITIVE_INFINITY);
    double[] xMax = filled(d, Double.NEGATIVE_INFINITY);
    double[] yMin = filled(t, Double.POSITIVE_INFINITY);
    double[] yMax = filled(t, Double.NEGATIVE_INFINITY);
    forEach(chunk -> chunk, chunk -> {
      if (d == 1) {
        double[] column = new double[chunk.to - chunk.from];
        for (int i = chunk.from; i < chunk.to; i++) {
          column[i - chunk.from] = chunk.X[i][0];
        }
        xSums[0] = Sums.pairwise(xSums[0], column, 0, column.length);
      }
      for (int i = chunk.from; i < chunk.to; i++) {
        double[] row = chunk.X[i];
        for (int j = 0; j < d; j++) {
          if (d > 1) {
            xSums[j] += row[j];
          }
          xMin[j] = Math.min(xMin[j], row[j]);
          xMax[j] = Math.max(xMax[j], row[j]);
        }
      }
      for (int c = 0; c < t; c++) {
        double[] y = chunk.targets[c];
        if (t == 1) {
          ySums[0] = Sums.pairwise(ySums[0], y, chunk.from, chunk.to);
        }
        for (int i = chunk.from; i < chunk.to; i++) {
          if (t > 1) {
            ySums[c] += y[i];
          }
          yMin[c] = Math.min(yMin[c], y[i]);
          yMax[c] = Math.max(yMax[c], y[i]);
        }
      }
    });
    int n = rows();
    for (int j = 0; j < d; j++) {
      xSums[j] /= n;
    }
    for (int c = 0; c < t; c++) {
      ySums[c] /= n;
    }
    return new Summary(xSums, ySums, xMin, xMax, yMin, yMax);
  }

  private static double[] filled(int n, double value) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, value);
    return a;
  }

  /**
   * The rows centred and scaled by powers of two, {@code (x - xOffset) 2^xShift} and
   * {@code (y - yOffset) 2^yShift}, chunk by chunk.
   */
  RowChunks scaled(double[] xOffset, int xShift, double[] yOffset, int yShift) {
    RowChunks rows = this;
    return new RowChunks() {
      @Override
      int rows() {
        return rows.rows();
      }

      @Override
      int features() {
        return rows.features();
      }

      @Override
      int targets() {
        return rows.targets();
      }

      @Override
      <T> void forEach(Function<Chunk, T> f, Consumer<T> then) {
        rows.forEach(chunk -> f.apply(scale(chunk)), then);
      }

      private Chunk scale(Chunk chunk) {
        int n = chunk.to - chunk.from;
        double[][] X = new double[n][];
        for (int i = 0; i < n; i++) {
          double[] x = chunk.X[chunk.from + i];
          X[i] = new double[x.length];
          for (int j = 0; j < x.length; j++) {
            X[i][j] = Math.scalb(x[j] - xOffset[j], xShift);
          }
        }
        double[][] targets = new double[chunk.targets.length][n];
        for (int c = 0; c < targets.length; c++) {
          for (int i = 0; i < n; i++) {
            targets[c][i] = Math.scalb(chunk.targets[c][chunk.from + i] - yOffset[c], yShift);
          }
        }
        return new Chunk(X, targets, 0, n);
      }
    };
  }

  /** Arrays in memory: chunks are views, mapped in parallel. */
  private static final class InMemory extends RowChunks {
    private final double[][] X;
    private final double[][] targets;

    InMemory(double[][] X, double[][] targets) {
      this.X = X;
      this.targets = targets;
    }

    @Override
    int rows() {
      return X.length;
    }

    @Override
    int features() {
      return X[0].length;
    }

    @Override
    int targets() {
      return targets.length;
    }

    @Override
    <T> void forEach(Function<Chunk, T> f, Consumer<T> then) {
      int n = X.length;
      int chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
      Object[] results = IntStream.range(0, chunks).parallel()
          .mapToObj(c -> f.apply(new Chunk(X, targets, c * CHUNK_ROWS,
              Math.min(n, (c + 1) * CHUNK_ROWS))))
          .toArray();
      for (Object result : results) {
        @SuppressWarnings("unchecked")
        T t = (T) result;
        then.accept(t);
      }
    }
  }

  /**
   * Rows read from a source at each pass, one block in memory at a time. The chunks share one
   * buffer, so a computation maps a chunk to what it keeps (never the chunk itself past
   * {@code then}).
   */
  private static final class Streamed extends RowChunks {
    private final RowBlocks source;
    private final int width;
    private final int target;
    private int rows = -1;
    // one chunk's features and target, written again for each block: a pass allocates no rows
    private double[][] X;
    private double[][] y;

    Streamed(RowBlocks source, int width, int target) {
      Checks.checkArgument(width >= 2, "width (" + width + ") must be >= 2: a feature and the"
          + " target");
      Checks.checkArgument(target >= 0 && target < width,
          "target (" + target + ") must be in [0, " + (width - 1) + "]");
      this.source = source;
      this.width = width;
      this.target = target;
    }

    @Override
    int rows() {
      if (rows < 0) {
        throw new IllegalStateException("the rows are counted by a first pass");
      }
      return rows;
    }

    @Override
    int features() {
      return width - 1;
    }

    @Override
    int targets() {
      return 1;
    }

    @Override
    <T> void forEach(Function<Chunk, T> f, Consumer<T> then) {
      int[] count = {0};
      source.forEach(CHUNK_ROWS, block -> {
        Checks.checkMatrix("rows", block);
        Checks.checkArgument(block[0].length == width, "the rows have " + block[0].length
            + " columns where the first had " + width);
        int n = block.length;
        if (X == null) {
          X = new double[CHUNK_ROWS][width - 1];
          y = new double[1][CHUNK_ROWS];
        }
        for (int i = 0; i < n; i++) {
          double[] row = block[i];
          System.arraycopy(row, 0, X[i], 0, target);
          System.arraycopy(row, target + 1, X[i], target, width - 1 - target);
          y[0][i] = row[target];
        }
        count[0] = Math.addExact(count[0], n);
        then.accept(f.apply(new Chunk(X, y, 0, n)));
      });
      Checks.checkArgument(count[0] > 0, "rows must not be empty");
      rows = count[0];
    }
  }
}
