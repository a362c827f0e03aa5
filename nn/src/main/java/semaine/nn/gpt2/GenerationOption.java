package semaine.nn.gpt2;

import java.util.function.UnaryOperator;

/**
 * One keyword argument of a generation call, so that Java reads like transformers'
 * {@code generator(prompt, max_length=50, num_return_sequences=1)}: with
 * {@code import static semaine.nn.gpt2.GenerationOption.*}, write
 * {@code generator.generate(prompt, maxLength(50), numReturnSequences(1))}.
 */
@FunctionalInterface
public interface GenerationOption extends UnaryOperator<GenerationConfig> {

  /** {@code max_length}: tokens in total, prompt included. */
  static GenerationOption maxLength(int n) {
    return c -> c.maxLength(n);
  }

  /** {@code max_new_tokens}: tokens after the prompt; wins over maxLength. */
  static GenerationOption maxNewTokens(int n) {
    return c -> c.maxNewTokens(n);
  }

  /** {@code num_return_sequences}. */
  static GenerationOption numReturnSequences(int n) {
    return c -> c.numReturnSequences(n);
  }

  /** {@code do_sample}: false is greedy decoding. */
  static GenerationOption doSample(boolean sample) {
    return c -> c.doSample(sample);
  }

  /** {@code temperature}. */
  static GenerationOption temperature(double t) {
    return c -> c.temperature(t);
  }

  /** {@code top_k}; 0 turns it off. */
  static GenerationOption topK(int k) {
    return c -> c.topK(k);
  }

  /** {@code top_p}; 1 turns it off. */
  static GenerationOption topP(double p) {
    return c -> c.topP(p);
  }

  /** {@code return_full_text}: false returns only the new text, without the prompt. */
  static GenerationOption returnFullText(boolean full) {
    return c -> c.returnFullText(full);
  }

  /** {@code repetition_penalty}; 1 turns it off. */
  static GenerationOption repetitionPenalty(double penalty) {
    return c -> c.repetitionPenalty(penalty);
  }
}
