package semaine.bench;

import java.util.Arrays;
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
import semaine.data.Datasets;
import semaine.nn.Losses;
import semaine.nn.Tensor;
import semaine.nn.layers.Activation;
import semaine.nn.layers.Linear;
import semaine.nn.layers.Sequential;
import semaine.nn.optim.Adam;
import semaine.random.RandomState;

/**
 * The nn engine: square matrix products (GFLOP/s = 2n³ / time) and one training epoch of the
 * digits MLP 64-256-128-10, batch 32, Adam (samples/s = 1797 / time), the network that
 * {@code bench/compare-torch} times in PyTorch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class NnBenchmark {

  @Param({"512", "2048"})
  int size;

  Tensor a;
  Tensor b;
  float[] digits;
  int[] labels;
  Sequential net;
  Adam adam;

  @Setup
  public void setup() {
    a = Tensor.uniform(new RandomState(0), -1, 1, size, size);
    b = Tensor.uniform(new RandomState(1), -1, 1, size, size);
    var d = Datasets.loadDigits();
    double[][] X = d.X();
    for (double[] row : X) {
      for (int j = 0; j < row.length; j++) {
        row[j] /= 16.0;
      }
    }
    digits = Tensor.of(X).storage();
    labels = d.labels();
    RandomState rs = new RandomState(0);
    net = new Sequential(new Linear(64, 256, rs), Activation.relu(), new Linear(256, 128, rs),
        Activation.relu(), new Linear(128, 10, rs));
    adam = new Adam(net.parameters(), 1e-3);
  }

  @Benchmark
  public Tensor matmul() {
    return a.matmul(b);
  }

  /** One epoch (57 batches); independent of {@code size}. */
  @Benchmark
  public float trainEpoch() {
    float last = 0;
    int n = labels.length;
    for (int s = 0; s < n; s += 32) {
      int rows = Math.min(32, n - s);
      Tensor x = Tensor.of(Arrays.copyOfRange(digits, s * 64, (s + rows) * 64), rows, 64);
      Tensor loss = Losses.crossEntropy(net.forward(x), Arrays.copyOfRange(labels, s, s + rows));
      adam.zeroGrad();
      loss.backward();
      adam.step();
      last = loss.item();
    }
    return last;
  }
}
