package semaine.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The bad input: each a clear error naming the argument, the value and the rule. */
class SvmBadInputTest {

  private static final double[][] X = SvmReference.X("blobs");
  private static final int[] Y = SvmReference.labels("blobs");

  private static void fails(Executable call, String... parts) {
    Exception e = assertThrows(IllegalArgumentException.class, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage() + " lacks " + part);
    }
  }

  @Test
  void unknownKernelIsNamed() {
    fails(() -> new SVC().kernel("gaussian").fit(X, Y), "kernel", "gaussian", "rbf");
    fails(() -> new OneClassSVM().kernel("gaussian").fit(X), "kernel", "gaussian");
  }

  @Test
  void gammaMustBePositive() {
    fails(() -> new SVC().gamma(0.0).fit(X, Y), "gamma", "0.0");
    fails(() -> new SVR().gamma(-1.0).fit(X, new double[X.length]), "gamma", "-1.0");
    fails(() -> new SVC().gamma("large").fit(X, Y), "gamma", "large");
  }

  @Test
  void nuMustBeInZeroOne() {
    fails(() -> new NuSVC(0.0).fit(X, Y), "nu", "0.0", "(0, 1]");
    fails(() -> new OneClassSVM().nu(1.5).fit(X), "nu", "1.5");
    fails(() -> new NuSVR().nu(-0.1).fit(X, new double[X.length]), "nu", "-0.1");
  }

  @Test
  void precomputedMatrixMustBeSquareAtFitAndNTrainWideAtPredict() {
    fails(() -> new SVC().kernel("precomputed").fit(X, Y),
        "Precomputed matrix must be a square matrix", "50x2");
    double[][] gram = new double[X.length][X.length];
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < X.length; j++) {
        gram[i][j] = Kernel.dot(X[i], X[j]);
      }
    }
    SVC model = new SVC().kernel("precomputed").fit(gram, Y);
    fails(() -> model.predict(new double[][] {{1, 2, 3}}), "X.shape[1] = 3",
        "should be equal to 50");
    assertEquals(X.length, model.predict(gram).length);
  }

  @Test
  void aSingleClassIsRejected() {
    fails(() -> new SVC().fit(X, new int[X.length]),
        "The number of classes has to be greater than one; got 1 class");
    double[] w = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      w[i] = Y[i] == 0 ? 1 : 0;
    }
    fails(() -> new SVC().fit(X, Y, w), "all samples with positive weights belong to the same");
    fails(() -> new SVC().fit(X, Y, new double[X.length]), "all samples have zero or negative");
  }

  @Test
  void shapesAndOptionsAreChecked() {
    fails(() -> new SVC().fit(X, new int[3]), "X", "y");
    fails(() -> new SVC().fit(X, Y, new double[3]), "sample_weight");
    SVC model = new SVC().fit(X, Y);
    fails(() -> model.predict(new double[][] {{1, 2, 3}}), "3 features", "expecting 2");
    fails(() -> new SVC().classWeight(Map.of(7, 2.0)).fit(X, Y), "class_weight", "7");
    SVC ovo = new SVC().decisionFunctionShape("ovo").breakTies(true).fit(X, Y);
    fails(() -> ovo.predict(X), "break_ties must be False");
    fails(() -> new SVR().fit(X, Y.length == 0 ? null : new double[X.length]).coef(),
        "coef_ is only available when using a linear kernel");
  }
}
