package semaine.base;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the contract needs to know about an estimator class, declared once as a constant of that
 * class: scikit-learn's name for it, how to make a default one, the record its fitted state is
 * kept in, and its parameters in scikit-learn's order.
 *
 * @param <E> the estimator class
 * @param sklearnName the class it mirrors, as {@code sklearn.cluster.KMeans}
 * @param factory makes an estimator with the default parameters
 * @param fittedType the record {@code fit} produces
 * @param params the parameters, in scikit-learn's signature order
 */
public record EstimatorSpec<E extends Estimator>(String sklearnName, Supplier<E> factory,
    Class<? extends Record> fittedType, List<Param<?>> params) {

  public EstimatorSpec {
    params = List.copyOf(params);
    long distinct = params.stream().map(Param::name).distinct().count();
    if (distinct != params.size()) {
      throw new IllegalArgumentException(sklearnName + " declares a parameter twice: " + params);
    }
  }

  /** A spec with its parameters listed in order. */
  public static <E extends Estimator> EstimatorSpec<E> of(String sklearnName,
      Supplier<E> factory, Class<? extends Record> fittedType, Param<?>... params) {
    return new EstimatorSpec<>(sklearnName, factory, fittedType, List.of(params));
  }

  /** The parameter called {@code name}, or null. */
  Param<?> param(String name) {
    for (Param<?> p : params) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }
}
