package semaine.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceVectors;

/** LassoCV against scikit-learn 1.9.1 ({@code reference/linear_cv.py}). */
class LassoCVTest {

  @Test
  @SuppressWarnings("unchecked")
  void theFoldsTheGridAndTheRefitAreScikitLearns() {
    for (Map<String, Object> c : RidgeCVTest.cases("lasso")) {
      String dataset = (String) c.get("dataset");
      String name = dataset + " " + c.get("params");
      var model = new LassoCV();
      ((Map<String, Object>) c.get("params")).forEach(model::setParam);
      model.fit(RidgeCVTest.X(dataset), RidgeCVTest.y(dataset));
      double[] alphas = ReferenceVectors.doubles(c.get("alphas"));
      double[] actual = model.alphas();
      for (int a = 0; a < alphas.length; a++) {
        // alpha_max (BLAS order) and np.geomspace (the C library's pow) agree to a few ulps
        assertEquals(alphas[a], actual[a], 1e-14 * alphas[a], name + " alphas_[" + a + "]");
      }
      int chosen = java.util.Arrays.binarySearch(negated(alphas), -(Double) c.get("alpha"));
      assertEquals(actual[chosen], model.alpha(), 0.0, name + ": alpha_ is the same grid point");
      double[][] mse = ReferenceVectors.matrix(c.get("mse_path"));
      double[][] msePath = model.msePath();
      double worstMse = 0;
      for (int a = 0; a < mse.length; a++) {
        for (int f = 0; f < mse[a].length; f++) {
          worstMse = Math.max(worstMse, Math.abs(msePath[a][f] - mse[a][f]) / mse[a][f]);
        }
      }
      // scikit-learn's folds run the Gram-matrix variant (same updates, other rounding)
      assertTrue(worstMse <= 1e-10, name + ": mse_path_ " + worstMse);
      double coef = RidgeCVTest.worst(ReferenceVectors.doubles(c.get("coef")), model.coef());
      assertTrue(coef <= 1e-12, name + ": coef " + coef);
      double intercept = (Double) c.get("intercept");
      assertEquals(intercept, model.intercept(), 1e-12 * Math.max(1, Math.abs(intercept)), name);
      assertEquals(((Number) c.get("n_iter")).intValue(), model.nIter(), name);
    }
  }

  private static double[] negated(double[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = -a[i];
    }
    return out;
  }

  @Test
  void givenAlphasAreSortedFromTheLargestAndTheRefitIsLassoAtAlpha() {
    var diabetes = Datasets.load("diabetes");
    var cv = new LassoCV().alphas(0.01, 1, 0.1).fit(diabetes.X(), diabetes.y());
    assertArrayEquals(new double[] {1, 0.1, 0.01}, cv.alphas());
    var lasso = new Lasso(cv.alpha()).fit(diabetes.X(), diabetes.y());
    assertArrayEquals(lasso.coef(), cv.coef(), 0.0);
  }

  @Test
  void badSettingsAreRefusedNamingThem() {
    double[][] X = {{1}, {2}, {3}};
    double[] y = {1, 2, 4};
    var e = assertThrows(IllegalArgumentException.class, () -> new LassoCV().fit(X, y));
    assertTrue(e.getMessage().contains("n_splits=5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LassoCV().eps(0).fit(X, y));
    assertTrue(e.getMessage().contains("eps"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LassoCV().alphas(-1).fit(X, y));
    assertTrue(e.getMessage().contains("alphas"), e.getMessage());
  }
}
