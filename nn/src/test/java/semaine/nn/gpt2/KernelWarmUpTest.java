package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelWarmUpTest {

  @Test
  void theTinyModelGivesFiniteLogitsAndTheSameInEightBitsToRounding() {
    GPT2LMHeadModel model = GPT2LMHeadModel.tinyModel();
    float[] logits = model.forward(model.newCache(12), 1, 5, 9, 13, 17, 21, 25, 29, 33, 37).clone();
    assertTrue(logits.length == 64);
    for (float v : logits) {
      assertTrue(Float.isFinite(v), "logit " + v);
    }
    GPT2LMHeadModel q8 = model.quantized();
    float[] q8Logits = q8.forward(q8.newCache(12), 1, 5, 9, 13, 17, 21, 25, 29, 33, 37);
    for (int i = 0; i < logits.length; i++) {
      assertTrue(Math.abs(logits[i] - q8Logits[i]) < 0.05, i + ": " + logits[i] + " vs " + q8Logits[i]);
    }
  }

  @Test
  void warmingUpChangesNoResultAndStopsWhenClosed() {
    GPT2LMHeadModel model = GPT2LMHeadModel.tinyModel();
    int[] prompt = {2, 4, 6, 8, 10};
    float[] before = model.forward(model.newCache(8), prompt).clone();
    try (var warmUp = KernelWarmUp.whileReading(KernelWarmUp.MIN_BYTES, GPT2LMHeadModel::warmUpPass)) {
      assertArrayEquals(before, model.forward(model.newCache(8), prompt));
    }
    // a small file: no thread is started, and closing is immediate
    try (var none = KernelWarmUp.whileReading(KernelWarmUp.MIN_BYTES - 1, GPT2LMHeadModel::warmUpPass)) {
      assertArrayEquals(before, model.forward(model.newCache(8), prompt));
    }
  }
}
