package semaine.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.base.Estimator;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.decomposition.PCA;
import semaine.pipeline.Pipeline;
import semaine.preprocessing.StandardScaler;
import semaine.regression.KNeighborsRegressor;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class SearchCVTest {

  /** Mean scores within 1e-12 of scikit-learn (relative to max(1, |x|)); they come out equal. */
  private static final double TOL = 1e-12;

  @Test
  @SuppressWarnings("unchecked")
  void cvResultsAndBestParamsMatchScikitLearn() {
    int inexact = 0;
    for (Map<String, Object> c : ReferenceVectors.cases("search.json")) {
      Dataset data = Datasets.load((String) c.get("data"));
      Estimator estimator = estimator((String) c.get("estimator"));
      BaseSearchCV<?> search;
      if (c.get("kind").equals("grid")) {
        search = new GridSearchCV(estimator, (List<Map<String, List<?>>>) c.get("grid"));
      } else {
        List<Map<String, Object>> dists = new ArrayList<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) c.get("distributions")) {
          Map<String, Object> dist = new LinkedHashMap<>();
          d.forEach((name, spec) -> dist.put(name, distribution((Map<String, Object>) spec)));
          dists.add(dist);
        }
        search = new RandomizedSearchCV(estimator, dists)
            .nIter(((Long) c.get("n_iter")).intValue())
            .randomState((Long) c.get("random_state"));
      }
      configure(search, c, data);
      boolean regression = c.get("estimator").equals("knn_regressor");
      if (regression) {
        search.fit(data.X(), data.y());
      } else {
        search.fit(data.X(), data.labels());
      }
      String what = c.get("data") + " " + c.get("estimator") + " " + c.get("kind");
      assertEquals(c.get("params"), search.cvResults().get("params"), what + " params");
      List<String> metrics = c.get("scoring") instanceof List<?> l ? (List<String>) l
          : List.of("score");
      for (String m : metrics) {
        inexact += ReferenceAssert.assertClose(c.get("mean_test_" + m),
            search.cvResults().get("mean_test_" + m), TOL, what + " mean_test_" + m);
        ReferenceAssert.assertClose(c.get("std_test_" + m),
            search.cvResults().get("std_test_" + m), 1e-10, what + " std_test_" + m);
        ReferenceAssert.assertExact(c.get("rank_test_" + m),
            search.cvResults().get("rank_test_" + m), what + " rank_test_" + m);
        List<?> splits = (List<?>) c.get("split_test_" + m);
        for (int k = 0; k < splits.size(); k++) {
          ReferenceAssert.assertClose(splits.get(k),
              search.cvResults().get("split" + k + "_test_" + m), TOL, what + " split" + k);
        }
        if (c.containsKey("mean_train_" + m)) {
          ReferenceAssert.assertClose(c.get("mean_train_" + m),
              search.cvResults().get("mean_train_" + m), TOL, what + " mean_train_" + m);
        }
      }
      assertEquals(((Long) c.get("best_index")).intValue(), search.bestIndex(), what);
      assertEquals(c.get("best_params"), search.bestParams(), what);
      assertEquals((Double) c.get("best_score"), search.bestScore(), TOL, what);
      assertEquals(((Long) c.get("n_splits")).intValue(), search.nSplits(), what);
    }
    System.out.println("GridSearchCV/RandomizedSearchCV vs scikit-learn: " + inexact
        + " mean test scores not bit-identical");
  }

  @Test
  @SuppressWarnings("unchecked")
  void crossValidateGivesEveryMetricPerFold() {
    Map<String, Object> ref = (Map<String, Object>) ReferenceVectors.load("search.json")
        .get("cross_validate");
    var iris = Datasets.loadIris();
    var out = CrossValidation.crossValidate(new KNeighborsClassifier(7), iris.X(), iris.labels(),
        new StratifiedKFold(5), (List<String>) ref.get("scoring"), true);
    assertEquals(List.of("fit_time", "score_time", "test_accuracy", "train_accuracy",
        "test_f1_macro", "train_f1_macro", "test_precision_macro", "train_precision_macro"),
        List.copyOf(out.keySet()));
    for (String key : out.keySet()) {
      if (!key.endsWith("_time")) {
        ReferenceAssert.assertClose(ref.get(key), out.get(key), TOL, key);
      }
    }
  }

  @Test
  void theScoresDoNotDependOnTheNumberOfThreads() {
    var wine = Datasets.loadWine();
    Map<String, List<?>> grid = Map.of("n_neighbors", List.of(1, 3, 5, 7, 9, 11),
        "weights", List.of("uniform", "distance"));
    var one = new GridSearchCV(new KNeighborsClassifier(), grid).fit(wine.X(), wine.labels());
    var all = new GridSearchCV(new KNeighborsClassifier(), grid).nJobs(-1)
        .fit(wine.X(), wine.labels());
    var two = new GridSearchCV(new KNeighborsClassifier(), grid).nJobs(2)
        .fit(wine.X(), wine.labels());
    for (int k = 0; k < 5; k++) {
      String key = "split" + k + "_test_score";
      assertArrayEquals((double[]) one.cvResults().get(key), (double[]) all.cvResults().get(key));
      assertArrayEquals((double[]) one.cvResults().get(key), (double[]) two.cvResults().get(key));
    }
    assertEquals(one.bestParams(), all.bestParams());
    var best = assertInstanceOf(KNeighborsClassifier.class, all.bestEstimator());
    assertEquals(all.bestParams().get("n_neighbors"), best.getParam("n_neighbors"));
    assertTrue(best.isFitted());
  }

  @Test
  void aGridMayHoldNoneAsScikitLearnsDo() {
    // GridSearchCV(DecisionTreeClassifier(random_state=0), {"max_depth": [None, 1]}, cv=5) on iris
    var iris = Datasets.loadIris();
    var search = new GridSearchCV(new semaine.tree.DecisionTreeClassifier().randomState(0),
        Map.of("max_depth", java.util.Arrays.asList(null, 1))).cv(5).fit(iris.X(), iris.labels());
    double[] mean = (double[]) search.cvResults().get("mean_test_score");
    assertEquals(0.9600000000000002, mean[0], 1e-12);
    assertEquals(0.6666666666666666, mean[1], 1e-12);
    assertTrue(search.bestParams().containsKey("max_depth"));
    assertEquals(null, search.bestParams().get("max_depth"));
  }

  @Test
  void badGridsAreRefusedNamingTheProblem() {
    var iris = Datasets.loadIris();
    var e = assertThrows(IllegalArgumentException.class, () -> new GridSearchCV(
        new KNeighborsClassifier(), Map.of("n_neighbours", List.of(1, 3))).fit(iris.X(),
        iris.labels()));
    assertTrue(e.getMessage().contains("has no parameter \"n_neighbours\": valid parameters are"
        + " n_neighbors, weights"), e.getMessage());
    var pipe = Pipeline.classifier(new StandardScaler(), new KNeighborsClassifier());
    e = assertThrows(IllegalArgumentException.class, () -> new GridSearchCV(pipe,
        Map.of("knn__n_neighbors", List.of(1))).fit(iris.X(), iris.labels()));
    assertTrue(e.getMessage().contains("valid parameters are steps, verbose, standardscaler,"
        + " kneighborsclassifier"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new GridSearchCV(new KNeighborsClassifier(), Map.<String, List<?>>of()));
    assertTrue(e.getMessage().startsWith("param_grid has an empty grid"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new GridSearchCV(new KNeighborsClassifier(), List.of()));
    assertTrue(e.getMessage().startsWith("param_grid is empty"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new GridSearchCV(
        new KNeighborsClassifier(), Map.of("n_neighbors", List.of())));
    assertEquals("param_grid's n_neighbors ([]) must be a non-empty list of values",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new GridSearchCV(
        new KNeighborsClassifier(), Map.of("n_neighbors", List.of(0, 1))).fit(iris.X(),
        iris.labels()));
    assertTrue(e.getMessage().contains("n_neighbors (0) must be an int in [1, inf)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new GridSearchCV(
        new KNeighborsClassifier(), Map.of("n_neighbors", List.of(1)))
        .scoring(List.of("accuracy", "f1_macro")).fit(iris.X(), iris.labels()));
    assertTrue(e.getMessage().startsWith("refit (true) must name one of the metrics"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new GridSearchCV(
        new KNeighborsClassifier(), Map.of("n_neighbors", List.of(1))).scoring("accuracy_score"));
    assertTrue(e.getMessage().startsWith("scoring (\"accuracy_score\") must be one of accuracy,"),
        e.getMessage());
    var noRefit = new GridSearchCV(new KNeighborsClassifier(), Map.of("n_neighbors", List.of(1)))
        .refit(false);
    assertThrows(IllegalStateException.class, noRefit::bestParams);
    noRefit.fit(iris.X(), iris.labels());
    assertThrows(IllegalStateException.class, noRefit::bestEstimator);
  }

  private static void configure(BaseSearchCV<?> search, Map<String, Object> c, Dataset data) {
    Object cv = c.get("cv");
    if (cv instanceof Long k) {
      search.cv(k.intValue());
    } else {
      @SuppressWarnings("unchecked")
      var spec = (Map<String, Object>) cv;
      long seed = (Long) spec.get("random_state");
      search.cv(spec.containsKey("stratified")
          ? new StratifiedKFold(((Long) spec.get("stratified")).intValue()).shuffle(true)
              .randomState(seed)
          : new KFold(((Long) spec.get("kfold")).intValue()).shuffle(true).randomState(seed));
    }
    if (c.get("scoring") instanceof String name) {
      search.scoring(name);
    } else if (c.get("scoring") instanceof List<?> names) {
      search.scoring(names.stream().map(String.class::cast).toList());
      search.refit((String) c.get("refit"));
    }
    if (Boolean.TRUE.equals(c.get("return_train_score"))) {
      search.returnTrainScore(true);
    }
  }

  private static Estimator estimator(String name) {
    return switch (name) {
      case "knn_classifier" -> new KNeighborsClassifier();
      case "knn_regressor" -> new KNeighborsRegressor();
      case "scaled_knn" -> Pipeline.classifier(new StandardScaler(), new KNeighborsClassifier());
      case "pca_knn" -> Pipeline.classifier(new PCA(), new KNeighborsClassifier());
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static Object distribution(Map<String, Object> spec) {
    if (spec.containsKey("list")) {
      return spec.get("list");
    }
    if (spec.containsKey("randint")) {
      long[] bounds = ReferenceVectors.longs(spec.get("randint"));
      return Distribution.randint(bounds[0], bounds[1]);
    }
    double[] args = ReferenceVectors.doubles(spec.get("uniform"));
    return Distribution.uniform(args[0], args[1]);
  }
}
