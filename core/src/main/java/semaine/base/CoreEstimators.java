package semaine.base;

import java.util.List;
import java.util.function.Supplier;
import semaine.anomaly.IsolationForest;
import semaine.anomaly.LocalOutlierFactor;
import semaine.classification.GaussianNB;
import semaine.classification.KNeighborsClassifier;
import semaine.classification.LogisticRegression;
import semaine.clustering.KMeans;
import semaine.preprocessing.PolynomialFeatures;
import semaine.preprocessing.StandardScaler;
import semaine.regression.ElasticNet;
import semaine.regression.GradientDescentRegressor;
import semaine.regression.KNeighborsRegressor;
import semaine.regression.Lasso;
import semaine.regression.LinearRegression;
import semaine.regression.Ridge;

/** The estimators of core, for model files (registered as a {@link EstimatorProvider} service). */
public final class CoreEstimators implements EstimatorProvider {

  @Override
  public List<Supplier<? extends Estimator>> estimators() {
    return List.of(LinearRegression::new, GradientDescentRegressor::new,
        KNeighborsClassifier::new, KNeighborsRegressor::new, KMeans::new, StandardScaler::new,
        LocalOutlierFactor::new, IsolationForest::new,
        LogisticRegression::new, Ridge::new, Lasso::new, ElasticNet::new, GaussianNB::new,
        PolynomialFeatures::new);
  }
}
