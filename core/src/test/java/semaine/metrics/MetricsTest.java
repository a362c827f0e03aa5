package semaine.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceVectors;

class MetricsTest {

  private static final Map<String, Object> REFERENCE = ReferenceVectors.load("metrics.json");

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases(String family) {
    return (List<Map<String, Object>>) REFERENCE.get(family);
  }

  private static double number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }

  @Test
  void classificationMatchesScikitLearn() {
    for (Map<String, Object> c : cases("classification")) {
      int[] yTrue = ReferenceVectors.ints(c.get("y_true"));
      int[] yPred = ReferenceVectors.ints(c.get("y_pred"));
      assertEquals(number(c, "accuracy"), ClassificationMetrics.accuracyScore(yTrue, yPred), 0.0);
      ConfusionMatrix cm = ClassificationMetrics.confusionMatrix(yTrue, yPred);
      assertArrayEquals(ReferenceVectors.ints(c.get("labels")), cm.labels());
      List<?> rows = (List<?>) c.get("confusion");
      int[][] matrix = cm.matrix();
      for (int i = 0; i < rows.size(); i++) {
        assertArrayEquals(ReferenceVectors.ints(rows.get(i)), matrix[i], "row " + i);
      }
    }
  }

  @Test
  void regressionMatchesScikitLearn() {
    for (Map<String, Object> c : cases("regression")) {
      double[] yTrue = ReferenceVectors.doubles(c.get("y_true"));
      double[] yPred = ReferenceVectors.doubles(c.get("y_pred"));
      String n = "n=" + yTrue.length;
      // pairwise sums in NumPy's order: equal to the last bit
      assertEquals(number(c, "mse"), RegressionMetrics.meanSquaredError(yTrue, yPred), 0.0, n);
      assertEquals(number(c, "mae"), RegressionMetrics.meanAbsoluteError(yTrue, yPred), 0.0, n);
      assertEquals(number(c, "r2"), RegressionMetrics.r2Score(yTrue, yPred), 1e-15, n);
    }
  }

  @Test
  void r2OfConstantTargetIsFinite() {
    @SuppressWarnings("unchecked")
    Map<String, Object> special = (Map<String, Object>) REFERENCE.get("special");
    double[] constant = {4, 4, 4};
    assertEquals(number(special, "r2_constant_perfect"), RegressionMetrics.r2Score(constant, constant));
    assertEquals(number(special, "r2_constant_imperfect"),
        RegressionMetrics.r2Score(constant, new double[] {4, 4.5, 4}));
    assertEquals(1.0, RegressionMetrics.r2Score(constant, constant));
    assertEquals(0.0, RegressionMetrics.r2Score(constant, new double[] {4, 4.5, 4}));
    assertTrue(Double.isNaN(RegressionMetrics.r2Score(new double[] {1}, new double[] {2})));
  }

  @Test
  void handWorkedValues() {
    double[] yTrue = {1, 2, 3, 4};
    double[] yPred = {1, 2, 3, 6};
    assertEquals(1.0, RegressionMetrics.meanSquaredError(yTrue, yPred)); // 4 / 4
    assertEquals(0.5, RegressionMetrics.meanAbsoluteError(yTrue, yPred)); // 2 / 4
    assertEquals(0.2, RegressionMetrics.r2Score(yTrue, yPred), 1e-15); // 1 - 4 / 5
    assertEquals(0.75, ClassificationMetrics.accuracyScore(new int[] {0, 1, 1, 2}, new int[] {0, 1, 2, 2}));
    ConfusionMatrix cm = ClassificationMetrics.confusionMatrix(new int[] {5, 1, 1}, new int[] {1, 1, 7});
    assertArrayEquals(new int[] {1, 5, 7}, cm.labels());
    assertArrayEquals(new int[][] {{1, 0, 1}, {1, 0, 0}, {0, 0, 0}}, cm.matrix());
    assertEquals(1, cm.count(5, 1));
    assertEquals(0, cm.count(9, 1));
  }

  @Test
  void lengthMismatchAndEmptyInputAreNamed() {
    IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.accuracyScore(new int[] {1, 2, 3}, new int[] {1, 2, 3, 4}));
    assertEquals("yTrue has 3 values but yPred has 4", mismatch.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> RegressionMetrics.meanSquaredError(new double[0], new double[0]));
    assertEquals("yTrue is empty: it must have at least one value", empty.getMessage());
    IllegalArgumentException nullPred = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.confusionMatrix(new int[] {1}, null));
    assertEquals("yPred must not be null", nullPred.getMessage());
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> RegressionMetrics.r2Score(new double[] {1, 2}, new double[] {1, Double.NaN}));
    assertTrue(nan.getMessage().startsWith("yPred has a non-finite value (NaN) at index 1"));
    assertThrows(IllegalArgumentException.class,
        () -> RegressionMetrics.meanAbsoluteError(new double[] {1}, new double[] {1, 2}));
  }
}
