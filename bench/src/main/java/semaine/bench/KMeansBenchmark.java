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
import semaine.data.Datasets;

/**
 * One k-means++ run, as scikit-learn's {@code KMeans(n_clusters=k, n_init=1, random_state=0).fit(X)}
 * on {@code make_blobs(n_samples, centers=k, n_features, random_state=0)} (the same data, bit for
 * bit): 10^6 x 2 with k = 8, and 2·10^5 x 16 with k = 16.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class KMeansBenchmark {

  private double[][] million2;
  private double[][] twoHundredThousand16;

  @Setup
  public void data() {
    million2 = Datasets.makeBlobs().nSamples(1_000_000).centers(8).nFeatures(2).randomState(0)
        .generate().X();
    twoHundredThousand16 = Datasets.makeBlobs().nSamples(200_000).centers(16).nFeatures(16)
        .randomState(0).generate().X();
  }

  @Benchmark
  public KMeans kmeans1Mx2k8() {
    return new KMeans(8).nInit(1).randomState(0).fit(million2);
  }

  @Benchmark
  public KMeans kmeans200Kx16k16() {
    return new KMeans(16).nInit(1).randomState(0).fit(twoHundredThousand16);
  }
}
