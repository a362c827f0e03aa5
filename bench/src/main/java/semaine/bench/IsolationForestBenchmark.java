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
import semaine.anomaly.IsolationForest;
import semaine.random.RandomState;

/**
 * {@code IsolationForest(random_state=0)} (100 trees of 256 samples, contamination "auto") on
 * {@code X = np.random.RandomState(0).randn(100000, 8)}: {@code fit(X)} alone, and
 * {@code score_samples(X)} of a forest fitted once in the setup. Fitting is cheap (25,600 samples
 * in all); scoring walks 100 trees for each of the 10^5 rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class IsolationForestBenchmark {

  private double[][] X;
  private IsolationForest fitted;

  @Setup
  public void data() {
    X = new RandomState(0).randn(100_000, 8);
    fitted = new IsolationForest().randomState(0).fit(X);
  }

  @Benchmark
  public IsolationForest fit100kx8() {
    return new IsolationForest().randomState(0).fit(X);
  }

  @Benchmark
  public double[] scoreSamples100kx8() {
    return fitted.scoreSamples(X);
  }
}
