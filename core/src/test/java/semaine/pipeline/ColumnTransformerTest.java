package semaine.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.base.Models;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Datasets;
import semaine.decomposition.PCA;
import semaine.preprocessing.MinMaxScaler;
import semaine.preprocessing.OneHotEncoder;
import semaine.preprocessing.OrdinalEncoder;
import semaine.preprocessing.StandardScaler;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/** ColumnTransformer against scikit-learn 1.9.1 on a table with text columns and on iris. */
class ColumnTransformerTest {

  private static final double TOL = 1e-12;
  private static final Map<String, Object> REF = ReferenceVectors.load("column_transformer.json");

  private static ColumnTransformer make(String name) {
    return switch (name) {
      case "scale_and_onehot" -> ColumnTransformer.of(
          ColumnGroup.of("num", new StandardScaler(), "age", "income"),
          ColumnGroup.of("cat", new OneHotEncoder().handleUnknown("ignore"), "city"));
      case "ordinal_passthrough" -> ColumnTransformer.of(
          ColumnGroup.of("cat", new OrdinalEncoder().handleUnknown("use_encoded_value")
              .unknownValue(-1), "city", "plan"),
          ColumnGroup.of("minmax", new MinMaxScaler(), 0, 4)).remainder("passthrough");
      default -> ColumnTransformer.of(
          ColumnGroup.of("cat", new OneHotEncoder().drop("first").handleUnknown("ignore"),
              "plan", "city"),
          ColumnGroup.of("num", new StandardScaler(), "score")).remainder("passthrough")
          .verboseFeatureNamesOut(false);
    };
  }

  @Test
  @SuppressWarnings("unchecked")
  void textTableGivesScikitLearnsOutputsAndNames() throws Exception {
    String[][] table = text(REF.get("table"));
    String[][] probe = text(REF.get("probe"));
    List<String> columns = ReferenceVectors.strings(REF.get("columns"));
    int inexact = 0;
    for (Map<String, Object> c : (List<Map<String, Object>>) REF.get("cases")) {
      String name = (String) c.get("name");
      ColumnTransformer ct = make(name);
      inexact += ReferenceAssert.assertClose(c.get("fit_transform"),
          ct.fitTransform(table, columns), TOL, name);
      inexact += ReferenceAssert.assertClose(c.get("probe"), ct.transform(probe), TOL, name);
      assertEquals(c.get("feature_names_out"), List.of(ct.getFeatureNamesOut()), name);
      var bytes = new java.io.ByteArrayOutputStream();
      Models.save(ct, bytes, columns, List.of());
      var loaded = (ColumnTransformer) Models.load(
          new java.io.ByteArrayInputStream(bytes.toByteArray()), name);
      assertArrayEquals(ct.transform(probe)[3], loaded.transform(probe)[3], name);
      assertEquals(List.of(ct.getFeatureNamesOut()), List.of(loaded.getFeatureNamesOut()));
    }
    System.out.println("ColumnTransformer vs scikit-learn: " + inexact
        + " values not bit-identical");
  }

  @Test
  @SuppressWarnings("unchecked")
  void numericColumnsByIndexInAPipeline() {
    double[][] X = Datasets.loadIris().X();
    var ct = ColumnTransformer.of(ColumnGroup.of("scaled", new StandardScaler(), 0, 1),
        ColumnGroup.of("pca", new PCA(1), 2, 3)).remainder("passthrough");
    var iris = (Map<String, Object>) REF.get("iris");
    ReferenceAssert.assertClose(iris.get("fit_transform"), ct.fitTransform(X), 1e-10, "iris");
    assertEquals(iris.get("feature_names_out"), List.of(ct.getFeatureNamesOut()));
    var model = Pipeline.classifier(ct.clone(), new KNeighborsClassifier(5));
    model.setParam("columntransformer__pca__n_components", 2);
    model.fit(X, Datasets.loadIris().labels());
    assertEquals(150, model.predict(X).length);
    assertEquals(2, model.getParam("columntransformer__pca__n_components"));
  }

  @Test
  void aColumnTheDataLacksIsNamedWithTheColumnsItHas() {
    var ct = ColumnTransformer.of(ColumnGroup.of("num", new StandardScaler(), "age", "weight"));
    var e = assertThrows(IllegalArgumentException.class,
        () -> ct.fit(new double[][] {{1, 2}, {3, 4}}, List.of("age", "height")));
    assertEquals("column \"weight\" of transformer \"num\" is not in the data: its columns are"
        + " [age, height]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ColumnTransformer.of(ColumnGroup.of("num", new StandardScaler(), 5))
            .fit(new double[][] {{1, 2}}));
    assertEquals("column 5 of transformer \"num\" is out of range: X has 2 columns",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ColumnGroup.of("num__scaled", new StandardScaler(), 0));
    assertTrue(e.getMessage().startsWith("transformer name (\"num__scaled\") must not contain"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ColumnTransformer.of(ColumnGroup.of("num", new StandardScaler(), "city"))
            .fit(new String[][] {{"Lyon"}}, List.of("city")));
    assertTrue(e.getMessage().startsWith("column \"city\" holds text (\"Lyon\" at row 0)"),
        e.getMessage());
  }

  private static String[][] text(Object list) {
    return ((List<?>) list).stream().map(row -> ((List<?>) row).stream()
        .map(v -> (String) v).toArray(String[]::new)).toArray(String[][]::new);
  }
}
