package semaine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class PrecisionRecallTest {

  @Test
  void scoresAndReportMatchScikitLearnForEveryAverageAndZeroDivision() {
    int checked = 0;
    for (Map<String, Object> c : ReferenceVectors.cases("knn.json")) {
      if (!c.get("name").equals("metrics")) {
        continue;
      }
      int[] yTrue = ReferenceVectors.ints(c.get("y_true"));
      int[] yPred = ReferenceVectors.ints(c.get("y_pred"));
      for (String average : List.of("macro", "weighted", "micro", "binary")) {
        if (!c.containsKey("precision_" + average + "_0")) {
          continue;
        }
        for (String zd : List.of("warn", "0", "1")) {
          double zero = zd.equals("1") ? 1.0 : 0.0;
          String key = average + "_" + zd;
          double expectedPrecision = (Double) c.get("precision_" + key);
          assertEquals(expectedPrecision,
              ClassificationMetrics.precisionScore(yTrue, yPred, average, zero), 1e-15, key);
          assertEquals((Double) c.get("recall_" + key),
              ClassificationMetrics.recallScore(yTrue, yPred, average, zero), 1e-15, key);
          assertEquals((Double) c.get("f1_" + key),
              ClassificationMetrics.f1Score(yTrue, yPred, average, zero), 1e-15, key);
          checked++;
        }
      }
      PrecisionRecallF1 perClass = ClassificationMetrics.precisionRecallF1(yTrue, yPred, 0.0);
      ReferenceAssert.assertExact(c.get("precision_none"), perClass.precision(), "precision");
      ReferenceAssert.assertExact(c.get("recall_none"), perClass.recall(), "recall");
      ReferenceAssert.assertExact(c.get("f1_none"), perClass.f1(), "f1");
      assertEquals(c.get("report"),
          ClassificationMetrics.classificationReport(yTrue, yPred).toString());
    }
    assertEquals(39, checked);
  }

  @Test
  void binaryAverageRejectsMoreThanTwoClassesAndUnknownAverage() {
    int[] y = {0, 1, 2};
    var e = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.precisionScore(y, y, "binary"));
    assertTrue(e.getMessage().startsWith("average (binary)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.f1Score(y, y, "samples"));
    assertTrue(e.getMessage().startsWith("average (samples)"), e.getMessage());
  }
}
