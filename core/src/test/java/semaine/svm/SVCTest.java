package semaine.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceVectors;

class SVCTest {

  @AfterAll
  static void report() {
    System.out.println("SVCTest: worst relative error vs scikit-learn = " + SvmReference.worst);
  }

  @Test
  void everyDatasetAndKernelMatchesScikitLearn() {
    SvmReference.cases("svc").forEach(c -> {
      String dataset = (String) c.get("dataset");
      double[][] X = SvmReference.X(dataset);
      SVC model = SvmReference.configure(new SVC(), c);
      model.fit(X, SvmReference.labels(dataset));
      SvmReference.assertClassifier(c, model, SvmReference.head(X, 300));
    });
  }

  @Test
  void sampleWeightsScaleCAndZeroWeightsDropSamples() {
    SvmReference.cases("svc_weighted").forEach(c -> {
      String dataset = (String) c.get("dataset");
      double[][] X = SvmReference.X(dataset);
      SVC model = SvmReference.configure(new SVC(), c);
      model.fit(X, SvmReference.labels(dataset), ReferenceVectors.doubles(c.get("sample_weight")));
      SvmReference.assertClassifier(c, model, X);
    });
  }

  @Test
  void precomputedGramMatrixMatchesScikitLearn() {
    Map<String, Object> c = SvmReference.cases("svc_precomputed").findFirst().orElseThrow();
    double[][] digits = SvmReference.X("digits");
    int[] labels = java.util.Arrays.copyOf(SvmReference.labels("digits"), 300);
    double[][] gram = gram(digits, 0, 300);
    double[][] test = gram(digits, 300, 400);
    SVC model = new SVC().kernel("precomputed").fit(gram, labels);
    SvmReference.assertClassifier(c, model, test);
    assertEquals(0, model.supportVectors().length);
  }

  /** Rows from..to−1 of digits against the first 300 rows: integer dot products, exact. */
  static double[][] gram(double[][] X, int from, int to) {
    double[][] K = new double[to - from][300];
    for (int i = from; i < to; i++) {
      for (int j = 0; j < 300; j++) {
        K[i - from][j] = Kernel.dot(X[i], X[j]);
      }
    }
    return K;
  }

  @Test
  void binaryDecisionIsPositiveForTheSecondClass() {
    double[][] X = SvmReference.X("blobs");
    int[] y = SvmReference.labels("blobs");
    SVC model = new SVC().kernel("linear").fit(X, y);
    double[][] dec = model.decisionFunction(X);
    int[] predicted = model.predict(X);
    for (int i = 0; i < X.length; i++) {
      assertEquals(dec[i][0] > 0 ? 1 : 0, predicted[i]);
    }
    assertArrayEquals(new int[] {0, 1}, model.classes());
    assertTrue(model.kernelCacheHitRate() > 0);
  }
}
