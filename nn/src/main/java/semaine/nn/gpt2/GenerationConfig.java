package semaine.nn.gpt2;

import static semaine.nn.gpt2.GenerationParameter.DO_SAMPLE;
import static semaine.nn.gpt2.GenerationParameter.MAX_LENGTH;
import static semaine.nn.gpt2.GenerationParameter.MAX_NEW_TOKENS;
import static semaine.nn.gpt2.GenerationParameter.NUM_RETURN_SEQUENCES;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import semaine.util.Json;

/**
 * How {@link Generator} continues a prompt: a value for every {@link GenerationParameter}, as
 * transformers' {@code GenerationConfig}. Immutable; {@link #with} returns a changed copy:
 * {@code GenerationConfig.DEFAULT.with(MAX_NEW_TOKENS.of(20), TOP_P.of(0.9))}.
 *
 * <p>Two rules tie parameters together. Setting {@code max_length} resets
 * {@code max_new_tokens} to 0, so the last of the two given wins. Greedy search
 * ({@code do_sample} false) gives one sequence, so {@code num_return_sequences} above 1 is refused
 * without sampling.
 */
public final class GenerationConfig {

  /** The classic gpt2 pipeline settings: every parameter at its default. */
  public static final GenerationConfig DEFAULT = new GenerationConfig(
      Arrays.stream(GenerationParameter.values()).map(GenerationParameter::defaultValue).toArray());

  private final Object[] values; // by GenerationParameter ordinal

  private GenerationConfig(Object[] values) {
    this.values = values;
    if (!booleanValue(DO_SAMPLE) && intValue(NUM_RETURN_SEQUENCES) > 1) {
      throw new IllegalArgumentException(NUM_RETURN_SEQUENCES.key() + " ("
          + intValue(NUM_RETURN_SEQUENCES) + ") must be 1 without sampling (" + DO_SAMPLE.key()
          + " false): greedy search gives the same sequence every time");
    }
  }

  /** These settings changed by {@code options}, applied in order. */
  public GenerationConfig with(GenerationOption... options) {
    Object[] changed = values.clone();
    for (GenerationOption option : options) {
      GenerationParameter parameter = GenerationParameter.forKey(option.key());
      changed[parameter.ordinal()] = parameter.check(option.value());
      if (parameter == MAX_LENGTH) {
        changed[MAX_NEW_TOKENS.ordinal()] = 0;
      }
    }
    return new GenerationConfig(changed);
  }

  /** The value of {@code parameter}, of its {@link GenerationParameter#type()}. */
  public Object get(GenerationParameter parameter) {
    return values[parameter.ordinal()];
  }

  /** The value of an Integer parameter. */
  public int intValue(GenerationParameter parameter) {
    return (Integer) get(parameter);
  }

  /** The value of a Double parameter. */
  public double doubleValue(GenerationParameter parameter) {
    return (Double) get(parameter);
  }

  /** The value of a Boolean parameter. */
  public boolean booleanValue(GenerationParameter parameter) {
    return (Boolean) get(parameter);
  }

  /**
   * These settings changed by those a model folder's {@code generation_config.json} gives, as
   * transformers lets a model's own generation config change the pipeline's defaults: every
   * parameter {@link GenerationParameter#inGenerationConfigFile()} found under its
   * {@link GenerationParameter#key()}, in the table's order. Unchanged when the file is absent;
   * malformed JSON or a bad value is an error naming the file and the key.
   */
  public GenerationConfig withPretrained(Path folder) throws IOException {
    Path file = folder.resolve("generation_config.json");
    if (!Files.isRegularFile(file)) {
      return this;
    }
    try {
      if (!(Json.parse(Files.readString(file)) instanceof Map<?, ?> json)) {
        throw new IllegalArgumentException("it must hold a JSON object");
      }
      GenerationConfig c = this;
      for (GenerationParameter p : GenerationParameter.values()) {
        if (p.inGenerationConfigFile() && json.get(p.key()) != null) {
          c = c.with(p.of(json.get(p.key())));
        }
      }
      return c;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Number of tokens to generate after a prompt of {@code promptLength} tokens. */
  public int newTokens(int promptLength) {
    if (intValue(MAX_NEW_TOKENS) > 0) {
      return intValue(MAX_NEW_TOKENS);
    }
    int maxLength = intValue(MAX_LENGTH);
    if (maxLength <= promptLength) {
      throw new IllegalArgumentException(MAX_LENGTH.key() + " (" + maxLength
          + ") must be > the prompt length (" + promptLength + " tokens): it counts the prompt; "
          + "use " + MAX_NEW_TOKENS.key() + " to count only new tokens");
    }
    return maxLength - promptLength;
  }

  /** Every parameter by its transformers name, in the table's order. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (GenerationParameter p : GenerationParameter.values()) {
      map.put(p.key(), get(p));
    }
    return map;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenerationConfig other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "GenerationConfig" + toMap();
  }
}
