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
import semaine.data.Datasets;
import semaine.random.RandomState;
import semaine.svm.SVC;

/**
 * {@code SVC()} (rbf, C = 1, gamma 'scale') fit then predict on the training rows: two classes in
 * 20,000 x 20 ({@code rs = RandomState(0); X = rs.randn(20000, 20); noise = rs.randn(20000);
 * y = X[:, 0] + 0.5 X[:, 1] + 0.5 noise > 0}), and the ten classes of digits (1,797 x 64, 45
 * pairs). Each fit solves the same problems as libsvm, to the same iterations. {@link #main}
 * prints the kernel cache's hit rate on the same problems.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SvcBenchmark {

  private double[][] X;
  private int[] y;
  private double[][] digits;
  private int[] digitLabels;

  @Setup
  public void data() {
    RandomState rs = new RandomState(0);
    X = rs.randn(20_000, 20);
    double[] noise = rs.randn(20_000);
    y = new int[X.length];
    for (int i = 0; i < X.length; i++) {
      y[i] = X[i][0] + 0.5 * X[i][1] + 0.5 * noise[i] > 0 ? 1 : 0;
    }
    var d = Datasets.loadDigits();
    digits = d.X();
    digitLabels = d.labels();
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public int[] fitPredict20kx20() {
    return new SVC().fit(X, y).predict(X);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int[] fitPredictDigits() {
    return new SVC().fit(digits, digitLabels).predict(digits);
  }

  /**
   * Fits each benchmark problem once and prints the share of kernel rows the solver found in its
   * cache (libsvm's default 200 MB budget), with the fit time of that single call.
   */
  public static void main(String[] args) {
    SvcBenchmark b = new SvcBenchmark();
    b.data();
    report("2 classes, 20,000 x 20", b.X, b.y);
    report("digits, 10 classes (45 pairs)", b.digits, b.digitLabels);
  }

  private static void report(String name, double[][] X, int[] y) {
    long start = System.nanoTime();
    SVC model = new SVC().fit(X, y);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("SVC rbf, %s: kernel cache hit rate %.3f, %d support vectors, "
        + "fit %.2f s (one call)%n", name, model.kernelCacheHitRate(),
        model.supportVectors().length, seconds);
  }
}
