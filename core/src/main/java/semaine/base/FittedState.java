package semaine.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fitted estimator's learned attributes as data: an ordered map from scikit-learn's attribute
 * names ({@code cluster_centers_}, {@code coef_}, {@code estimators_.0.threshold}) to arrays and
 * scalars. This is what a model file stores and what {@code --json} prints as
 * {@code attributes}.
 *
 * <p>Values are one of: {@code Integer}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code String}; {@code int[]}, {@code long[]}, {@code double[]}, {@code float[]},
 * {@code String[]}; {@code int[][]}, {@code double[][]}, {@code float[][]} with rows of equal
 * length. Nested parts have dotted names. Names whose last part starts with an underscore
 * ({@code _fit_X}) are private: kept in the state, left out of {@link #attributes()}. Arrays are
 * held as given (not copied): a state is a view of the estimator, not to be modified.
 */
public final class FittedState {

  private static final Set<Class<?>> TYPES = Set.of(Integer.class, Long.class, Double.class,
      Boolean.class, String.class, int[].class, long[].class, double[].class, float[].class,
      String[].class, int[][].class, double[][].class, float[][].class);

  private final Map<String, Object> values;

  /**
   * A state with the given entries, in their order.
   *
   * @throws IllegalArgumentException for a null value, a type outside the list above, or a
   *     ragged matrix, naming the entry
   */
  public FittedState(Map<String, ?> values) {
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach((name, value) -> copy.put(name, checked(name, value)));
    this.values = Collections.unmodifiableMap(copy);
  }

  /** The entry names, in order. */
  public Set<String> names() {
    return values.keySet();
  }

  /** Every entry, in order. */
  public Map<String, Object> values() {
    return values;
  }

  /** True when the state has this entry. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * An entry of the given type.
   *
   * @throws IllegalArgumentException when it is missing or of another type
   */
  public <T> T get(String name, Class<T> type) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the fitted state has no attribute " + name
          + " (it has " + String.join(", ", values.keySet()) + ")");
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException("attribute " + name + " is a " + typeName(value.getClass())
          + " where a " + typeName(type) + " is expected");
    }
    return type.cast(value);
  }

  /** The public entries: those a scikit-learn user reads ({@code coef_}, {@code labels_}...). */
  public Map<String, Object> attributes() {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (!isPrivate(name)) {
        out.put(name, value);
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /** True for names with a part starting with an underscore, such as {@code _fit_X}. */
  public static boolean isPrivate(String name) {
    return List.of(name.split("\\.")).stream().anyMatch(part -> part.startsWith("_"));
  }

  @Override
  public String toString() {
    return "FittedState" + values.keySet();
  }

  private static Object checked(String name, Object value) {
    if (value == null || !TYPES.contains(value.getClass())) {
      throw new IllegalArgumentException("attribute " + name + " is "
          + (value == null ? "null" : "a " + typeName(value.getClass()))
          + ": a fitted state holds numbers, booleans, strings and their arrays");
    }
    if (value instanceof Object[] rows && rows.getClass().getComponentType().isArray()) {
      int width = rows.length == 0 ? 0 : java.lang.reflect.Array.getLength(rows[0]);
      for (int i = 0; i < rows.length; i++) {
        if (rows[i] == null || java.lang.reflect.Array.getLength(rows[i]) != width) {
          throw new IllegalArgumentException("attribute " + name + " is ragged: row " + i
              + " differs in length from row 0 (" + width + ")");
        }
      }
    }
    return value;
  }

  static String typeName(Class<?> type) {
    return type.isArray() ? typeName(type.getComponentType()) + "[]" : type.getSimpleName();
  }
}
