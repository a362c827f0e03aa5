package semaine.base;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One hyper-parameter of an estimator: its scikit-learn name, its default and the rules its values
 * follow, written once, as a line of scikit-learn's {@code _parameter_constraints}. Estimators
 * declare their parameters as constants and read them with {@code get(PARAM)}:
 *
 * <pre>{@code
 * static final Param<Integer> N_NEIGHBORS = Param.of("n_neighbors", 5, Rule.ints(1, null));
 * }</pre>
 *
 * <p>Setting a parameter only stores it (and reads text: "5", "auto", "None"); {@link #check}
 * runs when the estimator is fitted and names the parameter, the value and the rule:
 * {@code n_neighbors (0) must be an int in [1, inf)}.
 *
 * @param <T> the Java type of the values ({@code Object} when the rules allow several kinds)
 * @param name scikit-learn's name of the parameter
 * @param defaultValue the value of a new estimator
 * @param rules the value must satisfy one of them
 */
public record Param<T>(String name, T defaultValue, List<Rule> rules) {

  public Param {
    // snake_case, or scikit-learn's few capitals (LogisticRegression's C, SVC's C)
    if (name == null || !name.matches("[a-zA-Z][a-zA-Z0-9_]*")) {
      throw new IllegalArgumentException("a parameter name is snake_case: " + name);
    }
    rules = List.copyOf(rules);
  }

  /** A parameter with its default and its rules. */
  public static <T> Param<T> of(String name, T defaultValue, Rule... rules) {
    return new Param<>(name, defaultValue, List.of(rules));
  }

  /**
   * The value in the Java type of the rule that takes it (text read as an int, a float, a
   * boolean, None...). A value of the right kind but out of range is kept, to be reported by
   * {@link #check} at fit time, as scikit-learn's {@code set_params} stores anything.
   *
   * @throws IllegalArgumentException when the value is of no kind the rules know ("abc" for an
   *     int), naming the parameter, the value and the rules
   */
  public Object coerce(Object value) {
    Object kept = Rule.NO_MATCH;
    for (Rule rule : rules) {
      Object c = rule.coerce(value);
      if (c == Rule.NO_MATCH) {
        continue;
      }
      if (rule.accepts(c)) {
        return c;
      }
      // prefer a number out of range ("0") to the same text kept as a string
      if (kept == Rule.NO_MATCH || (kept instanceof String && !(c instanceof String))) {
        kept = c;
      }
    }
    if (kept == Rule.NO_MATCH) {
      throw invalid(value);
    }
    return kept;
  }

  /** True when one of the rules accepts the (coerced) value. */
  public boolean accepts(Object value) {
    return rules.stream().anyMatch(rule -> rule.accepts(value));
  }

  /**
   * Throws unless the value is valid.
   *
   * @throws IllegalArgumentException "n_neighbors (0) must be an int in [1, inf)"
   */
  public void check(Object value) {
    if (!accepts(value)) {
      throw invalid(value);
    }
  }

  /** The rules in words: "\"auto\" or an int in [1, inf)". */
  public String describe() {
    return rules.stream().map(Rule::describe).collect(Collectors.joining(" or "));
  }

  private IllegalArgumentException invalid(Object value) {
    return new IllegalArgumentException(name + " (" + Rule.show(value) + ") must be " + describe());
  }
}
