package semaine.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.base.Models;
import semaine.base.Transformer;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/** The encoders, KBinsDiscretizer and FunctionTransformer against scikit-learn 1.9.1. */
class EncodersTest {

  /** Within 1e-12 of scikit-learn, relative to max(1, |value|). */
  private static final double TOL = 1e-12;

  private static final Map<String, Object> REF = ReferenceVectors.load("encoders.json");

  @Test
  @SuppressWarnings("unchecked")
  void encodersMatchScikitLearnOnTextAndNumbers() {
    int cases = 0;
    for (Map<String, Object> c : (List<Map<String, Object>>) REF.get("encoders")) {
      boolean text = c.get("kind").equals("text");
      var params = (Map<String, Object>) c.get("params");
      String what = c.get("class") + " " + c.get("kind") + " " + params;
      Transformer model = c.get("class").equals("OneHotEncoder") ? new OneHotEncoder()
          : new OrdinalEncoder();
      params.forEach((name, value) -> model.setParam(name, value == null ? Double.NaN : value));
      double[][] Z;
      double[][] probe = null;
      if (text) {
        String[][] X = text(REF.get("text"));
        Z = model instanceof OneHotEncoder o ? o.fitTransform(X) : ((OrdinalEncoder) model)
            .fitTransform(X);
        if (c.get("probe_transform") != null) {
          String[][] P = text(REF.get("text_probe"));
          probe = model instanceof OneHotEncoder o ? o.transform(P)
              : ((OrdinalEncoder) model).transform(P);
        }
      } else {
        double[][] X = numbers(REF.get("numbers"));
        Z = model.fitTransform(X);
        if (c.get("probe_transform") != null) {
          probe = model.transform(numbers(REF.get("numbers_probe")));
        }
      }
      assertSame(numbers(c.get("transform")), Z, what + " transform");
      if (probe != null) {
        assertSame(numbers(c.get("probe_transform")), probe, what + " probe");
      }
      List<List<String>> categories = model instanceof OneHotEncoder o ? o.categories()
          : ((OrdinalEncoder) model).categories();
      assertEquals(c.get("categories_"), categories, what + " categories_");
      List<List<String>> infrequent = model instanceof OneHotEncoder o ? o.infrequentCategories()
          : ((OrdinalEncoder) model).infrequentCategories();
      if (c.get("infrequent_categories_") != null) {
        assertEquals(c.get("infrequent_categories_"), infrequent, what + " infrequent");
      } else {
        assertTrue(infrequent.stream().allMatch(java.util.Objects::isNull), what);
      }
      if (model instanceof OneHotEncoder o) {
        assertEquals(c.get("feature_names_out"),
            List.of(o.getFeatureNamesOut(ReferenceVectors.strings(REF.get("names"))
                .toArray(String[]::new))), what + " names");
        assertEquals(c.get("feature_names_out_default"), List.of(o.getFeatureNamesOut()), what);
        if (c.get("drop_idx_") == null) {
          assertNull(o.dropIdx(), what);
        } else {
          assertArrayEquals(ReferenceVectors.ints(c.get("drop_idx_")), o.dropIdx(), what);
        }
      }
      cases++;
    }
    assertEquals(28, cases);
  }

  @Test
  @SuppressWarnings("unchecked")
  void labelEncoderMatchesScikitLearn() {
    for (Map<String, Object> c : (List<Map<String, Object>>) REF.get("labels")) {
      var encoder = new LabelEncoder();
      int[] codes = c.get("kind").equals("text")
          ? encoder.fitTransform(ReferenceVectors.strings(c.get("y")).toArray(String[]::new))
          : encoder.fitTransform(ReferenceVectors.doubles(c.get("y")));
      assertArrayEquals(ReferenceVectors.ints(c.get("transform")), codes);
      assertEquals(c.get("classes_"), encoder.classes());
      assertEquals(c.get("inverse"), List.of(encoder.inverseTransform(new int[] {0, 3, 1})));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void kbinsDiscretizerMatchesScikitLearn() {
    int inexact = 0;
    int compared = 0;
    for (Map<String, Object> c : (List<Map<String, Object>>) REF.get("kbins")) {
      double[][] X = Datasets.load((String) c.get("data")).X();
      var params = (Map<String, Object>) c.get("params");
      var model = new KBinsDiscretizer();
      params.forEach(model::setParam);
      model.fit(X);
      String what = "KBinsDiscretizer " + c.get("data") + " " + params;
      assertArrayEquals(ReferenceVectors.ints(c.get("n_bins_")), model.nBins(), what);
      double[][] edges = model.binEdges();
      List<?> expected = (List<?>) c.get("bin_edges_");
      for (int j = 0; j < edges.length; j++) {
        inexact += ReferenceAssert.assertClose(expected.get(j), edges[j], TOL, what + " edges " + j);
      }
      inexact += ReferenceAssert.assertClose(c.get("transform_head"),
          model.transform(java.util.Arrays.copyOf(X, 20)), 0, what + " transform");
      double[][] probe = probe(X);
      inexact += ReferenceAssert.assertClose(c.get("probe_transformed"), model.transform(probe),
          0, what + " probe");
      if (c.containsKey("inverse_of_transform_head")) {
        inexact += ReferenceAssert.assertClose(c.get("inverse_of_transform_head"),
            model.inverseTransform(model.transform(java.util.Arrays.copyOf(X, 20))), TOL,
            what + " inverse");
      }
      compared++;
    }
    assertEquals(19, compared);
    System.out.println("KBinsDiscretizer vs scikit-learn: " + compared + " cases, " + inexact
        + " values not bit-identical");
  }

  @Test
  @SuppressWarnings("unchecked")
  void functionTransformerMatchesNumPy() {
    int inexact = 0;
    for (Map<String, Object> c : (List<Map<String, Object>>) REF.get("functions")) {
      double[][] X = Datasets.load((String) c.get("data")).X();
      if (c.get("func").equals("sqrt") || c.get("func").equals("log")) {
        for (double[] row : X) {
          for (int j = 0; j < row.length; j++) {
            row[j] = Math.abs(row[j]) + 0.5;
          }
        }
      }
      var model = new FunctionTransformer((String) c.get("func"));
      if (c.get("inverse_func") != null) {
        model.inverseFunc((String) c.get("inverse_func"));
      }
      double[][] head = java.util.Arrays.copyOf(X, 20);
      model.fit(X);
      inexact += ReferenceAssert.assertClose(c.get("transform_head"), model.transform(head), TOL,
          "FunctionTransformer " + c.get("func"));
      if (c.containsKey("inverse_of_transform_head")) {
        inexact += ReferenceAssert.assertClose(c.get("inverse_of_transform_head"),
            model.inverseTransform(model.transform(head)), TOL, "inverse " + c.get("func"));
      }
    }
    System.out.println("FunctionTransformer vs NumPy: " + inexact + " values not bit-identical");
  }

  @Test
  void unknownCategoryAtTransformIsAnErrorNamingItAndTheKnownOnes() {
    var encoder = new OneHotEncoder().fit(new String[][] {{"red"}, {"blue"}});
    var e = assertThrows(IllegalArgumentException.class,
        () -> encoder.transform(new String[][] {{"red"}, {"green"}}));
    assertEquals("Found unknown categories [green] in column 0 during transform"
        + " (handle_unknown='error'); the categories seen at fit are [blue, red]", e.getMessage());
    var ordinal = new OrdinalEncoder().fit(new double[][] {{1}, {2}});
    e = assertThrows(IllegalArgumentException.class,
        () -> ordinal.transform(new double[][] {{3}}));
    assertTrue(e.getMessage().startsWith("Found unknown categories [3.0] in column 0"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LabelEncoder().fit(new String[] {"a"}).transform(new String[] {"b"}));
    assertTrue(e.getMessage().startsWith("y contains previously unseen labels: [b]"),
        e.getMessage());
  }

  @Test
  void badSettingsAreRefusedNamingTheParameter() {
    String[][] X = {{"a"}, {"b"}, {"a"}};
    var e = assertThrows(IllegalArgumentException.class,
        () -> new OrdinalEncoder().handleUnknown("use_encoded_value").fit(X));
    assertTrue(e.getMessage().startsWith("unknown_value (null) must be an int or NaN"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new OrdinalEncoder().handleUnknown("use_encoded_value").unknownValue(1).fit(X));
    assertTrue(e.getMessage().startsWith("unknown_value (1) is one of the values already used"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new OneHotEncoder().setParam("drop", "last").fit(X));
    assertTrue(e.getMessage().startsWith("drop (\"last\") must be"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new OneHotEncoder().fit(X).transform(new double[][] {{1}}));
    assertEquals("X is numbers but OneHotEncoder was fitted on text: give the same kind",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KBinsDiscretizer(1).fit(new double[][] {{1}, {2}}));
    assertEquals("n_bins (1) must be an int in [2, inf)", e.getMessage());
  }

  @Test
  void namedFunctionsAreSavedAndJavaFunctionsAreRefusedSaying() throws Exception {
    double[][] X = {{1, 2}, {3, 4}};
    var named = new FunctionTransformer("log1p").fit(X);
    var bytes = new java.io.ByteArrayOutputStream();
    Models.save(named, bytes, List.of(), List.of());
    var loaded = (Transformer) Models.load(new java.io.ByteArrayInputStream(bytes.toByteArray()),
        "memory");
    assertArrayEquals(named.transform(X)[1], loaded.transform(X)[1]);
    var java = new FunctionTransformer(x -> 2 * x).fit(X);
    var e = assertThrows(IllegalArgumentException.class,
        () -> Models.save(java, new java.io.ByteArrayOutputStream(), List.of(), List.of()));
    assertTrue(e.getMessage().contains("cannot be saved in a model file"), e.getMessage());
    assertEquals(4.0, java.transform(X)[0][1]);
  }

  @Test
  void labelEncoderIsSavedAndLoadedWithItsClasses() throws Exception {
    String[] y = {"b", "a", "c", "a"};
    var encoder = new LabelEncoder().fit(y);
    var bytes = new java.io.ByteArrayOutputStream();
    Models.save(encoder, bytes, List.of(), List.of());
    var loaded = (LabelEncoder) Models.load(
        new java.io.ByteArrayInputStream(bytes.toByteArray()), "memory");
    assertEquals(List.of("a", "b", "c"), loaded.classes());
    assertArrayEquals(new int[] {1, 0, 2, 0}, loaded.transform(y));
    assertThrows(IllegalStateException.class, () -> new LabelEncoder().clone().classes());
  }

  private static double[][] probe(double[][] X) {
    double[][] probe = new double[5][];
    for (int i = 0; i < 5; i++) {
      probe[i] = X[i].clone();
      for (int j = 0; j < probe[i].length; j++) {
        probe[i][j] = probe[i][j] * 1.5 + 0.25;
      }
    }
    return probe;
  }

  private static void assertSame(double[][] expected, double[][] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": rows");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i].length, actual[i].length, what + ": row " + i);
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(Double.doubleToLongBits(expected[i][j]),
            Double.doubleToLongBits(actual[i][j]), what + "[" + i + "][" + j + "]: "
                + actual[i][j] + " vs " + expected[i][j]);
      }
    }
  }

  private static String[][] text(Object list) {
    return ((List<?>) list).stream().map(row -> ((List<?>) row).stream()
        .map(v -> (String) v).toArray(String[]::new)).toArray(String[][]::new);
  }

  private static double[][] numbers(Object list) {
    return ((List<?>) list).stream().map(row -> ((List<?>) row).stream()
        .mapToDouble(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toArray())
        .toArray(double[][]::new);
  }
}
