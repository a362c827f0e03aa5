package semaine.base;

import java.util.List;
import java.util.function.Supplier;
import semaine.anomaly.IsolationForest;
import semaine.anomaly.LocalOutlierFactor;
import semaine.classification.GaussianNB;
import semaine.classification.KNeighborsClassifier;
import semaine.clustering.AgglomerativeClustering;
import semaine.clustering.DBSCAN;
import semaine.clustering.KMeans;
import semaine.decomposition.PCA;
import semaine.pipeline.ClassifierPipeline;
import semaine.pipeline.ClustererPipeline;
import semaine.pipeline.FeatureUnion;
import semaine.pipeline.RegressorPipeline;
import semaine.pipeline.TransformedTargetRegressor;
import semaine.pipeline.TransformerPipeline;
import semaine.impute.SimpleImputer;
import semaine.preprocessing.MaxAbsScaler;
import semaine.preprocessing.MinMaxScaler;
import semaine.preprocessing.Normalizer;
import semaine.preprocessing.RobustScaler;
import semaine.clustering.OPTICS;
import semaine.clustering.HDBSCAN;
import semaine.clustering.MiniBatchKMeans;
import semaine.ensemble.ExtraTreesClassifier;
import semaine.ensemble.ExtraTreesRegressor;
import semaine.ensemble.HistGradientBoostingClassifier;
import semaine.ensemble.HistGradientBoostingRegressor;
import semaine.ensemble.RandomForestClassifier;
import semaine.ensemble.RandomForestRegressor;
import semaine.classification.LogisticRegression;
import semaine.clustering.KMeans;
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

/** The estimators of core, for model files (registered as a {@link EstimatorProvider} service). */
public final class CoreEstimators implements EstimatorProvider {

  @Override
  public List<Supplier<? extends Estimator>> estimators() {
    return List.of(LinearRegression::new, GradientDescentRegressor::new,
        KNeighborsClassifier::new, KNeighborsRegressor::new, KMeans::new, StandardScaler::new,
        LocalOutlierFactor::new, IsolationForest::new,
        SVC::new, NuSVC::new, SVR::new, NuSVR::new, OneClassSVM::new,
        ClassifierPipeline::new, RegressorPipeline::new, TransformerPipeline::new,
        ClustererPipeline::new, PCA::new, MinMaxScaler::new, MaxAbsScaler::new,
        RobustScaler::new, Normalizer::new, SimpleImputer::new, FeatureUnion::new,
        DBSCAN::new, AgglomerativeClustering::new, OPTICS::new,
        MiniBatchKMeans::new,
        DecisionTreeClassifier::new, DecisionTreeRegressor::new,
        RandomForestClassifier::new, RandomForestRegressor::new, ExtraTreesClassifier::new,
        ExtraTreesRegressor::new,
        HistGradientBoostingClassifier::new, HistGradientBoostingRegressor::new,
        LogisticRegression::new, Ridge::new, Lasso::new, ElasticNet::new, GaussianNB::new,
        PolynomialFeatures::new, TransformedTargetRegressor::new,
        RidgeCV::new, LassoCV::new,
        semaine.preprocessing.OneHotEncoder::new, semaine.preprocessing.OrdinalEncoder::new,
        semaine.preprocessing.LabelEncoder::new, semaine.preprocessing.KBinsDiscretizer::new,
        semaine.preprocessing.FunctionTransformer::new,
        semaine.pipeline.ColumnTransformer::new,
        HDBSCAN::new, LinearSVC::new, LinearSVR::new);
  }
}
