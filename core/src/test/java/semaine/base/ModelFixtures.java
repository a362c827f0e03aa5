package semaine.base;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
import semaine.ensemble.ExtraTreesRegressor;
import semaine.ensemble.HistGradientBoostingClassifier;
import semaine.ensemble.HistGradientBoostingRegressor;
import semaine.ensemble.RandomForestClassifier;
import semaine.data.Datasets;
import semaine.decomposition.PCA;
import semaine.pipeline.Pipeline;
import semaine.pipeline.Step;
import semaine.impute.SimpleImputer;
import semaine.preprocessing.MaxAbsScaler;
import semaine.preprocessing.MinMaxScaler;
import semaine.preprocessing.Normalizer;
import semaine.preprocessing.RobustScaler;
import semaine.preprocessing.PolynomialFeatures;
import semaine.preprocessing.StandardScaler;
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

/**
 * The model files of format version 1 kept under {@code src/test/resources/models/v1}, and how
 * they were made: each estimator fitted on iris with fixed parameters. {@code main} writes them
 * (run once per format version, then never again: later versions must keep reading them);
 * {@link ModelsTest} loads them and checks their answers against a fresh fit.
 */
final class ModelFixtures {

  private ModelFixtures() {}

  /** The estimators of the fixtures, by file name, unfitted. */
  static Map<String, Supplier<Estimator>> estimators() {
    Map<String, Supplier<Estimator>> fixtures = new java.util.HashMap<>(Map.of(
        "linear_regression", LinearRegression::new,
        "gradient_descent_regressor", () -> new GradientDescentRegressor(0.01).randomState(0),
        "kneighbors_classifier", () -> new KNeighborsClassifier(7).weights("distance"),
        "kneighbors_regressor", () -> new KNeighborsRegressor(4),
        "kmeans", () -> new KMeans(3).randomState(0),
        "standard_scaler", StandardScaler::new,
        "local_outlier_factor", () -> new LocalOutlierFactor(10).novelty(true).contamination(0.1),
        "isolation_forest", () -> new IsolationForest().nEstimators(5).randomState(0)));
    fixtures.put("svc", () -> new SVC().C(10.0).probability(true).randomState(0));
    fixtures.put("nu_svc", () -> new NuSVC(0.3).kernel("linear").probability(true).randomState(1));
    fixtures.put("svr", () -> new SVR().kernel("poly").epsilon(0.05));
    fixtures.put("nu_svr", () -> new NuSVR().nu(0.3));
    fixtures.put("one_class_svm", () -> new OneClassSVM().nu(0.1));
    fixtures.put("linear_svc", () -> new LinearSVC().dual(true).randomState(0));
    fixtures.put("linear_svr", () -> new LinearSVR().epsilon(0.1).randomState(0));
    fixtures.put("pipeline", () -> Pipeline.classifier(Step.step("scaler", new StandardScaler()),
        Step.step("knn", new KNeighborsClassifier(5))));
    fixtures.put("pca", () -> new PCA(2).whiten(true));
    fixtures.put("min_max_scaler", () -> new MinMaxScaler().featureRange(-1, 1));
    fixtures.put("max_abs_scaler", MaxAbsScaler::new);
    fixtures.put("robust_scaler", RobustScaler::new);
    fixtures.put("normalizer", Normalizer::new);
    fixtures.put("simple_imputer", () -> new SimpleImputer().strategy("median"));
    fixtures.put("feature_union", () -> semaine.pipeline.FeatureUnion.of(
        Step.step("pca", new PCA(2)), Step.step("maxabs", new MaxAbsScaler())));
    fixtures.put("dbscan", () -> new DBSCAN(0.4).minSamples(4));
    fixtures.put("agglomerative_clustering",
        () -> new AgglomerativeClustering(3).computeDistances(true));
    fixtures.put("optics", () -> new OPTICS(6).xi(0.1));
    fixtures.put("hdbscan", () -> new HDBSCAN(5));
    fixtures.put("minibatch_kmeans", () -> new MiniBatchKMeans(3).batchSize(32).randomState(0));
    fixtures.put("decision_tree_classifier",
        () -> new DecisionTreeClassifier().maxDepth(4).randomState(0));
    fixtures.put("decision_tree_regressor",
        () -> new DecisionTreeRegressor().maxLeafNodes(12).randomState(0));
    fixtures.put("random_forest_classifier",
        () -> new RandomForestClassifier().nEstimators(4).maxDepth(3).randomState(0));
    fixtures.put("extra_trees_regressor",
        () -> new ExtraTreesRegressor().nEstimators(3).maxDepth(3).randomState(0));
    fixtures.put("hist_gradient_boosting_classifier",
        () -> new HistGradientBoostingClassifier().maxIter(5).randomState(0));
    fixtures.put("hist_gradient_boosting_regressor",
        () -> new HistGradientBoostingRegressor().maxIter(5).maxLeafNodes(8).randomState(0));
    fixtures.put("logistic_regression", () -> new LogisticRegression().maxIter(1000));
    fixtures.put("ridge", () -> new Ridge(0.5));
    fixtures.put("lasso", () -> new Lasso(0.01));
    fixtures.put("elastic_net", () -> new ElasticNet(0.01).l1Ratio(0.3));
    fixtures.put("gaussian_nb", GaussianNB::new);
    fixtures.put("polynomial_features", () -> new PolynomialFeatures(3));
    fixtures.put("transformed_target_regressor", () -> new semaine.pipeline
        .TransformedTargetRegressor(new Ridge(0.5), new StandardScaler()));
    fixtures.put("ridge_cv", () -> new RidgeCV().alphas(0.01, 0.1, 1).storeCvResults(true));
    fixtures.put("lasso_cv", () -> new LassoCV().nAlphas(10).cv(3));
    fixtures.put("one_hot_encoder", () -> new semaine.preprocessing.OneHotEncoder()
        .minFrequency(5).handleUnknown("infrequent_if_exist").drop("if_binary"));
    fixtures.put("ordinal_encoder", () -> new semaine.preprocessing.OrdinalEncoder()
        .handleUnknown("use_encoded_value").unknownValue(-1).maxCategories(8));
    fixtures.put("kbins_discretizer", () -> new semaine.preprocessing.KBinsDiscretizer(4)
        .strategy("kmeans"));
    fixtures.put("function_transformer",
        () -> new semaine.preprocessing.FunctionTransformer("log1p").inverseFunc("expm1"));
    fixtures.put("column_transformer", () -> semaine.pipeline.ColumnTransformer.of(
        semaine.pipeline.ColumnGroup.of("scaled", new StandardScaler(), 0, 1),
        semaine.pipeline.ColumnGroup.of("pca", new PCA(1), 2, 3)));
    return fixtures;
  }

  /** iris's four features. */
  static double[][] X() {
    return Datasets.loadIris().X();
  }

  /** What each estimator is fitted on: iris's species for classifiers, petal width otherwise. */
  static Estimator fitted(String name) {
    Estimator model = estimators().get(name).get();
    var iris = Datasets.loadIris();
    double[][] X = iris.X();
    double[] width = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      width[i] = X[i][3];
    }
    switch (model) {
      case Classifier c -> c.fit(X, iris.labels());
      case Regressor r -> r.fit(X, width);
      case Clusterer c -> c.fit(X);
      case Transformer t -> t.fit(X);
      case OutlierDetector o -> o.fit(X);
      default -> throw new IllegalStateException(name);
    }
    return model;
  }

  /**
   * Writes fixtures to the folder given (the test resources' models/v1): the ones named after the
   * folder, or every one when none is named. Name only new fixtures: committed files are never
   * rewritten.
   */
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    var iris = Datasets.loadIris();
    List<String> names = args.length > 1 ? List.of(args).subList(1, args.length)
        : List.copyOf(estimators().keySet());
    for (String name : names) {
      Estimator model = fitted(name);
      List<String> classes = model instanceof Classifier ? iris.targetNames() : List.of();
      Models.save(model, dir.resolve(name + ".semaine"), iris.featureNames(), classes);
    }
  }
}
