package semaine.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import semaine.data.Blobs;
import semaine.data.Datasets;
import semaine.neighbors.NearestNeighbors;
import semaine.neighbors.Neighbors;

/**
 * k-NN queries against a broadcast model give the local neighbours and distances, with queries
 * in one partition (several blocks) and in several.
 */
class NeighborQueriesTest {

  @ParameterizedTest
  @CsvSource({"kd_tree, 1", "kd_tree, 3", "brute, 1", "brute, 3"})
  void theNeighboursAreTheLocalOnes(String algorithm, int partitions) {
    Blobs train = Datasets.makeBlobs().nSamples(2_000).centers(3).nFeatures(3).randomState(0)
        .generate();
    Blobs queries = Datasets.makeBlobs().nSamples(5_000).centers(3).nFeatures(3).randomState(1)
        .generate();
    NearestNeighbors index = new NearestNeighbors(4).algorithm(algorithm).fit(train.X());
    List<String> names = LocalSpark.names(3);
    List<Row> rows = new NeighborQueries(train.X(), names).algorithm(algorithm)
        .kneighbors(LocalSpark.frame(queries.X(), names, partitions), 4).orderBy("id")
        .collectAsList();
    Neighbors expected = index.kneighbors(queries.X(), 4);
    assertEquals(queries.X().length, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      List<Object> found = row.getList(row.fieldIndex("neighbors"));
      List<Object> distances = row.getList(row.fieldIndex("distances"));
      assertArrayEquals(expected.indices()[i],
          found.stream().mapToInt(o -> (Integer) o).toArray(), "row " + i);
      assertArrayEquals(expected.distances()[i],
          distances.stream().mapToDouble(o -> (Double) o).toArray(), "row " + i);
    }
  }

  @Test
  void badQueriesAreRefused() {
    Blobs train = Datasets.makeBlobs().nSamples(50).randomState(0).generate();
    var columns = assertThrows(IllegalArgumentException.class,
        () -> new NeighborQueries(train.X(), List.of("x0")));
    assertTrue(columns.getMessage().contains("training rows' 2 features"), columns.getMessage());
    NeighborQueries queries = new NeighborQueries(train.X(), List.of("x0", "x1"));
    var k = assertThrows(IllegalArgumentException.class, () -> queries.kneighbors(
        LocalSpark.frame(train.X(), List.of("x0", "x1"), 1), 51));
    assertTrue(k.getMessage().contains("k (51) must be in [1, n_samples_fit (50)]"),
        k.getMessage());
  }
}
