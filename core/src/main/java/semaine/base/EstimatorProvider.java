package semaine.base;

import java.util.List;
import java.util.function.Supplier;

/**
 * The estimators a module offers to model files, found with {@link java.util.ServiceLoader}: core
 * lists its own, nn its MLPs, and so on. A model file names its estimator's class; loading looks
 * the name up among these, and only these, so a file can never make semaine load or run any other
 * class.
 */
public interface EstimatorProvider {

  /** A factory of a default estimator of each class the module offers. */
  List<Supplier<? extends Estimator>> estimators();
}
