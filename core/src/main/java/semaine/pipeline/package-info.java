/**
 * Chains of estimators fitted and applied as one model, as scikit-learn's {@code sklearn.pipeline}
 * (day 3: k-NN needs scaled features, and the scaler must learn from the training folds only).
 * {@link semaine.pipeline.Pipeline} takes the role of its last step: a pipeline ending in a
 * classifier is a {@link semaine.pipeline.ClassifierPipeline}, one ending in a transformer a
 * {@link semaine.pipeline.TransformerPipeline}. Its steps' parameters are its own, named
 * {@code step__param}, so a grid search reaches them as scikit-learn's does.
 */
package semaine.pipeline;
