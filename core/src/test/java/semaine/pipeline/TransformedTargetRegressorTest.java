package semaine.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.base.Models;
import semaine.data.Datasets;
import semaine.preprocessing.PolynomialFeatures;
import semaine.preprocessing.StandardScaler;
import semaine.regression.LinearRegression;
import semaine.regression.Ridge;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/** TransformedTargetRegressor against scikit-learn 1.9.1 (reference/target_transform.py). */
class TransformedTargetRegressorTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> reference(String name) {
    return (Map<String, Object>) ReferenceVectors.load("target_transform.json").get(name);
  }

  @Test
  void ridgeOnAStandardisedTargetGivesScikitLearnsModelAndPredictions() {
    var diabetes = Datasets.loadDiabetes();
    var ref = reference("scaled");
    var model = new TransformedTargetRegressor(new Ridge(0.5), new StandardScaler())
        .fit(diabetes.X(), diabetes.y());
    Ridge ridge = (Ridge) model.regressor();
    ReferenceAssert.assertClose(ref.get("coef"), ridge.coef(), 1e-12, "regressor_.coef_");
    assertEquals((Double) ref.get("intercept"), ridge.intercept(), 1e-12);
    StandardScaler scaler = (StandardScaler) model.transformer();
    ReferenceAssert.assertClose(ref.get("mean"), scaler.mean(), 1e-12, "transformer_.mean_");
    ReferenceAssert.assertClose(ref.get("scale"), scaler.scale(), 1e-12, "transformer_.scale_");
    ReferenceAssert.assertClose(ref.get("predictions"), model.predict(diabetes.X()), 1e-10,
        "predict");
    assertEquals(0.5, model.getParam("regressor__alpha"));
  }

  @Test
  void withoutATransformerItIsLeastSquaresOnTheTargetAsItIs() {
    var diabetes = Datasets.loadDiabetes();
    var ref = reference("plain");
    var model = new TransformedTargetRegressor().fit(diabetes.X(), diabetes.y());
    assertTrue(model.regressor() instanceof LinearRegression);
    assertNull(model.transformer());
    ReferenceAssert.assertClose(ref.get("predictions"), model.predict(diabetes.X()), 1e-9,
        "predict");
  }

  @Test
  void aSavedModelPredictsTheSameBitsAndKeepsItsParts(@TempDir Path dir) {
    var diabetes = Datasets.loadDiabetes();
    var model = new TransformedTargetRegressor(
        Pipeline.regressor(new StandardScaler(), new Ridge(2.0)), new StandardScaler())
        .fit(diabetes.X(), diabetes.y());
    Models.save(model, dir.resolve("ttr.semaine"));
    var loaded = Models.load(dir.resolve("ttr.semaine"), TransformedTargetRegressor.class);
    assertArrayEquals(model.predict(diabetes.X()), loaded.predict(diabetes.X()));
    assertEquals(2.0, loaded.getParam("regressor__ridge__alpha"));
    assertTrue(loaded.getParam("transformer") instanceof StandardScaler);
  }

  @Test
  void aTransformerThatIsNotOneColumnToOneIsRefused() {
    var diabetes = Datasets.loadDiabetes();
    var e = assertThrows(IllegalArgumentException.class,
        () -> new TransformedTargetRegressor(new Ridge(), new PolynomialFeatures(2))
            .fit(diabetes.X(), diabetes.y()));
    assertTrue(e.getMessage().contains("transformer"), e.getMessage());
    var wrong = assertThrows(IllegalArgumentException.class,
        () -> new TransformedTargetRegressor().setParam("regressor", new StandardScaler())
            .fit(diabetes.X(), diabetes.y()));
    assertTrue(wrong.getMessage().contains("regressor"), wrong.getMessage());
  }
}
