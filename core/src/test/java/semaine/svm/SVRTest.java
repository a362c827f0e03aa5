package semaine.svm;

import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceVectors;

class SVRTest {

  private static void check(Map<String, Object> c, BaseLibSVR<?> model, double[][] X) {
    SvmReference.assertState(c, model.support(), model.nSupport(), new int[] {model.nIter()},
        model.fitStatus(), model.dualCoef(), model.intercept(), model.fittedGamma());
    SvmReference.close(c.get("predict"), model.predict(X), SvmReference.what(c) + " predict");
    if (c.containsKey("coef")) {
      SvmReference.close(c.get("coef"), model.coef(), SvmReference.what(c) + " coef_");
    }
  }

  @Test
  void epsilonSvrMatchesScikitLearn() {
    SvmReference.cases("svr").forEach(c -> {
      String dataset = (String) c.get("dataset");
      double[][] X = SvmReference.X(dataset);
      check(c, SvmReference.configure(new SVR(), c).fit(X, SvmReference.y(dataset)), X);
    });
  }

  @Test
  void nuSvrMatchesScikitLearn() {
    SvmReference.cases("nusvr").forEach(c -> {
      String dataset = (String) c.get("dataset");
      double[][] X = SvmReference.X(dataset);
      check(c, SvmReference.configure(new NuSVR(), c).fit(X, SvmReference.y(dataset)), X);
    });
  }

  @Test
  void sampleWeightsMatchScikitLearn() {
    SvmReference.cases("svr_weighted").forEach(c -> {
      String dataset = (String) c.get("dataset");
      double[][] X = SvmReference.X(dataset);
      var model = SvmReference.configure(new SVR(), c).fit(X, SvmReference.y(dataset),
          ReferenceVectors.doubles(c.get("sample_weight")));
      check(c, model, X);
    });
  }
}
