package semaine.pipeline;

import semaine.base.Component;
import semaine.base.Estimator;

/**
 * One named step of a {@link Pipeline}: scikit-learn's {@code (name, estimator)} pair.
 *
 * @param name the step's name, unique in its pipeline and free of {@code "__"} (it prefixes the
 *     step's parameters: {@code knn__n_neighbors})
 * @param estimator the step's estimator: a transformer, or any estimator for the last step
 */
public record Step(String name, Estimator estimator) implements Component {

  /**
   * @throws IllegalArgumentException for a name that is empty or contains {@code "__"}, or a null
   *     estimator
   */
  public Step {
    Component.checkName("step", name);
    if (estimator == null) {
      throw new IllegalArgumentException("step \"" + name + "\" has no estimator (null)");
    }
  }

  /** The step {@code (name, estimator)}. */
  public static Step step(String name, Estimator estimator) {
    return new Step(name, estimator);
  }

  @Override
  public Step with(Estimator replacement) {
    return new Step(name, replacement);
  }
}
