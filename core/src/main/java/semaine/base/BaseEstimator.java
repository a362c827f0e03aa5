package semaine.base;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * The estimator contract written once: parameters stored by name, checked together at
 * {@code fit}, cloned; the fitted state kept as a record and turned into a {@link FittedState}
 * and back. A model class declares an {@link EstimatorSpec} (its parameters and its fitted
 * record), chains typed setters that call {@link #set}, reads parameters with {@link #get}, and at
 * the end of {@code fit} stores its record with {@link #fitted(Record)}.
 *
 * <pre>{@code
 * public final class KNeighborsRegressor extends BaseEstimator<KNeighborsRegressor> {
 *   static final Param<Integer> N_NEIGHBORS = Param.of("n_neighbors", 5, Rule.ints(1, null));
 *   private static final EstimatorSpec<KNeighborsRegressor> SPEC = EstimatorSpec.of(
 *       "sklearn.neighbors.KNeighborsRegressor", KNeighborsRegressor::new, Fitted.class,
 *       N_NEIGHBORS);
 *   public KNeighborsRegressor nNeighbors(int k) { return set(N_NEIGHBORS, k); }
 * }
 * }</pre>
 *
 * @param <E> the estimator class, returned by the chained setters
 */
public abstract class BaseEstimator<E extends BaseEstimator<E>> implements Estimator {

  private final EstimatorSpec<E> spec;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private Record fitted;

  /** An estimator with every parameter at its default. */
  protected BaseEstimator(EstimatorSpec<E> spec) {
    this.spec = spec;
    for (Param<?> p : spec.params()) {
      values.put(p.name(), p.defaultValue());
    }
  }

  @Override
  public final String sklearnName() {
    return spec.sklearnName();
  }

  @Override
  public final List<String> paramNames() {
    return List.copyOf(values.keySet());
  }

  @Override
  public final Object getParam(String name) {
    int split = name.indexOf("__");
    if (split > 0) {
      return nested(name.substring(0, split)).getParam(name.substring(split + 2));
    }
    Component part = component(name);
    return part != null ? part.estimator() : values.get(param(name).name());
  }

  @Override
  public final Map<String, Object> getParams() {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      out.put(name, value);
      if (value instanceof Estimator nested) {
        nested.getParams().forEach((inner, v) -> out.put(name + "__" + inner, v));
      }
    });
    for (Component part : parts()) {
      out.put(part.name(), part.estimator());
    }
    for (Component part : parts()) {
      part.estimator().getParams().forEach((inner, v) -> out.put(part.name() + "__" + inner, v));
    }
    return out;
  }

  @Override
  public final E setParam(String name, Object value) {
    int split = name.indexOf("__");
    if (split > 0) {
      nested(name.substring(0, split)).setParam(name.substring(split + 2), value);
      return self();
    }
    Component part = component(name);
    if (part != null) {
      return replace(part, value);
    }
    return set(param(name), value);
  }

  @Override
  public final void validateParams() {
    for (Param<?> p : spec.params()) {
      Object value = values.get(p.name());
      p.check(value);
      if (value instanceof Estimator nested) {
        nested.validateParams();
      }
    }
    List<Component> parts = parts();
    for (int i = 0; i < parts.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (parts.get(i).name().equals(parts.get(j).name())) {
          throw new IllegalArgumentException("names must be unique: \"" + parts.get(i).name()
              + "\" names two parts of this " + getClass().getSimpleName());
        }
      }
      if (spec.param(parts.get(i).name()) != null) {
        throw new IllegalArgumentException("name \"" + parts.get(i).name() + "\" of a part of this "
            + getClass().getSimpleName() + " conflicts with its parameter of that name");
      }
      parts.get(i).estimator().validateParams();
    }
  }

  @Override
  public E clone() {
    E copy = spec.factory().get();
    BaseEstimator<?> base = copy;
    values.forEach((name, value) -> base.values.put(name, copyOf(value)));
    return copy;
  }

  @Override
  public final boolean isFitted() {
    return fitted != null;
  }

  @Override
  public final FittedState fittedState() {
    return new FittedState(RecordState.write(fitted()));
  }

  @Override
  public final E restore(FittedState state) {
    Checks.checkArgument(state != null, "state must not be null");
    fitted = restored(RecordState.read(spec.fittedType(), state));
    return self();
  }

  /**
   * scikit-learn's repr: the class name and the parameters that differ from their defaults,
   * {@code KMeans(n_clusters=3, random_state=0)}.
   */
  @Override
  public String toString() {
    return getClass().getSimpleName() + spec.params().stream()
        .filter(p -> !java.util.Objects.deepEquals(values.get(p.name()), p.defaultValue()))
        .map(p -> p.name() + "=" + Rule.show(values.get(p.name())))
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** Stores a parameter (read from text if needed); checked later, at {@code fit}. */
  protected final E set(Param<?> param, Object value) {
    values.put(param.name(), param.coerce(value));
    return self();
  }

  /** A parameter's value, as stored. */
  @SuppressWarnings("unchecked")
  protected final <T> T get(Param<T> param) {
    return (T) values.get(param.name());
  }

  /**
   * The {@code RandomState} a fit draws from, as scikit-learn's {@code check_random_state}: a
   * fresh one from entropy for None, {@code RandomState(seed)} for a seed, the shared instance
   * itself (advanced by each fit) for an instance.
   */
  protected static RandomState checkRandomState(Object randomState) {
    if (randomState == null) {
      return new RandomState();
    }
    return randomState instanceof RandomState shared ? shared
        : new RandomState((Long) randomState);
  }

  /** Ends {@code fit}: keeps the learned state. */
  protected final void fitted(Record state) {
    this.fitted = state;
  }

  /**
   * The learned state.
   *
   * @throws IllegalStateException before {@code fit}: "This KMeans is not fitted yet: call fit(X)
   *     before using it"
   */
  @SuppressWarnings("unchecked")
  protected final <F extends Record> F fitted() {
    return (F) Checks.checkFitted(fitted, getClass().getSimpleName());
  }

  /**
   * Completes a state read back from a {@link FittedState}: recomputes its {@link Derived} parts
   * (a search index, a packed forest) from the rest and the parameters. None by default.
   */
  protected Record restored(Record state) {
    return state;
  }

  @SuppressWarnings("unchecked")
  private E self() {
    return (E) this;
  }

  /**
   * The named parts of a composite: the {@link Component}s held in list-valued parameters (a
   * pipeline's steps), in order; empty for a simple estimator.
   */
  protected final List<Component> parts() {
    List<Component> parts = new ArrayList<>();
    for (Object value : values.values()) {
      if (value instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof Component part) {
            parts.add(part);
          }
        }
      }
    }
    return parts;
  }

  private Component component(String name) {
    for (Component part : parts()) {
      if (part.name().equals(name)) {
        return part;
      }
    }
    return null;
  }

  /** Replaces a part's estimator ({@code set_params(step=estimator)}) in a new list. */
  private E replace(Component part, Object value) {
    if (!(value instanceof Estimator replacement)) {
      throw new IllegalArgumentException(part.name() + " (" + Rule.show(value) + ") must be an"
          + " estimator: it names a part of this " + getClass().getSimpleName());
    }
    values.replaceAll((name, v) -> v instanceof List<?> list && list.contains(part)
        ? list.stream().map(item -> item == part ? part.with(replacement) : item).toList() : v);
    return self();
  }

  private Param<?> param(String name) {
    Param<?> p = spec.param(name);
    if (p == null) {
      List<String> valid = new ArrayList<>(values.keySet());
      parts().forEach(part -> valid.add(part.name()));
      throw new IllegalArgumentException(getClass().getSimpleName() + " has no parameter \"" + name
          + "\": valid parameters are " + String.join(", ", valid));
    }
    return p;
  }

  private Estimator nested(String name) {
    Component part = component(name);
    if (part != null) {
      return part.estimator();
    }
    if (!(values.get(param(name).name()) instanceof Estimator nested)) {
      throw new IllegalArgumentException("parameter " + name + " of " + getClass().getSimpleName()
          + " holds no estimator, so it has no " + name + "__ parameters");
    }
    return nested;
  }

  /** scikit-learn's clone of a parameter: estimators cloned, mutable values copied. */
  private static Object copyOf(Object value) {
    if (value instanceof Estimator estimator) {
      return estimator.clone();
    }
    if (value instanceof RandomState random) {
      return random.copy();
    }
    if (value instanceof double[][] matrix) {
      double[][] copy = new double[matrix.length][];
      for (int i = 0; i < matrix.length; i++) {
        copy[i] = matrix[i].clone();
      }
      return copy;
    }
    if (value instanceof double[] a) {
      return a.clone();
    }
    if (value instanceof int[] a) {
      return a.clone();
    }
    if (value instanceof Component part) {
      return part.with(part.estimator().clone());
    }
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(Component.class::isInstance)
          ? list.stream().map(BaseEstimator::copyOf).toList() : new ArrayList<>(list);
    }
    return value;
  }
}
