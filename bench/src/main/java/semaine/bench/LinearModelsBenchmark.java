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
import semaine.classification.GaussianNB;
import semaine.classification.LogisticRegression;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.random.RandomState;
import semaine.regression.Lasso;
import semaine.regression.Ridge;

/**
 * Time of the linear models and GaussianNB on the data {@code bench/compare-sklearn}
 * builds the same way in NumPy (elementwise from one {@code RandomState(0)} stream, so both sides
 * hold the same doubles):
 * <ul>
 *   <li>{@code LogisticRegression().fit(X, y)} (lbfgs) on 100,000 x 50, {@code X = randn},
 *       {@code y = X0 + 0.5 X1 − X2 + noise > 0}; and on digits as load_digits gives it (10
 *       classes; both sides stop at max_iter=100);
 *   <li>{@code Lasso(alpha=0.1).fit(X, y)} on 100,000 x 100, {@code y = Σ_{j<10} (j+1) X_j + noise};
 *   <li>{@code Ridge().fit(X, y)} on 1,000,000 x 20, the data of {@link LinearRegressionBenchmark};
 *   <li>{@code GaussianNB().fit(X, y).predict(X)} on 1,000,000 x 20, three classes
 *       {@code (X0 > 0) + (X1 > 0)}.
 * </ul>
 * Warm: the average over two-second iterations after six seconds of warm-up, as
 * {@link LinearRegressionBenchmark} (a fit of 20-70 ms is still being compiled after two single
 * shots: Lasso's read 45 ms there against 19 once compiled).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class LinearModelsBenchmark {

  private double[][] logisticX;
  private int[] logisticY;
  private Dataset digits;
  private double[][] lassoX;
  private double[] lassoY;
  private double[][] ridgeX;
  private double[] ridgeY;
  private int[] nbY;

  @Setup
  public void data() {
    RandomState random = new RandomState(0);
    logisticX = random.randn(100_000, 50);
    double[] noise = random.randn(100_000);
    logisticY = new int[logisticX.length];
    for (int i = 0; i < logisticX.length; i++) {
      double[] x = logisticX[i];
      logisticY[i] = x[0] + 0.5 * x[1] - x[2] + noise[i] > 0 ? 1 : 0;
    }
    digits = Datasets.loadDigits();
    random = new RandomState(0);
    lassoX = random.randn(100_000, 100);
    noise = random.randn(100_000);
    lassoY = new double[lassoX.length];
    for (int i = 0; i < lassoX.length; i++) {
      double s = 0;
      for (int j = 0; j < 10; j++) {
        s += (j + 1) * lassoX[i][j];
      }
      lassoY[i] = s + noise[i];
    }
    random = new RandomState(0);
    ridgeX = random.randn(1_000_000, 20);
    noise = random.randn(1_000_000);
    ridgeY = new double[ridgeX.length];
    nbY = new int[ridgeX.length];
    for (int i = 0; i < ridgeX.length; i++) {
      double[] x = ridgeX[i];
      ridgeY[i] = 2.0 * x[0] - 3.0 * x[1] + x[19] + noise[i];
      nbY[i] = (x[0] > 0 ? 1 : 0) + (x[1] > 0 ? 1 : 0);
    }
  }

  @Benchmark
  public double[][] logisticLbfgs100kx50() {
    return new LogisticRegression().fit(logisticX, logisticY).coef();
  }

  @Benchmark
  public double[][] logisticLbfgsDigits() {
    return new LogisticRegression().fit(digits.X(), digits.labels()).coef();
  }

  @Benchmark
  public double[] lasso100kx100() {
    return new Lasso(0.1).fit(lassoX, lassoY).coef();
  }

  @Benchmark
  public double[] ridge1Mx20() {
    return new Ridge().fit(ridgeX, ridgeY).coef();
  }

  @Benchmark
  public int[] gaussianNB1Mx20() {
    return new GaussianNB().fit(ridgeX, nbY).predict(ridgeX);
  }
}
