package semaine.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import semaine.clustering.LloydKernels;
import semaine.util.Sums;

/**
 * Rows of numbers gathered into blocks where they live (one block: up to a few thousand rows of a
 * partition, row-major in one array), so the kernels work on arrays as they do on one machine.
 * A block knows its partition and its place in it: with the partitions in order, (partition,
 * block, row) is the rows' order.
 */
final class RowBlocks {

  private RowBlocks() {}

  /**
   * The rows of {@code frame} as arrays of its {@code columns}' values (numeric columns, read as
   * doubles).
   *
   * @throws IllegalArgumentException when a column is missing or not numeric (on use: a null)
   */
  static JavaRDD<double[]> rows(Dataset<Row> frame, List<String> columns) {
    FeatureColumns.check(frame.schema(), columns, "");
    List<String> names = List.copyOf(columns);
    return frame.select(names.stream().map(functions::col)
        .toArray(org.apache.spark.sql.Column[]::new)).javaRDD().map(row -> {
          double[] values = new double[names.size()];
          for (int f = 0; f < values.length; f++) {
            if (row.isNullAt(f)) {
              throw new IllegalArgumentException("column '" + names.get(f) + "' is null in a row:"
                  + " every feature needs a value");
            }
            values[f] = ((Number) row.get(f)).doubleValue();
          }
          return values;
        });
  }

  /** {@code rows} in blocks of at most {@code blockRows} rows, partition by partition. */
  static JavaRDD<Block> of(JavaRDD<double[]> rows, int blockRows) {
    return rows.mapPartitionsWithIndex((partition, in) -> {
      List<Block> blocks = new ArrayList<>();
      List<double[]> pending = new ArrayList<>(blockRows);
      int d = -1;
      while (in.hasNext()) {
        double[] row = in.next();
        if (d < 0) {
          d = row.length;
        }
        check(row, d);
        pending.add(row);
        if (pending.size() == blockRows) {
          blocks.add(Block.of(partition, blocks.size(), pending));
          pending.clear();
        }
      }
      if (!pending.isEmpty()) {
        blocks.add(Block.of(partition, blocks.size(), pending));
      }
      return blocks.iterator();
    }, true);
  }

  private static void check(double[] row, int d) {
    if (row == null || row.length == 0 || row.length != d) {
      throw new IllegalArgumentException("every row must have the same number (>= 1) of values: "
          + d + " expected, got " + (row == null ? "null" : row.length));
    }
    for (int f = 0; f < d; f++) {
      if (!Double.isFinite(row[f])) {
        throw new IllegalArgumentException("a row has the value " + row[f] + " in column " + f
            + ": values must be finite");
      }
    }
  }

  /**
   * A block of rows.
   *
   * @param partition the partition it came from
   * @param index its place among the partition's blocks
   * @param n rows
   * @param d values per row
   * @param x the rows, row-major, shape (n, d)
   */
  record Block(int partition, int index, int n, int d, double[] x) implements Serializable {

    static Block of(int partition, int index, List<double[]> rows) {
      int d = rows.getFirst().length;
      double[] x = new double[rows.size() * d];
      for (int i = 0; i < rows.size(); i++) {
        System.arraycopy(rows.get(i), 0, x, i * d, d);
      }
      return new Block(partition, index, rows.size(), d, x);
    }

    /** The same rows minus {@code mean}, column by column. */
    Block centred(double[] mean) {
      double[] out = new double[x.length];
      for (int i = 0; i < n; i++) {
        for (int f = 0; f < d; f++) {
          out[i * d + f] = x[i * d + f] - mean[f];
        }
      }
      return new Block(partition, index, n, d, out);
    }

    /** Column sums (one cluster holding every row; its count is n). */
    ClusterSums columnSums() {
      ClusterSums sums = new ClusterSums(1, d);
      for (int i = 0; i < n; i++) {
        sums.addRow(0, x, i);
      }
      return sums;
    }

    /** Column sums of the squares. */
    ClusterSums squareSums() {
      double[] squares = new double[x.length];
      for (int s = 0; s < x.length; s++) {
        squares[s] = x[s] * x[s];
      }
      ClusterSums sums = new ClusterSums(1, d);
      for (int i = 0; i < n; i++) {
        sums.addRow(0, squares, i);
      }
      return sums;
    }

    /** Each row's closest centre (k centres, row-major). */
    int[] assign(double[] centers, int k) {
      int[] labels = new int[n];
      LloydKernels.assign(x, n, d, centers, k, labels);
      return labels;
    }

    /** Per-cluster sums and counts of the rows labelled by their closest centre. */
    ClusterSums clusterSums(double[] centers, int k) {
      int[] labels = assign(centers, k);
      ClusterSums sums = new ClusterSums(k, d);
      for (int i = 0; i < n; i++) {
        sums.addRow(labels[i], x, i);
      }
      return sums;
    }

    /** Σ_i ‖x_i − c_label(i)‖² as the total. */
    ClusterSums inertia(double[] centers, int k) {
      int[] labels = assign(centers, k);
      ClusterSums sums = new ClusterSums(k, d);
      for (int i = 0; i < n; i++) {
        sums.addTotal(LloydKernels.squaredDistance(x, i * d, centers, labels[i] * d, d));
      }
      return sums;
    }

    /** The labels, boxed, in row order. */
    List<Integer> labels(double[] centers, int k) {
      int[] labels = assign(centers, k);
      List<Integer> out = new ArrayList<>(n);
      for (int label : labels) {
        out.add(label);
      }
      return out;
    }

    /** The rows as arrays. */
    List<double[]> rows() {
      List<double[]> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(Arrays.copyOfRange(x, i * d, (i + 1) * d));
      }
      return out;
    }

    /** The {@code count} rows farthest from their closest centre, in {@link Far#ORDER}. */
    List<Far> farthest(double[] centers, int k, int count) {
      int[] labels = assign(centers, k);
      List<Far> all = new ArrayList<>(n);
      double[] squares = new double[d];
      for (int i = 0; i < n; i++) {
        for (int f = 0; f < d; f++) {
          double diff = x[i * d + f] - centers[labels[i] * d + f];
          squares[f] = diff * diff;
        }
        all.add(new Far(Sums.pairwise(squares), partition, index, i, labels[i],
            Arrays.copyOfRange(x, i * d, (i + 1) * d)));
      }
      all.sort(Far.ORDER);
      return new ArrayList<>(all.subList(0, Math.min(count, n)));
    }
  }

  /**
   * A row and its distance to its centre, for relocating empty clusters.
   *
   * @param distance squared distance to its centre
   * @param partition its partition
   * @param block its block in the partition
   * @param row its place in the block
   * @param label its cluster
   * @param values the row
   */
  record Far(double distance, int partition, int block, int row, int label, double[] values)
      implements Serializable {

    /** Farthest first, then in row order. */
    static final Comparator<Far> ORDER = (Comparator<Far> & Serializable) (a, b) -> {
      int c = Double.compare(b.distance, a.distance);
      if (c == 0) {
        c = Integer.compare(a.partition, b.partition);
      }
      if (c == 0) {
        c = Integer.compare(a.block, b.block);
      }
      return c != 0 ? c : Integer.compare(a.row, b.row);
    };
  }
}
