package semaine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.pipeline.Step.step;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.base.Models;
import semaine.data.Datasets;
import semaine.decomposition.PCA;
import semaine.preprocessing.MinMaxScaler;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class FeatureUnionTest {

  @Test
  @SuppressWarnings("unchecked")
  void putsTheTransformersOutputsSideBySideAsScikitLearn(@TempDir Path dir) {
    var ref = (Map<String, Object>) ReferenceVectors.load("scalers.json").get("feature_union");
    double[][] X = Datasets.loadWine().X();
    var union = FeatureUnion.of(step("pca", new PCA(2)), step("minmax", new MinMaxScaler()))
        .fit(X);
    double[][] head = java.util.Arrays.copyOf(X, 20);
    ReferenceAssert.assertClose(ref.get("transform_head"), union.transform(head), 1e-10,
        "FeatureUnion transform");
    assertEquals(((Long) ref.get("n_features_out")).intValue(), union.transform(head)[0].length);
    assertEquals(2, union.getParam("pca__n_components"));
    Models.save(union, dir.resolve("union.semaine"));
    var loaded = Models.load(dir.resolve("union.semaine"), FeatureUnion.class);
    assertTrue(java.util.Arrays.deepEquals(union.transform(head), loaded.transform(head)));
  }

  @Test
  void anEmptyUnionIsRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new FeatureUnion().fit(Datasets.loadIris().X()));
    assertTrue(e.getMessage().startsWith("transformer_list ([]) must hold"), e.getMessage());
  }
}
