package semaine.tree;

import java.util.Map;

/**
 * The setters of the tree classifiers and classification forests: {@link TreeSetters} and
 * {@code class_weight}.
 *
 * @param <E> the estimator class, returned by each setter
 */
public interface ClassifierSetters<E> extends TreeSetters<E> {

  /** {@code class_weight}: None (default) or "balanced". */
  default E classWeight(String classWeight) {
    return setParam(TreeParams.CLASS_WEIGHT.name(), classWeight);
  }

  /** {@code class_weight} as a dict: each named class's weight, the others 1. */
  default E classWeight(Map<Integer, Double> weights) {
    return setParam(TreeParams.CLASS_WEIGHT.name(), ClassWeight.format(weights));
  }
}
