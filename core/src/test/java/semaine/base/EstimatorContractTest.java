package semaine.base;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import semaine.anomaly.IsolationForest;
import semaine.anomaly.LocalOutlierFactor;
import semaine.classification.GaussianNB;
import semaine.classification.KNeighborsClassifier;
import semaine.clustering.AgglomerativeClustering;
import semaine.clustering.DBSCAN;
import semaine.classification.LogisticRegression;
import semaine.clustering.KMeans;
import semaine.clustering.OPTICS;
import semaine.clustering.HDBSCAN;
import semaine.clustering.MiniBatchKMeans;
import semaine.ensemble.ExtraTreesClassifier;
import semaine.ensemble.ExtraTreesRegressor;
import semaine.ensemble.HistGradientBoostingClassifier;
import semaine.ensemble.HistGradientBoostingRegressor;
import semaine.ensemble.RandomForestClassifier;
import semaine.ensemble.RandomForestRegressor;
import semaine.data.Datasets;
import semaine.decomposition.PCA;
import semaine.pipeline.Pipeline;
import semaine.impute.SimpleImputer;
import semaine.preprocessing.MaxAbsScaler;
import semaine.preprocessing.MinMaxScaler;
import semaine.preprocessing.Normalizer;
import semaine.preprocessing.RobustScaler;
import semaine.preprocessing.PolynomialFeatures;
import semaine.preprocessing.StandardScaler;
import semaine.random.RandomState;
import semaine.regression.ElasticNet;
import semaine.regression.GradientDescentRegressor;
import semaine.regression.KNeighborsRegressor;
import semaine.regression.Lasso;
import semaine.regression.LassoCV;
import semaine.regression.LinearRegression;
import semaine.svm.LinearSVC;
import semaine.svm.LinearSVR;
import semaine.svm.NuSVC;
import semaine.svm.NuSVR;
import semaine.svm.OneClassSVM;
import semaine.svm.SVC;
import semaine.svm.SVR;
import semaine.tree.DecisionTreeClassifier;
import semaine.tree.DecisionTreeRegressor;
import semaine.regression.Ridge;
import semaine.regression.RidgeCV;

/** Every estimator of core passes the shared contract ({@link EstimatorChecks}). */
class EstimatorContractTest {

  static Stream<Estimator> estimators() {
    return Stream.of(new LinearRegression(), new GradientDescentRegressor(0.05).randomState(0),
        new KNeighborsClassifier(3), new KNeighborsRegressor(3), new KMeans(3).randomState(0),
        new StandardScaler(), new StandardScaler().withStd(false), new LocalOutlierFactor(5),
        new LocalOutlierFactor(5).novelty(true).contamination(0.1),
        new IsolationForest().nEstimators(10).randomState(0),
        new SVC().kernel("linear").classWeight("balanced"), new SVC().probability(true).randomState(0),
        new NuSVC(0.3).kernel("poly"), new SVR().epsilon(0.05), new NuSVR().nu(0.3),
        new OneClassSVM().nu(0.1),
        new LinearSVC().dual(true).randomState(0), new LinearSVR().epsilon(0.1).randomState(0),
        Pipeline.classifier(new StandardScaler(), new KNeighborsClassifier(3)),
        Pipeline.regressor(new StandardScaler(), new KNeighborsRegressor(3)),
        Pipeline.transformer(new StandardScaler(), new StandardScaler().withStd(false)),
        Pipeline.clusterer(new StandardScaler(), new KMeans(3).randomState(0)),
        new PCA(2), new PCA(3).svdSolver("randomized").randomState(0).whiten(true),
        Pipeline.classifier(new PCA(2), new KNeighborsClassifier(3)),
        new MinMaxScaler(), new MinMaxScaler().featureRange(-1, 1).clip(true), new MaxAbsScaler(),
        new RobustScaler(), new RobustScaler().withCentering(false).quantileRange(10, 90),
        new Normalizer().norm("l1"), new SimpleImputer().strategy("median"),
        new SimpleImputer().strategy("most_frequent").addIndicator(true),
        semaine.pipeline.FeatureUnion.of(semaine.pipeline.Step.step("pca", new PCA(2)),
            semaine.pipeline.Step.step("scaler", new MinMaxScaler())),
        new DBSCAN(0.5).minSamples(4),
        new AgglomerativeClustering(3).linkage("average").computeDistances(true),
        new OPTICS(8), new OPTICS().minSamples(0.05).clusterMethod("dbscan").maxEps(2).eps(0.5),
        new MiniBatchKMeans(3).batchSize(32).randomState(0),
        new DecisionTreeClassifier().randomState(0),
        new DecisionTreeRegressor().maxFeatures("sqrt").randomState(0),
        new RandomForestClassifier().nEstimators(5).oobScore(true).randomState(0),
        new RandomForestRegressor().nEstimators(5).randomState(0),
        new ExtraTreesClassifier().nEstimators(5).randomState(0),
        new ExtraTreesRegressor().nEstimators(5).maxDepth(4).randomState(0),
        new HistGradientBoostingClassifier().maxIter(10).randomState(0),
        new HistGradientBoostingRegressor().maxIter(10).earlyStopping(true).randomState(0),
        new LogisticRegression(), new LogisticRegression().solver("newton-cholesky"),
        new Ridge(), new Lasso(0.01), new ElasticNet(0.01).selection("random").randomState(0),
        new GaussianNB(), new PolynomialFeatures(3),
        new semaine.pipeline.TransformedTargetRegressor(new KNeighborsRegressor(3),
            new StandardScaler()),
        new semaine.pipeline.TransformedTargetRegressor(),
        new RidgeCV(), new LassoCV().nAlphas(10),
        new LogisticRegression().solver("saga").l1Ratio(0.5).setParam("random_state", 0L),
        new semaine.preprocessing.OneHotEncoder().handleUnknown("ignore"),
        new semaine.preprocessing.OneHotEncoder().minFrequency(3).drop("first"),
        new semaine.preprocessing.OrdinalEncoder().maxCategories(5),
        new semaine.preprocessing.KBinsDiscretizer(),
        new semaine.preprocessing.KBinsDiscretizer(4).strategy("kmeans").encode("ordinal"),
        new semaine.preprocessing.FunctionTransformer("tanh").inverseFunc("sinh"),
        semaine.pipeline.ColumnTransformer.of(
            semaine.pipeline.ColumnGroup.of("scaled", new MinMaxScaler(), 0, 2),
            semaine.pipeline.ColumnGroup.of("bins",
                new semaine.preprocessing.KBinsDiscretizer(3), 3)).remainder("passthrough"),
        new HDBSCAN(5), new HDBSCAN(4).minSamples(2).clusterSelectionMethod("leaf"));
  }

  @ParameterizedTest
  @MethodSource("estimators")
  void passesTheSharedContract(Estimator estimator) {
    var iris = Datasets.loadIris();
    double[][] X = new StandardScaler().fitTransform(iris.X());
    Object y = estimator instanceof Classifier ? iris.labels() : petalWidth(iris.X());
    EstimatorChecks.checkEstimator(estimator, X, y);
  }

  @Test
  void parametersAreReadAndSetByTheirScikitLearnNames() {
    var model = new KMeans(3).randomState(7);
    assertEquals(List.of("n_clusters", "init", "n_init", "max_iter", "tol", "random_state",
        "record_steps"), model.paramNames());
    assertEquals(3, model.getParam("n_clusters"));
    assertEquals(7L, model.getParam("random_state"));
    model.setParam("n_init", "10").setParam("tol", "1e-3").setParam("init", "random");
    assertEquals(10, model.getParam("n_init"));
    assertEquals(1e-3, model.getParam("tol"));
    assertEquals("KMeans(n_clusters=3, init=\"random\", n_init=10, tol=0.001, random_state=7)",
        model.toString());
    model.setParams(Map.of("n_init", "auto"));
    assertEquals("auto", model.getParam("n_init"));
  }

  @Test
  void settingStoresAndFitChecksNamingTheParameterTheValueAndTheRule() {
    var model = new KNeighborsClassifier().setParam("n_neighbors", "0");
    assertEquals(0, model.getParam("n_neighbors"));
    var e = assertThrows(IllegalArgumentException.class, model::validateParams);
    assertEquals("n_neighbors (0) must be an int in [1, inf)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KNeighborsClassifier().setParam("n_neighbors", "five"));
    assertEquals("n_neighbors (\"five\") must be an int in [1, inf)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KNeighborsClassifier().setParam("n_neighbours", 3));
    assertTrue(e.getMessage().startsWith("KNeighborsClassifier has no parameter \"n_neighbours\":"
        + " valid parameters are n_neighbors, weights"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KMeans().setParam("n_clusters", "99999999999").validateParams());
    assertEquals("n_clusters (99999999999) must be an int in [1, inf)", e.getMessage());
  }

  @Test
  void cloneCopiesMutableParametersAndNothingFitted() {
    double[][] centres = {{0, 0}, {1, 1}};
    var shared = new RandomState(3);
    var model = new KMeans(2).init(centres).randomState(shared);
    model.fit(new double[][] {{0, 0}, {0, 1}, {5, 5}, {5, 6}});
    var copy = model.clone();
    assertTrue(!copy.isFitted());
    double[][] copied = (double[][]) copy.getParam("init");
    assertNotSame(centres, copied);
    assertArrayEquals(centres, copied);
    var stream = (RandomState) copy.getParam("random_state");
    assertNotSame(shared, stream);
    assertEquals(shared.copy().randint(0, 1000), stream.randint(0, 1000));
  }

  @Test
  void aRestoredModelGivesTheSameAnswersAsTheOneItWasSavedFrom() {
    var iris = Datasets.loadIris();
    var model = new KNeighborsClassifier(5).weights("distance").fit(iris.X(), iris.labels());
    FittedState state = model.fittedState();
    assertEquals(List.of("classes_", "n_features_in_"), List.copyOf(state.attributes().keySet()));
    assertTrue(state.names().contains("_fit_X"));
    var restored = new KNeighborsClassifier(5).weights("distance").restore(state);
    double[][] Q = {{5.0, 3.0, 1.5, 0.2}, {6.1, 2.9, 4.7, 1.4}, {7.0, 3.1, 6.0, 2.2}};
    assertArrayEquals(model.predictProba(Q), restored.predictProba(Q));
  }

  @Test
  void arraysOfRecordsAreSavedItemByItem() {
    double[][] X = new StandardScaler().fitTransform(Datasets.loadIris().X());
    var forest = new IsolationForest().nEstimators(3).randomState(0).fit(X);
    FittedState state = forest.fittedState();
    assertTrue(state.has("estimators_.2.children_left"), state.toString());
    assertTrue(!state.has("estimators_.3.children_left"));
    var restored = new IsolationForest().nEstimators(3).randomState(0).restore(state);
    assertArrayEquals(forest.scoreSamples(X), restored.scoreSamples(X));
  }

  @Test
  void aStateMissingAnAttributeIsRefusedByName() {
    var model = new LinearRegression().fit(new double[][] {{1}, {2}, {3}}, new double[] {1, 2, 4});
    var values = new java.util.LinkedHashMap<>(model.fittedState().values());
    values.remove("rank_");
    var e = assertThrows(IllegalArgumentException.class,
        () -> new LinearRegression().restore(new FittedState(values)));
    assertTrue(e.getMessage().startsWith("the fitted state has no attribute rank_"), e.getMessage());
    assertArrayEquals(new double[] {1.5}, (double[]) model.attributes().get("coef_"), 1e-12);
  }

  private static double[] petalWidth(double[][] X) {
    double[] y = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      y[i] = X[i][3];
    }
    return y;
  }
}
