package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceVectors;

/** ElbowMethod and Kneedle against reference/kmeans.py (scikit-learn 1.9, Kneedle from the paper). */
class ElbowMethodTest {

  private static final Map<String, Object> REF = ReferenceVectors.load("kmeans.json");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(String name) {
    return (Map<String, Object>) REF.get(name);
  }

  @Test
  void bookListingInertiasAndElbowFromOneSharedStream() {
    Map<String, Object> book = section("book");
    double[][] X = ReferenceVectors.matrix(book.get("X"));
    RandomState rs = new RandomState(0);
    rs.choice(new int[] {2, 3, 4, 5, 6, 7, 8});
    semaine.data.Datasets.makeBlobs().nSamples(200).centers(6).nFeatures(2).clusterStd(0.5)
        .randomState(rs).generate();
    ElbowMethod elbow = new ElbowMethod(1, 9).randomState(rs).fit(X);
    double[] expected = ReferenceVectors.doubles(book.get("inertias"));
    double[] actual = elbow.inertias();
    for (int i = 0; i < expected.length; i++) {
      KMeansTest.assertClose(expected[i], actual[i], "inertia k=" + (i + 1));
    }
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, elbow.ks());
    @SuppressWarnings("unchecked")
    Map<String, Object> knee = (Map<String, Object>) book.get("elbow");
    assertEquals(((Number) knee.get("k")).intValue(), elbow.elbow().getAsInt());
    assertTrue(elbow.note().contains("elbow at k = 3"), elbow.note());
  }

  @Test
  @SuppressWarnings("unchecked")
  void kneedleMatchesThePaperVariantOnReferenceCurves() {
    for (Map<String, Object> curve : (List<Map<String, Object>>) REF.get("kneedle")) {
      OptionalInt knee = Kneedle.knee(ReferenceVectors.doubles(curve.get("x")),
          ReferenceVectors.doubles(curve.get("y")));
      Map<String, Object> expected = (Map<String, Object>) curve.get("elbow");
      if (expected == null) {
        assertTrue(knee.isEmpty(), curve.get("name") + ": no knee expected");
      } else {
        assertEquals(((Number) expected.get("index")).intValue(), knee.getAsInt(),
            String.valueOf(curve.get("name")));
      }
    }
  }

  @Test
  void straightLineHasNoElbowAndSaysSo() {
    double[][] X = new double[6][];
    for (int i = 0; i < 6; i++) {
      X[i] = new double[] {i, 0};
    }
    // inertias of a line of points fall off smoothly; the note explains a missing elbow
    ElbowMethod elbow = new ElbowMethod(1, 2).randomState(0).fit(X);
    assertTrue(elbow.elbow().isEmpty());
    assertTrue(elbow.note().startsWith("no elbow"), elbow.note());
  }

  @Test
  void badRangesAreRejected() {
    assertMessage("kMin (0)", () -> new ElbowMethod(0, 3));
    assertMessage("kMax (2) must be >= kMin (3)", () -> new ElbowMethod(3, 2));
    assertMessage("kMax (5) must be <= n_samples (3)",
        () -> new ElbowMethod(1, 5).fit(new double[][] {{0}, {1}, {2}}));
    assertMessage("x has 2 values but y has 3",
        () -> Kneedle.knee(new double[] {1, 2}, new double[] {1, 2, 3}));
    assertMessage("y is constant", () -> Kneedle.knee(new double[] {1, 2}, new double[] {1, 1}));
  }

  private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
