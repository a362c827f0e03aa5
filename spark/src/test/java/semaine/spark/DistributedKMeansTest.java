package semaine.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import semaine.clustering.KMeans;
import semaine.data.Blobs;
import semaine.data.Datasets;

/**
 * Distributed k-means reaches the local {@link KMeans}' answer from the same initial centres:
 * labels identical, inertia within 1e-9 relative, the same number of iterations, centres to
 * rounding; whatever the partitioning.
 */
class DistributedKMeansTest {

  private static final SparkSession SPARK = LocalSpark.session();
  private static final JavaSparkContext SC = JavaSparkContext.fromSparkContext(SPARK.sparkContext());

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void fromExplicitCentresItReachesTheLocalAnswer(int partitions) {
    Blobs blobs = Datasets.makeBlobs().nSamples(6_000).centers(5).nFeatures(4).clusterStd(2.0)
        .randomState(7).generate();
    double[][] X = blobs.X();
    double[][] start = Arrays.copyOfRange(X, 0, 5);
    KMeans local = new KMeans(5).init(start).fit(X);
    JavaRDD<double[]> rows = SC.parallelize(Arrays.asList(X), partitions);
    DistributedKMeans.Result result = new DistributedKMeans(5).init(start).fit(rows);
    assertSameAnswer(local, result, rows);
  }

  @Test
  void kMeansPlusPlusOnAllTheRowsSeedsAsTheLocalFit() {
    Blobs blobs = Datasets.makeBlobs().nSamples(3_000).centers(4).nFeatures(3).clusterStd(2.0)
        .randomState(3).generate();
    double[][] X = blobs.X();
    KMeans local = new KMeans(4).randomState(0).fit(X);
    JavaRDD<double[]> rows = SC.parallelize(Arrays.asList(X), 3);
    DistributedKMeans.Result result = new DistributedKMeans(4).randomState(0).fit(rows);
    assertSameAnswer(local, result, rows);
  }

  @Test
  void aDataFrameIsClusteredOnItsNamedColumns() {
    Blobs blobs = Datasets.makeBlobs().nSamples(3_000).centers(3).nFeatures(2).randomState(5)
        .generate();
    double[][] X = blobs.X();
    double[][] start = Arrays.copyOfRange(X, 10, 13);
    KMeans local = new KMeans(3).init(start).fit(X);
    DistributedKMeans.Result result = new DistributedKMeans(3).init(start)
        .fit(LocalSpark.frame(X, List.of("a", "b"), 2).orderBy("id"), List.of("a", "b"));
    assertEquals(local.inertia(), result.inertia(), 1e-9 * local.inertia());
    assertEquals(local.nIter(), result.nIter());
  }

  @Test
  void anEmptyClusterTakesTheFarthestRowAsLocally() {
    // two far groups and a third centre that no row is closest to: the first iteration empties it
    double[][] X = new double[400][];
    for (int i = 0; i < 400; i++) {
      double side = i < 200 ? -10 : 10;
      X[i] = new double[] {side + Math.sin(i) * 0.5, Math.cos(i * 0.7) * (1 + i % 7)};
    }
    double[][] start = {{-10, 0}, {10, 0}, {1000, 1000}};
    KMeans local = new KMeans(3).init(start).fit(X);
    JavaRDD<double[]> rows = SC.parallelize(Arrays.asList(X), 3);
    DistributedKMeans.Result result = new DistributedKMeans(3).init(start).fit(rows);
    assertSameAnswer(local, result, rows);
  }

  @Test
  void badInputIsRefusedNamingIt() {
    JavaRDD<double[]> two = SC.parallelize(List.of(new double[] {1, 2}, new double[] {3, 4}), 1);
    var few = assertThrows(IllegalArgumentException.class,
        () -> new DistributedKMeans(3).fit(two));
    assertTrue(few.getMessage().contains("n_clusters (3) must be <= n_samples (2)"),
        few.getMessage());
    var shape = assertThrows(IllegalArgumentException.class,
        () -> new DistributedKMeans(1).init(new double[][] {{1, 2, 3}}).fit(two));
    assertTrue(shape.getMessage().contains("init rows must have 2 values"), shape.getMessage());
    var k = assertThrows(IllegalArgumentException.class, () -> new DistributedKMeans(0));
    assertTrue(k.getMessage().contains("nClusters must be >= 1, got 0"), k.getMessage());
  }

  private static void assertSameAnswer(KMeans local, DistributedKMeans.Result result,
      JavaRDD<double[]> rows) {
    int[] labels = result.labels(rows).collect().stream().mapToInt(Integer::intValue).toArray();
    assertArrayEquals(local.labels(), labels);
    assertEquals(local.nIter(), result.nIter());
    assertEquals(local.inertia(), result.inertia(), 1e-9 * local.inertia());
    double[][] expected = local.clusterCenters();
    for (int j = 0; j < expected.length; j++) {
      for (int f = 0; f < expected[j].length; f++) {
        assertEquals(expected[j][f], result.clusterCenters()[j][f],
            1e-9 * Math.max(1, Math.abs(expected[j][f])), "centre " + j + " feature " + f);
      }
    }
  }
}
