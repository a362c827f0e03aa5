package semaine.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NuSVCTest {

  @Test
  void everyDatasetMatchesScikitLearn() {
    SvmReference.cases("nusvc").forEach(c -> {
      String dataset = (String) c.get("dataset");
      double[][] X = SvmReference.X(dataset);
      NuSVC model = SvmReference.configure(new NuSVC(), c).fit(X, SvmReference.labels(dataset));
      SvmReference.assertClassifier(c, model, SvmReference.head(X, 300));
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
