package semaine.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceVectors;

class CrossValidationTest {

  private static final List<Map<String, Object>> CASES = ReferenceVectors.cases("knn.json");

  @Test
  void foldsMatchScikitLearnKFoldAndStratifiedKFold() {
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("name").equals("folds")) {
        continue;
      }
      int[] y = ReferenceVectors.ints(c.get("y"));
      CrossValidator cv = switch ((String) c.get("splitter")) {
        case "kfold" -> new KFold(5);
        case "kfold_shuffle" -> new KFold(5).shuffle(true).randomState(0);
        case "stratified" -> new StratifiedKFold(3);
        default -> new StratifiedKFold(4).shuffle(true).randomState(1);
      };
      List<Fold> folds = cv.split(y);
      List<?> expected = (List<?>) c.get("folds");
      assertEquals(expected.size(), folds.size());
      for (int f = 0; f < folds.size(); f++) {
        Map<?, ?> e = (Map<?, ?>) expected.get(f);
        assertArrayEquals(ReferenceVectors.ints(e.get("train")), folds.get(f).train(),
            c.get("splitter") + " fold " + f);
        assertArrayEquals(ReferenceVectors.ints(e.get("test")), folds.get(f).test(),
            c.get("splitter") + " fold " + f);
      }
      checked++;
    }
    assertEquals(4, checked);
  }

  @Test
  void crossValScoreMatchesScikitLearn() {
    for (Map<String, Object> c : CASES) {
      if (c.get("name").equals("cross_val_score")) {
        Dataset iris = Datasets.loadIris();
        double[] scores = CrossValidation.crossValScore(() -> new KNeighborsClassifier(5),
            iris.X(), iris.labels(), 5);
        assertArrayEquals(ReferenceVectors.doubles(c.get("scores")), scores);
      } else if (c.get("name").equals("cross_val_score_shuffled")) {
        Dataset wine = Datasets.loadWine();
        double[] scores = CrossValidation.crossValScore(() -> new KNeighborsClassifier(3),
            wine.X(), wine.labels(), new KFold(4).shuffle(true).randomState(0));
        assertArrayEquals(ReferenceVectors.doubles(c.get("scores")), scores);
      }
    }
  }

  @Test
  void splittersRejectTooManyFolds() {
    var e = assertThrows(IllegalArgumentException.class, () -> new KFold(1));
    assertTrue(e.getMessage().startsWith("nSplits (1)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new KFold(4).split(new int[3]));
    assertTrue(e.getMessage().startsWith("nSplits (4)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new StratifiedKFold(3).split(new int[] {0, 0, 1, 1}));
    assertTrue(e.getMessage().startsWith("nSplits (3)"), e.getMessage());
  }
}
