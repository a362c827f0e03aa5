package semaine.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import semaine.neighbors.NearestNeighbors;
import semaine.neighbors.Neighbors;
import semaine.random.RandomState;

/**
 * Time of {@code NearestNeighbors(n_neighbors=5).fit(X).kneighbors(Q)} with
 * {@code rs = np.random.RandomState(0); X = rs.rand(100000, d); Q = rs.rand(10000, d)}
 * (algorithm 'auto': a k-d tree for d = 2 and 8, brute force for d = 64).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class KNeighborsBenchmark {

  @Param({"2", "8", "64"})
  public int features;

  private double[][] X;
  private double[][] Q;

  @Setup
  public void data() {
    RandomState rs = new RandomState(0);
    X = rs.rand(100_000, features);
    Q = rs.rand(10_000, features);
  }

  @Benchmark
  public Neighbors kneighbors10kQueries100kPoints() {
    return new NearestNeighbors(5).fit(X).kneighbors(Q);
  }
}
