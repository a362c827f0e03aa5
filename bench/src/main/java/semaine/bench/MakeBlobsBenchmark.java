package semaine.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import semaine.data.Blobs;
import semaine.data.Datasets;

/**
 * Time of scikit-learn's {@code make_blobs(n_samples=10**6, centers=8, n_features=16,
 * random_state=0)} in semaine (same numbers, bit for bit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class MakeBlobsBenchmark {

  @Benchmark
  public Blobs makeBlobs1M8Centers16Features() {
    return Datasets.makeBlobs().nSamples(1_000_000).centers(8).nFeatures(16).randomState(0)
        .generate();
  }
}
