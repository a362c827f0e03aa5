package semaine.svm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceAssert;

class ProbabilityTest {

  private static final double PROBA_TOL = 1e-6;

  @Test
  void plattScalingMatchesScikitLearn() {
    SvmReference.cases("svc_proba").forEach(c -> {
      String dataset = (String) c.get("dataset");
      double[][] X = SvmReference.X(dataset);
      int[] y = SvmReference.labels(dataset);
      long seed = ((Number) c.get("random_state")).longValue();
      String what = "probability " + dataset;
      SVC svc = new SVC().probability(true).randomState(seed).fit(X, y);
      ReferenceAssert.assertClose(c.get("probA"), svc.probA(), PROBA_TOL, what + " probA_");
      ReferenceAssert.assertClose(c.get("probB"), svc.probB(), PROBA_TOL, what + " probB_");
      ReferenceAssert.assertClose(c.get("predict_proba"), svc.predictProba(X), PROBA_TOL,
          what + " predict_proba");
      // the calibration does not change the classifier itself
      ReferenceAssert.assertExact(c.get("support"), svc.support(), what + " support_");
      NuSVC nu = new NuSVC(0.3).probability(true).randomState(seed).fit(X, y);
      ReferenceAssert.assertClose(c.get("nu_probA"), nu.probA(), PROBA_TOL, what + " nu probA_");
      ReferenceAssert.assertClose(c.get("nu_probB"), nu.probB(), PROBA_TOL, what + " nu probB_");
      ReferenceAssert.assertClose(c.get("nu_predict_proba"), nu.predictProba(X), PROBA_TOL,
          what + " nu predict_proba");
    });
  }

  @Test
  void predictProbaWithoutProbabilityIsAnError() {
    double[][] X = SvmReference.X("blobs");
    SVC model = new SVC().fit(X, SvmReference.labels("blobs"));
    var e = assertThrows(UnsupportedOperationException.class, () -> model.predictProba(X));
    assertTrue(e.getMessage().contains("probability=False"), e.getMessage());
  }
}
