package semaine.nn.gpt2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import semaine.util.Json;

/**
 * How {@link Generator} continues a prompt, with transformers' {@code GenerationConfig} names.
 * {@link #DEFAULT} is the classic {@code pipeline('text-generation', model='gpt2')}: sampling
 * with top-k 50, temperature 1, {@code max_length} 50 counting the prompt.
 *
 * <p>Each setter returns a copy: {@code GenerationConfig.DEFAULT.maxNewTokens(20).topP(0.9)}.
 *
 * @param maxLength the most tokens in total, prompt included (used when maxNewTokens is 0)
 * @param maxNewTokens the most tokens generated after the prompt; 0 means "use maxLength", and a
 *     positive value takes precedence over maxLength, as in transformers
 * @param doSample draw the next token at random; false takes the most likely one (greedy)
 * @param temperature divides the logits before sampling (> 0; 1 leaves them)
 * @param topK keep the k most likely tokens (ties at the k-th included); 0 keeps all
 * @param topP keep the smallest set of most likely tokens whose probability reaches p; 1 keeps all
 * @param repetitionPenalty divides positive logits (multiplies negative ones) of tokens already
 *     in the sequence (CTRL's penalty, as {@code RepetitionPenaltyLogitsProcessor}); 1 is off
 * @param numReturnSequences independent continuations of the same prompt
 * @param returnFullText the pipeline's {@code return_full_text}: the text returned starts with the
 *     prompt (true, the default) or holds only the new text
 */
public record GenerationConfig(int maxLength, int maxNewTokens, boolean doSample,
    double temperature, int topK, double topP, double repetitionPenalty, int numReturnSequences,
    boolean returnFullText) {

  /** The classic gpt2 pipeline settings (transformers 4.x {@code task_specific_params}). */
  public static final GenerationConfig DEFAULT =
      new GenerationConfig(50, 0, true, 1.0, 50, 1.0, 1.0, 1, true);

  public GenerationConfig {
    atLeast("maxLength", maxLength, 1);
    atLeast("maxNewTokens", maxNewTokens, 0);
    atLeast("topK", topK, 0);
    atLeast("numReturnSequences", numReturnSequences, 1);
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature (" + temperature + ") must be > 0 and finite");
    }
    if (!(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException("topP (" + topP + ") must be in (0, 1]");
    }
    if (!(repetitionPenalty > 0) || Double.isInfinite(repetitionPenalty)) {
      throw new IllegalArgumentException("repetitionPenalty (" + repetitionPenalty
          + ") must be > 0 and finite");
    }
    if (!doSample && numReturnSequences > 1) {
      throw new IllegalArgumentException("numReturnSequences (" + numReturnSequences
          + ") must be 1 without sampling: greedy decoding gives the same sequence every time");
    }
  }

  /**
   * These settings overridden by those a model folder's {@code generation_config.json} gives,
   * as transformers lets a model's own generation config change the pipeline's defaults:
   * {@code do_sample}, {@code temperature}, {@code top_k}, {@code top_p},
   * {@code repetition_penalty}, {@code max_length}, {@code max_new_tokens}. Unchanged when the
   * file is absent; a value of the wrong type is an error naming the file and the key.
   */
  public GenerationConfig withPretrained(Path folder) throws IOException {
    Path file = folder.resolve("generation_config.json");
    if (!Files.isRegularFile(file)) {
      return this;
    }
    if (!(Json.parse(Files.readString(file)) instanceof Map<?, ?> json)) {
      throw new IllegalArgumentException(file + " must hold a JSON object");
    }
    GenerationConfig c = this;
    try {
      if (json.get("do_sample") != null) {
        if (!(json.get("do_sample") instanceof Boolean sample)) {
          throw new IllegalArgumentException("do_sample (" + json.get("do_sample")
              + ") must be true or false");
        }
        c = c.doSample(sample);
      }
      Number v;
      if ((v = number(json, "temperature")) != null) {
        c = c.temperature(v.doubleValue());
      }
      if ((v = number(json, "top_k")) != null) {
        c = c.topK(v.intValue());
      }
      if ((v = number(json, "top_p")) != null) {
        c = c.topP(v.doubleValue());
      }
      if ((v = number(json, "repetition_penalty")) != null) {
        c = c.repetitionPenalty(v.doubleValue());
      }
      if ((v = number(json, "max_length")) != null) {
        c = c.maxLength(v.intValue());
      }
      if ((v = number(json, "max_new_tokens")) != null) {
        c = c.maxNewTokens(v.intValue());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    return c;
  }

  /** The number under {@code key}, or null when absent. */
  private static Number number(Map<?, ?> json, String key) {
    Object value = json.get(key);
    if (value != null && !(value instanceof Number)) {
      throw new IllegalArgumentException(key + " (" + value + ") must be a number");
    }
    return (Number) value;
  }

  /** Number of tokens to generate after a prompt of {@code promptLength} tokens. */
  public int newTokens(int promptLength) {
    if (maxNewTokens > 0) {
      return maxNewTokens;
    }
    if (maxLength <= promptLength) {
      throw new IllegalArgumentException("maxLength (" + maxLength + ") must be > the prompt length ("
          + promptLength + " tokens): it counts the prompt; use maxNewTokens to count only new tokens");
    }
    return maxLength - promptLength;
  }

  public GenerationConfig maxLength(int value) {
    return new GenerationConfig(value, 0, doSample, temperature, topK, topP, repetitionPenalty,
        numReturnSequences, returnFullText);
  }

  public GenerationConfig maxNewTokens(int value) {
    return new GenerationConfig(maxLength, value, doSample, temperature, topK, topP,
        repetitionPenalty, numReturnSequences, returnFullText);
  }

  public GenerationConfig doSample(boolean value) {
    return new GenerationConfig(maxLength, maxNewTokens, value, temperature, topK, topP,
        repetitionPenalty, numReturnSequences, returnFullText);
  }

  public GenerationConfig temperature(double value) {
    return new GenerationConfig(maxLength, maxNewTokens, doSample, value, topK, topP,
        repetitionPenalty, numReturnSequences, returnFullText);
  }

  public GenerationConfig topK(int value) {
    return new GenerationConfig(maxLength, maxNewTokens, doSample, temperature, value, topP,
        repetitionPenalty, numReturnSequences, returnFullText);
  }

  public GenerationConfig topP(double value) {
    return new GenerationConfig(maxLength, maxNewTokens, doSample, temperature, topK, value,
        repetitionPenalty, numReturnSequences, returnFullText);
  }

  public GenerationConfig repetitionPenalty(double value) {
    return new GenerationConfig(maxLength, maxNewTokens, doSample, temperature, topK, topP, value,
        numReturnSequences, returnFullText);
  }

  public GenerationConfig numReturnSequences(int value) {
    return new GenerationConfig(maxLength, maxNewTokens, doSample, temperature, topK, topP,
        repetitionPenalty, value, returnFullText);
  }

  public GenerationConfig returnFullText(boolean value) {
    return new GenerationConfig(maxLength, maxNewTokens, doSample, temperature, topK, topP,
        repetitionPenalty, numReturnSequences, value);
  }

  private static void atLeast(String name, int value, int low) {
    if (value < low) {
      throw new IllegalArgumentException(name + " (" + value + ") must be >= " + low);
    }
  }
}
