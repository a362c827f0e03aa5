package semaine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static semaine.testsupport.ReferenceAssert.assertExact;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceVectors;

/** make_blobs against scikit-learn 1.9 ({@code reference/datasets.py}), compared with ==. */
class MakeBlobsTest {

  /** The Java call for each Python call of datasets.json. */
  private static final Map<String, Supplier<Blobs>> DATASETS = Map.of(
      "make_blobs(n_samples=50, centers=2, n_features=2, random_state=0, cluster_std=1.0)",
      () -> new MakeBlobs().nSamples(50).centers(2).nFeatures(2).randomState(0).clusterStd(1.0).generate(),
      "make_blobs(n_samples=200, centers=3, n_features=2, random_state=42, cluster_std=0.5)",
      () -> new MakeBlobs().nSamples(200).centers(3).nFeatures(2).randomState(42).clusterStd(0.5)
          .generate(),
      "make_blobs(n_samples=101, centers=4, n_features=3, random_state=7, cluster_std=1.5)",
      () -> new MakeBlobs().nSamples(101).centers(4).nFeatures(3).randomState(7).clusterStd(1.5)
          .generate(),
      "make_blobs(n_samples=30, centers=1, n_features=5, random_state=1, cluster_std=2.0)",
      () -> new MakeBlobs().nSamples(30).centers(1).nFeatures(5).randomState(1).clusterStd(2.0)
          .generate(),
      "make_blobs(n_samples=[10,20,5], centers=[[0,0],[5,5],[-5,5]], cluster_std=[0.5,1.0,2.0], "
          + "random_state=3)",
      () -> new MakeBlobs().nSamples(new int[] {10, 20, 5})
          .centers(new double[][] {{0, 0}, {5, 5}, {-5, 5}})
          .clusterStd(new double[] {0.5, 1.0, 2.0}).randomState(3).generate());

  /** make_blobs calls of generators.json, which also return the centres. */
  private static final Map<String, Supplier<Blobs>> WITH_CENTERS = Map.of(
      "make_blobs(n_samples=7, centers=3, random_state=42, cluster_std=0.5, return_centers=True)",
      () -> new MakeBlobs().nSamples(7).centers(3).randomState(42).clusterStd(0.5).generate(),
      "make_blobs(random_state=5, return_centers=True)",
      () -> new MakeBlobs().randomState(5).generate(),
      "make_blobs(n_samples=[3,4], n_features=3, random_state=9, center_box=(0, 1), shuffle=False, "
          + "return_centers=True)",
      () -> new MakeBlobs().nSamples(new int[] {3, 4}).nFeatures(3).randomState(9).centerBox(0, 1)
          .shuffle(false).generate(),
      "make_blobs(n_samples=9, centers=2, cluster_std=[0.1, 3.0], random_state=2, "
          + "return_centers=True)",
      () -> new MakeBlobs().nSamples(9).centers(2).clusterStd(new double[] {0.1, 3.0}).randomState(2)
          .generate());

  @TestFactory
  Stream<DynamicTest> everyDatasetsJsonCaseMatchesScikitLearnExactly() {
    return ReferenceVectors.cases("datasets.json").stream().map(c -> {
      String call = (String) c.get("call");
      Executable check = () -> {
        Blobs b = DATASETS.get(call).get();
        assertExact(c.get("X"), b.X(), call + " X");
        assertExact(c.get("y"), b.y(), call + " y");
      };
      return dynamicTest(call, check);
    });
  }

  @TestFactory
  Stream<DynamicTest> blobsWithCentersMatchScikitLearnExactly() {
    return ReferenceVectors.cases("generators.json").stream()
        .filter(c -> WITH_CENTERS.containsKey((String) c.get("call")))
        .map(c -> {
          String call = (String) c.get("call");
          Executable check = () -> {
            List<?> out = (List<?>) c.get("outputs");
            Blobs b = WITH_CENTERS.get(call).get();
            assertExact(out.get(0), b.X(), call + " X");
            assertExact(out.get(1), b.y(), call + " y");
            assertExact(out.get(2), b.centers(), call + " centers");
          };
          return dynamicTest(call, check);
        });
  }

  @Test
  void integerSampleCountIsSplitWithTheFirstCentersGettingOneMore() {
    Blobs b = new MakeBlobs().nSamples(7).centers(3).shuffle(false).randomState(0).generate();
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2, 2}, b.y());
  }

  @Test
  void intSeedGivesTheSameBlobsEachCallWhileASharedStreamAdvances() {
    MakeBlobs seeded = new MakeBlobs().nSamples(5).randomState(3);
    assertArrayEquals(seeded.generate().X()[0], seeded.generate().X()[0]);
    RandomState rs = new RandomState(3);
    MakeBlobs shared = new MakeBlobs().nSamples(5).randomState(rs);
    double first = shared.generate().X()[0][0];
    assertTrue(first != shared.generate().X()[0][0]);
  }

  @Test
  void badArgumentsAreRejectedNamingTheArgument() {
    assertMessage(() -> new MakeBlobs().nSamples(0), "nSamples (0) must be >= 1");
    assertMessage(() -> new MakeBlobs().nSamples(new int[] {3, -1}), "nSamples[1] (-1) must be >= 0");
    assertMessage(() -> new MakeBlobs().centers(0), "centers (0) must be >= 1");
    assertMessage(() -> new MakeBlobs().clusterStd(-0.5), "clusterStd (-0.5) must be >= 0");
    assertMessage(() -> new MakeBlobs().clusterStd(new double[] {1, -2}), "clusterStd[1] (-2.0)");
    assertMessage(() -> new MakeBlobs().nFeatures(0), "nFeatures (0) must be >= 1");
    assertMessage(() -> new MakeBlobs().clusterStd(new double[] {1, 2}).randomState(0).generate(),
        "clusterStd has 2 values but there are 3 centers");
    assertMessage(() -> new MakeBlobs().nSamples(new int[] {1, 2})
        .centers(new double[][] {{0, 0}, {1, 1}, {2, 2}}).generate(), "nSamples has 2 per-centre");
    assertMessage(() -> new MakeBlobs().nSamples(new int[] {1, 2}).centers(2).generate(), "centers (2)");
    assertMessage(() -> new MakeBlobs().nFeatures(3).centers(new double[][] {{0, 0}}).generate(),
        "nFeatures (3) must equal the 2 columns");
    assertMessage(() -> new MakeBlobs().randomState(-1), "seed (-1)");
  }

  private static void assertMessage(Executable call, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), "message: " + e.getMessage());
    assertEquals(IllegalArgumentException.class, e.getClass());
  }
}
