package semaine.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class LinearSVCTest {

  /** coef_, intercept_ and decision values: every solver reproduces scikit-learn's arithmetic. */
  static final double TOL = 1e-12;

  @AfterAll
  static void report() {
    System.out.println("LinearSVCTest: worst relative error vs scikit-learn by case = "
        + LiblinearReference.WORST);
  }

  @Test
  void everyDatasetSolverAndOptionMatchesScikitLearn() {
    long cases = LiblinearReference.cases("linear_svc").peek(c -> {
      String dataset = (String) c.get("dataset");
      double[][] X = SvmReference.X(dataset);
      LinearSVC model = LiblinearReference.configure(new LinearSVC(), c);
      model.fit(X, SvmReference.labels(dataset), LiblinearReference.sampleWeight(c));
      String what = LiblinearReference.what(c);
      assertEquals(ReferenceVectors.ints(c.get("n_iter"))[0], model.nIter(), what + " n_iter_");
      ReferenceAssert.assertClose(c.get("coef"), model.coef(), TOL, what + " coef_");
      assertIntercept(c, model.intercept(), what);
      ReferenceAssert.assertExact(c.get("predict"), model.predict(X), what + " predict");
      double[][] decision = model.decisionFunction(SvmReference.head(X, 40));
      if (decision[0].length == 1) {
        double[] flat = new double[decision.length];
        for (int r = 0; r < flat.length; r++) {
          flat[r] = decision[r][0];
        }
        ReferenceAssert.assertClose(c.get("decision"), flat, 1e-9, what + " decision_function");
      } else {
        ReferenceAssert.assertClose(c.get("decision"), decision, 1e-9, what + " decision");
      }
      assertEquals(c.get("warned"), !model.warnings().isEmpty(), what + " ConvergenceWarning");
      LiblinearReference.record("linear_svc",
          LiblinearReference.relativeError(ReferenceVectors.matrix(c.get("coef")), model.coef()));
    }).count();
    assertEquals(76, cases, "cases");
  }

  @Test
  void unsupportedCombinationsRaiseScikitLearnsMessage() {
    double[][] X = SvmReference.X("iris");
    int[] y = SvmReference.labels("iris");
    for (var entry : Map.of("hinge_l1", new LinearSVC().penalty("l1").loss("hinge").dual(true),
        "hinge_primal", new LinearSVC().loss("hinge").dual(false),
        "l1_dual", new LinearSVC().penalty("l1").dual(true)).entrySet()) {
      var e = assertThrows(IllegalArgumentException.class, () -> entry.getValue().fit(X, y));
      assertEquals(LiblinearReference.error(entry.getKey()), e.getMessage(), entry.getKey());
    }
  }

  @Test
  void badInputIsRefusedWithTheArgumentNamed() {
    double[][] X = SvmReference.X("iris");
    int[] one = new int[X.length];
    var e = assertThrows(IllegalArgumentException.class, () -> new LinearSVC().fit(X, one));
    assertTrue(e.getMessage().contains("at least 2 classes"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LinearSVC().C(0).fit(X,
        SvmReference.labels("iris")));
    assertThrows(IllegalArgumentException.class,
        () -> new LinearSVC().setParam("dual", "maybe").fit(X, SvmReference.labels("iris")));
    var model = new LinearSVC().fit(X, SvmReference.labels("iris"));
    var wrong = assertThrows(IllegalArgumentException.class,
        () -> model.predict(new double[][] {{1, 2}}));
    assertTrue(wrong.getMessage().contains("expecting 4 features"), wrong.getMessage());
    double[][] nan = {{1, Double.NaN}, {2, 3}};
    assertThrows(IllegalArgumentException.class, () -> new LinearSVC().fit(nan, new int[] {0, 1}));
  }

  @Test
  void theSameSeedGivesTheSameModelAndConvergenceIsReported() {
    double[][] X = SvmReference.X("iris");
    int[] y = SvmReference.labels("iris");
    var a = new LinearSVC().dual(true).randomState(3).maxIter(3).fit(X, y);
    var b = new LinearSVC().dual(true).randomState(3).maxIter(3).fit(X, y);
    assertEquals(List.of(Liblinear.CONVERGENCE_WARNING), a.warnings());
    ReferenceAssert.assertClose(ReferenceVectorsOf.list(a.coef()), b.coef(), 0.0, "same seed");
  }

  /**
   * intercept_ as scikit-learn gives it; without fit_intercept scikit-learn stores the scalar 0.0
   * and semaine one 0 per function (deliberate: the same shape either way).
   */
  static void assertIntercept(Map<String, Object> c, double[] intercept, String what) {
    if (Boolean.FALSE.equals(((Map<?, ?>) c.get("params")).get("fit_intercept"))) {
      assertEquals(0.0, ReferenceVectors.doubles(c.get("intercept"))[0], what);
      for (double b : intercept) {
        assertEquals(0.0, b, what + " intercept_");
      }
    } else {
      ReferenceAssert.assertClose(c.get("intercept"), intercept, TOL, what + " intercept_");
    }
  }

  /** A matrix as the nested lists ReferenceAssert reads. */
  static final class ReferenceVectorsOf {
    static List<List<Double>> list(double[][] m) {
      return java.util.Arrays.stream(m).map(r -> java.util.Arrays.stream(r).boxed().toList())
          .toList();
    }
  }
}
