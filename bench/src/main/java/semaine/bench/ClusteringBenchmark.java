package semaine.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import semaine.clustering.AgglomerativeClustering;
import semaine.clustering.DBSCAN;
import semaine.clustering.HDBSCAN;
import semaine.clustering.OPTICS;
import semaine.random.RandomState;

/**
 * Time of the clusterings beyond k-means on {@code np.random.RandomState(0).randn(n, d)}:
 * {@code DBSCAN(eps=0.025).fit(X)} on 200,000 x 2 (about 30 neighbours per sample, a k-d tree)
 * and {@code AgglomerativeClustering(n_clusters=8, linkage='ward').fit(X)} on 5,000 x 10 and on
 * 20,000 x 10 (the condensed distances take 1.6 GB on each side: -Xmx4g), and structured on
 * 20,000 x 10 with {@code connectivity=kneighbors_graph(X, 10)} (no condensed matrix; the graph
 * built inside fit on both sides); {@code OPTICS(min_samples=5)}
 * on 20,000 x 2 and {@code HDBSCAN(min_cluster_size=5)} on 50,000 x 2 (both O(n²) distances).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class ClusteringBenchmark {

  private double[][] dbscanX;
  private double[][] wardX;
  private double[][] ward20kX;
  private double[][] opticsX;
  private double[][] hdbscanX;

  @Setup
  public void data() {
    dbscanX = new RandomState(0).randn(200_000, 2);
    wardX = new RandomState(0).randn(5_000, 10);
    ward20kX = new RandomState(0).randn(20_000, 10);
    opticsX = new RandomState(0).randn(20_000, 2);
    hdbscanX = new RandomState(0).randn(50_000, 2);
  }

  @Benchmark
  @Warmup(iterations = 2)
  @Measurement(iterations = 3)
  public int[] dbscan200kx2() {
    return new DBSCAN(0.025).fit(dbscanX).labels();
  }

  @Benchmark
  @Warmup(iterations = 2)
  @Measurement(iterations = 3)
  public int[] ward5kx10() {
    return new AgglomerativeClustering(8).fit(wardX).labels();
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public int[] ward20kx10() {
    return new AgglomerativeClustering(8).fit(ward20kX).labels();
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public int[] wardKnn20kx10() {
    return new AgglomerativeClustering(8).connectivity("knn:10").fit(ward20kX).labels();
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public int[] optics20kx2() {
    return new OPTICS(5).fit(opticsX).labels();
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public int[] hdbscan50kx2() {
    return new HDBSCAN(5).fit(hdbscanX).labels();
  }
}
