package semaine.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.base.Estimator;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.regression.KNeighborsRegressor;
import semaine.regression.Ridge;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/** validationCurve and learningCurve against scikit-learn 1.9.1's on the same folds. */
class CurvesTest {

  private static final Map<String, Object> REF = ReferenceVectors.load("curves.json");

  private static Estimator model(String name) {
    return switch (name) {
      case "knn" -> new KNeighborsClassifier();
      case "knn_regressor" -> new KNeighborsRegressor();
      default -> new Ridge();
    };
  }

  private static Object y(Dataset d, String model) {
    return model.equals("knn") ? d.labels() : d.y();
  }

  @Test
  @SuppressWarnings("unchecked")
  void validationCurvesMatchScikitLearn() {
    int inexact = 0;
    for (Map<String, Object> c : (List<Map<String, Object>>) REF.get("validation")) {
      Dataset d = Datasets.load((String) c.get("data"));
      String m = (String) c.get("model");
      var curve = CrossValidation.validationCurve(model(m), d.X(), y(d, m),
          (String) c.get("param"), (List<?>) c.get("values"), ((Number) c.get("cv")).intValue(),
          (String) c.get("scoring"));
      inexact += ReferenceAssert.assertClose(c.get("train"), curve.trainScores(), 1e-12,
          "train " + c.get("param"));
      inexact += ReferenceAssert.assertClose(c.get("test"), curve.testScores(), 1e-12,
          "test " + c.get("param"));
    }
    System.out.println("validation curves vs scikit-learn: " + inexact
        + " scores not bit-identical");
  }

  @Test
  @SuppressWarnings("unchecked")
  void learningCurvesMatchScikitLearn() {
    int inexact = 0;
    for (Map<String, Object> c : (List<Map<String, Object>>) REF.get("learning")) {
      Dataset d = Datasets.load((String) c.get("data"));
      String m = (String) c.get("model");
      var curve = CrossValidation.learningCurve(model(m), d.X(), y(d, m),
          ReferenceVectors.doubles(c.get("train_sizes")), ((Number) c.get("cv")).intValue(), null);
      assertArrayEquals(ReferenceVectors.ints(c.get("train_sizes_abs")), curve.trainSizes());
      inexact += ReferenceAssert.assertClose(c.get("train"), curve.trainScores(), 1e-12, m);
      inexact += ReferenceAssert.assertClose(c.get("test"), curve.testScores(), 1e-12, m);
    }
    System.out.println("learning curves vs scikit-learn: " + inexact
        + " scores not bit-identical");
  }

  @Test
  void badArgumentsAreNamed() {
    var iris = Datasets.loadIris();
    var e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.validationCurve(
        new KNeighborsClassifier(), iris.X(), iris.labels(), "k", List.of(1, 3), 5, null));
    assertTrue(e.getMessage().contains("has no parameter \"k\": valid parameters are"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.learningCurve(
        new KNeighborsClassifier(), iris.X(), iris.labels(), new double[] {0.0, 0.5}, 5, null));
    assertEquals("train_sizes (0.0) must be within (0, 1] as fractions of the 120 training rows",
        e.getMessage());
  }
}
