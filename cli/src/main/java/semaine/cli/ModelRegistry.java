package semaine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import semaine.anomaly.IsolationForest;
import semaine.anomaly.LocalOutlierFactor;
import semaine.base.Classifier;
import semaine.base.Clusterer;
import semaine.base.Estimator;
import semaine.base.OutlierDetector;
import semaine.base.Regressor;
import semaine.classification.GaussianNB;
import semaine.classification.KNeighborsClassifier;
import semaine.classification.LogisticRegression;
import semaine.classification.MLPClassifier;
import semaine.clustering.AgglomerativeClustering;
import semaine.clustering.DBSCAN;
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
import semaine.random.RandomState;
import semaine.regression.ElasticNet;
import semaine.regression.GradientDescentRegressor;
import semaine.regression.KNeighborsRegressor;
import semaine.regression.Lasso;
import semaine.regression.LassoCV;
import semaine.regression.LinearRegression;
import semaine.regression.MLPRegressor;
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
 * The models the fitting commands can build, by the name given to {@code --model} or
 * {@code --method}, one registry per role; adding a model to a command is one line here. A
 * factory gives the model with the command's defaults (the MLPs and the Isolation Forest seeded
 * with 0 so that runs repeat; gradient descent with the book's step and stopping rule).
 *
 * <p>It also says how a model prints in {@code --json}: {@code params} as {@code get_params()}
 * and {@code attributes} by scikit-learn's names.
 *
 * @param <T> what a name gives: a factory of the role's models
 */
final class ModelRegistry<T> {

  /** {@code classify --model}. */
  static final ModelRegistry<Supplier<Classifier>> CLASSIFIERS =
      new ModelRegistry<Supplier<Classifier>>()
          .add("knn", KNeighborsClassifier::new)
          .add("svc", SVC::new)
          .add("nu-svc", NuSVC::new)
          .add("linear-svc", LinearSVC::new)
          .add("mlp", () -> new MLPClassifier().randomState(0))
          .add("tree", () -> new DecisionTreeClassifier().randomState(0))
          .add("forest", () -> new RandomForestClassifier().randomState(0))
          .add("extra-trees", () -> new ExtraTreesClassifier().randomState(0))
          .add("hist-gb", () -> new HistGradientBoostingClassifier().randomState(0))
          .add("logistic", LogisticRegression::new)
          .add("gaussian-nb", GaussianNB::new);

  /** {@code regress --model}; gd is fitted on standardised features, see RegressCommand. */
  static final ModelRegistry<Supplier<Regressor>> REGRESSORS =
      new ModelRegistry<Supplier<Regressor>>()
          .add("ols", LinearRegression::new)
          .add("gd", () -> new GradientDescentRegressor(0.1).maxIter(10_000).tol(1e-12))
          .add("knn", KNeighborsRegressor::new)
          .add("svr", SVR::new)
          .add("nu-svr", NuSVR::new)
          .add("linear-svr", LinearSVR::new)
          .add("mlp", () -> new MLPRegressor().randomState(0))
          .add("tree", () -> new DecisionTreeRegressor().randomState(0))
          .add("forest", () -> new RandomForestRegressor().randomState(0))
          .add("extra-trees", () -> new ExtraTreesRegressor().randomState(0))
          .add("hist-gb", () -> new HistGradientBoostingRegressor().randomState(0))
          .add("linear", LinearRegression::new)
          .add("ridge", Ridge::new)
          .add("lasso", Lasso::new)
          .add("elasticnet", ElasticNet::new)
          .add("ridge-cv", RidgeCV::new)
          .add("lasso-cv", LassoCV::new);

  /** {@code cluster --method}. */
  static final ModelRegistry<Supplier<Clusterer>> CLUSTERERS =
      new ModelRegistry<Supplier<Clusterer>>()
          .add("kmeans", KMeans::new)
          .add("dbscan", DBSCAN::new)
          .add("agglomerative", AgglomerativeClustering::new)
          .add("optics", OPTICS::new)
          .add("hdbscan", HDBSCAN::new)
          .add("minibatch-kmeans", MiniBatchKMeans::new);

  /** {@code outliers --method}, with the score each model gives its training rows. */
  static final ModelRegistry<Detector> DETECTORS =
      new ModelRegistry<Detector>()
          .add("lof", new Detector(LocalOutlierFactor::new,
                  (model, X) -> (double[]) model.attributes().get("negative_outlier_factor_")))
          .add("ocsvm", new Detector(OneClassSVM::new, (model, X) -> model.scoreSamples(X)))
          .add("iforest", new Detector(() -> new IsolationForest().randomState(0),
                  (model, X) -> ((IsolationForest) model).scoreSamples(X)));

  /**
   * An outlier detector and the scores of its training rows (lower is more abnormal; an outlier
   * scores below {@code offset_}).
   */
  record Detector(Supplier<OutlierDetector> factory,
      BiFunction<OutlierDetector, double[][], double[]> trainingScores) {}

  private final Map<String, T> entries = new LinkedHashMap<>();

  private ModelRegistry<T> add(String name, T entry) {
    entries.put(name, entry);
    return this;
  }

  /** The names, in order. */
  List<String> names() {
    return List.copyOf(entries.keySet());
  }

  /**
   * The entry called {@code name}.
   *
   * @throws UsageException "--method (svm) must be lof or iforest"
   */
  T get(String option, String name) {
    T entry = entries.get(name);
    if (entry == null) {
      List<String> names = new ArrayList<>(entries.keySet());
      String last = names.removeLast();
      String choices = names.isEmpty() ? last : String.join(", ", names) + " or " + last;
      throw new UsageException(option + " (" + name + ") must be " + choices);
    }
    return entry;
  }

  /**
   * Every parameter by name ({@code get_params()}) as JSON values: a shared {@code RandomState}
   * prints as scikit-learn shows it, a nested estimator as its repr.
   */
  static Map<String, Object> params(Estimator model) {
    Map<String, Object> out = new LinkedHashMap<>();
    model.getParams().forEach((name, value) -> out.put(name, switch (value) {
      case null -> null;
      case RandomState random -> "RandomState(MT19937)";
      case Estimator nested -> nested.toString();
      case Number n -> n;
      case String s -> s;
      case Boolean b -> b;
      case Iterable<?> items -> items;
      default -> value.getClass().isArray() ? value : String.valueOf(value);
    }));
    return out;
  }

  /** The warnings scikit-learn would have issued during fit, kept in the fitted state. */
  static List<String> warnings(Estimator model) {
    Object warnings = model.fittedState().values().get("_warnings");
    return warnings instanceof String[] lines ? List.of(lines) : List.of();
  }

  private ModelRegistry() {}
}
