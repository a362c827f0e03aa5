package semaine.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import semaine.clustering.KMeans;
import semaine.clustering.LloydKernels;
import semaine.util.Sums;

/**
 * k-means over rows spread across a Spark cluster: the rows stay where they are, and each of
 * Lloyd's iterations broadcasts the k centres, labels every block of rows where it lives (the
 * same kernel as the local {@link KMeans}) and adds up per-cluster sums and counts, which a tree
 * reduction ({@code treeAggregate}) brings to the driver; the driver moves the centres.
 *
 * <p>It follows the local {@code KMeans} step by step: the rows are centred on their column
 * means, the tolerance is {@code tol · mean_f var(X[:, f])}, the run stops when Σ_j ‖c_j' − c_j‖²
 * ≤ tol (labels that repeat give centres that do not move), an empty cluster takes the row
 * farthest from its centre (ties in row order), the inertia is computed after the last move. From
 * the same initial centres it reaches the local answer: the same labels and the inertia to
 * rounding (the sums are compensated, see {@link ClusterSums}, where the local ones add in row
 * order). Without initial centres, k-means++ runs on the driver on a sample of the rows (all of
 * them when there are at most {@code sampleSize}: then the seeds are the local fit's).
 *
 * <pre>{@code
 * DistributedKMeans.Result result = new DistributedKMeans(8).randomState(0)
 *     .fit(spark.read().parquet("points.parquet"), List.of("x0", "x1", "x2"));
 * double[][] centres = result.clusterCenters();
 * }</pre>
 */
public final class DistributedKMeans implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows per block: each block is labelled with one call to the kernel. */
  static final int BLOCK_ROWS = 4096;

  private final int nClusters;
  private int maxIter = 300;
  private double tol = 1e-4;
  private Long randomState;
  private double[][] init;
  private int sampleSize = 100_000;
  private int depth = 2;

  /** k-means with {@code nClusters} clusters. */
  public DistributedKMeans(int nClusters) {
    if (nClusters < 1) {
      throw new IllegalArgumentException("nClusters must be >= 1, got " + nClusters);
    }
    this.nClusters = nClusters;
  }

  /** The largest number of Lloyd iterations ({@code max_iter}, 300). */
  public DistributedKMeans maxIter(int maxIter) {
    if (maxIter < 1) {
      throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
    }
    this.maxIter = maxIter;
    return this;
  }

  /** The relative tolerance on the centres' squared move ({@code tol}, 1e-4). */
  public DistributedKMeans tol(double tol) {
    if (!(tol >= 0)) {
      throw new IllegalArgumentException("tol must be >= 0, got " + tol);
    }
    this.tol = tol;
    return this;
  }

  /** The seed of k-means++ and of the sample it runs on. */
  public DistributedKMeans randomState(long seed) {
    this.randomState = seed;
    return this;
  }

  /** Explicit initial centres, shape (nClusters, n_features), in the data's coordinates. */
  public DistributedKMeans init(double[][] centers) {
    if (centers == null || centers.length != nClusters) {
      throw new IllegalArgumentException("init must have one row per cluster (" + nClusters
          + "), got " + (centers == null ? "null" : centers.length + " rows"));
    }
    this.init = centers.clone();
    return this;
  }

  /** How many rows k-means++ seeds from at most (100,000); all rows when there are fewer. */
  public DistributedKMeans sampleSize(int rows) {
    if (rows < nClusters) {
      throw new IllegalArgumentException("sampleSize must be >= nClusters (" + nClusters
          + "), got " + rows);
    }
    this.sampleSize = rows;
    return this;
  }

  /** The depth of the tree reduction of the sums (2). */
  public DistributedKMeans treeDepth(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("treeDepth must be >= 1, got " + depth);
    }
    this.depth = depth;
    return this;
  }

  /** Clusters the rows of {@code frame} on its numeric {@code columns}, in that order. */
  public Result fit(Dataset<Row> frame, List<String> columns) {
    return fit(RowBlocks.rows(frame, columns));
  }

  /** Clusters {@code rows} (each of the same length, finite values). */
  public Result fit(JavaRDD<double[]> rows) {
    JavaRDD<RowBlocks.Block> raw = RowBlocks.of(rows, BLOCK_ROWS)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      ClusterSums columnSums = raw.map(block -> block.columnSums())
          .treeAggregate(null, DistributedKMeans::merge, DistributedKMeans::merge, depth);
      if (columnSums == null) {
        throw new IllegalArgumentException("the data has no rows: k-means needs at least "
            + nClusters);
      }
      int d = columnSums.width();
      long n = columnSums.count(0);
      if (n < nClusters) {
        throw new IllegalArgumentException("n_clusters (" + nClusters + ") must be <= n_samples ("
            + n + ")");
      }
      double[] mean = new double[d];
      for (int f = 0; f < d; f++) {
        mean[f] = columnSums.sum(0, f) / n;
      }
      JavaRDD<RowBlocks.Block> x = raw.map(block -> block.centred(mean))
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        return lloyd(x, raw, n, d, mean);
      } finally {
        x.unpersist(false);
      }
    } finally {
      raw.unpersist(false);
    }
  }

  private Result lloyd(JavaRDD<RowBlocks.Block> x, JavaRDD<RowBlocks.Block> raw, long n, int d,
      double[] mean) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(x.context());
    ClusterSums squares = x.map(RowBlocks.Block::squareSums)
        .treeAggregate(null, DistributedKMeans::merge, DistributedKMeans::merge, depth);
    double[] variances = new double[d];
    for (int f = 0; f < d; f++) {
      variances[f] = squares.sum(0, f) / n;
    }
    double tolAbs = tol == 0 ? 0 : Sums.pairwise(variances) / d * tol;
    int k = nClusters;
    double[] centers = initialCenters(raw, n, d, mean);
    int iteration = 0;
    for (; iteration < maxIter; iteration++) {
      Broadcast<double[]> shared = sc.broadcast(centers);
      ClusterSums sums = x.map(block -> block.clusterSums(shared.value(), k))
          .treeAggregate(null, DistributedKMeans::merge, DistributedKMeans::merge, depth);
      relocateEmptyClusters(x, centers, sums, k, d);
      shared.destroy();
      double[] next = means(sums, k, d);
      double[] shiftSq = new double[k];
      for (int j = 0; j < k; j++) {
        double shift = Math.sqrt(LloydKernels.squaredDistance(next, j * d, centers, j * d, d));
        shiftSq[j] = shift * shift;
      }
      centers = next;
      if (Sums.pairwise(shiftSq) <= tolAbs) {
        break;
      }
    }
    Broadcast<double[]> last = sc.broadcast(centers);
    ClusterSums inertia = x.map(block -> block.inertia(last.value(), k))
        .treeAggregate(null, DistributedKMeans::merge, DistributedKMeans::merge, depth);
    last.destroy();
    double[][] uncentred = new double[k][d];
    for (int j = 0; j < k; j++) {
      for (int f = 0; f < d; f++) {
        uncentred[j][f] = centers[j * d + f] + mean[f];
      }
    }
    return new Result(uncentred, inertia.total(), Math.min(iteration + 1, maxIter),
        mean.clone(), centers);
  }

  /** The centres: each cluster's sum over its count; a still-empty one sits on the heaviest. */
  private static double[] means(ClusterSums sums, int k, int d) {
    double[] next = new double[k * d];
    int heaviest = 0;
    for (int j = 1; j < k; j++) {
      if (sums.count(j) > sums.count(heaviest)) {
        heaviest = j;
      }
    }
    for (int j = 0; j < k; j++) {
      if (sums.count(j) > 0) {
        double alpha = 1.0 / sums.count(j);
        for (int f = 0; f < d; f++) {
          next[j * d + f] = sums.sum(j, f) * alpha;
        }
      }
    }
    for (int j = 0; j < k; j++) {
      if (sums.count(j) == 0) {
        System.arraycopy(next, heaviest * d, next, j * d, d);
      }
    }
    return next;
  }

  /**
   * Gives each empty cluster one of the rows farthest from their centre, farthest first, ties in
   * row order, as the local k-means does; nothing when every row sits on its centre.
   */
  private static void relocateEmptyClusters(JavaRDD<RowBlocks.Block> x, double[] centers,
      ClusterSums sums, int k, int d) {
    List<Integer> empty = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      if (sums.count(j) == 0) {
        empty.add(j);
      }
    }
    if (empty.isEmpty()) {
      return;
    }
    int e = empty.size();
    List<RowBlocks.Far> far = x.flatMap(block -> block.farthest(centers, k, e).iterator())
        .takeOrdered(e, RowBlocks.Far.ORDER);
    if (far.getFirst().distance() == 0) {
      return;
    }
    for (int t = 0; t < e; t++) {
      RowBlocks.Far row = far.get(t);
      sums.move(row.label(), empty.get(t), row.values());
    }
  }

  private double[] initialCenters(JavaRDD<RowBlocks.Block> raw, long n, int d, double[] mean) {
    double[][] start;
    if (init != null) {
      for (double[] row : init) {
        if (row == null || row.length != d) {
          throw new IllegalArgumentException("init rows must have " + d + " values (the data's"
              + " features), got " + (row == null ? "null" : row.length));
        }
      }
      start = init;
    } else {
      List<double[]> sample = n <= sampleSize
          ? raw.flatMap(block -> block.rows().iterator()).collect()
          : raw.flatMap(block -> block.rows().iterator()).takeSample(false, sampleSize,
              randomState == null ? System.nanoTime() : randomState);
      KMeans seeds = new KMeans(nClusters).maxIter(1).recordSteps(true);
      if (randomState != null) {
        seeds.randomState(randomState);
      }
      start = seeds.fit(sample.toArray(double[][]::new)).steps().getFirst().centers();
    }
    double[] centers = new double[nClusters * d];
    for (int j = 0; j < nClusters; j++) {
      for (int f = 0; f < d; f++) {
        if (!Double.isFinite(start[j][f])) {
          throw new IllegalArgumentException("init[" + j + "][" + f + "] is " + start[j][f]
              + ": initial centres must be finite");
        }
        centers[j * d + f] = start[j][f] - mean[f];
      }
    }
    return centers;
  }

  private static ClusterSums merge(ClusterSums a, ClusterSums b) {
    return a == null ? b : b == null ? a : a.merge(b);
  }

  /**
   * What the distributed fit found.
   *
   * @param clusterCenters (n_clusters, n_features) the centres ({@code cluster_centers_})
   * @param inertia Σ_i ‖x_i − μ_label(i)‖² ({@code inertia_})
   * @param nIter Lloyd iterations run ({@code n_iter_})
   * @param mean the column means the rows were centred on
   * @param centredCenters the centres in centred coordinates, row-major
   */
  public record Result(double[][] clusterCenters, double inertia, int nIter, double[] mean,
      double[] centredCenters) implements Serializable {

    /**
     * The cluster of each row, as the fit's last step labelled them (rows centred on the fit's
     * means, then the local kernel), in the rows' order.
     */
    public JavaRDD<Integer> labels(JavaRDD<double[]> rows) {
      int k = clusterCenters.length;
      double[] centres = centredCenters;
      double[] means = mean;
      return RowBlocks.of(rows, BLOCK_ROWS)
          .flatMap(block -> block.centred(means).labels(centres, k).iterator());
    }
  }

}
