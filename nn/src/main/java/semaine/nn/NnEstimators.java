package semaine.nn;

import java.util.List;
import java.util.function.Supplier;
import semaine.base.Estimator;
import semaine.base.EstimatorProvider;
import semaine.classification.MLPClassifier;
import semaine.regression.MLPRegressor;

/** The estimators of nn, for model files (registered as an {@link EstimatorProvider} service). */
public final class NnEstimators implements EstimatorProvider {

  @Override
  public List<Supplier<? extends Estimator>> estimators() {
    return List.of(MLPClassifier::new, MLPRegressor::new, semaine.nn.rl.DQN::new,
        semaine.nn.rl.PPO::new);
  }
}
