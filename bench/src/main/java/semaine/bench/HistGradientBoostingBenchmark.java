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
import semaine.ensemble.HistGradientBoostingClassifier;
import semaine.random.RandomState;

/**
 * Histogram gradient boosting on a HIGGS-like synthetic set, as compare-sklearn times it in
 * scikit-learn: {@code rs = RandomState(0); X = rs.randn(n, 28); noise = rs.randn(n)},
 * y = x0 + x1·x2 − x3 + 0.5·x4·x5 + noise > 0, and
 * {@code HistGradientBoostingClassifier(max_iter=100, early_stopping=False, random_state=0)}
 * (100 iterations whatever the scores). {@code nRows} is 10^6 for the comparison; a smaller value
 * checks the benchmark runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx8g"})
public class HistGradientBoostingBenchmark {

  @Param({"1000000"})
  public int nRows;

  private double[][] X;
  private int[] y;

  @Setup
  public void data() {
    RandomState rs = new RandomState(0);
    X = rs.randn(nRows, 28);
    double[] noise = rs.randn(nRows);
    y = new int[nRows];
    for (int i = 0; i < nRows; i++) {
      double[] x = X[i];
      y[i] = x[0] + x[1] * x[2] - x[3] + 0.5 * x[4] * x[5] + noise[i] > 0 ? 1 : 0;
    }
  }

  @Benchmark
  public HistGradientBoostingClassifier classifier100Iterations() {
    return new HistGradientBoostingClassifier().maxIter(100).earlyStopping(false).randomState(0)
        .fit(X, y);
  }
}
