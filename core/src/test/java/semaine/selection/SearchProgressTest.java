package semaine.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Datasets;

/** A search tells its progress once per (candidate, split) fit and gives the same results. */
class SearchProgressTest {

  @Test
  void progressCountsEveryFitOnceAndChangesNoScore() {
    var iris = Datasets.loadIris();
    Map<String, List<?>> grid = Map.of("n_neighbors", List.of(1, 3, 5, 7),
        "weights", List.of("uniform", "distance"));
    List<int[]> calls = new ArrayList<>();
    var watched = new GridSearchCV(new KNeighborsClassifier(), grid).nJobs(-1)
        .onProgress((done, total) -> calls.add(new int[] {done, total}))
        .fit(iris.X(), iris.labels());
    var plain = new GridSearchCV(new KNeighborsClassifier(), grid).fit(iris.X(), iris.labels());
    assertEquals(40, calls.size());
    for (int i = 0; i < calls.size(); i++) {
      assertArrayEquals(new int[] {i + 1, 40}, calls.get(i));
    }
    assertArrayEquals((double[]) plain.cvResults().get("mean_test_score"),
        (double[]) watched.cvResults().get("mean_test_score"));
  }
}
