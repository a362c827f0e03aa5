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
import semaine.classification.MLPClassifier;
import semaine.data.Datasets;
import semaine.preprocessing.StandardScaler;

/**
 * {@code MLPClassifier(hidden_layer_sizes=(100,), solver="adam", batch_size=b,
 * learning_rate_init=1e-3, max_iter=20, tol=0, n_iter_no_change=21, random_state=0).fit(X, y)} on
 * the standardised digits (1797 × 64, 10 classes): exactly {@link #EPOCHS} epochs on both sides,
 * since with tol 0 and more patience than epochs the stopping rule never fires.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MLPClassifierBenchmark {

  /** Epochs per fit; compare-sklearn's rows use the same number. */
  static final int EPOCHS = 20;

  @Param({"200", "32"})
  int batchSize;

  private double[][] X;
  private int[] y;

  @Setup
  public void data() {
    var digits = Datasets.loadDigits();
    X = new StandardScaler().fitTransform(digits.X());
    y = digits.labels();
  }

  @Benchmark
  public MLPClassifier fitDigits20Epochs() {
    MLPClassifier model = new MLPClassifier(100).solver("adam").batchSize(batchSize)
        .learningRateInit(1e-3).maxIter(EPOCHS).tol(0).nIterNoChange(EPOCHS + 1).randomState(0)
        .fit(X, y);
    if (model.nIter() != EPOCHS) {
      throw new IllegalStateException("ran " + model.nIter() + " epochs, not " + EPOCHS);
    }
    return model;
  }
}
