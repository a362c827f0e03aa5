package semaine.base;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import semaine.anomaly.IsolationForest;
import semaine.anomaly.LocalOutlierFactor;
import semaine.classification.GaussianNB;
import semaine.classification.KNeighborsClassifier;
import semaine.classification.LogisticRegression;
import semaine.clustering.KMeans;
import semaine.data.Datasets;
import semaine.preprocessing.PolynomialFeatures;
import semaine.preprocessing.StandardScaler;
import semaine.regression.ElasticNet;
import semaine.regression.GradientDescentRegressor;
import semaine.regression.KNeighborsRegressor;
import semaine.regression.Lasso;
import semaine.regression.LinearRegression;
import semaine.regression.Ridge;

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
    Map<String, Supplier<Estimator>> all = new java.util.HashMap<>(linearModels());
    all.putAll(Map.of(
        "linear_regression", LinearRegression::new,
        "gradient_descent_regressor", () -> new GradientDescentRegressor(0.01).randomState(0),
        "kneighbors_classifier", () -> new KNeighborsClassifier(7).weights("distance"),
        "kneighbors_regressor", () -> new KNeighborsRegressor(4),
        "kmeans", () -> new KMeans(3).randomState(0),
        "standard_scaler", StandardScaler::new,
        "local_outlier_factor", () -> new LocalOutlierFactor(10).novelty(true).contamination(0.1),
        "isolation_forest", () -> new IsolationForest().nEstimators(5).randomState(0)));
    return all;
  }

  /** The linear models beyond least squares (Map.of takes at most ten pairs). */
  private static Map<String, Supplier<Estimator>> linearModels() {
    return Map.of(
        "logistic_regression", () -> new LogisticRegression().maxIter(1000),
        "ridge", () -> new Ridge(0.5),
        "lasso", () -> new Lasso(0.01),
        "elastic_net", () -> new ElasticNet(0.01).l1Ratio(0.3),
        "gaussian_nb", GaussianNB::new,
        "polynomial_features", () -> new PolynomialFeatures(3));
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
