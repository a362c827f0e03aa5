package semaine.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import semaine.classification.LogisticRegression;
import semaine.testsupport.ReferenceAssert;

/** LogisticRegression(solver="liblinear") against reference/liblinear.py. */
class LogisticLiblinearTest {

  @Test
  void everyPenaltyAndOptionMatchesScikitLearn() {
    long cases = LiblinearReference.cases("logistic").peek(c -> {
      String dataset = (String) c.get("dataset");
      double[][] X = SvmReference.X(dataset);
      var model = LiblinearReference.configure(new LogisticRegression(), c);
      model.fit(X, SvmReference.labels(dataset), LiblinearReference.sampleWeight(c));
      String what = LiblinearReference.what(c);
      // The log-loss calls exp and log: Java's exp can differ from glibc's in the last bit, which
      // moves liblinear's iterates slightly: the same n_iter_ and coef_ within 1e-6 at the
      // default tol (intercept_ within 1e-4: with intercept_scaling=5 the bias weight, scaled by
      // 5, measured 5.2e-5 away); at tol=1e-10 the optimum within 1e-9 (newGLMNET's count of Newton steps may
      // then differ, measured 57 against 62 on blobs).
      boolean tight = ((java.util.Map<?, ?>) c.get("params")).containsKey("tol");
      double tol = tight ? 1e-9 : 1e-6;
      if (!tight) {
        ReferenceAssert.assertExact(c.get("n_iter"), new int[] {model.nIter()}, what + " n_iter_");
      }
      ReferenceAssert.assertClose(c.get("coef"), model.coef(), tol, what + " coef_");
      ReferenceAssert.assertClose(c.get("intercept"), model.intercept(), tight ? tol : 1e-4,
          what + " intercept_");
      ReferenceAssert.assertExact(c.get("predict"), model.predict(X), what + " predict");
      double[][] decision = model.decisionFunction(SvmReference.head(X, 40));
      double[] flat = new double[decision.length];
      for (int r = 0; r < flat.length; r++) {
        flat[r] = decision[r][0];
      }
      ReferenceAssert.assertClose(c.get("decision"), flat, tight ? 1e-9 : 1e-4,
          what + " decision_function");
      boolean warned = model.warnings().stream()
          .anyMatch(w -> w.equals(Liblinear.CONVERGENCE_WARNING));
      assertEquals(c.get("warned"), warned, what + " ConvergenceWarning");
    }).count();
    assertEquals(19, cases, "cases");
  }

  @Test
  void theCombinationsScikitLearnRefusesAreRefusedWithItsMessage() {
    double[][] iris = SvmReference.X("iris");
    var e = assertThrows(IllegalArgumentException.class, () -> new LogisticRegression()
        .solver("liblinear").fit(iris, SvmReference.labels("iris")));
    assertEquals(LiblinearReference.error("lr_multiclass"), e.getMessage());
    double[][] X = SvmReference.X("breast_cancer_scaled");
    int[] y = SvmReference.labels("breast_cancer_scaled");
    e = assertThrows(IllegalArgumentException.class, () -> new LogisticRegression()
        .solver("liblinear").l1Ratio(1.0).setParam("dual", true).fit(X, y));
    assertEquals(LiblinearReference.error("lr_l1_dual"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LogisticRegression()
        .solver("liblinear").C(Double.POSITIVE_INFINITY).fit(X, y));
    assertEquals(LiblinearReference.error("lr_none"), e.getMessage());
  }
}
