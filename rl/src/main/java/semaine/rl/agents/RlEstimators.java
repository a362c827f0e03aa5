package semaine.rl.agents;

import java.util.List;
import java.util.function.Supplier;
import semaine.base.Estimator;
import semaine.base.EstimatorProvider;

/** The agents of rl, for model files (registered as an {@link EstimatorProvider} service). */
public final class RlEstimators implements EstimatorProvider {

  @Override
  public List<Supplier<? extends Estimator>> estimators() {
    return List.of(QLearning::new);
  }
}
