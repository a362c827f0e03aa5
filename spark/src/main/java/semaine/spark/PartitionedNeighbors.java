package semaine.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import semaine.neighbors.NearestNeighbors;
import semaine.neighbors.Neighbors;

/**
 * Exact k-nearest-neighbour queries against a training set too large for one machine, left
 * partitioned across the executors: the query rows are broadcast, every partition indexes its own
 * training rows ({@link NearestNeighbors}, KD-tree or brute force) and answers each query's k
 * nearest among them, and a tree reduction merges the partitions' lists query by query into the
 * global k nearest. A training row's index is its place in the data's order (partition by
 * partition), the index the local search gives it on the collected rows.
 *
 * <p>Order: by distance, then by index. Each partition's list is made exact under that order (a
 * partition whose k-th distance is shared by a row it did not return is asked again for more), so
 * the merged list is the k smallest (distance, index) pairs whatever the partitioning. The
 * distances are the local engine's, pair by pair, so without ties they are the local
 * {@code kneighbors}' neighbours and distances exactly. Among rows at equal distances the local
 * search keeps and lists them as scikit-learn's heap does, which is not always index order: where
 * distances tie, the two may list the tied rows differently (the distances agree).
 *
 * <pre>{@code
 * Neighbors found = new PartitionedNeighbors(spark.read().parquet("train.parquet"),
 *     List.of("x", "y")).algorithm("kd_tree").kneighbors(queries, 5);
 * }</pre>
 */
public final class PartitionedNeighbors implements Serializable {

  private static final long serialVersionUID = 1L;

  private final transient JavaRDD<double[]> train;
  private String algorithm = "brute";
  private int leafSize = 30;
  private int p = 2;
  private int depth = 2;

  /** Queries against {@code train}'s rows, in its order (equal lengths, finite values). */
  public PartitionedNeighbors(JavaRDD<double[]> train) {
    if (train == null) {
      throw new IllegalArgumentException("train must not be null");
    }
    this.train = train;
  }

  /** Queries against the rows of {@code train} on its numeric {@code columns}, in that order. */
  public PartitionedNeighbors(Dataset<Row> train, List<String> columns) {
    this(RowBlocks.rows(train, columns));
  }

  /**
   * Each partition's index: "brute" (the default) or "kd_tree". "auto" is refused: the local
   * search picks by the whole set's size, a partition would pick by its own, and the two engines
   * round distances differently.
   */
  public PartitionedNeighbors algorithm(String algorithm) {
    if (!"brute".equals(algorithm) && !"kd_tree".equals(algorithm)) {
      throw new IllegalArgumentException("algorithm ('" + algorithm + "') must be 'brute' or"
          + " 'kd_tree': name the one the local search is compared with");
    }
    this.algorithm = algorithm;
    return this;
  }

  /** The KD-tree's leaf size ({@code leaf_size}, 30). */
  public PartitionedNeighbors leafSize(int leafSize) {
    if (leafSize < 1) {
      throw new IllegalArgumentException("leafSize must be >= 1, got " + leafSize);
    }
    this.leafSize = leafSize;
    return this;
  }

  /** The Minkowski power: 1 (Manhattan) or 2 (Euclidean, the default). */
  public PartitionedNeighbors p(int p) {
    if (p != 1 && p != 2) {
      throw new IllegalArgumentException("p must be 1 or 2, got " + p);
    }
    this.p = p;
    return this;
  }

  /** The depth of the tree reduction that merges the partitions' lists (2). */
  public PartitionedNeighbors treeDepth(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("treeDepth must be >= 1, got " + depth);
    }
    this.depth = depth;
    return this;
  }

  /**
   * The {@code k} nearest training rows of each query row: indices into the training set and
   * distances, nearest first (ties by index).
   *
   * @throws IllegalArgumentException when k is not in [1, n_samples_fit], the queries are empty
   *     or ragged, or their width is not the training rows'
   */
  public Neighbors kneighbors(double[][] queries, int k) {
    if (queries == null || queries.length == 0) {
      throw new IllegalArgumentException("queries must hold at least one row");
    }
    int d = queries[0].length;
    for (double[] row : queries) {
      if (row == null || row.length != d) {
        throw new IllegalArgumentException("every query row must have " + d + " values");
      }
    }
    List<Long> sizes = train.mapPartitions(rows -> {
      long count = 0;
      for (; rows.hasNext(); rows.next()) {
        count++;
      }
      return List.of(count).iterator();
    }).collect();
    long[] offsets = new long[sizes.size()];
    long n = 0;
    for (int part = 0; part < offsets.length; part++) {
      offsets[part] = n;
      n += sizes.get(part);
    }
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k (" + k + ") must be in [1, n_samples_fit (" + n
          + ")]");
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the training set has " + n + " rows: indices are int,"
          + " at most " + Integer.MAX_VALUE);
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(train.context());
    Broadcast<double[][]> shared = sc.broadcast(queries);
    PartitionedNeighbors settings = this;
    try {
      TopK found = train.mapPartitionsWithIndex((part, rows) -> {
        List<double[]> local = new ArrayList<>();
        rows.forEachRemaining(local::add);
        if (local.isEmpty()) {
          return List.<TopK>of().iterator();
        }
        return List.of(settings.search(local.toArray(double[][]::new), shared.value(), k,
            (int) offsets[part])).iterator();
      }, true).treeReduce(TopK::merge, depth);
      return new Neighbors(found.distances, found.indices);
    } finally {
      shared.destroy();
    }
  }

  /**
   * One partition's k nearest (at most its size) of each query under (distance, index), with
   * global indices: the rows {@code offset + i}.
   */
  private TopK search(double[][] rows, double[][] queries, int k, int offset) {
    if (rows[0].length != queries[0].length) {
      throw new IllegalArgumentException("the queries have " + queries[0].length + " values per"
          + " row, the training rows " + rows[0].length);
    }
    NearestNeighbors index = new NearestNeighbors(1).algorithm(algorithm).leafSize(leafSize)
        .p(p).fit(rows);
    int m = rows.length;
    int keep = Math.min(k, m);
    int ask = Math.min(k + 1, m);
    Neighbors found = index.kneighbors(queries, ask);
    TopK out = new TopK(k, new double[queries.length][], new int[queries.length][]);
    for (int q = 0; q < queries.length; q++) {
      double[] distances = found.distances()[q];
      int[] indices = found.indices()[q];
      int asked = ask;
      // the keep-th distance shared by the last row returned: a row left out may tie with it
      while (asked < m && distances[keep - 1] == distances[asked - 1]) {
        asked = (int) Math.min(m, 2L * asked);
        Neighbors more = index.kneighbors(new double[][] {queries[q]}, asked);
        distances = more.distances()[0];
        indices = more.indices()[0];
      }
      int[] global = new int[indices.length];
      for (int i = 0; i < global.length; i++) {
        global[i] = offset + indices[i];
      }
      out.take(q, distances, global, keep);
    }
    return out;
  }

  /** Per query, up to k (distance, index) pairs in ascending order. */
  private record TopK(int k, double[][] distances, int[][] indices) implements Serializable {

    /** Stores the {@code keep} smallest of the given pairs (any order) as query q's list. */
    void take(int q, double[] values, int[] ids, int keep) {
      Integer[] order = new Integer[values.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> values[a] != values[b] ? Double.compare(values[a], values[b])
          : Integer.compare(ids[a], ids[b]));
      distances[q] = new double[keep];
      indices[q] = new int[keep];
      for (int i = 0; i < keep; i++) {
        distances[q][i] = values[order[i]];
        indices[q][i] = ids[order[i]];
      }
    }

    /** Query by query, the k smallest pairs of both lists. */
    static TopK merge(TopK a, TopK b) {
      int k = a.k;
      TopK out = new TopK(k, new double[a.distances.length][], new int[a.distances.length][]);
      for (int q = 0; q < a.distances.length; q++) {
        int la = a.distances[q].length;
        int lb = b.distances[q].length;
        int keep = Math.min(k, la + lb);
        out.distances[q] = new double[keep];
        out.indices[q] = new int[keep];
        int i = 0;
        int j = 0;
        for (int t = 0; t < keep; t++) {
          boolean fromA = j >= lb || (i < la && (a.distances[q][i] < b.distances[q][j]
              || (a.distances[q][i] == b.distances[q][j]
              && a.indices[q][i] < b.indices[q][j])));
          out.distances[q][t] = fromA ? a.distances[q][i] : b.distances[q][j];
          out.indices[q][t] = fromA ? a.indices[q][i++] : b.indices[q][j++];
        }
      }
      return out;
    }
  }
}
