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
import semaine.random.RandomState;
import semaine.regression.LinearRegression;

/**
 * Time of scikit-learn's {@code LinearRegression().fit(X, y)} on 1,000,000 x 20 doubles, the same
 * data on both sides: {@code X = RandomState(0).randn(10**6, 20)}, then
 * {@code y = 2 X[:, 0] - 3 X[:, 1] + X[:, 19] + randn(10**6)} from the same stream (elementwise, so
 * NumPy and Java produce the same doubles); see {@code bench/compare-sklearn}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class LinearRegressionBenchmark {

  private double[][] X;
  private double[] y;

  @Setup
  public void generate() {
    RandomState random = new RandomState(0);
    X = random.randn(1_000_000, 20);
    double[] noise = random.randn(1_000_000);
    y = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      y[i] = 2.0 * X[i][0] - 3.0 * X[i][1] + X[i][19] + noise[i];
    }
  }

  @Benchmark
  public LinearRegression fit1M20Features() {
    return new LinearRegression().fit(X, y);
  }
}
