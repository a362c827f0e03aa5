package semaine.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceAssert;

class OneClassSVMTest {

  @Test
  void supportDualCoefficientsAndScoresMatchScikitLearn() {
    SvmReference.cases("ocsvm").forEach(c -> {
      String dataset = (String) c.get("dataset");
      double[][] X = SvmReference.X(dataset);
      OneClassSVM model = SvmReference.configure(new OneClassSVM(), c).fit(X);
      String what = SvmReference.what(c);
      SvmReference.assertState(c, model.support(), model.nSupport(), new int[] {model.nIter()},
          model.fitStatus(), model.dualCoef(), model.intercept(), model.fittedGamma());
      assertEquals(((Number) c.get("offset")).doubleValue(), model.offset(),
          SvmReference.TOL * Math.max(1, Math.abs(model.offset())), what + " offset_");
      SvmReference.close(c.get("decision"), model.decisionFunction(X), what + " decision");
      SvmReference.close(c.get("score_samples"), model.scoreSamples(X), what + " score_samples");
      ReferenceAssert.assertExact(c.get("predict"), model.predict(X), what + " predict");
      ReferenceAssert.assertExact(c.get("predict"), model.fitPredict(X), what + " fit_predict");
    });
  }
}
