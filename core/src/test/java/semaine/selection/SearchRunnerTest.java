package semaine.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Datasets;

/**
 * A search whose (candidate, split) fits run through a runner (here: in reverse order, one at a
 * time) gathers the same cv_results_ as its own threads; a runner that answers badly is named.
 */
class SearchRunnerTest {

  private static final Map<String, List<?>> GRID = Map.of("n_neighbors", List.of(1, 3, 5, 7),
      "weights", List.of("uniform", "distance"));

  @Test
  void aRunnerGivesTheSameResultsAsTheThreads() {
    var iris = Datasets.loadIris();
    List<Integer> asked = new ArrayList<>();
    var run = new GridSearchCV(new KNeighborsClassifier(), GRID).scoring(List.of("accuracy",
        "f1_macro")).refit("f1_macro").returnTrainScore(true).runner(fits -> {
          FitScores[] out = new FitScores[fits.size()];
          for (int t = fits.size() - 1; t >= 0; t--) {
            asked.add(t);
            out[t] = fits.fitAndScore(t);
          }
          return List.of(out);
        }).fit(iris.X(), iris.labels());
    var local = new GridSearchCV(new KNeighborsClassifier(), GRID).scoring(List.of("accuracy",
        "f1_macro")).refit("f1_macro").returnTrainScore(true).nJobs(-1)
        .fit(iris.X(), iris.labels());
    assertEquals(IntStream.range(0, 40).map(t -> 39 - t).boxed().toList(), asked);
    assertEquals(local.cvResults().keySet(), run.cvResults().keySet());
    for (var entry : local.cvResults().entrySet()) {
      if (entry.getKey().endsWith("_time")) {
        continue;
      }
      Object mine = run.cvResults().get(entry.getKey());
      switch (entry.getValue()) {
        case double[] v -> assertArrayEquals(v, (double[]) mine, entry.getKey());
        case int[] v -> assertArrayEquals(v, (int[]) mine, entry.getKey());
        case Object[] v -> assertArrayEquals(v, (Object[]) mine, entry.getKey());
        default -> assertEquals(entry.getValue(), mine, entry.getKey());
      }
    }
    assertEquals(local.bestParams(), run.bestParams());
    assertEquals(local.bestScore(), run.bestScore());
  }

  @Test
  void aRunnerThatAnswersTooFewPairsIsNamed() {
    var iris = Datasets.loadIris();
    var search = new GridSearchCV(new KNeighborsClassifier(), GRID)
        .runner(fits -> List.of(fits.fitAndScore(0)));
    var e = assertThrows(IllegalStateException.class, () -> search.fit(iris.X(), iris.labels()));
    assertTrue(e.getMessage().contains("must answer every one of the 40 (candidate, split) pairs,"
        + " got 1"), e.getMessage());
  }

  @Test
  void aRunnerRefusesTextSamples() {
    var search = new GridSearchCV(new KNeighborsClassifier(), GRID)
        .runner(fits -> List.of(fits.fitAndScore(0)));
    String[][] rows = {{"Paris", "1"}, {"Lyon", "2"}};
    var e = assertThrows(IllegalArgumentException.class,
        () -> search.fit(rows, List.of("city", "n"), new int[] {0, 1}));
    assertEquals("a search runner fits numeric samples only; search text samples (a pipeline"
        + " reading a CSV's fields) without a runner", e.getMessage());
  }
}
