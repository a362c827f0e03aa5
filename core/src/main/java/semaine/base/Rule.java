package semaine.base;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import semaine.random.RandomState;

/**
 * One constraint a parameter's value may satisfy, as an entry of scikit-learn's
 * {@code _parameter_constraints}: an interval of ints or floats, a set of strings, a boolean,
 * {@code None}, a {@code RandomState}, or an instance of a class. A {@link Param} lists several;
 * a value is valid when one of them accepts it.
 *
 * <p>Each rule also reads its own kind of value from text ({@link #coerce}), which is how
 * {@code --param NAME=VALUE} reaches a parameter: "5" becomes an int for an int interval, "auto"
 * stays a string for a string set, "None" becomes null.
 */
public sealed interface Rule {

  /** Returned by {@link #coerce} when the value is not of this rule's kind. */
  Object NO_MATCH = new Object() {
    @Override
    public String toString() {
      return "NO_MATCH";
    }
  };

  /**
   * The value in this rule's Java type ({@code Integer}, {@code Double}, {@code String}, ...), read
   * from text where it is a {@code String}; {@link #NO_MATCH} when it is of another kind. Says
   * nothing about the range: "0" is an int even for {@code [1, inf)}.
   */
  Object coerce(Object value);

  /** True when the value (already coerced) satisfies the rule. */
  boolean accepts(Object value);

  /** The rule in words, for error messages: "an int in [1, inf)". */
  String describe();

  /** Integers in [low, high]; {@code high == null} means no upper bound. */
  static Rule ints(int low, Integer high) {
    return new Ints(low, high);
  }

  /** Floats in the interval from low to high, each end closed or open; null ends are infinite. */
  static Rule reals(Double low, boolean lowClosed, Double high, boolean highClosed) {
    return new Reals(low, lowClosed, high, highClosed);
  }

  /**
   * Floats in an interval, ints excluded (scikit-learn's {@code RealNotInt}): where an int means a
   * count and a float a fraction, 1 is not 1.0.
   */
  static Rule realsNotInt(Double low, boolean lowClosed, Double high, boolean highClosed) {
    return new RealsNotInt(new Reals(low, lowClosed, high, highClosed));
  }

  /** A string of a given form (a regular expression), named {@code description} in messages. */
  static Rule text(String regex, String description) {
    return new Text(regex, description);
  }

  /** Floats {@code >= low}. */
  static Rule atLeast(double low) {
    return new Reals(low, true, null, false);
  }

  /** Floats {@code > low}. */
  static Rule above(double low) {
    return new Reals(low, false, null, false);
  }

  /**
   * A non-empty list of ints, each {@code >= low}: an {@code int[]}, a list of integers, or
   * "64,32", "(64, 32)" or "[64]" in text.
   */
  static Rule intList(int low) {
    return new IntList(low);
  }

  /**
   * A pair of floats {@code (low, high)}, as scikit-learn's {@code feature_range} tuples: kept as an
   * immutable {@code List<Double>} (compared and shown by value, saved as a JSON list); read from
   * a list of numbers, a {@code double[]} of two, or text "0,1", "(0, 1)", "[0, 1]".
   */
  static Rule realPair() {
    return RealPair.INSTANCE;
  }

  /**
   * A non-empty list of floats, each in the interval from low (closed or open) to infinity, as
   * scikit-learn's {@code alphas} arrays: kept as an immutable {@code List<Double>}; read from a
   * list of numbers, a {@code double[]}, or text "0.1,1,10", "(0.1, 1, 10)", "[0.1, 1]".
   */
  static Rule realList(double low, boolean lowClosed) {
    return new RealList(new Reals(low, lowClosed, null, false));
  }

  /**
   * A non-empty list of booleans, as scikit-learn's boolean masks ({@code categorical_features}):
   * kept as an immutable {@code List<Boolean>}; read from a list of booleans, a {@code boolean[]},
   * or text "true,false,true", "[True, False]".
   */
  static Rule boolList() {
    return BoolList.INSTANCE;
  }

  /** One of the given strings. */
  static Rule options(String... options) {
    return new Options(List.of(options));
  }

  /** {@code true} or {@code false}. */
  static Rule bool() {
    return Bool.INSTANCE;
  }

  /** {@code None}: the parameter may be left unset (null). */
  static Rule none() {
    return None.INSTANCE;
  }

  /** An instance of {@code type}, named {@code description} in messages ("an array"). */
  static Rule instanceOf(Class<?> type, String description) {
    return new InstanceOf(type, description);
  }

  /**
   * scikit-learn's {@code random_state}: None (fresh entropy), an int seed in [0, 2^32 − 1], or a
   * {@link RandomState} shared with the caller.
   */
  static Rule[] randomState() {
    return new Rule[] {none(), new Seeds(), instanceOf(RandomState.class, "a RandomState")};
  }

  /** An integer interval. Integers outside int's range are kept as {@code Long} and rejected. */
  record Ints(int low, Integer high) implements Rule {
    @Override
    public Object coerce(Object value) {
      if (value instanceof Integer) {
        return value;
      }
      if (value instanceof Long || value instanceof Short || value instanceof Byte) {
        long v = ((Number) value).longValue();
        // two branches, not a ?: whose numeric promotion would turn the Integer into a Long
        if (v == (int) v) {
          return Integer.valueOf((int) v);
        }
        return Long.valueOf(v);
      }
      if (value instanceof String text) {
        try {
          return coerce(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
          // past long's range: kept as a BigInteger so the message shows the value typed
          return text.strip().matches("[+-]?\\d+") ? new java.math.BigInteger(text.strip())
              : NO_MATCH;
        }
      }
      return NO_MATCH;
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof Integer v && v >= low && (high == null || v <= high);
    }

    @Override
    public String describe() {
      return "an int in [" + low + ", " + (high == null ? "inf)" : high + "]");
    }
  }

  /** A float interval; ints are widened to doubles. NaN is outside every interval. */
  record Reals(Double low, boolean lowClosed, Double high, boolean highClosed) implements Rule {
    @Override
    public Object coerce(Object value) {
      if (value instanceof Double) {
        return value;
      }
      if (value instanceof Number n) {
        return n.doubleValue();
      }
      if (value instanceof String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("inf") || t.equals("+inf")) {
          return Double.POSITIVE_INFINITY;
        }
        if (t.equals("-inf")) {
          return Double.NEGATIVE_INFINITY;
        }
        try {
          return t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?|nan") ? Double.parseDouble(
              t.equals("nan") ? "NaN" : t) : NO_MATCH;
        } catch (NumberFormatException e) {
          return NO_MATCH;
        }
      }
      return NO_MATCH;
    }

    @Override
    public boolean accepts(Object value) {
      if (!(value instanceof Double v) || v.isNaN()) {
        return false;
      }
      // a missing end is an open infinite one: (0, inf) holds no infinity
      boolean aboveLow = low == null ? v > Double.NEGATIVE_INFINITY : lowClosed ? v >= low : v > low;
      boolean belowHigh = high == null ? v < Double.POSITIVE_INFINITY
          : highClosed ? v <= high : v < high;
      return aboveLow && belowHigh;
    }

    @Override
    public String describe() {
      return "a float in " + (low == null ? "(-inf" : (lowClosed ? "[" : "(") + plain(low)) + ", "
          + (high == null ? "inf)" : plain(high) + (highClosed ? "]" : ")"));
    }

    private static String plain(double x) {
      return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
    }
  }

  /** {@link Reals} that takes no int, nor the text of one. */
  record RealsNotInt(Reals reals) implements Rule {
    @Override
    public Object coerce(Object value) {
      if (value instanceof Integer || value instanceof Long || value instanceof Short
          || value instanceof Byte
          || value instanceof String text && text.strip().matches("[+-]?\\d+")) {
        return NO_MATCH;
      }
      return reals.coerce(value);
    }

    @Override
    public boolean accepts(Object value) {
      return reals.accepts(value);
    }

    @Override
    public String describe() {
      return reals.describe();
    }
  }

  /** A string matching a regular expression. */
  record Text(String regex, String description) implements Rule {
    @Override
    public Object coerce(Object value) {
      return value instanceof String text ? text : NO_MATCH;
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof String text && text.strip().matches(regex);
    }

    @Override
    public String describe() {
      return description;
    }
  }

  /** A list of ints such as hidden layer sizes, kept as an {@code int[]} (read from text too). */
  record IntList(int low) implements Rule {
    @Override
    public Object coerce(Object value) {
      if (value instanceof int[]) {
        return value;
      }
      if (value instanceof List<?> list && list.stream().allMatch(
          x -> (x instanceof Integer || x instanceof Long) && ((Number) x).intValue()
              == ((Number) x).longValue())) {
        return list.stream().mapToInt(x -> ((Number) x).intValue()).toArray();
      }
      if (value instanceof String text) {
        String t = text.strip().replaceAll("^[(\\[]|[)\\]]$", "").strip();
        if (!t.matches("[+-]?\\d+(\\s*,\\s*[+-]?\\d+)*\\s*,?")) {
          return NO_MATCH;
        }
        try {
          return java.util.Arrays.stream(t.split(",")).map(String::strip).filter(x -> !x.isEmpty())
              .mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
          return NO_MATCH;
        }
      }
      return NO_MATCH;
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof int[] a && a.length > 0
          && java.util.Arrays.stream(a).allMatch(x -> x >= low);
    }

    @Override
    public String describe() {
      return "a non-empty list of ints >= " + low;
    }
  }

  /** Two finite floats, as an immutable list. */
  enum RealPair implements Rule {
    INSTANCE;

    @Override
    public Object coerce(Object value) {
      List<?> items = value instanceof List<?> list ? list
          : value instanceof double[] a ? Arrays.stream(a).boxed().toList()
          : value instanceof String text ? Arrays.asList(text.strip()
              .replaceAll("^[(\\[]|[)\\]]$", "").split(",", -1)) : null;
      if (items == null || items.size() != 2) {
        return NO_MATCH;
      }
      Double[] pair = new Double[2];
      for (int i = 0; i < 2; i++) {
        Object item = items.get(i);
        Object number = item instanceof Number n ? Double.valueOf(n.doubleValue())
            : item instanceof String t ? new Reals(null, false, null, false).coerce(t) : NO_MATCH;
        if (!(number instanceof Double d)) {
          return NO_MATCH;
        }
        pair[i] = d;
      }
      return List.of(pair);
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof List<?> list && list.size() == 2
          && list.stream().allMatch(v -> v instanceof Double d && Double.isFinite(d));
    }

    @Override
    public String describe() {
      return "a pair of floats (low, high)";
    }
  }

  /** A non-empty list of finite floats, each in {@code range}, as an immutable list. */
  record RealList(Reals range) implements Rule {
    @Override
    public Object coerce(Object value) {
      List<?> items = value instanceof List<?> list ? list
          : value instanceof double[] a ? Arrays.stream(a).boxed().toList()
          : value instanceof String text ? Arrays.asList(text.strip()
              .replaceAll("^[(\\[]|[)\\]]$", "").split(",", -1)) : null;
      if (items == null || items.isEmpty()) {
        return NO_MATCH;
      }
      Double[] values = new Double[items.size()];
      for (int i = 0; i < values.length; i++) {
        Object item = items.get(i);
        Object number = item instanceof Number n ? Double.valueOf(n.doubleValue())
            : item instanceof String t ? range.coerce(t.strip()) : NO_MATCH;
        if (!(number instanceof Double d)) {
          return NO_MATCH;
        }
        values[i] = d;
      }
      return List.of(values);
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof List<?> list && !list.isEmpty() && list.stream()
          .allMatch(v -> v instanceof Double d && Double.isFinite(d) && range.accepts(d));
    }

    @Override
    public String describe() {
      return "a non-empty list of " + range.describe().replaceFirst("^a float", "floats");
    }
  }

  /** A non-empty list of booleans, as an immutable list. */
  enum BoolList implements Rule {
    INSTANCE;

    @Override
    public Object coerce(Object value) {
      if (value instanceof boolean[] a) {
        Boolean[] boxed = new Boolean[a.length];
        Arrays.setAll(boxed, i -> a[i]);
        value = Arrays.asList(boxed);
      } else if (value instanceof String text) {
        value = Arrays.asList(text.strip().replaceAll("^[(\\[]|[)\\]]$", "").split(",", -1));
      }
      if (!(value instanceof List<?> items) || items.isEmpty()) {
        return NO_MATCH;
      }
      List<Object> flags = items.stream().map(Bool.INSTANCE::coerce).toList();
      return flags.stream().allMatch(Boolean.class::isInstance) ? flags : NO_MATCH;
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof List<?> list && !list.isEmpty()
          && list.stream().allMatch(Boolean.class::isInstance);
    }

    @Override
    public String describe() {
      return "a non-empty list of booleans (a mask)";
    }
  }

  /** A closed set of strings. */
  record Options(List<String> options) implements Rule {
    @Override
    public Object coerce(Object value) {
      return value instanceof String text ? text : value instanceof Enum<?> e ? e.toString()
          : NO_MATCH;
    }

    @Override
    public boolean accepts(Object value) {
      return options.contains(value);
    }

    @Override
    public String describe() {
      return options.size() == 1 ? quote(options.get(0))
          : "one of " + options.stream().map(Rule::quote).collect(Collectors.joining(", "));
    }
  }

  /** A boolean; reads true/false in any case (Python's True/False too). */
  enum Bool implements Rule {
    INSTANCE;

    @Override
    public Object coerce(Object value) {
      if (value instanceof Boolean) {
        return value;
      }
      if (value instanceof String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.equals("true") ? Boolean.TRUE : t.equals("false") ? Boolean.FALSE : NO_MATCH;
      }
      return NO_MATCH;
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof Boolean;
    }

    @Override
    public String describe() {
      return "a boolean";
    }
  }

  /** Python's None, Java's null; reads "None" and "null". */
  enum None implements Rule {
    INSTANCE;

    @Override
    public Object coerce(Object value) {
      if (value == null) {
        return null;
      }
      return value instanceof String t && (t.strip().equals("None") || t.strip().equals("null"))
          ? null : NO_MATCH;
    }

    @Override
    public boolean accepts(Object value) {
      return value == null;
    }

    @Override
    public String describe() {
      return "None";
    }
  }

  /** A seed for {@code RandomState(seed)}: an int in [0, 2^32 − 1], kept as a {@code Long}. */
  record Seeds() implements Rule {
    private static final long MAX_SEED = 0xffffffffL;

    @Override
    public Object coerce(Object value) {
      if (value instanceof Integer || value instanceof Long || value instanceof Short) {
        return ((Number) value).longValue();
      }
      if (value instanceof String text) {
        try {
          return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
          return NO_MATCH;
        }
      }
      return NO_MATCH;
    }

    @Override
    public boolean accepts(Object value) {
      return value instanceof Long v && v >= 0 && v <= MAX_SEED;
    }

    @Override
    public String describe() {
      return "an int in [0, " + MAX_SEED + "]";
    }
  }

  /** Any instance of a class, such as an array of initial centres or a nested estimator. */
  record InstanceOf(Class<?> type, String description) implements Rule {
    @Override
    public Object coerce(Object value) {
      return type.isInstance(value) ? value : NO_MATCH;
    }

    @Override
    public boolean accepts(Object value) {
      return type.isInstance(value);
    }

    @Override
    public String describe() {
      return description;
    }
  }

  /** A value as messages show it: strings in double quotes, arrays by their contents. */
  static String show(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof double[][] m) {
      return Arrays.deepToString(m);
    }
    if (value instanceof int[] a) {
      return Arrays.toString(a);
    }
    if (value instanceof double[] a) {
      return Arrays.toString(a);
    }
    return String.valueOf(value);
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}
