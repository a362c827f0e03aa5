package semaine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import semaine.testsupport.ReferenceVectors;
import semaine.util.Sums;

class DatasetsTest {

  private static final Map<String, Object> REFERENCE = ReferenceVectors.load("loaders.json");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> expected(String name) {
    return (Map<String, Object>) REFERENCE.get(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"iris", "wine", "breast_cancer", "digits", "diabetes"})
  void loadMatchesScikitLearn(String name) {
    Map<String, Object> expected = expected(name);
    Dataset data = Datasets.load(name);
    double[][] X = data.X();
    int[] shape = ReferenceVectors.ints(expected.get("shape"));
    assertEquals(shape[0], X.length, "n_samples");
    assertEquals(shape[1], X[0].length, "n_features");
    assertEquals(ReferenceVectors.strings(expected.get("feature_names")), data.featureNames());
    assertEquals(ReferenceVectors.strings(expected.get("target_names")), data.targetNames());
    assertArrayEquals(ReferenceVectors.doubles(expected.get("target")), data.y(), 0.0, "target");
    assertArrayEquals(ReferenceVectors.doubles(expected.get("first_row")), X[0], 0.0, "first row");
    assertArrayEquals(ReferenceVectors.doubles(expected.get("last_row")), X[X.length - 1], 0.0, "last row");
    double[] sums = Sums.columnSums(X);
    double[] expectedSums = ReferenceVectors.doubles(expected.get("column_sums"));
    for (int j = 0; j < sums.length; j++) {
      assertEquals(expectedSums[j], sums[j], 1e-12 * Math.max(1.0, Math.abs(expectedSums[j])),
          "sum of column " + j);
    }
    String description = data.description();
    assertEquals(expected.get("descr_first_line"), description.lines().findFirst().orElseThrow());
    assertEquals(((Number) expected.get("descr_length")).intValue(), description.length());
  }

  @Test
  void diabetesColumnSumsMatchScikitLearnExactly() {
    // the scaling is reproduced operation by operation, so even the near-zero column sums agree
    double[] expected = ReferenceVectors.doubles(expected("diabetes").get("column_sums"));
    assertArrayEquals(expected, Sums.columnSums(Datasets.loadDiabetes().X()), 0.0);
  }

  @Test
  void diabetesColumnsHaveUnitSumOfSquares() {
    double[][] X = Datasets.loadDiabetes().X();
    for (int j = 0; j < X[0].length; j++) {
      double ss = 0;
      for (double[] row : X) {
        ss += row[j] * row[j];
      }
      assertEquals(1.0, ss, 1e-12, "column " + j);
    }
  }

  @Test
  void classificationDatasetsGiveIntegerLabels() {
    int[] labels = Datasets.loadIris().labels();
    assertEquals(150, labels.length);
    assertEquals(0, labels[0]);
    assertEquals(2, labels[149]);
  }

  @Test
  void labelsOfRegressionTargetFailsClearly() {
    Dataset diabetes = Datasets.loadDiabetes();
    assertTrue(diabetes.targetNames().isEmpty());
    // diabetes targets are integral (151.0, 75.0, ...), so labels() works; a real-valued one must not
    Dataset real = new Dataset(new double[][] {{1}, {2}}, new double[] {0.5, 1}, List.of("a"), List.of());
    IllegalStateException e = assertThrows(IllegalStateException.class, real::labels);
    assertTrue(e.getMessage().contains("y[0] (0.5)"), e.getMessage());
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Datasets.load("foo"));
    assertEquals("unknown dataset 'foo': expected one of iris, wine, breast_cancer, digits, diabetes",
        e.getMessage());
  }

  @Test
  void datasetIsNotChangedThroughItsAccessors() {
    Dataset iris = Datasets.loadIris();
    iris.X()[0][0] = -1;
    iris.y()[0] = 7;
    assertEquals(5.1, iris.X()[0][0]);
    assertEquals(0.0, iris.y()[0]);
  }

  @Test
  void datasetConstructorChecksShapesAndClassIds() {
    double[][] X = {{1, 2}, {3, 4}};
    IllegalArgumentException names = assertThrows(IllegalArgumentException.class,
        () -> new Dataset(X, new double[] {0, 1}, List.of("a"), List.of()));
    assertTrue(names.getMessage().contains("featureNames has 1 names but X has 2 columns"));
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> new Dataset(X, new double[] {0}, List.of("a", "b"), List.of()));
    assertTrue(length.getMessage().contains("X has 2 rows but y has 1 values"));
    IllegalArgumentException ids = assertThrows(IllegalArgumentException.class,
        () -> new Dataset(X, new double[] {0, 2}, List.of("a", "b"), List.of("no", "yes")));
    assertTrue(ids.getMessage().contains("y[1] (2.0) must be a class id in [0, 1]"), ids.getMessage());
  }
}
