package semaine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** R² is a ratio: targets near 1e160 or 1e-170 give the same score as near 1, not NaN or 0. */
class R2ScaleTest {

  @Test
  void r2IsTheSameAtEveryPowerOfTwoScale() {
    double[] yTrue = {1.5, 2.25, 2.75, 4.5, 5.0};
    double[] yPred = {1.25, 2.5, 3.0, 4.25, 5.0};
    double r2 = RegressionMetrics.r2Score(yTrue, yPred);
    for (int k : new int[] {540, -560, 990, -1000}) {
      double[] t = new double[yTrue.length];
      double[] p = new double[yTrue.length];
      for (int i = 0; i < t.length; i++) {
        t[i] = Math.scalb(yTrue[i], k);
        p[i] = Math.scalb(yPred[i], k);
      }
      assertEquals(r2, RegressionMetrics.r2Score(t, p), "scale 2^" + k);
    }
  }
}
