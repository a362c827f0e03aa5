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
import semaine.anomaly.LocalOutlierFactor;
import semaine.random.RandomState;

/**
 * Time of {@code LocalOutlierFactor(n_neighbors=20).fit(X)} with
 * {@code X = np.random.RandomState(0).randn(100000, d)}, d = 2 and 10 (algorithm 'auto': a k-d tree
 * for both). Almost all of it is the k-neighbour search over the training set. d = 10 takes tens of
 * seconds per fit (on both sides), so it is timed once, after one warm-up fit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class LocalOutlierFactorBenchmark {

  private double[][] X2;
  private double[][] X10;

  @Setup
  public void data() {
    X2 = new RandomState(0).randn(100_000, 2);
    X10 = new RandomState(0).randn(100_000, 10);
  }

  @Benchmark
  @Warmup(iterations = 3, time = 3)
  @Measurement(iterations = 3, time = 3)
  public double[] fit100kx2K20() {
    return new LocalOutlierFactor(20).fit(X2).negativeOutlierFactor();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1)
  @Measurement(iterations = 1)
  public double[] fit100kx10K20() {
    return new LocalOutlierFactor(20).fit(X10).negativeOutlierFactor();
  }
}
