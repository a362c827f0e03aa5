package semaine.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceVectors;
import semaine.util.Sums;

class StandardScalerTest {

  private static final Map<String, Object> REFERENCE = ReferenceVectors.load("preprocessing.json");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> expected(String name) {
    return (Map<String, Object>) REFERENCE.get(name);
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int j = 0; j < expected.length; j++) {
      double tolerance = 1e-12 * Math.max(1e-3, Math.abs(expected[j]));
      assertEquals(expected[j], actual[j], tolerance, what + "[" + j + "]");
    }
  }

  private static void assertRowsClose(Object expected, double[][] actual, String what) {
    double[][] rows = ReferenceVectors.matrix(expected);
    for (int i = 0; i < rows.length; i++) {
      assertClose(rows[i], actual[i], what + " row " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"iris", "wine"})
  void fitMatchesScikitLearn(String name) {
    Map<String, Object> expected = expected(name);
    double[][] X = Datasets.load(name).X();
    StandardScaler scaler = new StandardScaler().fit(X);
    // mean_, var_ and scale_ follow _incremental_mean_and_var operation by operation: exact
    assertArrayEquals(ReferenceVectors.doubles(expected.get("mean")), scaler.mean(), 0.0, "mean");
    assertArrayEquals(ReferenceVectors.doubles(expected.get("var")), scaler.var(), 0.0, "var");
    assertArrayEquals(ReferenceVectors.doubles(expected.get("scale")), scaler.scale(), 0.0, "scale");
    double[][] Z = scaler.transform(X);
    assertRowsClose(expected.get("transform_first_rows"), Z, "transform");
    double[] sums = Sums.columnSums(Z);
    double[] expectedSums = ReferenceVectors.doubles(expected.get("transform_column_sums"));
    for (int j = 0; j < sums.length; j++) {
      assertEquals(expectedSums[j], sums[j], 1e-12, "column sum " + j); // sums of ~0: absolute
    }
    assertRowsClose(expected.get("probe_transformed"),
        scaler.transform(ReferenceVectors.matrix(expected.get("probe"))), "probe");
    assertRowsClose(expected.get("inverse_of_transform_first_rows"),
        scaler.inverseTransform(new double[][] {Z[0], Z[1], Z[2]}), "inverse");
    assertRowsClose(expected.get("no_mean_first_rows"),
        new StandardScaler().withMean(false).fitTransform(X), "withMean(false)");
    assertRowsClose(expected.get("no_std_first_rows"),
        new StandardScaler().withStd(false).fitTransform(X), "withStd(false)");
  }

  @Test
  void constantColumnGetsScaleOne() {
    Map<String, Object> expected = expected("constant");
    double[][] X = ReferenceVectors.matrix(expected.get("X"));
    StandardScaler scaler = new StandardScaler().fit(X);
    assertArrayEquals(ReferenceVectors.doubles(expected.get("mean")), scaler.mean(), 0.0);
    assertArrayEquals(ReferenceVectors.doubles(expected.get("var")), scaler.var(), 0.0);
    assertArrayEquals(ReferenceVectors.doubles(expected.get("scale")), scaler.scale(), 0.0);
    assertRowsClose(expected.get("transformed"), scaler.transform(X), "transform");
  }

  @Test
  void handWorkedExample() {
    double[][] X = {{0, 10}, {2, 10}, {4, 16}, {6, 16}}; // means 3, 13; variances 5, 9
    StandardScaler scaler = new StandardScaler().fit(X);
    assertArrayEquals(new double[] {3, 13}, scaler.mean());
    assertArrayEquals(new double[] {5, 9}, scaler.var());
    assertArrayEquals(new double[] {Math.sqrt(5), 3}, scaler.scale());
    assertArrayEquals(new double[] {-3 / Math.sqrt(5), -1}, scaler.transform(X)[0]);
    assertArrayEquals(X, scaler.inverseTransform(scaler.transform(X)));
  }

  @Test
  void transformBeforeFitIsAnIllegalState() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new StandardScaler().transform(new double[][] {{1}}));
    assertTrue(e.getMessage().contains("StandardScaler is not fitted yet"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new StandardScaler().mean());
  }

  @Test
  void featureCountMismatchIsNamed() {
    StandardScaler scaler = new StandardScaler().fit(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> scaler.transform(new double[][] {{1, 2, 3}}));
    assertEquals("X has 3 features but StandardScaler was fitted with 4", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> scaler.inverseTransform(new double[][] {{1}}));
  }

  @Test
  void statisticsThatAreNotComputedSaySo() {
    StandardScaler noStd = new StandardScaler().withStd(false).fit(new double[][] {{1}, {3}});
    assertArrayEquals(new double[] {2}, noStd.mean());
    IllegalStateException e = assertThrows(IllegalStateException.class, noStd::scale);
    assertEquals("scale() is not computed when withStd is false", e.getMessage());
    StandardScaler neither = new StandardScaler().withMean(false).withStd(false)
        .fit(new double[][] {{1}, {3}});
    assertArrayEquals(new double[][] {{1}, {3}}, neither.transform(new double[][] {{1}, {3}}));
    assertThrows(IllegalStateException.class, neither::mean);
  }

  @Test
  void fitRejectsBadInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StandardScaler().fit(new double[][] {{1}, {Double.NaN}}));
    assertTrue(e.getMessage().startsWith("X has a non-finite value"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new StandardScaler().fit(new double[0][]));
  }
}
