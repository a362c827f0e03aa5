package semaine.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.pipeline.Step.step;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.base.Classifier;
import semaine.base.Regressor;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Datasets;
import semaine.pipeline.ClassifierPipeline;
import semaine.preprocessing.StandardScaler;
import semaine.selection.GridSearchCV;
import semaine.selection.KFold;
import semaine.tree.DecisionTreeRegressor;

/**
 * A grid search whose fits run as Spark tasks gives the local {@link GridSearchCV}'s
 * cv_results_ (every key but the timings, bit for bit), best_params_, best_score_ and a refitted
 * best estimator that predicts as the local one.
 */
class DistributedSearchTest {

  @Test
  void aClassifierGridGivesTheLocalResults() {
    var iris = Datasets.loadIris();
    Map<String, List<?>> grid = Map.of("n_neighbors", List.of(1, 5, 9, 15),
        "weights", List.of("uniform", "distance"));
    GridSearchCV local = new GridSearchCV(new KNeighborsClassifier(), grid).cv(5)
        .scoring(List.of("accuracy", "f1_macro")).refit("f1_macro")
        .fit(iris.X(), iris.labels());
    GridSearchCV spark = new GridSearchCV(new KNeighborsClassifier(), grid).cv(5)
        .scoring(List.of("accuracy", "f1_macro")).refit("f1_macro")
        .runner(DistributedSearch.on(LocalSpark.session())).fit(iris.X(), iris.labels());
    assertSameSearch(local, spark);
    assertArrayEquals(((Classifier) local.bestEstimator()).predict(iris.X()),
        ((Classifier) spark.bestEstimator()).predict(iris.X()));
  }

  @Test
  void aRegressorGridWithShuffledFoldsAndTrainScoresGivesTheLocalResults() {
    var diabetes = Datasets.loadDiabetes();
    Map<String, List<?>> grid = Map.of("max_depth", List.of(2, 4, 8),
        "min_samples_leaf", List.of(1, 5), "max_features", List.of(0.5), "random_state",
        List.of(3));
    KFold folds = new KFold(4).shuffle(true).randomState(0);
    GridSearchCV local = new GridSearchCV(new DecisionTreeRegressor(), grid).cv(folds)
        .returnTrainScore(true).fit(diabetes.X(), diabetes.y());
    GridSearchCV spark = new GridSearchCV(new DecisionTreeRegressor(), grid).cv(folds)
        .returnTrainScore(true).runner(DistributedSearch.on(LocalSpark.session()))
        .fit(diabetes.X(), diabetes.y());
    assertSameSearch(local, spark);
    assertArrayEquals(((Regressor) local.bestEstimator()).predict(diabetes.X()),
        ((Regressor) spark.bestEstimator()).predict(diabetes.X()));
  }

  @Test
  void aCompositeEstimatorIsRefusedNamingItsPart() {
    var iris = Datasets.loadIris();
    var pipeline = new ClassifierPipeline(List.of(step("scale", new StandardScaler()),
        step("knn", new KNeighborsClassifier())));
    var search = new GridSearchCV(pipeline, Map.of("knn__n_neighbors", List.of(1, 3)))
        .runner(DistributedSearch.on(LocalSpark.session()));
    var e = assertThrows(IllegalArgumentException.class,
        () -> search.fit(iris.X(), iris.labels()));
    assertTrue(e.getMessage().contains("parameter 'scale' is an estimator (StandardScaler)"),
        e.getMessage());
  }

  private static void assertSameSearch(GridSearchCV local, GridSearchCV spark) {
    assertEquals(List.copyOf(local.cvResults().keySet()), List.copyOf(spark.cvResults().keySet()));
    int compared = 0;
    for (var entry : local.cvResults().entrySet()) {
      String key = entry.getKey();
      if (key.endsWith("_time")) {
        continue;
      }
      Object mine = spark.cvResults().get(key);
      switch (entry.getValue()) {
        case double[] v -> assertArrayEquals(v, (double[]) mine, key);
        case int[] v -> assertArrayEquals(v, (int[]) mine, key);
        case Object[] v -> assertArrayEquals(v, (Object[]) mine, key);
        default -> assertEquals(entry.getValue(), mine, key);
      }
      compared++;
    }
    assertTrue(compared >= 6, "compared " + compared + " keys");
    assertEquals(local.bestIndex(), spark.bestIndex());
    assertEquals(local.bestParams(), spark.bestParams());
    assertEquals(local.bestScore(), spark.bestScore());
    assertEquals(local.nSplits(), spark.nSplits());
  }
}
