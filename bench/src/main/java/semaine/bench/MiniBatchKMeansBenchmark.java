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
import semaine.clustering.MiniBatchKMeans;
import semaine.data.Datasets;

/**
 * One mini-batch k-means fit, as scikit-learn's
 * {@code MiniBatchKMeans(n_clusters=8, random_state=0).fit(X)} (batches of 1024, early stopping on
 * the smoothed inertia, a final labelling pass) on {@code make_blobs(10**6, centers=8,
 * n_features=2, random_state=0)}, the same data bit for bit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class MiniBatchKMeansBenchmark {

  private double[][] million2;

  @Setup
  public void data() {
    million2 = Datasets.makeBlobs().nSamples(1_000_000).centers(8).nFeatures(2).randomState(0)
        .generate().X();
  }

  @Benchmark
  public MiniBatchKMeans miniBatchKMeans1Mx2k8() {
    return new MiniBatchKMeans(8).randomState(0).fit(million2);
  }
}
