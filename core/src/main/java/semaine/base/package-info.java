/**
 * The estimator contract every semaine model follows, as scikit-learn's {@code sklearn.base}:
 * {@link semaine.base.Estimator} (parameters by name, {@code clone}, fitted state as data),
 * written once in {@link semaine.base.BaseEstimator}; parameters declared as
 * {@link semaine.base.Param}s with {@link semaine.base.Rule}s, as scikit-learn's
 * {@code _parameter_constraints}; the learned attributes as a {@link semaine.base.FittedState};
 * and the roles {@link semaine.base.Classifier}, {@link semaine.base.Regressor},
 * {@link semaine.base.Clusterer}, {@link semaine.base.Transformer} and
 * {@link semaine.base.OutlierDetector}. Pipelines, search, model files and the command line work
 * through it alone.
 */
package semaine.base;
