package semaine.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceAssert;

class NuSVCTest {

  @Test
  void everyDatasetMatchesScikitLearn() {
    SvmReference.cases("nusvc").forEach(c -> {
      String dataset = (String) c.get("dataset");
      double[][] X = SvmReference.X(dataset);
      NuSVC model = SvmReference.configure(new NuSVC(), c).fit(X, SvmReference.labels(dataset));
      String what = SvmReference.what(c);
      SvmReference.assertState(c, model.support(), model.nSupport(), model.nIter(),
          model.fitStatus(), model.dualCoef(), model.intercept(), model.fittedGamma());
      double[][] Xp = SvmReference.head(X, 300);
      ReferenceAssert.assertExact(c.get("predict"), model.predict(Xp), what + " predict");
      double[][] dec = model.decisionFunction(Xp);
      if (model.classes().length == 2) {
        double[] flat = new double[dec.length];
        for (int r = 0; r < dec.length; r++) {
          flat[r] = dec[r][0];
        }
        SvmReference.close(c.get("decision_ovr"), flat, what + " decision_function");
      } else {
        SvmReference.close(c.get("decision_ovr"), dec, what + " decision_function");
      }
    });
  }

  @Test
  void infeasibleNuIsLibsvmsError() {
    @SuppressWarnings("unchecked")
    var errors = (Map<String, Object>) SvmReference.FILE.get("errors");
    double[][] X = {{0}, {1}, {2}, {3}, {4}};
    var e = assertThrows(IllegalArgumentException.class,
        () -> new NuSVC(0.9).fit(X, new int[] {0, 0, 0, 0, 1}));
    assertTrue(e.getMessage().startsWith((String) errors.get("nu_infeasible")), e.getMessage());
    assertTrue(e.getMessage().contains("0.9"), e.getMessage());
    assertEquals(2, new NuSVC(0.4).fit(X, new int[] {0, 0, 0, 1, 1}).classes().length);
  }
}
