package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.base.Models;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Csv;
import semaine.data.Datasets;
import semaine.decomposition.PCA;
import semaine.selection.GridSearchCV;
import semaine.util.Json;

class DecomposeAndSearchCommandTest {

  @TempDir
  Path dir;

  private Path iris() {
    Path file = dir.resolve("iris.csv");
    Csv.write(file, Datasets.loadIris(), "species");
    return file;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(CliRun run) {
    assertEquals(0, run.code(), run.err());
    return (Map<String, Object>) Json.parse(run.out());
  }

  @Test
  void decomposeProjectsTheFeaturesAsTheLibraryDoes() throws Exception {
    Path out = dir.resolve("pcs.csv");
    var result = json(CliRun.of("decompose", iris().toString(), "--target", "species", "--pca",
        "2", "--out", out.toString(), "--json"));
    var pca = new PCA(2).fit(Datasets.loadIris().X());
    assertEquals(2L, result.get("n_components"));
    List<?> ratio = (List<?>) result.get("explained_variance_ratio");
    assertEquals(pca.explainedVarianceRatio()[0], ((Number) ratio.get(0)).doubleValue());
    var written = Csv.read(out);
    assertEquals(List.of("pc1", "pc2"), written.header());
    double[][] Z = pca.transform(Datasets.loadIris().X());
    assertArrayEquals(Z[0], written.toMatrix(java.util.Set.of())[0]);
    var fraction = json(CliRun.of("decompose", iris().toString(), "--target", "species", "--pca",
        "0.99", "--json"));
    assertEquals(3L, fraction.get("n_components"));
  }

  @Test
  void decomposeRefusesTooManyComponentsNamingTheRule() {
    var run = CliRun.of("decompose", iris().toString(), "--target", "species", "--pca", "9");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("n_components (9) must be between 0 and min(n_samples,"
        + " n_features) = 4"), run.err());
  }

  @Test
  void searchGivesTheLibrarysResultsAndSavesTheBestModel() throws Exception {
    Path saved = dir.resolve("best.semaine");
    var result = json(CliRun.of("search", iris().toString(), "--target", "species", "--model",
        "knn", "--grid", "n_neighbors=1,5,11;weights=uniform,distance", "--json", "--save",
        saved.toString()));
    var iris = Datasets.loadIris();
    var search = new GridSearchCV(new KNeighborsClassifier(), Map.of("n_neighbors",
        List.of(1, 5, 11), "weights", List.of("uniform", "distance"))).fit(iris.X(),
        iris.labels());
    assertEquals(Map.of("n_neighbors", 11L, "weights", "distance"), result.get("best_params"));
    assertEquals(search.bestParams().get("n_neighbors"), 11);
    assertEquals(search.bestScore(), ((Number) result.get("best_score")).doubleValue());
    assertTrue(Files.isRegularFile(saved));
    assertEquals(11, Models.load(saved, KNeighborsClassifier.class).getParam("n_neighbors"));
  }

  @Test
  void searchRefusesAGridNamingAnUnknownParameter() {
    var run = CliRun.of("search", iris().toString(), "--target", "species", "--grid",
        "n_neighbours=1,3");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("has no parameter \"n_neighbours\": valid parameters are"
        + " n_neighbors"), run.err());
    run = CliRun.of("search", iris().toString(), "--target", "species", "--grid", ";");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--grid is empty"), run.err());
  }
}
