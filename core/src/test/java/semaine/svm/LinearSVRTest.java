package semaine.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class LinearSVRTest {

  @Test
  void everyDatasetSolverAndOptionMatchesScikitLearn() {
    long cases = LiblinearReference.cases("linear_svr").peek(c -> {
      String dataset = (String) c.get("dataset");
      double[][] X = SvmReference.X(dataset);
      double[] y = SvmReference.y(dataset);
      LinearSVR model = LiblinearReference.configure(new LinearSVR(), c);
      model.fit(X, y, LiblinearReference.sampleWeight(c));
      String what = LiblinearReference.what(c);
      assertEquals(ReferenceVectors.ints(c.get("n_iter"))[0], model.nIter(), what + " n_iter_");
      ReferenceAssert.assertClose(c.get("coef"), model.coef(), LinearSVCTest.TOL, what + " coef_");
      LinearSVCTest.assertIntercept(c, model.intercept(), what);
      ReferenceAssert.assertClose(c.get("predict"), model.predict(X), 1e-9, what + " predict");
      assertEquals(c.get("warned"), !model.warnings().isEmpty(), what + " ConvergenceWarning");
      LiblinearReference.record("linear_svr", LiblinearReference.relativeError(
          new double[][] {ReferenceVectors.doubles(c.get("coef"))},
          new double[][] {model.coef()}));
    }).count();
    assertEquals(17, cases, "cases");
  }

  @Test
  void thePrimalIsRefusedForTheEpsilonInsensitiveLoss() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new LinearSVR().dual(false).fit(SvmReference.X("iris"), SvmReference.y("iris")));
    assertEquals(LiblinearReference.error("svr_primal"), e.getMessage());
  }
}
