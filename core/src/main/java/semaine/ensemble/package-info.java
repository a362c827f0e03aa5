/**
 * Ensembles of trees as scikit-learn 1.9 grows them:
 * {@link semaine.ensemble.RandomForestClassifier}, {@link semaine.ensemble.RandomForestRegressor},
 * {@link semaine.ensemble.ExtraTreesClassifier} and {@link semaine.ensemble.ExtraTreesRegressor},
 * with scikit-learn's per-tree seeds and bootstrap samples, so every tree is scikit-learn's node
 * for node.
 */
package semaine.ensemble;
