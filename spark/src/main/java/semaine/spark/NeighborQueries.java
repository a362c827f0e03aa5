package semaine.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import semaine.neighbors.NearestNeighbors;
import semaine.neighbors.Neighbors;

/**
 * Exact k-nearest-neighbour queries of a large set of query rows against a training set held on
 * every executor: the training rows are broadcast once, each executor builds the same
 * {@link NearestNeighbors} index from them as the driver would (KD-tree or brute force, the same
 * parameters: building is deterministic), each partition asks it for its rows' neighbours in
 * blocks, and two columns are appended: {@code neighbors} (the training rows' indices, nearest
 * first) and {@code distances}. The search is the local {@code kneighbors}, so the neighbours and
 * distances are the local ones, whatever the partitioning.
 *
 * <pre>{@code
 * Dataset<Row> answered = new NeighborQueries(trainX, List.of("x", "y")).algorithm("kd_tree")
 *     .kneighbors(queries, 5);
 * }</pre>
 */
public final class NeighborQueries implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[][] train;
  private final List<String> columns;
  private String algorithm = "auto";
  private int leafSize = 30;
  private int p = 2;

  /** Queries against the rows of {@code train}, reading the query rows from {@code columns}. */
  public NeighborQueries(double[][] train, List<String> columns) {
    if (train == null || train.length == 0) {
      throw new IllegalArgumentException("train must hold at least one row");
    }
    if (columns == null || columns.size() != train[0].length) {
      throw new IllegalArgumentException("columns must name the training rows' " + train[0].length
          + " features, got " + columns);
    }
    this.train = train.clone();
    this.columns = List.copyOf(columns);
    index(); // checks the rows as NearestNeighbors.fit does
  }

  /** The index: "auto", "kd_tree" or "brute" ({@code algorithm}). */
  public NeighborQueries algorithm(String algorithm) {
    this.algorithm = algorithm;
    index();
    return this;
  }

  /** The KD-tree's leaf size ({@code leaf_size}, 30). */
  public NeighborQueries leafSize(int leafSize) {
    this.leafSize = leafSize;
    index();
    return this;
  }

  /** The Minkowski power: 1 (Manhattan) or 2 (Euclidean, the default). */
  public NeighborQueries p(int p) {
    this.p = p;
    index();
    return this;
  }

  /** The index every executor builds: {@code NearestNeighbors} fitted on the training rows. */
  NearestNeighbors index() {
    return new NearestNeighbors(1).algorithm(algorithm).leafSize(leafSize).p(p).fit(train);
  }

  /**
   * {@code queries} with each row's {@code k} nearest training rows: {@code neighbors} (array of
   * int indices into the training set, nearest first) and {@code distances} (array of doubles).
   *
   * @throws IllegalArgumentException when k is not in [1, n_samples_fit], or a column is missing,
   *     not numeric, or an output column already exists
   */
  public Dataset<Row> kneighbors(Dataset<Row> queries, int k) {
    int[] positions = FeatureColumns.check(queries.schema(), columns, "");
    FeatureColumns.checkAbsent(queries.schema(), "neighbors", "(rename the input column)");
    FeatureColumns.checkAbsent(queries.schema(), "distances", "(rename the input column)");
    if (k < 1 || k > train.length) {
      throw new IllegalArgumentException("k (" + k + ") must be in [1, n_samples_fit ("
          + train.length + ")]");
    }
    StructType schema = queries.schema()
        .add("neighbors", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
        .add("distances", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    Broadcast<NeighborQueries> shared = JavaSparkContext.fromSparkContext(
        queries.sparkSession().sparkContext()).broadcast(this);
    List<String> names = columns;
    MapPartitionsFunction<Row, Row> search = partition -> {
      NearestNeighbors index = shared.value().index();
      return new AnsweredRows(partition, X -> answers(index.kneighbors(X, k)), positions, names,
          ModelScorer.BLOCK_ROWS);
    };
    return queries.mapPartitions(search, Encoders.row(schema));
  }
  private static Object[][] answers(Neighbors found) {
    Object[][] out = new Object[found.indices().length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Object[] {found.indices()[i], found.distances()[i]};
    }
    return out;
  }
}
