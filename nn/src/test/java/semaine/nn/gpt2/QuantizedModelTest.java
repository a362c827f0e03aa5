package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.nn.gpt2.Gpt2Resources.ints;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 8-bit (Q8_0) model against the float32 one on the tiny transformers model: the logit
 * error it costs, and whether greedy decoding still picks the same tokens.
 */
class QuantizedModelTest {

  static final GPT2LMHeadModel FP32 = GPT2LMHeadModelTest.MODEL;
  static final GPT2LMHeadModel Q8 = FP32.quantized();

  @Test
  void quantizedIsAnotherModelOnlyOnce() {
    assertFalse(FP32.isQuantized());
    assertTrue(Q8.isQuantized());
    assertSame(Q8, Q8.quantized());
    assertEquals(FP32.config(), Q8.config());
  }

  /**
   * Over every position of every reference prompt (about a million logits): the 8-bit logits'
   * error against the float32 logits' spread. Measured: max 0.057 and mean 0.0078 for a logit
   * standard deviation of 1.32, i.e. 4.3% and 0.59%. Rounding each weight to 1/254 of its block's
   * largest magnitude moves each product by about 0.5% (the error averages over the terms), and
   * that compounds over the layers; the bounds below leave a 1.5-2x margin. The tiny model's
   * rows are 16 wide, one short block each; Gpt2Speed's quality mode reports 124M shapes.
   */
  @Test
  void logitErrorIsSmallAgainstTheLogitSpread() {
    double max = 0;
    double sum = 0;
    double spread = 0;
    long count = 0;
    for (Map<String, Object> c : GPT2LMHeadModelTest.generateCases()) {
      int[] prompt = ints(c.get("prompt_ids"));
      KVCache a = FP32.newCache(prompt.length);
      KVCache b = Q8.newCache(prompt.length);
      for (int token : prompt) {
        float[] exact = FP32.forward(a, token);
        float[] quantized = Q8.forward(b, token);
        double mean = 0;
        for (float v : exact) {
          mean += v;
        }
        mean /= exact.length;
        double var = 0;
        for (int i = 0; i < exact.length; i++) {
          double e = Math.abs(exact[i] - quantized[i]);
          max = Math.max(max, e);
          sum += e;
          var += (exact[i] - mean) * (exact[i] - mean);
        }
        spread = Math.max(spread, Math.sqrt(var / exact.length));
        count += exact.length;
      }
    }
    double meanError = sum / count;
    System.out.printf("q8 vs fp32 (tiny-gpt2): max |logit error| %.3g, mean %.3g, logit std %.3g%n",
        max, meanError, spread);
    assertTrue(max < 0.08 * spread, "max error " + max + " against spread " + spread);
    assertTrue(meanError < 0.01 * spread, "mean error " + meanError + " against spread " + spread);
  }

  /** Greedy continuations of the reference prompts: the same 20-token ids as float32. */
  @Test
  void greedyTokensAgreeWithFloat32() {
    int agree = 0;
    int total = 0;
    for (Map<String, Object> c : GPT2LMHeadModelTest.generateCases()) {
      int[] prompt = ints(c.get("prompt_ids"));
      int[] exact = greedy(FP32, prompt, 20);
      int[] quantized = greedy(Q8, prompt, 20);
      for (int i = prompt.length; i < exact.length; i++) {
        total++;
        if (exact[i] == quantized[i]) {
          agree++;
        } else {
          break; // after a different token the two continue different texts
        }
      }
    }
    System.out.printf("q8 vs fp32 (tiny-gpt2): %d of %d greedy tokens agree%n", agree, total);
    assertEquals(total, agree);
  }

  /** The 8-bit prompt pass (weights read back to floats) against its token-by-token decoding. */
  @Test
  void quantizedPrefillAgreesWithQuantizedSteps() {
    int[] prompt = {40, 6151, 3555, 326, 1492, 13};
    float[] batched = Q8.forward(Q8.newCache(6), prompt).clone();
    KVCache cache = Q8.newCache(6);
    float[] last = null;
    for (int token : prompt) {
      last = Q8.forward(cache, token);
    }
    GPT2LMHeadModelTest.assertClose(last, batched, 1e-5, "q8 prefill");
  }

  static int[] greedy(GPT2LMHeadModel model, int[] prompt, int newTokens) {
    int[] ids = Arrays.copyOf(prompt, prompt.length + newTokens);
    KVCache cache = model.newCache(ids.length);
    float[] logits = model.forward(cache, prompt);
    for (int t = prompt.length; t < ids.length; t++) {
      ids[t] = GPT2LMHeadModelTest.argmax(logits);
      if (t + 1 < ids.length) {
        logits = model.forward(cache, ids[t]);
      }
    }
    return ids;
  }
}
