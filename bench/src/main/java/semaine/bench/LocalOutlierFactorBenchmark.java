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
import semaine.anomaly.LocalOutlierFactor;
import semaine.random.RandomState;

/**
 * Time of {@code LocalOutlierFactor(n_neighbors=20).fit(X)} with
 * {@code X = np.random.RandomState(0).randn(100000, d)} (algorithm 'auto': a k-d tree for d = 2 and
 * 10). Almost all of it is the k-neighbour search over the training set.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class LocalOutlierFactorBenchmark {

  @Param({"2", "10"})
  public int features;

  private double[][] X;

  @Setup
  public void data() {
    X = new RandomState(0).randn(100_000, features);
  }

  @Benchmark
  public double[] fit100kPointsK20() {
    return new LocalOutlierFactor(20).fit(X).negativeOutlierFactor();
  }
}
