package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.base.Models;
import semaine.pipeline.ColumnTransformer;
import semaine.pipeline.RegressorPipeline;
import semaine.util.Json;

/**
 * {@code classify|regress --encode onehot}: a CSV with text columns goes through scikit-learn's
 * pipeline (column transformer with a OneHotEncoder on the text columns, then the model), which
 * gives scikit-learn's answers (reference/encode_cli.py), is saved whole and answers the same from
 * the file in another run of {@code predict}.
 */
class EncodeOptionTest {

  private static final double TOL = 1e-12;

  @TempDir
  Path dir;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> reference(String name) throws IOException {
    try (InputStream in =
        EncodeOptionTest.class.getResourceAsStream("/reference/encode_cli.json")) {
      var all = (Map<String, Object>) Json.parse(new String(in.readAllBytes(),
          StandardCharsets.UTF_8));
      return (Map<String, Object>) ((Map<String, Object>) all.get("cases")).get(name);
    }
  }

  private Path copy(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = EncodeOptionTest.class.getResourceAsStream("/reference/" + name)) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  @Test
  void classifyGivesScikitLearnsPredictionsAndProbabilities() throws IOException {
    Path train = copy("encode_train.csv");
    Path queries = copy("encode_queries.csv");
    for (String scale : new String[] {null, "standard"}) {
      Map<String, Object> expected = reference(scale == null ? "classify_knn"
          : "classify_knn_standard");
      List<String> scaleArgs = scale == null ? List.of() : List.of("--scale", scale);
      var answered = json(args(List.of("classify", train.toString(), "--target", "churn",
          "--drop", "spend", "--encode", "onehot", "--predict", queries.toString(), "--proba",
          "--json"), scaleArgs));
      assertEquals(expected.get("predictions"), answered.get("predictions"), "scale " + scale);
      assertClose((List<?>) expected.get("probabilities"), (List<?>) answered.get("probabilities"));
      assertEquals(List.of("city", "plan"), answered.get("encoded_columns"));
      var onTrain = json(args(List.of("classify", train.toString(), "--target", "churn",
          "--drop", "spend", "--encode", "onehot", "--json"), scaleArgs));
      assertEquals((Double) expected.get("train_accuracy"), (Double) onTrain.get("accuracy"), 0);
    }
  }

  @Test
  void regressGivesScikitLearnsPredictions() throws IOException {
    Path train = copy("encode_train.csv");
    Path queries = copy("encode_queries.csv");
    for (String[] c : new String[][] {{"ols", null, "regress_ols"},
        {"knn", "minmax", "regress_knn_minmax"}}) {
      Map<String, Object> expected = reference(c[2]);
      List<String> scaleArgs = c[1] == null ? List.of() : List.of("--scale", c[1]);
      var answered = json(args(List.of("regress", train.toString(), "--target", "spend",
          "--drop", "churn", "--model", c[0], "--encode", "onehot", "--predict",
          queries.toString(), "--json"), scaleArgs));
      assertClose((List<?>) expected.get("predictions"), (List<?>) answered.get("predictions"));
      var onTrain = json(args(List.of("regress", train.toString(), "--target", "spend",
          "--drop", "churn", "--model", c[0], "--encode", "onehot", "--json"), scaleArgs));
      assertEquals((Double) expected.get("train_r2"), (Double) onTrain.get("r2"), TOL, c[2]);
    }
  }

  @Test
  void theSavedPipelineIsScikitLearnsAndPredictAnswersTheSameInAnotherRun() throws IOException {
    Path train = copy("encode_train.csv");
    Path queries = copy("encode_queries.csv");
    Path model = dir.resolve("ols.semaine");
    var fitted = json("regress", train.toString(), "--target", "spend", "--drop", "churn",
        "--model", "ols", "--encode", "onehot", "--predict", queries.toString(), "--save",
        model.toString(), "--json");
    var predicted = json("predict", model.toString(), queries.toString(), "--json");
    assertEquals(fitted.get("predictions"), predicted.get("predictions"));
    var stdin = System.in;
    try { // standard input is read whole for a model that encodes text, and answered the same
      System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(queries)));
      var fromStdin = json("predict", model.toString(), "-", "--json");
      assertEquals(fitted.get("predictions"), fromStdin.get("predictions"));
      System.setIn(new java.io.ByteArrayInputStream("region,x\nnorth,1\n".getBytes()));
      CliRun wrong = CliRun.of("predict", model.toString(), "-");
      assertEquals(2, wrong.code(), wrong.err());
      assertTrue(wrong.err().contains("standard input"), wrong.err());
    } finally {
      System.setIn(stdin);
    }
    var pipeline = Models.load(model, RegressorPipeline.class);
    assertTrue(pipeline.readsText());
    var columns = (ColumnTransformer) pipeline.namedSteps().get("columntransformer");
    assertEquals(reference("regress_ols").get("feature_names_out"),
        List.of(columns.getFeatureNamesOut()));

    Path classifier = dir.resolve("knn.semaine");
    var classified = json("classify", train.toString(), "--target", "churn", "--drop", "spend",
        "--encode", "onehot", "--scale", "standard", "--predict", queries.toString(), "--proba",
        "--save", classifier.toString(), "--json");
    var again = json("predict", classifier.toString(), queries.toString(), "--proba", "--json");
    assertEquals(classified.get("predictions"), again.get("predictions"));
    assertEquals(classified.get("probabilities"), again.get("probabilities"));
    // the training file, with its target columns left out
    var onTrain = json("predict", classifier.toString(), train.toString(), "--drop",
        "churn,spend", "--json");
    assertEquals(80, ((List<?>) onTrain.get("predictions")).size());
  }

  @Test
  @SuppressWarnings("unchecked")
  void searchCrossValidatesTheEncodingPipelineAsGridSearchCvDoes() throws IOException {
    Path train = copy("encode_train.csv");
    for (String scale : new String[] {null, "standard"}) {
      Map<String, Object> expected = reference(scale == null ? "search_knn"
          : "search_knn_standard");
      List<String> scaleArgs = scale == null ? List.of() : List.of("--scale", scale);
      Path model = dir.resolve("best.semaine");
      var searched = json(args(List.of("search", train.toString(), "--target", "churn",
          "--drop", "spend", "--model", "knn", "--encode", "onehot", "--grid",
          "n_neighbors=1,3,5,7;weights=uniform,distance", "--save", model.toString(), "--json"),
          scaleArgs));
      var results = (Map<String, Object>) searched.get("cv_results");
      assertClose((List<?>) expected.get("mean_test_score"),
          (List<?>) results.get("mean_test_score"));
      assertClose((List<?>) expected.get("std_test_score"),
          (List<?>) results.get("std_test_score"));
      assertEquals(Map.of("knn__n_neighbors", ((Number) expected.get("best_n_neighbors"))
          .longValue(), "knn__weights", expected.get("best_weights")), searched.get("best_params"));
      var predicted = json("predict", model.toString(), train.toString(), "--drop",
          "churn,spend", "--json");
      assertEquals(80, ((List<?>) predicted.get("predictions")).size());
    }
  }

  @Test
  void textColumnsWithoutEncodeAreAUsageErrorNamingThemAndTheOption() throws IOException {
    Path train = copy("encode_train.csv");
    CliRun run = CliRun.of("classify", train.toString(), "--target", "churn", "--drop", "spend");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("columns 'city', 'plan' of " + train + " hold text"), run.err());
    assertTrue(run.err().contains("--encode onehot"), run.err());
    CliRun one = CliRun.of("regress", train.toString(), "--target", "spend", "--drop",
        "churn,plan");
    assertEquals(2, one.code());
    assertTrue(one.err().contains("column 'city' of " + train + " holds text"), one.err());
    assertTrue(one.err().contains("--encode onehot, or leave them out with --drop city"),
        one.err());
  }

  @Test
  void badEncodingsAreUsageErrors() throws IOException {
    Path train = copy("encode_train.csv");
    CliRun kind = CliRun.of("classify", train.toString(), "--target", "churn", "--drop", "spend",
        "--encode", "ordinal");
    assertEquals(2, kind.code());
    assertTrue(kind.err().contains("--encode (ordinal) must be onehot"), kind.err());
    CliRun none = CliRun.of("regress", train.toString(), "--target", "spend", "--drop",
        "churn,city,plan", "--encode", "onehot");
    assertEquals(2, none.code());
    assertTrue(none.err().contains("has no text feature column to encode"), none.err());
    CliRun stream = CliRun.of("regress", train.toString(), "--target", "spend", "--drop",
        "churn", "--encode", "onehot", "--stream");
    assertEquals(2, stream.code());
    assertTrue(stream.err().contains("--stream: ols with --encode keeps every row in memory"),
        stream.err());
  }

  @Test
  void anUnknownCategoryAtPredictIsAnErrorNamingTheColumnAndTheValue() throws IOException {
    Path train = copy("encode_train.csv");
    Path model = dir.resolve("knn.semaine");
    json("classify", train.toString(), "--target", "churn", "--drop", "spend", "--encode",
        "onehot", "--save", model.toString(), "--json");
    Path queries = dir.resolve("lille.csv");
    Files.writeString(queries, "age,city,income,plan\n30.0,Lyon,12000.5,pro\n"
        + "41.0,Lille,9000.0,basic\n");
    CliRun run = CliRun.of("predict", model.toString(), queries.toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("Found unknown categories [Lille] in column 0 ('city')"),
        run.err());
    assertTrue(run.err().contains("handle_unknown='error'"), run.err());
    CliRun fit = CliRun.of("classify", train.toString(), "--target", "churn", "--drop", "spend",
        "--encode", "onehot", "--predict", queries.toString());
    assertEquals(2, fit.code());
    assertTrue(fit.err().contains("[Lille] in column 0 ('city')"), fit.err());
  }

  private static String[] args(List<String> first, List<String> more) {
    return java.util.stream.Stream.concat(first.stream(), more.stream()).toArray(String[]::new);
  }

  private static void assertClose(List<?> expected, List<?> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      if (expected.get(i) instanceof List<?> row) {
        assertClose(row, (List<?>) actual.get(i));
      } else {
        double e = ((Number) expected.get(i)).doubleValue();
        assertEquals(e, ((Number) actual.get(i)).doubleValue(), TOL * Math.max(1, Math.abs(e)),
            "item " + i);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.code(), run.err());
    return (Map<String, Object>) Json.parse(run.out());
  }
}
