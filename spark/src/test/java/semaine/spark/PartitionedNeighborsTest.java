package semaine.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import semaine.data.Blobs;
import semaine.data.Datasets;
import semaine.neighbors.NearestNeighbors;
import semaine.neighbors.Neighbors;

/**
 * k-NN against a training set partitioned across executors: the local neighbours and distances on
 * continuous data, whatever the partitioning (partitions smaller than k included); on data full of
 * ties, the k smallest (distance, index) pairs.
 */
class PartitionedNeighborsTest {

  private static final JavaSparkContext SC =
      JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext());

  @ParameterizedTest
  @CsvSource({"brute, 1, 5", "brute, 4, 5", "kd_tree, 3, 5", "kd_tree, 40, 12", "brute, 40, 12"})
  void theNeighboursAreTheLocalOnes(String algorithm, int partitions, int k) {
    Blobs train = Datasets.makeBlobs().nSamples(300 * partitions > 3_000 ? 400 : 3_000)
        .centers(4).nFeatures(3).randomState(2).generate();
    double[][] queries = Datasets.makeBlobs().nSamples(700).centers(4).nFeatures(3)
        .randomState(9).generate().X();
    JavaRDD<double[]> rows = SC.parallelize(Arrays.asList(train.X()), partitions);
    Neighbors found = new PartitionedNeighbors(rows).algorithm(algorithm).kneighbors(queries, k);
    Neighbors expected = new NearestNeighbors(k).algorithm(algorithm).fit(train.X())
        .kneighbors(queries, k);
    for (int q = 0; q < queries.length; q++) {
      assertArrayEquals(expected.indices()[q], found.indices()[q], "query " + q);
      assertArrayEquals(expected.distances()[q], found.distances()[q], "query " + q);
    }
  }

  @ParameterizedTest
  @CsvSource({"brute, 2", "brute, 30", "kd_tree, 7"})
  void tiesGoByDistanceThenIndex(String algorithm, int partitions) {
    // a 10 x 10 integer grid four times over: every distance is shared by many rows
    double[][] X = new double[400][];
    for (int i = 0; i < X.length; i++) {
      X[i] = new double[] {(i * 7) % 10, (i / 10) % 10};
    }
    double[][] queries = {{0, 0}, {4, 5}, {9, 9}, {2.5, 3}, {5, 5}};
    int k = 20;
    Neighbors found = new PartitionedNeighbors(SC.parallelize(Arrays.asList(X), partitions))
        .algorithm(algorithm).kneighbors(queries, k);
    // every training row's distance from the local engine, sorted by (distance, index)
    Neighbors all = new NearestNeighbors(X.length).algorithm(algorithm).fit(X)
        .kneighbors(queries, X.length);
    Neighbors local = new NearestNeighbors(k).algorithm(algorithm).fit(X).kneighbors(queries, k);
    for (int q = 0; q < queries.length; q++) {
      double[] distances = all.distances()[q];
      int[] indices = all.indices()[q];
      Integer[] order = new Integer[X.length];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> distances[i])
          .thenComparingInt(i -> indices[i]));
      int[] expectedIndices = new int[k];
      double[] expectedDistances = new double[k];
      for (int i = 0; i < k; i++) {
        expectedIndices[i] = indices[order[i]];
        expectedDistances[i] = distances[order[i]];
      }
      assertArrayEquals(expectedIndices, found.indices()[q], "query " + q);
      assertArrayEquals(expectedDistances, found.distances()[q], "query " + q);
      assertArrayEquals(local.distances()[q], found.distances()[q], "query " + q);
    }
  }

  @Test
  void aDataFrameIsSearchedOnItsNamedColumns() {
    Blobs train = Datasets.makeBlobs().nSamples(1_000).centers(3).nFeatures(2).randomState(4)
        .generate();
    double[][] queries = Arrays.copyOfRange(train.X(), 100, 160);
    Neighbors found = new PartitionedNeighbors(
        LocalSpark.frame(train.X(), List.of("a", "b"), 3).orderBy("id"), List.of("a", "b"))
        .kneighbors(queries, 3);
    Neighbors expected = new NearestNeighbors(3).algorithm("brute").fit(train.X())
        .kneighbors(queries, 3);
    for (int q = 0; q < queries.length; q++) {
      assertArrayEquals(expected.indices()[q], found.indices()[q], "query " + q);
      assertEquals(100 + q, found.indices()[q][0]);
    }
  }

  @Test
  void badQueriesAreRefused() {
    JavaRDD<double[]> rows = SC.parallelize(List.of(new double[] {1, 2}, new double[] {3, 4}), 2);
    var k = assertThrows(IllegalArgumentException.class,
        () -> new PartitionedNeighbors(rows).kneighbors(new double[][] {{0, 0}}, 3));
    assertTrue(k.getMessage().contains("k (3) must be in [1, n_samples_fit (2)]"), k.getMessage());
    var auto = assertThrows(IllegalArgumentException.class,
        () -> new PartitionedNeighbors(rows).algorithm("auto"));
    assertTrue(auto.getMessage().contains("algorithm ('auto') must be 'brute' or 'kd_tree'"),
        auto.getMessage());
    var width = assertThrows(Exception.class,
        () -> new PartitionedNeighbors(rows).kneighbors(new double[][] {{0, 0, 0}}, 1));
    assertTrue(String.valueOf(width.getMessage()).contains("the queries have 3 values per row,"
        + " the training rows 2"), width.getMessage());
  }
}
