package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.anomaly.IsolationForest;
import semaine.anomaly.LocalOutlierFactor;
import semaine.base.Estimator;
import semaine.classification.KNeighborsClassifier;
import semaine.classification.MLPClassifier;
import semaine.clustering.KMeans;
import semaine.random.RandomState;
import semaine.regression.KNeighborsRegressor;
import semaine.regression.LinearRegression;
import semaine.util.Json;

/**
 * The fitting commands on the estimator contract: {@code --param NAME=VALUE} sets a parameter by
 * its scikit-learn name with the library's rules, {@code --json} shows {@code params} and
 * {@code attributes}, {@code --model}/{@code --method} pick the estimator, and {@code --seed} is
 * the random_state everywhere. Every expected value is the library's, run on the same rows.
 */
class FitParamsTest {

  @TempDir
  Path dir;

  private double[][] X;
  private double[] y;
  private int[] labels;
  private Path data;

  /** 40 rows of two blobs: features a, b; a numeric target y; a class name label. */
  @BeforeEach
  void writeData() throws IOException {
    RandomState random = new RandomState(7);
    double[][] noise = random.randn(40, 2);
    double[] eps = random.randn(40);
    X = new double[40][];
    y = new double[40];
    labels = new int[40];
    StringBuilder csv = new StringBuilder("a,b,y,label\n");
    for (int i = 0; i < 40; i++) {
      labels[i] = i % 2;
      X[i] = new double[] {noise[i][0] + 3 * labels[i], noise[i][1] - 2 * labels[i]};
      y[i] = 2 * X[i][0] - X[i][1] + 0.1 * eps[i];
      csv.append(X[i][0]).append(',').append(X[i][1]).append(',').append(y[i]).append(',')
          .append(labels[i] == 0 ? "ham" : "spam").append('\n');
    }
    data = write("data.csv", csv.toString());
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.code(), run.err());
    return (Map<String, Object>) Json.parse(run.out());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  static double[] doubles(Object list) {
    return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }

  private static int[] ints(Object list) {
    return ((List<?>) list).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
  }

  /** Exit 2, nothing on stdout, stderr's first line holds every fragment. */
  private static void assertUsage(CliRun run, String... fragments) {
    assertEquals(2, run.code(), run.out() + run.err());
    assertEquals("", run.out());
    for (String fragment : fragments) {
      assertTrue(run.errLines().getFirst().contains(fragment), run.err());
    }
  }

  /** The library's own message for a bad value, to compare the command's with. */
  private static String rule(Supplier<Estimator> model, String name, String value) {
    return assertThrows(IllegalArgumentException.class,
        () -> model.get().setParam(name, value).validateParams()).getMessage();
  }

  private String[] args(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = args[0];
    all[1] = data.toString();
    System.arraycopy(args, 1, all, 2, args.length - 1);
    return all;
  }

  @Test
  void classifyParamSetsTheNeighboursAndShowsParamsAndAttributes() {
    Map<String, Object> json = json(args("classify", "--target", "label", "--drop", "y",
        "--param", "n_neighbors=1", "--param", "weights=distance", "--json"));
    Map<String, Object> params = map(json.get("params"));
    assertEquals(1L, params.get("n_neighbors"));
    assertEquals("distance", params.get("weights"));
    assertEquals(List.of("n_neighbors", "weights", "algorithm", "leaf_size", "p"),
        List.copyOf(params.keySet()));
    assertEquals(1L, json.get("k"));
    int[] expected = new KNeighborsClassifier(1).weights("distance").fit(X, labels).predict(X);
    List<Object> predictions = (List<Object>) json.get("predictions");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i] == 0 ? "ham" : "spam", predictions.get(i), "row " + i);
    }
    Map<String, Object> attributes = map(json.get("attributes"));
    assertEquals(List.of("ham", "spam"), attributes.get("classes_"));
    assertEquals(2L, attributes.get("n_features_in_"));
    assertFalse(json.containsKey("probabilities"));
    Map<String, Object> proba = json(args("classify", "--target", "label", "--drop", "y",
        "--k", "4", "--proba", "--json"));
    double[][] expectedProba = new KNeighborsClassifier(4).fit(X, labels).predictProba(X);
    List<?> rows = (List<?>) proba.get("probabilities");
    for (int i = 0; i < expectedProba.length; i++) {
      assertArrayEquals(expectedProba[i], doubles(rows.get(i)), "row " + i);
    }
  }

  @Test
  void classifyBadAndUnknownParamsAreUsageErrorsBeforeTheDataIsRead() throws IOException {
    Path broken = write("broken.csv", "a,label\nx,ham\n");
    assertUsage(CliRun.of("classify", broken.toString(), "--target", "label", "--param",
        "n_neighbors=0"), rule(KNeighborsClassifier::new, "n_neighbors", "0"),
        "n_neighbors (0) must be an int in [1, inf)");
    assertUsage(CliRun.of(args("classify", "--target", "label", "--param", "weights=far")),
        rule(KNeighborsClassifier::new, "weights", "far"));
    assertUsage(CliRun.of(args("classify", "--target", "label", "--param", "neighbours=3")),
        "no parameter \"neighbours\"", "n_neighbors, weights, algorithm, leaf_size, p");
    assertUsage(CliRun.of(args("classify", "--target", "label", "--param", "n_neighbors")),
        "--param (n_neighbors) must be NAME=VALUE");
    assertUsage(CliRun.of(args("classify", "--target", "label", "--model", "svm")),
        "--model (svm) must be knn, svc, nu-svc, linear-svc, mlp, tree, forest, extra-trees,"
            + " hist-gb,"
            + " logistic or gaussian-nb");
    assertUsage(CliRun.of(args("classify", "--target", "label", "--model", "mlp", "--k", "3")),
        "--k sets n_neighbors, which MLPClassifier does not have");
    assertUsage(CliRun.of(args("classify", "--target", "label", "--param", "n_neighbors=41")),
        "n_neighbors (41) must be <= the number of samples (40)");
  }

  @Test
  void classifyModelMlpGivesTheLibrarysProbabilitiesInClassesOrder() {
    Map<String, Object> json = json(args("classify", "--target", "label", "--drop", "y",
        "--model", "mlp", "--param", "hidden_layer_sizes=5", "--param", "max_iter=30",
        "--seed", "3", "--proba", "--json"));
    Map<String, Object> params = map(json.get("params"));
    assertEquals(List.of(5L), params.get("hidden_layer_sizes"));
    assertEquals(3L, params.get("random_state"));
    assertFalse(json.containsKey("k"));
    MLPClassifier expected = new MLPClassifier(5).maxIter(30).randomState(3).fit(X, labels);
    double[][] proba = expected.predictProba(X);
    List<?> rows = (List<?>) json.get("probabilities");
    for (int i = 0; i < proba.length; i++) {
      assertArrayEquals(proba[i], doubles(rows.get(i)), "row " + i);
    }
    Map<String, Object> attributes = map(json.get("attributes"));
    assertEquals(List.of("ham", "spam"), attributes.get("classes_"));
    assertEquals(30L, attributes.get("n_iter_"));
    assertTrue(attributes.containsKey("loss_curve_"), attributes.keySet().toString());
  }

  @Test
  void regressParamReachesTheModelAndAttributesAreScikitLearns() {
    Map<String, Object> json = json(args("regress", "--target", "y", "--drop", "label",
        "--param", "fit_intercept=false", "--json"));
    LinearRegression expected = new LinearRegression();
    expected.setParam("fit_intercept", false);
    expected.fit(X, y);
    assertEquals(false, map(json.get("params")).get("fit_intercept"));
    assertArrayEquals(expected.coef(), doubles(json.get("coef")));
    assertEquals(0.0, json.get("intercept"));
    Map<String, Object> attributes = map(json.get("attributes"));
    assertArrayEquals(expected.coef(), doubles(attributes.get("coef_")));
    assertTrue(attributes.keySet().containsAll(List.of("coef_", "intercept_", "n_features_in_")),
        attributes.keySet().toString());
    assertUsage(CliRun.of(args("regress", "--target", "y", "--param", "tol=-1")),
        rule(LinearRegression::new, "tol", "-1"), "tol (-1.0) must be");
    assertUsage(CliRun.of(args("regress", "--target", "y", "--param", "alpha=1")),
        "no parameter \"alpha\"", "fit_intercept, tol");
    assertUsage(CliRun.of(args("regress", "--target", "label")),
        "holds class names (ham, spam)");
    assertUsage(CliRun.of(args("regress", "--drop", "label")), "--target COLUMN is required");
  }

  @Test
  void regressPredictGivesPredictionsAndR2OnlyWhenTheTargetIsThere() throws IOException {
    StringBuilder withTarget = new StringBuilder("a,b,y\n");
    StringBuilder bare = new StringBuilder("b_first_is_wrong,a\n");
    double[][] Q = {{0.5, 1}, {3, -2}, {1, 1}};
    double[] truth = {0.1, 8.2, 0.9};
    for (int i = 0; i < Q.length; i++) {
      withTarget.append(Q[i][0]).append(',').append(Q[i][1]).append(',').append(truth[i])
          .append('\n');
    }
    Path labelled = write("labelled.csv", withTarget.toString());
    Path unlabelled = write("unlabelled.csv", "a,b\n0.5,1\n3,-2\n1,1\n");
    Path swapped = write("swapped.csv", bare.append("1,2\n").toString());
    LinearRegression ols = new LinearRegression().fit(X, y);
    double[] predicted = new double[Q.length];
    for (int i = 0; i < Q.length; i++) {
      predicted[i] = Q[i][0] * ols.coef()[0] + Q[i][1] * ols.coef()[1] + ols.intercept();
    }
    Map<String, Object> scored = json(args("regress", "--target", "y", "--drop", "label",
        "--predict", labelled.toString(), "--json"));
    assertArrayEquals(predicted, doubles(scored.get("predictions")), 1e-12);
    assertEquals(semaine.metrics.RegressionMetrics.r2Score(truth, predicted),
        (Double) scored.get("r2"), 1e-12);
    Map<String, Object> bareJson = json(args("regress", "--target", "y", "--drop", "label",
        "--predict", unlabelled.toString(), "--json"));
    assertArrayEquals(predicted, doubles(bareJson.get("predictions")), 1e-12);
    assertFalse(bareJson.containsKey("r2"));
    CliRun text = CliRun.of(args("regress", "--target", "y", "--drop", "label", "--predict",
        labelled.toString()));
    assertEquals(0, text.code(), text.err());
    assertEquals(4, text.out().lines().count(), text.out());
    assertTrue(text.out().lines().toList().getLast().startsWith("r2 = "), text.out());
    assertUsage(CliRun.of(args("regress", "--target", "y", "--drop", "label", "--predict",
        swapped.toString())), "feature columns [b_first_is_wrong, a]", "[a, b]");
  }

  @Test
  void regressModelPicksTheEstimatorAndMethodStaysItsOlderName() {
    Map<String, Object> knn = json(args("regress", "--target", "y", "--drop", "label", "--model",
        "knn", "--param", "n_neighbors=3", "--json"));
    assertFalse(knn.containsKey("coef"));
    assertEquals(3L, map(knn.get("params")).get("n_neighbors"));
    KNeighborsRegressor expected = new KNeighborsRegressor(3).fit(X, y);
    assertEquals(expected.score(X, y), (Double) knn.get("r2"), 1e-12);
    Map<String, Object> gd = json(args("regress", "--target", "y", "--drop", "label", "--method",
        "gd", "--json"));
    assertEquals(0.1, map(gd.get("params")).get("learning_rate"));
    assertEquals(10000L, map(gd.get("params")).get("max_iter"));
    assertTrue(map(gd.get("attributes")).containsKey("coef_"));
    assertUsage(CliRun.of(args("regress", "--target", "y", "--model", "xgboost")),
        "--model (xgboost) must be ols, gd, knn, svr, nu-svr, linear-svr, mlp, tree, forest,"
            + " extra-trees, hist-gb, linear, ridge, lasso, elasticnet, ridge-cv or lasso-cv");
    assertUsage(CliRun.of(args("regress", "--target", "y", "--model", "ols", "--method", "gd")),
        "give --model or --method, not both");
  }

  @Test
  void clusterParamSetsKMeansAndAttributesAreScikitLearns() {
    Map<String, Object> json = json(args("cluster", "--target", "label", "--drop", "y",
        "--param", "n_clusters=2", "--param", "max_iter=1", "--seed", "4", "--json"));
    Map<String, Object> params = map(json.get("params"));
    assertEquals(2L, params.get("n_clusters"));
    assertEquals(1L, params.get("max_iter"));
    assertEquals(4L, params.get("random_state"));
    KMeans expected = new KMeans(2).maxIter(1).randomState(4).fit(X);
    assertArrayEquals(expected.labels(), ints(json.get("labels")));
    assertEquals(1L, json.get("n_iter"));
    Map<String, Object> attributes = map(json.get("attributes"));
    assertEquals(List.of("cluster_centers_", "labels_", "inertia_", "n_iter_", "n_features_in_"),
        List.copyOf(attributes.keySet()));
    assertEquals(expected.inertia(), (Double) attributes.get("inertia_"), 0);
    assertUsage(CliRun.of(args("cluster", "--k", "2", "--param", "n_init=0")),
        rule(KMeans::new, "n_init", "0"), "n_init (0) must be");
    assertUsage(CliRun.of(args("cluster", "--k", "2", "--param", "clusters=3")),
        "no parameter \"clusters\"", "n_clusters, init, n_init");
    assertUsage(CliRun.of(args("cluster", "--k", "2", "--method", "spectral")),
        "--method (spectral) must be kmeans");
    assertUsage(CliRun.of(args("cluster", "--elbow", "1:3", "--param", "max_iter=5")),
        "--elbow fits KMeans for each k");
  }

  @Test
  void outliersParamSetsEitherMethodAndAttributesAreScikitLearns() {
    Map<String, Object> lof = json(args("outliers", "--target", "label", "--drop", "y",
        "--param", "n_neighbors=5", "--param", "contamination=0.1", "--json"));
    LocalOutlierFactor expectedLof = new LocalOutlierFactor(5).contamination(0.1);
    assertArrayEquals(expectedLof.fitPredict(X), ints(lof.get("labels")));
    assertEquals(5L, map(lof.get("params")).get("n_neighbors"));
    Map<String, Object> lofAttributes = map(lof.get("attributes"));
    assertArrayEquals(expectedLof.negativeOutlierFactor(),
        doubles(lofAttributes.get("negative_outlier_factor_")));
    assertEquals(expectedLof.offset(), lofAttributes.get("offset_"));
    assertEquals(5L, lofAttributes.get("n_neighbors_"));

    Map<String, Object> forest = json(args("outliers", "--target", "label", "--drop", "y",
        "--method", "iforest", "--param", "n_estimators=10", "--seed", "2", "--json"));
    IsolationForest expectedForest = new IsolationForest().randomState(2);
    expectedForest.setParam("n_estimators", 10);
    assertArrayEquals(expectedForest.fitPredict(X), ints(forest.get("labels")));
    assertArrayEquals(expectedForest.scoreSamples(X), doubles(forest.get("scores")));
    assertEquals(2L, forest.get("seed"));
    assertEquals(10L, map(forest.get("params")).get("n_estimators"));
    assertTrue(map(forest.get("attributes")).keySet().containsAll(
        List.of("offset_", "n_features_in_", "max_samples_")),
        map(forest.get("attributes")).keySet().toString());

    assertUsage(CliRun.of(args("outliers", "--drop", "label", "--method", "iforest", "--param",
        "n_estimators=0")), rule(IsolationForest::new, "n_estimators", "0"));
    assertUsage(CliRun.of(args("outliers", "--drop", "label", "--param", "k=3")),
        "no parameter \"k\"", "n_neighbors, algorithm");
    assertUsage(CliRun.of(args("outliers", "--drop", "label", "--method", "iforest",
        "--neighbors", "3")), "--neighbors sets n_neighbors, which IsolationForest does not have");
  }

  @Test
  void nnTrainParamSetsTheNetworkAndAttributesAreScikitLearns() {
    Map<String, Object> json = json("nn", "train", data.toString(), "--target", "label", "--drop",
        "y", "--param", "hidden_layer_sizes=4,3", "--param", "max_iter=5", "--param", "alpha=0.01",
        "--json");
    assertEquals(List.of(4L, 3L), json.get("hidden"));
    Map<String, Object> params = map(json.get("params"));
    assertEquals(0.01, params.get("alpha"));
    assertEquals(0L, params.get("random_state"));
    assertEquals(5L, json.get("n_iter"));
    Map<String, Object> attributes = map(json.get("attributes"));
    assertTrue(attributes.keySet().containsAll(List.of("classes_", "loss_curve_", "n_iter_",
        "n_features_in_")), attributes.keySet().toString());
    assertUsage(CliRun.of("nn", "train", data.toString(), "--target", "label", "--param",
        "max_iter=0"),
        rule(MLPClassifier::new, "max_iter", "0"), "max_iter (0) must be");
    assertUsage(CliRun.of("nn", "train", data.toString(), "--target", "label", "--param",
        "epochs=3"),
        "no parameter \"epochs\"", "hidden_layer_sizes, activation");
  }

  @Test
  void paramsOfASharedRandomStatePrintAsScikitLearnShowsThem() {
    KMeans model = new KMeans(2).randomState(new RandomState(0));
    Map<String, Object> params = ModelRegistry.params(model);
    assertEquals("RandomState(MT19937)", params.get("random_state"));
    assertEquals("k-means++", params.get("init"));
    assertEquals(2, params.get("n_clusters"));
  }
}
