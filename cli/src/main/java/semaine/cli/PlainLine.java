package semaine.cli;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The plain command lines of the computing commands ({@code semaine cluster data.csv --k 8
 * --seed 0}), parsed without picocli's model: their options set on a new command object as
 * picocli would set them, read from the same {@code @Option}, {@code @Parameters} and
 * {@code @Mixin} annotations.
 *
 * <p>Why: picocli's classes are Java 5 bytecode, which the JVM's ahead-of-time cache does not
 * hold, and building a command's model runs much of picocli in the interpreter; on the 2-core
 * machine that was about 0.35 s of CPU on every start, a quarter of a whole {@code semaine
 * cluster} run on a million rows (README, "Where a whole command's time goes").
 *
 * <p>A line is plain when every argument is an option of the command written {@code --name
 * value} or {@code --name=value} (a flag alone), given at most once unless it is a list, or one
 * of its positional parameters; when every value converts (the command's own converters, a
 * {@link Path}, text) and the required ones are there. Anything else (help, version, an unknown
 * or repeated option, a value starting with {@code -} or {@code @}, a value a converter refuses,
 * a missing parameter, an annotation feature not listed here) returns null, and picocli parses
 * the line: every message and help text stays picocli's. {@code PlainLineTest} compares the
 * fields this sets with those picocli sets, line by line.
 */
final class PlainLine {

  /** Commands parsed here: they print through {@link ResultCommand} and use no other picocli API. */
  static final Set<String> COMMANDS = Set.of("cluster", "classify", "regress", "outliers",
      "predict", "decompose", "inspect", "search");

  /** picocli's mark of an option without a default value. */
  private static final String NO_DEFAULT = "__no_default_value__";

  /** One option or positional parameter: the field of the object it sets. */
  private static final class Target {
    final Object owner;
    final Field field;
    final String[] split; // "," for a list split on commas, else empty
    final ITypeConverter<?> converter;
    final String defaultValue;
    final boolean required;
    boolean seen;

    Target(Object owner, Field field, ITypeConverter<?> converter, String split,
        String defaultValue, boolean required) {
      this.owner = owner;
      this.field = field;
      this.converter = converter;
      this.split = split.isEmpty() ? new String[0] : new String[] {split};
      this.defaultValue = defaultValue;
      this.required = required;
    }

    boolean flag() {
      return field.getType() == boolean.class || field.getType() == Boolean.class;
    }

    boolean list() {
      return field.getType() == List.class;
    }
  }

  /** Thrown when the line is not plain: picocli parses it. */
  private static final class NotPlain extends Exception {
    private static final long serialVersionUID = 1L;

    NotPlain() {
      super(null, null, false, false);
    }
  }

  private final Map<String, Target> options = new HashMap<>();
  private final Map<Integer, Target> positionals = new HashMap<>();

  private PlainLine() {}

  /**
   * A new {@code command} object with the options and parameters of {@code args} (after the
   * command's name, {@code args[0]}) set as picocli would set them, or null when the line is not
   * plain.
   */
  static ResultCommand parse(Class<?> command, String[] args) {
    try {
      PlainLine line = new PlainLine();
      Command annotation = command.getAnnotation(Command.class);
      if (annotation == null || annotation.subcommands().length > 0
          || !ResultCommand.class.isAssignableFrom(command)) {
        return null;
      }
      Object object = newInstance(command);
      line.collect(object, command);
      line.apply(args);
      return (ResultCommand) object;
    } catch (Exception e) { // NotPlain, or a value a converter refuses
      return null; // picocli parses the line, and words any error
    }
  }

  /** The options, parameters and mixins declared on {@code type} and its superclasses. */
  private void collect(Object owner, Class<?> type) throws ReflectiveOperationException, NotPlain {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        collect(owner, field);
      }
    }
  }

  private void collect(Object owner, Field field) throws ReflectiveOperationException, NotPlain {
    for (Annotation a : field.getDeclaredAnnotations()) {
      boolean known = a instanceof Option || a instanceof Parameters || a instanceof Mixin
          || a instanceof Spec;
      if (!known && a.annotationType().getName().startsWith("picocli.")) {
        throw new NotPlain(); // an argument group, a parent command, unmatched arguments...
      }
    }
    field.setAccessible(true);
    if (field.getAnnotation(Mixin.class) != null) {
      Object mixin = field.get(owner);
      if (mixin == null) {
        mixin = newInstance(field.getType());
        field.set(owner, mixin);
      }
      collect(mixin, field.getType());
    } else if (field.getAnnotation(Option.class) instanceof Option o) {
      if (!o.arity().isEmpty() || o.negatable() || o.interactive() || o.split().length() > 1
          || (!o.split().isEmpty() && !o.split().equals(","))) {
        throw new NotPlain();
      }
      Target target = target(owner, field, o.converter(), o.split(), o.defaultValue(),
          o.required());
      for (String name : o.names()) {
        if (options.put(name, target) != null) {
          throw new NotPlain();
        }
      }
    } else if (field.getAnnotation(Parameters.class) instanceof Parameters p) {
      if (!p.arity().isEmpty() || !p.index().matches("\\d+") || !p.split().isEmpty()) {
        throw new NotPlain();
      }
      Target target = target(owner, field, p.converter(), "", p.defaultValue(), true);
      if (positionals.put(Integer.parseInt(p.index()), target) != null) {
        throw new NotPlain();
      }
    }
  }

  private static Target target(Object owner, Field field, Class<? extends ITypeConverter<?>>[]
      converters, String split, String defaultValue, boolean required)
      throws ReflectiveOperationException, NotPlain {
    Class<?> type = field.getType();
    boolean text = type == String.class || type == Path.class || type == boolean.class
        || type == Boolean.class;
    boolean texts = type == List.class && field.getGenericType() instanceof ParameterizedType t
        && t.getActualTypeArguments()[0] == String.class && field.get(owner) instanceof List<?> l
        && l.isEmpty();
    if (converters.length > 1 || (converters.length == 0 && !text && !texts)
        || (converters.length == 1 && (type == List.class || !split.isEmpty()))
        || defaultValue.contains("${")) {
      throw new NotPlain();
    }
    ITypeConverter<?> converter = converters.length == 1 ? newInstance(converters[0]) : null;
    return new Target(owner, field, converter, split, defaultValue, required);
  }

  /** Sets the targets from {@code args[1..]}, then the defaults of those not given. */
  private void apply(String[] args) throws Exception {
    int positional = 0;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("@")) {
        throw new NotPlain(); // picocli reads arguments from the file @FILE
      }
      if (!arg.startsWith("-")) {
        Target target = positionals.get(positional++);
        if (target == null) {
          throw new NotPlain();
        }
        set(target, arg);
        continue;
      }
      int eq = arg.indexOf('=');
      Target target = options.get(eq > 0 ? arg.substring(0, eq) : arg);
      if (target == null || (target.seen && !target.list())) {
        throw new NotPlain();
      }
      if (target.flag()) {
        if (eq > 0) {
          throw new NotPlain();
        }
        target.field.set(target.owner, true);
        target.seen = true;
        continue;
      }
      String value = eq > 0 ? arg.substring(eq + 1) : i + 1 < args.length ? args[++i] : null;
      if (value == null || value.startsWith("-") || value.startsWith("@")) {
        throw new NotPlain();
      }
      set(target, value);
    }
    if (positional != positionals.size()) {
      throw new NotPlain();
    }
    for (Target target : options.values()) {
      if (!target.seen && target.required) {
        throw new NotPlain();
      }
      if (!target.seen && !NO_DEFAULT.equals(target.defaultValue)) {
        target.field.set(target.owner, convert(target, target.defaultValue));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void set(Target target, String value) throws Exception {
    if (target.list()) {
      List<String> values = (List<String>) target.field.get(target.owner);
      List<String> more = new ArrayList<>(values);
      if (target.split.length == 0) {
        more.add(value);
      } else {
        if (value.contains("\"")) {
          throw new NotPlain(); // picocli keeps quoted commas
        }
        for (String part : value.split(target.split[0], -1)) {
          if (part.isEmpty()) {
            throw new NotPlain();
          }
          more.add(part);
        }
      }
      target.field.set(target.owner, more);
    } else {
      target.field.set(target.owner, convert(target, value));
    }
    target.seen = true;
  }

  private static Object convert(Target target, String value) throws Exception {
    if (target.converter != null) {
      return target.converter.convert(value);
    }
    Class<?> type = target.field.getType();
    if (type == Path.class) {
      return Path.of(value);
    }
    if (target.flag()) {
      if (!value.equals("true") && !value.equals("false")) {
        throw new NotPlain();
      }
      return Boolean.valueOf(value);
    }
    return value;
  }

  private static <T> T newInstance(Class<T> type) throws ReflectiveOperationException {
    Constructor<T> constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }
}
