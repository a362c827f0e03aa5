package semaine.nn.gpt2;

import static semaine.nn.gpt2.GenerationParameter.DO_SAMPLE;
import static semaine.nn.gpt2.GenerationParameter.NUM_RETURN_SEQUENCES;
import static semaine.nn.gpt2.GenerationParameter.REPETITION_PENALTY;
import static semaine.nn.gpt2.GenerationParameter.TEMPERATURE;
import static semaine.nn.gpt2.GenerationParameter.TOP_K;
import static semaine.nn.gpt2.GenerationParameter.TOP_P;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Continues token sequences with a {@link GPT2LMHeadModel}, as transformers' {@code generate} does with
 * {@code num_beams=1}: greedy search or sampling, one token per step, stopping after the
 * configured number of new tokens or at the end-of-text token (which stays in the ids). A NaN or
 * infinite logit stops it with a {@link NonFiniteLogitsException} naming the step (1 for the
 * first new token).
 *
 * <p>The prompt is fed once; each of the {@code numReturnSequences} continuations then runs on its
 * own copy of the key/value cache, one after the other, drawing from the same random generator.
 * The same generator state therefore gives the same tokens on every run and machine (the kernels
 * are deterministic), but not PyTorch's tokens: its draws come from another generator.
 */
public final class Generator {

  private final GPT2LMHeadModel model;

  public Generator(GPT2LMHeadModel model) {
    this.model = model;
  }

  /**
   * The sequences (prompt ids then new ids) continuing {@code promptIds}; {@code random} is used
   * only when sampling; {@code streamer} sees each new token.
   */
  public List<int[]> generate(int[] promptIds, GenerationConfig config, RandomGenerator random,
      TokenStreamer streamer) {
    int context = model.config().nPositions();
    if (promptIds.length == 0) {
      throw new IllegalArgumentException("prompt must hold at least one token");
    }
    if (promptIds.length >= context) {
      throw new IllegalArgumentException("prompt length (" + promptIds.length
          + " tokens) must be < the model's context length (" + context + " tokens, n_positions)");
    }
    int newTokens = config.newTokens(promptIds.length);
    if (promptIds.length + newTokens > context) {
      throw new IllegalArgumentException("prompt length (" + promptIds.length + ") + new tokens ("
          + newTokens + ") must be <= the model's context length (" + context + ", n_positions)");
    }
    int total = promptIds.length + newTokens;
    KVCache prompt = model.newCache(total);
    float[] promptLogits = model.forward(prompt, promptIds).clone();
    List<int[]> out = new ArrayList<>();
    int sequences = config.intValue(NUM_RETURN_SEQUENCES);
    for (int s = 0; s < sequences; s++) {
      KVCache cache = s == sequences - 1 ? prompt : model.copy(prompt);
      out.add(continueSequence(promptIds, promptLogits.clone(), cache, total, config, random,
          s, streamer));
    }
    return out;
  }

  private int[] continueSequence(int[] promptIds, float[] logits, KVCache cache, int total,
      GenerationConfig config, RandomGenerator random, int sequence, TokenStreamer streamer) {
    int eos = model.config().eosTokenId();
    int[] ids = Arrays.copyOf(promptIds, total);
    int length = promptIds.length;
    while (length < total) {
      LogitsProcessors.requireFinite(logits, length - promptIds.length + 1);
      int next = nextToken(logits, ids, length, config, random);
      ids[length++] = next;
      streamer.put(sequence, next);
      if (next == eos || length == total) {
        break;
      }
      logits = model.forward(cache, next);
    }
    return Arrays.copyOf(ids, length);
  }

  /** Repetition penalty, then greedy argmax or temperature, top-k, top-p and a draw. */
  static int nextToken(float[] logits, int[] ids, int length, GenerationConfig config,
      RandomGenerator random) {
    float[] scores = logits.clone();
    LogitsProcessors.repetitionPenalty(scores, ids, length, config.doubleValue(REPETITION_PENALTY));
    if (!config.booleanValue(DO_SAMPLE)) {
      return LogitsProcessors.argmax(scores);
    }
    LogitsProcessors.temperature(scores, config.doubleValue(TEMPERATURE));
    LogitsProcessors.topK(scores, config.intValue(TOP_K));
    LogitsProcessors.topP(scores, config.doubleValue(TOP_P));
    return LogitsProcessors.sample(scores, random);
  }
}
