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
import semaine.random.RandomState;
import semaine.svm.LinearSVC;

/**
 * {@code LinearSVC(random_state=0)} fit (dual="auto": the primal trust-region Newton method, as
 * n ≥ p) on two classes in n x 100 ({@code rs = RandomState(0); X = rs.randn(n, 100);
 * noise = rs.randn(n); y = X[:, 0] + 0.5 X[:, 1] + 0.5 noise > 0}), n = 100,000 by default. Each
 * fit follows liblinear's iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LinearSvcBenchmark {

  @Param("100000")
  public int rows;

  private double[][] X;
  private int[] y;

  @Setup
  public void data() {
    RandomState rs = new RandomState(0);
    X = rs.randn(rows, 100);
    double[] noise = rs.randn(rows);
    y = new int[X.length];
    for (int i = 0; i < X.length; i++) {
      y[i] = X[i][0] + 0.5 * X[i][1] + 0.5 * noise[i] > 0 ? 1 : 0;
    }
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public int fit() {
    return new LinearSVC().randomState(0).fit(X, y).nIter();
  }
}
