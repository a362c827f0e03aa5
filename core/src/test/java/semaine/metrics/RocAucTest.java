package semaine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceVectors;

class RocAucTest {

  @Test
  void rocAucScoreMatchesScikitLearnWithAndWithoutTies() {
    int checked = 0;
    for (Map<String, Object> c : ReferenceVectors.cases("lof.json")) {
      if (!c.get("name").equals("roc_auc")) {
        continue;
      }
      int[] y = ReferenceVectors.ints(c.get("y_true"));
      double[] s = ReferenceVectors.doubles(c.get("y_score"));
      assertEquals((Double) c.get("auc"), ClassificationMetrics.rocAucScore(y, s), 1e-12,
          "n=" + y.length);
      checked++;
    }
    assertEquals(6, checked);
  }

  @Test
  void handWorkedCurve() {
    // scores 0.9 (pos), 0.8 (neg), 0.8 (pos), 0.1 (neg): thresholds inf, 0.9, 0.8, 0.1
    RocCurve curve = RocCurve.of(new int[] {1, 0, 1, 0}, new double[] {0.9, 0.8, 0.8, 0.1});
    assertEquals(4, curve.fpr().length);
    assertEquals(0.5, curve.fpr()[2]);
    assertEquals(1.0, curve.tpr()[2]);
    // pairs (pos, neg): (0.9>0.8) (0.9>0.1) (0.8=0.8 -> 1/2) (0.8>0.1) = 3.5 / 4
    assertEquals(0.875, curve.auc());
  }

  @Test
  void rocAucNeedsTwoClasses() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.rocAucScore(new int[] {1, 1}, new double[] {0.1, 0.2}));
    assertTrue(e.getMessage().startsWith("yTrue has 1 class"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.rocAucScore(new int[] {0, 1}, new double[] {0.1}));
    assertTrue(e.getMessage().contains("yScore has 1"), e.getMessage());
  }
}
