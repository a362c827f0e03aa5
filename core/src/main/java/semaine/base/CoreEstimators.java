package semaine.base;

import java.util.List;
import java.util.function.Supplier;
import semaine.anomaly.IsolationForest;
import semaine.anomaly.LocalOutlierFactor;
import semaine.classification.KNeighborsClassifier;
import semaine.clustering.KMeans;
import semaine.ensemble.ExtraTreesClassifier;
import semaine.ensemble.ExtraTreesRegressor;
import semaine.ensemble.RandomForestClassifier;
import semaine.ensemble.RandomForestRegressor;
import semaine.preprocessing.StandardScaler;
import semaine.regression.GradientDescentRegressor;
import semaine.regression.KNeighborsRegressor;
import semaine.regression.LinearRegression;
import semaine.tree.DecisionTreeClassifier;
import semaine.tree.DecisionTreeRegressor;

/** The estimators of core, for model files (registered as a {@link EstimatorProvider} service). */
public final class CoreEstimators implements EstimatorProvider {

  @Override
  public List<Supplier<? extends Estimator>> estimators() {
    return List.of(LinearRegression::new, GradientDescentRegressor::new,
        KNeighborsClassifier::new, KNeighborsRegressor::new, KMeans::new, StandardScaler::new,
        LocalOutlierFactor::new, IsolationForest::new,
        DecisionTreeClassifier::new, DecisionTreeRegressor::new,
        RandomForestClassifier::new, RandomForestRegressor::new, ExtraTreesClassifier::new,
        ExtraTreesRegressor::new);
  }
}
