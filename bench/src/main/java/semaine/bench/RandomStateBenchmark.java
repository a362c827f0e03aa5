package semaine.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import semaine.random.RandomState;

/**
 * Time of NumPy's {@code np.random.RandomState(0).randn(10**7)} and {@code random_sample(10**7)} in
 * semaine: seeding included, as in the Python side of {@code bench/compare-sklearn}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RandomStateBenchmark {

  static final int N = 10_000_000;

  @Benchmark
  public double[] randn10M() {
    return new RandomState(0).randn(N);
  }

  @Benchmark
  public double[] randomSample10M() {
    return new RandomState(0).randomSample(N);
  }
}
