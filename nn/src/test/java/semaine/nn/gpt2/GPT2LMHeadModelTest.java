package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.nn.gpt2.Gpt2Resources.cases;
import static semaine.nn.gpt2.Gpt2Resources.doubles;
import static semaine.nn.gpt2.Gpt2Resources.ints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GPT2LMHeadModelTest {

  static final GPT2LMHeadModel MODEL = load();
  static final double TOL = 1e-4;

  static GPT2LMHeadModel load() {
    try {
      return GPT2LMHeadModel.fromPretrained(Gpt2Resources.tinyModel());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Iterable<Map<String, Object>> generateCases() {
    return cases(Gpt2Resources.json("tiny-gpt2.expected.json"), "generate");
  }

  @Test
  void configIsReadFromConfigJson() {
    GPT2Config config = MODEL.config();
    assertEquals(new GPT2Config(2, 2, 16, 64, 64, 50257, 1e-5, false, 50256), config);
    assertEquals(8, config.headSize());
  }

  @Test
  void aCopiedCacheContinuesAsTheOriginalAndIndependently() {
    int[] prompt = {40, 6151, 3555, 326, 1492};
    KVCache original = MODEL.newCache(prompt.length + 3);
    MODEL.forward(original, prompt);
    KVCache copy = MODEL.copy(original);
    assertEquals(original.length(), copy.length());
    float[] expected = MODEL.forward(original, 13).clone();
    MODEL.forward(original, 262); // the original moves on: the copy must not see it
    assertArrayEquals(expected, MODEL.forward(copy, 13));
    // and a fresh cache fed the same tokens one by one agrees to float rounding
    KVCache fresh = MODEL.newCache(prompt.length + 1);
    float[] last = null;
    for (int token : new int[] {40, 6151, 3555, 326, 1492, 13}) {
      last = MODEL.forward(fresh, token);
    }
    assertClose(expected, last, 1e-5, "fed one by one");
  }

  @Test
  void logitsAtTheFirstPositionMatchTransformers() {
    for (var c : generateCases()) {
      int[] prompt = ints(c.get("prompt_ids"));
      float[] logits = MODEL.forward(MODEL.newCache(8), prompt[0]);
      double[] expected = doubles(c.get("logits_first_position_first8"));
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], logits[i], TOL, c.get("prompt") + " logit " + i);
      }
    }
  }

  @Test
  void lastPromptLogitsMatchTransformersTopTenAndSum() {
    for (var c : generateCases()) {
      int[] prompt = ints(c.get("prompt_ids"));
      KVCache cache = MODEL.newCache(prompt.length);
      float[] logits = MODEL.forward(cache, prompt);
      assertEquals(prompt.length, cache.length());
      int[] topIds = ints(c.get("last_logits_top10_ids"));
      double[] top = doubles(c.get("last_logits_top10"));
      for (int i = 0; i < topIds.length; i++) {
        assertEquals(top[i], logits[topIds[i]], TOL, c.get("prompt") + " top " + i);
      }
      assertEquals(topIds[0], argmax(logits));
      double sum = 0;
      for (float v : logits) {
        sum += v;
      }
      // a sum over 50257 float32 logits: PyTorch's own rounding is about 1e-4 relative
      assertEquals((Double) c.get("last_logits_sum"), sum, 2e-3);
    }
  }

  /**
   * The prompt pass (all tokens through each block at once) against feeding the tokens one by
   * one: the sums run in the same order, but the Vector API leaves the order of its lane
   * reduction to the JIT, so the last bits may differ (observed: 3e-7).
   */
  @Test
  void prefillLogitsEqualTokenByTokenLogits() {
    int[] prompt = {40, 6151, 3555, 326, 1492, 13, 50256, 0, 17, 2};
    for (int split : new int[] {0, 1, 4}) { // tokens fed one by one before the batched pass
      KVCache together = MODEL.newCache(prompt.length + 1);
      for (int i = 0; i < split; i++) {
        MODEL.forward(together, prompt[i]);
      }
      float[] batched = MODEL.forward(together, Arrays.copyOfRange(prompt, split, prompt.length))
          .clone();
      assertEquals(prompt.length, together.length());
      KVCache cache = MODEL.newCache(prompt.length + 1);
      float[] last = null;
      for (int token : prompt) {
        last = MODEL.forward(cache, token);
      }
      assertClose(last, batched, 1e-5, "split " + split);
      // the caches hold the same keys and values: the next token sees the same past
      assertClose(MODEL.forward(cache, 7).clone(), MODEL.forward(together, 7), 1e-5,
          "next token after split " + split);
    }
  }

  static void assertClose(float[] expected, float[] actual, double tol, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tol, what + " logit " + i);
    }
  }

  @Test
  void greedyContinuationMatchesTransformersExactly() {
    for (var c : generateCases()) {
      int[] expected = ints(c.get("greedy_ids"));
      int[] prompt = ints(c.get("prompt_ids"));
      int[] ids = Arrays.copyOf(prompt, expected.length);
      KVCache cache = MODEL.newCache(expected.length);
      float[] logits = MODEL.forward(cache, prompt);
      for (int t = prompt.length; t < ids.length; t++) {
        ids[t] = argmax(logits);
        if (t + 1 < ids.length) {
          logits = MODEL.forward(cache, ids[t]);
        }
      }
      assertArrayEquals(expected, ids, (String) c.get("prompt"));
    }
  }

  @Test
  void aSequenceLongerThanTheCacheIsRefused() {
    KVCache cache = MODEL.newCache(2);
    var e = assertThrows(IllegalArgumentException.class, () -> MODEL.forward(cache, 1, 2, 3));
    assertTrue(e.getMessage().contains("sequence length (3) must be <= 2"), e.getMessage());
    var big = assertThrows(IllegalArgumentException.class, () -> MODEL.newCache(65));
    assertTrue(big.getMessage().contains("capacity (65) must be in [1, 64]"), big.getMessage());
  }

  @Test
  void aTokenOutsideTheVocabularyIsRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> MODEL.forward(MODEL.newCache(2), 50257));
    assertTrue(e.getMessage().contains("token (50257)"), e.getMessage());
  }

  static int argmax(float[] x) {
    int best = 0;
    for (int i = 1; i < x.length; i++) {
      if (x[i] > x[best]) {
        best = i;
      }
    }
    return best;
  }
}
