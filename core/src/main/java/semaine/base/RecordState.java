package semaine.base;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an estimator's fitted-state record into named values and back, so that saving and loading
 * need no code per model beyond the record itself.
 *
 * <p>A component's name is its {@link Attribute} or, at the top level, its name in snake_case with
 * scikit-learn's trailing underscore ({@code clusterCenters} → {@code cluster_centers_}); inside a
 * nested record, plain snake_case ({@code estimators_.3.children_left}). A nested record adds its
 * components under {@code name.}; an array of records or of matrices adds {@code name.0.},
 * {@code name.1.}, ..., and so does a list of arrays ({@code coefs_.0}); {@code List<String>} is
 * kept as one {@code String[]}. A fitted {@link Estimator} (a pipeline's step) adds its class,
 * its parameters and its own state under {@code name.} ({@code steps.1.classes_}). {@link Derived}
 * components and null ones are left out; a missing attribute reads back as null only for a
 * {@link Nullable} component, and is an error otherwise.
 */
final class RecordState {

  private RecordState() {}

  /** The components of {@code record} as named values (top-level names). */
  static Map<String, Object> write(Record record) {
    Map<String, Object> out = new LinkedHashMap<>();
    write(record, "", true, out);
    return out;
  }

  /** A record of {@code type} rebuilt from the values written by {@link #write}. */
  static <R extends Record> R read(Class<R> type, FittedState state) {
    return read(type, state, "", true);
  }

  private static void write(Record record, String prefix, boolean top, Map<String, Object> out) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.isAnnotationPresent(Derived.class)) {
        continue;
      }
      Object value = access(component, record);
      if (value != null) {
        writeValue(prefix + name(component, top), value, listElement(component), out);
      }
    }
  }

  private static void writeValue(String name, Object value, Class<?> listElement,
      Map<String, Object> out) {
    if (value instanceof Record nested) {
      write(nested, name + ".", false, out);
    } else if (value instanceof Estimator part) {
      Models.writeEstimator(part, name, out);
    } else if (value instanceof List<?> list && listElement == String.class) {
      out.put(name, list.stream().map(String.class::cast).toArray(String[]::new));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        writeValue(name + "." + i, list.get(i), null, out);
      }
    } else if (isIndexed(value.getClass())) {
      for (int i = 0; i < Array.getLength(value); i++) {
        writeValue(name + "." + i, Array.get(value, i), null, out);
      }
    } else {
      out.put(name, value);
    }
  }

  private static <R extends Record> R read(Class<R> type, FittedState state, String prefix,
      boolean top) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int c = 0; c < components.length; c++) {
      RecordComponent component = components[c];
      types[c] = component.getType();
      if (!component.isAnnotationPresent(Derived.class)) {
        args[c] = readValue(component, prefix + name(component, top), state);
      } else if (types[c].isPrimitive()) {
        throw new IllegalStateException("a @Derived component must be an object: " + component);
      }
    }
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot rebuild " + type.getName(), e);
    }
  }

  private static Object readValue(RecordComponent component, String name, FittedState state) {
    Class<?> type = component.getType();
    if (type.isRecord()) {
      return read(type.asSubclass(Record.class), state, name + ".", false);
    }
    if (Estimator.class.isAssignableFrom(type)) {
      if (!present(name, state) && component.isAnnotationPresent(Nullable.class)) {
        return null;
      }
      return Models.readEstimator(state, name, type.asSubclass(Estimator.class));
    }
    if (type == List.class) {
      Class<?> element = listElement(component);
      if (!present(name, state) && component.isAnnotationPresent(Nullable.class)) {
        return null;
      }
      if (element == String.class) {
        return List.of(state.get(name, String[].class));
      }
      return List.copyOf(readItems(element, name, state));
    }
    if (isIndexed(type)) {
      if (!present(name, state) && component.isAnnotationPresent(Nullable.class)) {
        return null;
      }
      return readIndexed(type, name, state);
    }
    if (!state.has(name) && component.isAnnotationPresent(Nullable.class)) {
      return null;
    }
    return state.get(name, box(type));   // throws for a missing or mistyped attribute
  }

  private static Object readIndexed(Class<?> arrayType, String name, FittedState state) {
    Class<?> element = arrayType.getComponentType();
    List<Object> items = readItems(element, name, state);
    Object array = Array.newInstance(element, items.size());
    for (int i = 0; i < items.size(); i++) {
      Array.set(array, i, items.get(i));
    }
    return array;
  }

  /** True when the state has the attribute, whole or item by item. */
  private static boolean present(String name, FittedState state) {
    return state.has(name) || state.names().stream().anyMatch(n -> n.startsWith(name + "."));
  }

  /**
   * The items {@code name.0}, {@code name.1}, ... up to the first missing one; at least one.
   *
   * @throws IllegalArgumentException when there is none
   */
  private static List<Object> readItems(Class<?> element, String name, FittedState state) {
    if (!present(name, state)) {
      state.get(name + ".0", element);   // throws, naming what the state has
    }
    List<Object> items = new ArrayList<>();
    for (int i = 0; ; i++) {
      String item = name + "." + i;
      boolean estimator = Estimator.class.isAssignableFrom(element);
      boolean nested = element.isRecord() || isIndexed(element) || estimator;
      if (nested ? state.names().stream().noneMatch(n -> n.startsWith(item + "."))
          : !state.has(item)) {
        break;
      }
      items.add(element.isRecord() ? read(element.asSubclass(Record.class), state, item + ".", false)
          : estimator ? Models.readEstimator(state, item, element.asSubclass(Estimator.class))
          : nested ? readIndexed(element, item, state) : state.get(item, element));
    }
    return items;
  }

  /** Arrays stored item by item: of records, of estimators, or of matrices (double[][][]...). */
  private static boolean isIndexed(Class<?> type) {
    if (!type.isArray()) {
      return false;
    }
    Class<?> element = type.getComponentType();
    return element.isRecord() || Estimator.class.isAssignableFrom(element)
        || (element.isArray() && element.getComponentType().isArray());
  }

  private static String name(RecordComponent component, boolean top) {
    Attribute attribute = component.getAnnotation(Attribute.class);
    if (attribute != null) {
      return attribute.value();
    }
    String snake = component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    return top ? snake + "_" : snake;
  }

  private static Object access(RecordComponent component, Record record) {
    try {
      var accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  /**
   * The element class of a {@code List} component: String (kept as one String[]) or an array
   * type (kept item by item); null for other components.
   */
  private static Class<?> listElement(RecordComponent component) {
    if (component.getType() != List.class) {
      return null;
    }
    if (component.getGenericType() instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> element
        && (element == String.class || element.isArray())) {
      return element;
    }
    throw new IllegalStateException("only lists of strings or of arrays can be saved: "
        + component + " (mark it @Derived if it is recomputed)");
  }

  private static Class<?> box(Class<?> type) {
    if (type == int.class) {
      return Integer.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    if (type == double.class) {
      return Double.class;
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    return type;
  }
}
