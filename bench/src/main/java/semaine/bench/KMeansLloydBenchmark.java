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
import semaine.clustering.KMeans;
import semaine.random.RandomState;

/**
 * Lloyd's iterations on many features: scikit-learn's {@code KMeans(n_clusters=8, n_init=1,
 * random_state=0).fit(X)} on {@code X = np.random.RandomState(0).rand(10**6, 20)} (the same data,
 * bit for bit). Uniform data has no clusters to find, so the run takes a couple of hundred Lloyd
 * iterations: the E-step's kernel on 20 features and the M-step's sums are nearly all of the time.
 * One fit per iteration (several seconds each).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class KMeansLloydBenchmark {

  private double[][] uniform;

  @Setup
  public void data() {
    RandomState random = new RandomState(0);
    uniform = new double[1_000_000][];
    for (int i = 0; i < uniform.length; i++) {
      uniform[i] = random.rand(20);
    }
  }

  @Benchmark
  public KMeans kmeans1Mx20k8() {
    return new KMeans(8).nInit(1).randomState(0).fit(uniform);
  }
}
