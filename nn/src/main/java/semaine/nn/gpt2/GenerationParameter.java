package semaine.nn.gpt2;

import java.util.Locale;

/**
 * The parameters of text generation, one constant each, named as transformers names them
 * ({@link #key()}: {@code max_length}, {@code do_sample}, ...): its type and default, its rule,
 * and whether a model's {@code generation_config.json} may set it. This table is the only place a
 * parameter is written down: {@link GenerationConfig} stores values by constant, checks them with
 * {@link #check}, and reads {@code generation_config.json} by {@link #key()}.
 *
 * <p>The defaults are the classic {@code pipeline('text-generation', model='gpt2')}: sampling
 * with top-k 50, temperature 1, {@code max_length} 50 counting the prompt (transformers 4.x's
 * {@code task_specific_params} for gpt2).
 *
 * <h2>Example</h2>
 * <pre>{@code
 * import static semaine.nn.gpt2.GenerationParameter.*;
 * generator.generate("I loved reading that book.", MAX_LENGTH.of(50), NUM_RETURN_SEQUENCES.of(1));
 * }</pre>
 */
public enum GenerationParameter {

  /** The most tokens in total, prompt included; used when {@code max_new_tokens} is 0. */
  MAX_LENGTH(50, Rule.atLeast(1), true),
  /**
   * The most tokens after the prompt; 0 means "use max_length", and a positive value takes
   * precedence over max_length, as in transformers. Setting max_length resets it to 0.
   */
  MAX_NEW_TOKENS(0, Rule.atLeast(0), true),
  /** Draw the next token at random; false takes the most likely one (greedy search). */
  DO_SAMPLE(true, Rule.ANY, true),
  /** Divides the logits before sampling ({@code TemperatureLogitsWarper}); 1 leaves them. */
  TEMPERATURE(1.0, Rule.POSITIVE_FINITE, true),
  /** Keep the k most likely tokens (ties at the k-th included); 0 keeps all. */
  TOP_K(50, Rule.atLeast(0), true),
  /** Keep the smallest set of most likely tokens whose probability reaches p; 1 keeps all. */
  TOP_P(1.0, Rule.UNIT_INTERVAL, true),
  /**
   * Divides positive logits (multiplies negative ones) of tokens already in the sequence (CTRL's
   * penalty, {@code RepetitionPenaltyLogitsProcessor}); 1 is off.
   */
  REPETITION_PENALTY(1.0, Rule.POSITIVE_FINITE, true),
  /** Independent continuations of the same prompt. */
  NUM_RETURN_SEQUENCES(1, Rule.atLeast(1), false),
  /**
   * The pipeline's {@code return_full_text}: the text returned starts with the prompt (true) or
   * holds only the new text.
   */
  RETURN_FULL_TEXT(true, Rule.ANY, false);

  private final Object defaultValue;
  private final Rule rule;
  private final boolean inGenerationConfigFile;

  GenerationParameter(Object defaultValue, Rule rule, boolean inGenerationConfigFile) {
    this.defaultValue = defaultValue;
    this.rule = rule;
    this.inGenerationConfigFile = inGenerationConfigFile;
  }

  /** The transformers name: {@code max_length}, {@code top_k}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value type: {@code Integer}, {@code Double} or {@code Boolean}. */
  public Class<?> type() {
    return defaultValue.getClass();
  }

  /** The classic gpt2 pipeline's value. */
  public Object defaultValue() {
    return defaultValue;
  }

  /** True when a model's {@code generation_config.json} may set this parameter. */
  public boolean inGenerationConfigFile() {
    return inGenerationConfigFile;
  }

  /**
   * This parameter set to {@code value}, as a keyword argument of a generation call; the value is
   * checked now, so a bad one fails where it is written.
   */
  public GenerationOption of(Object value) {
    return new GenerationOption(key(), check(value));
  }

  /** The parameter whose transformers name is {@code key}; an unknown name is an error listing them. */
  public static GenerationParameter forKey(String key) {
    for (GenerationParameter p : values()) {
      if (p.key().equals(key)) {
        return p;
      }
    }
    throw new IllegalArgumentException("generation parameter \"" + key + "\" is unknown; known: "
        + java.util.Arrays.stream(values()).map(GenerationParameter::key).toList());
  }

  /**
   * {@code value} as this parameter's type (an integral number for an Integer, any number for a
   * Double), checked against its rule; the message names the parameter, the value and the rule.
   */
  public Object check(Object value) {
    Object typed = typed(value);
    String broken = rule.broken(typed);
    if (broken != null) {
      throw new IllegalArgumentException(key() + " (" + value + ") " + broken);
    }
    return typed;
  }

  private Object typed(Object value) {
    if (defaultValue instanceof Boolean && value instanceof Boolean) {
      return value;
    }
    if (defaultValue instanceof Double && value instanceof Number n) {
      return n.doubleValue();
    }
    if (defaultValue instanceof Integer && value instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
        return (int) d;
      }
    }
    throw new IllegalArgumentException(key() + " (" + value + ") must be "
        + (defaultValue instanceof Boolean ? "true or false"
            : defaultValue instanceof Integer && value instanceof Number ? "a whole number"
            : "a number"));
  }

  /** A parameter's rule: the broken rule's text for a value, or null when the value obeys it. */
  @FunctionalInterface
  private interface Rule {
    Rule ANY = value -> null;
    Rule POSITIVE_FINITE = value -> (double) value > 0 && Double.isFinite((double) value) ? null
        : "must be > 0 and finite";
    Rule UNIT_INTERVAL = value -> (double) value > 0 && (double) value <= 1 ? null
        : "must be in (0, 1]";

    static Rule atLeast(int low) {
      return value -> (int) value >= low ? null : "must be >= " + low;
    }

    String broken(Object value);
  }
}
