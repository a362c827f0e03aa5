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
import semaine.ensemble.RandomForestClassifier;
import semaine.random.RandomState;
import semaine.tree.DecisionTreeRegressor;

/**
 * Trees on synthetic data, as compare-sklearn times them in scikit-learn:
 * {@code RandomForestClassifier(n_estimators=100, n_jobs=-1, random_state=0)} on 10^5 x 20
 * ({@code rs = RandomState(0); X = rs.randn(100000, 20)}, y = x0 + x1·x2 + 0.5·noise > 0), and
 * {@code DecisionTreeRegressor(random_state=0)} grown to pure leaves on 10^6 x 10
 * (y = 2·x0 + sin(x1) + 0.1·noise).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g"})
public class TreeBenchmark {

  private double[][] forestX;
  private int[] forestY;
  private double[][] treeX;
  private double[] treeY;

  @Setup
  public void data() {
    RandomState rs = new RandomState(0);
    forestX = rs.randn(100_000, 20);
    double[] noise = rs.randn(100_000);
    forestY = new int[forestX.length];
    for (int i = 0; i < forestY.length; i++) {
      double[] x = forestX[i];
      forestY[i] = x[0] + x[1] * x[2] + 0.5 * noise[i] > 0 ? 1 : 0;
    }
    RandomState rs1 = new RandomState(1);
    treeX = rs1.randn(1_000_000, 10);
    double[] eps = rs1.randn(1_000_000);
    treeY = new double[treeX.length];
    for (int i = 0; i < treeY.length; i++) {
      treeY[i] = 2 * treeX[i][0] + Math.sin(treeX[i][1]) + 0.1 * eps[i];
    }
  }

  @Benchmark
  public RandomForestClassifier randomForest100Trees100kx20() {
    return new RandomForestClassifier().nEstimators(100).nJobs(-1).randomState(0)
        .fit(forestX, forestY);
  }

  @Benchmark
  public DecisionTreeRegressor decisionTreeRegressor1Mx10() {
    return new DecisionTreeRegressor().randomState(0).fit(treeX, treeY);
  }
}
