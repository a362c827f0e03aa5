package semaine.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import semaine.util.AtomicFiles;
import semaine.util.Json;
import semaine.util.OutputPathException;
import semaine.util.Repr;

/**
 * Saves and loads fitted estimators, one file per model ({@code .semaine}): a safetensors file
 * whose tensors are the fitted state's arrays and whose {@code __metadata__} describes the rest
 * (format version, semaine version, scikit-learn's and semaine's class names, every parameter by
 * name, the fitted scalars, the feature and class names). Python's {@code safetensors} package
 * reads it; nothing in it can run code: the class it names is looked up among the estimators the
 * modules declare ({@link EstimatorProvider}), and values are only numbers, strings and arrays.
 *
 * <pre>{@code
 * Models.save(model, Path.of("kmeans.semaine"));
 * KMeans again = Models.load(Path.of("kmeans.semaine"), KMeans.class);
 * }</pre>
 *
 * <p>Format version {@value #FORMAT_VERSION}. A file of a newer version is refused, naming both
 * versions; every older version stays readable (the test resources keep a file of each).
 */
public final class Models {

  /** The version of the file layout this code writes. */
  public static final int FORMAT_VERSION = 1;

  /** Tensors that hold array parameters (initial centres...) rather than fitted arrays. */
  private static final String PARAM_PREFIX = "__params__.";

  private Models() {}

  /**
   * What a model file holds, from its metadata only (no array is read).
   *
   * @param formatVersion the file layout's version
   * @param semaineVersion the semaine that wrote it
   * @param estimator scikit-learn's name of the class ({@code sklearn.cluster.KMeans})
   * @param className semaine's class
   * @param params every parameter by name (an array parameter by its shape)
   * @param featureNames the feature columns, in order, or empty when unknown
   * @param classNames the class labels as they came from the data, or empty
   * @param attributes the names of the fitted attributes
   */
  public record ModelInfo(int formatVersion, String semaineVersion, String estimator,
      String className, Map<String, Object> params, List<String> featureNames,
      List<String> classNames, List<String> attributes) {}

  /** Writes {@code model} to {@code path} atomically (a sibling temporary file renamed). */
  public static void save(Estimator model, Path path) {
    save(model, path, List.of(), List.of());
  }

  /**
   * Writes {@code model} to {@code path} with the names of the feature columns it was fitted on
   * and of its classes, as they came from the data (empty lists when unknown).
   *
   * @throws IllegalStateException if the model is not fitted
   * @throws IllegalArgumentException if {@code path} is not a regular file or a new name in an
   *     existing folder (see {@link AtomicFiles})
   * @throws UncheckedIOException if the file cannot be written (nothing is left behind)
   */
  public static void save(Estimator model, Path path, List<String> featureNames,
      List<String> classNames) {
    byte[] bytes = bytes(model, featureNames, classNames);
    try {
      AtomicFiles.write(path, out -> out.write(bytes));
    } catch (OutputPathException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + path + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code model} to a stream, as {@link #save(Estimator, Path, List, List)} does. */
  public static void save(Estimator model, OutputStream out, List<String> featureNames,
      List<String> classNames) throws IOException {
    out.write(bytes(model, featureNames, classNames));
  }

  /** Reads the model saved at {@code path}. */
  public static Estimator load(Path path) {
    return load(read(path), path.toString());
  }

  /**
   * Reads the model saved at {@code path}, which must be a {@code type}.
   *
   * @throws IllegalArgumentException when it is another estimator, naming both
   */
  public static <E extends Estimator> E load(Path path, Class<E> type) {
    return as(load(path), type, path.toString());
  }

  /** Reads a model from a stream; {@code source} names it in error messages. */
  public static Estimator load(InputStream in, String source) throws IOException {
    return load(in.readAllBytes(), source);
  }

  /** What the file at {@code path} holds, without building the model. */
  public static ModelInfo inspect(Path path) {
    byte[] file = read(path);
    String source = path.toString();
    TensorFile.Layout layout = TensorFile.layout(file, source);
    Map<String, String> meta = layout.metadata();
    Description d = Description.of(meta, source);
    Map<String, Object> params = new LinkedHashMap<>(d.params);
    List<String> attributes = new ArrayList<>(d.scalars.keySet());
    layout.shapes().forEach((name, shape) -> {
      if (name.startsWith(PARAM_PREFIX)) {
        params.put(name.substring(PARAM_PREFIX.length()), "array of shape " + shape);
      } else {
        attributes.add(name);
      }
    });
    return new ModelInfo(d.formatVersion, meta.getOrDefault("semaine_version", "?"),
        meta.get("estimator"), meta.get("class"), params, d.featureNames, d.classNames,
        attributes);
  }

  private static byte[] bytes(Estimator model, List<String> featureNames,
      List<String> classNames) {
    FittedState state = model.fittedState();
    Map<String, Object> arrays = new LinkedHashMap<>();
    Map<String, Object> scalars = new LinkedHashMap<>();
    state.values().forEach((name, value) -> {
      if (value.getClass().isArray() && !(value instanceof String[])) {
        arrays.put(name, value);
      } else {
        scalars.put(name, Typed.encode(value));
      }
    });
    Map<String, Object> params = params(model, arrays, PARAM_PREFIX);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", "semaine-model");
    meta.put("format_version", String.valueOf(FORMAT_VERSION));
    meta.put("semaine_version", version());
    meta.put("estimator", model.sklearnName());
    meta.put("class", model.getClass().getName());
    meta.put("params", Json.write(params));
    meta.put("state", Json.write(scalars));
    meta.put("feature_names", Json.write(List.copyOf(featureNames)));
    meta.put("classes", Json.write(List.copyOf(classNames)));
    return TensorFile.write(arrays, meta);
  }

  /**
   * The parameters of {@code model} as plain JSON values; array parameters go to {@code arrays}
   * under {@code arrayPrefix + name}. Nested estimators are not parameters here: a composite's
   * parts are saved with its fitted state.
   */
  private static Map<String, Object> params(Estimator model, Map<String, Object> arrays,
      String arrayPrefix) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (String name : model.paramNames()) {
      Object value = model.getParam(name);
      if (value instanceof Estimator
          || value instanceof List<?> list && list.stream().anyMatch(Component.class::isInstance)) {
        continue;   // a composite's parts: saved with its fitted state
      }
      if (value != null && value.getClass().isArray()) {
        arrays.put(arrayPrefix + name, value);
      } else {
        params.put(name, Typed.param(value));
      }
    }
    return params;
  }

  /**
   * Writes a fitted estimator held in another's fitted state (a pipeline's step) under
   * {@code prefix.}: its class ({@code _class}), its parameters as JSON ({@code _params}, array
   * ones as {@code _params.NAME}) and its own fitted state.
   */
  static void writeEstimator(Estimator model, String prefix, Map<String, Object> out) {
    Map<String, Object> arrays = new LinkedHashMap<>();
    Map<String, Object> params = params(model, arrays, prefix + "._params.");
    out.put(prefix + "._class", model.getClass().getName());
    out.put(prefix + "._params", Json.write(params));
    out.putAll(arrays);
    model.fittedState().values().forEach((name, value) -> out.put(prefix + "." + name, value));
  }

  /**
   * Reads back an estimator written by {@link #writeEstimator}: the class is looked up among the
   * known estimators only, the parameters set by name, the state restored.
   *
   * @throws IllegalArgumentException when the class is unknown or is not a {@code type}, or a
   *     parameter or attribute is invalid
   */
  static <E extends Estimator> E readEstimator(FittedState state, String prefix, Class<E> type) {
    String className = state.get(prefix + "._class", String.class);
    Supplier<? extends Estimator> factory = registry().get(className);
    if (factory == null) {
      throw new IllegalArgumentException(prefix + " is a " + className + ", which is not an"
          + " estimator this semaine knows");
    }
    Estimator model = as(factory.get(), type, prefix);
    Object params = Json.parse(state.get(prefix + "._params", String.class));
    if (!(params instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(prefix + "._params is not a JSON object");
    }
    map.forEach((name, value) -> model.setParam(String.valueOf(name), value));
    Map<String, Object> own = new LinkedHashMap<>();
    String arrayPrefix = prefix + "._params.";
    state.values().forEach((name, value) -> {
      if (name.startsWith(arrayPrefix)) {
        model.setParam(name.substring(arrayPrefix.length()), value);
      } else if (name.startsWith(prefix + ".") && !name.equals(prefix + "._class")
          && !name.equals(prefix + "._params")) {
        own.put(name.substring(prefix.length() + 1), value);
      }
    });
    return type.cast(model.restore(new FittedState(own)));
  }

  private static Estimator load(byte[] file, String source) {
    TensorFile.Contents contents = TensorFile.read(file, source);
    Description d = Description.of(contents.metadata(), source);
    Supplier<? extends Estimator> factory = registry().get(contents.metadata().get("class"));
    if (factory == null) {
      throw new IllegalArgumentException(source + " holds a " + contents.metadata().get("class")
          + ", which is not an estimator this semaine knows (known: "
          + String.join(", ", registry().keySet()) + ")");
    }
    Estimator model = factory.get();
    Map<String, Object> values = new LinkedHashMap<>();
    contents.arrays().forEach((name, array) -> {
      if (name.startsWith(PARAM_PREFIX)) {
        d.params.put(name.substring(PARAM_PREFIX.length()), array);
      } else {
        values.put(name, array);
      }
    });
    d.scalars.forEach((name, value) -> values.put(name, Typed.decode(name, value, source)));
    try {
      d.params.forEach(model::setParam);
      return model.restore(new FittedState(values));
    } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
      throw new IllegalArgumentException(source + " does not hold a valid "
          + model.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static <E extends Estimator> E as(Estimator model, Class<E> type, String source) {
    if (!type.isInstance(model)) {
      throw new IllegalArgumentException(source + " holds a " + model.getClass().getSimpleName()
          + ", not a " + type.getSimpleName());
    }
    return type.cast(model);
  }

  private static byte[] read(Path path) {
    try {
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException(path + " is not a model file (no such regular file)");
      }
      long size = Files.size(path);
      if (size > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(path + " is " + size + " bytes: larger than a model file"
            + " can be (2 GiB)");
      }
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** The estimators that model files may name, by semaine's class name. */
  private static Map<String, Supplier<? extends Estimator>> registry() {
    Map<String, Supplier<? extends Estimator>> out = new LinkedHashMap<>();
    for (EstimatorProvider provider : ServiceLoader.load(EstimatorProvider.class,
        Models.class.getClassLoader())) {
      for (Supplier<? extends Estimator> factory : provider.estimators()) {
        out.put(factory.get().getClass().getName(), factory);
      }
    }
    return out;
  }

  private static String version() {
    String v = Models.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  /** The metadata of a model file, parsed and checked. */
  private record Description(int formatVersion, Map<String, Object> params,
      Map<String, Object> scalars, List<String> featureNames, List<String> classNames) {

    static Description of(Map<String, String> meta, String source) {
      if (!"semaine-model".equals(meta.get("format"))) {
        throw new IllegalArgumentException(source + " is a safetensors file but not a semaine"
            + " model (its metadata has no \"format\": \"semaine-model\")");
      }
      int version;
      try {
        version = Integer.parseInt(meta.getOrDefault("format_version", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + " has no format version");
      }
      if (version > FORMAT_VERSION || version < 1) {
        throw new IllegalArgumentException(source + " is a model file of format version " + version
            + ", written by semaine " + meta.getOrDefault("semaine_version", "?")
            + "; this semaine reads format versions 1 to " + FORMAT_VERSION + ": upgrade semaine");
      }
      return new Description(version, object(meta, "params", source),
          object(meta, "state", source), strings(meta, "feature_names", source),
          strings(meta, "classes", source));
    }

    private static Map<String, Object> object(Map<String, String> meta, String key,
        String source) {
      Object parsed = parse(meta, key, source);
      if (!(parsed instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(source + " has metadata " + key + " that is not a"
            + " JSON object");
      }
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    }

    private static List<String> strings(Map<String, String> meta, String key, String source) {
      Object parsed = meta.containsKey(key) ? parse(meta, key, source) : List.of();
      if (!(parsed instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
        throw new IllegalArgumentException(source + " has metadata " + key + " that is not a"
            + " list of strings");
      }
      return list.stream().map(String.class::cast).toList();
    }

    private static Object parse(Map<String, String> meta, String key, String source) {
      String text = meta.get(key);
      if (text == null) {
        throw new IllegalArgumentException(source + " has no \"" + key + "\" in its metadata");
      }
      try {
        return Json.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + " has metadata " + key + " that is not"
            + " JSON: " + e.getMessage());
      }
    }
  }

  /**
   * Scalars in JSON with their Java type kept: {@code ["i32", 5]}, {@code ["f64", "0.1"]} (doubles
   * as Python's repr, so NaN and infinities survive), {@code ["str", "kd_tree"]},
   * {@code ["bool", true]}, {@code ["str[]", [...]]}. Parameters are plain JSON values, read back
   * through the parameter's own rules.
   */
  static final class Typed {

    private Typed() {}

    static Object encode(Object value) {
      return switch (value) {
        case Integer i -> List.of("i32", i);
        case Long l -> List.of("i64", l);
        case Double d -> List.of("f64", Repr.of(d));
        case Boolean b -> List.of("bool", b);
        case String s -> List.of("str", s);
        case String[] a -> List.of("str[]", List.of(a));
        default -> throw new IllegalArgumentException("no scalar encoding for " + value);
      };
    }

    static Object decode(String name, Object encoded, String source) {
      if (!(encoded instanceof List<?> pair) || pair.size() != 2
          || !(pair.get(0) instanceof String type)) {
        throw bad(source, name);
      }
      Object v = pair.get(1);
      Object out = switch (type) {
        case "i32" -> v instanceof Long l && l == l.intValue() ? Integer.valueOf(l.intValue()) : null;
        case "i64" -> v instanceof Long l ? l : null;
        case "f64" -> v instanceof String s ? parseDouble(s) : null;
        case "bool" -> v instanceof Boolean b ? b : null;
        case "str" -> v instanceof String s ? s : null;
        case "str[]" -> v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)
            ? l.toArray(String[]::new) : null;
        default -> null;
      };
      if (out == null) {
        throw bad(source, name);
      }
      return out;
    }

    /** A parameter as plain JSON; non-finite doubles and RandomState instances as text or null. */
    static Object param(Object value) {
      if (value instanceof Double d && !Double.isFinite(d)) {
        return Repr.of(d);
      }
      if (value == null || value instanceof Number || value instanceof Boolean
          || value instanceof String) {
        return value;
      }
      if (value instanceof java.util.function.DoubleUnaryOperator) {
        // code, not data: a model loaded without it would answer differently
        throw new IllegalArgumentException("a parameter holding a Java function (" + value
            + ") cannot be saved in a model file: use a function named by its NumPy name"
            + " (FunctionTransformer(\"log1p\")) to save this model");
      }
      if (value instanceof List<?> list && list.stream().allMatch(Number.class::isInstance)) {
        return list.stream().map(Typed::param).toList();   // a pair such as feature_range
      }
      if (value instanceof List<?> list && list.stream().allMatch(Boolean.class::isInstance)) {
        return list;   // a boolean mask such as categorical_features
      }
      return null;   // a RandomState instance: its stream is not saved, the loaded model has None
    }

    private static Double parseDouble(String s) {
      return switch (s) {
        case "nan" -> Double.NaN;
        case "inf" -> Double.POSITIVE_INFINITY;
        case "-inf" -> Double.NEGATIVE_INFINITY;
        default -> {
          try {
            yield Double.parseDouble(s);
          } catch (NumberFormatException e) {
            yield null;
          }
        }
      };
    }

    private static IllegalArgumentException bad(String source, String name) {
      return new IllegalArgumentException(source + " has fitted attribute " + name
          + " in a form this semaine cannot read");
    }
  }
}
