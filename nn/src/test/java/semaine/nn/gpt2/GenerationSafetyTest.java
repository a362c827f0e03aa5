package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.nn.gpt2.GenerationParameter.MAX_NEW_TOKENS;
import static semaine.nn.gpt2.GenerationParameter.TEMPERATURE;
import static semaine.nn.gpt2.GenerationParameter.TOP_K;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Generation never prints a text built from numbers that cannot be right. */
class GenerationSafetyTest {

  /** Probabilities 0.1 (end-of-text), 0.2, 0.3, 0.4 at temperature 1. */
  static final GPT2LMHeadModel FOUR = ToyModels.constantLogits((float) Math.log(0.1),
      (float) Math.log(0.2), (float) Math.log(0.3), (float) Math.log(0.4));

  @Test
  void aTinyTemperatureSamplesTheMostLikelyTokenAsGreedyDoes() {
    for (double t : new double[] {1e-300, Double.MIN_VALUE, 1e-30}) {
      GeneratorTest.assertFrequencies(FOUR,
          GenerationConfig.DEFAULT.with(TOP_K.of(0), TEMPERATURE.of(t)), 0, 0, 0, 1);
      GeneratorTest.assertFrequencies(FOUR, GenerationConfig.DEFAULT.with(TEMPERATURE.of(t)),
          0, 0, 0, 1);
    }
  }

  @Test
  void aTinyTemperatureOnTheTinyGpt2GivesTheGreedyTokens() {
    Generator generator = new Generator(GPT2LMHeadModelTest.MODEL);
    int[] prompt = {40, 6151, 3555, 326, 1492, 13};
    int[] greedy = generator.generate(prompt, GeneratorTest.GREEDY.with(MAX_NEW_TOKENS.of(8)),
        null, TokenStreamer.NONE).getFirst();
    int[] cold = generator.generate(prompt,
        GenerationConfig.DEFAULT.with(MAX_NEW_TOKENS.of(8), TEMPERATURE.of(1e-300)),
        Transformers.newRandom(0), TokenStreamer.NONE).getFirst();
    assertArrayEquals(greedy, cold);
  }

  @Test
  void temperatureScalingKeepsHugeButFiniteRowsWithoutNaN() {
    float[] scores = {2f, 7f, -1f, Float.NEGATIVE_INFINITY, 6.999f};
    LogitsProcessors.temperature(scores, 1e-300);
    double[] p = LogitsProcessors.softmax(scores);
    assertArrayEquals(new double[] {0, 1, 0, 0, 0}, p);
    assertEquals(1, LogitsProcessors.sample(scores, Transformers.newRandom(3)));
    // the shift leaves a moderate temperature's softmax what softmax(s / t) is
    float[] warm = {1f, 2f, 3f};
    LogitsProcessors.temperature(warm, 2);
    double z = Math.exp(0.5) + Math.exp(1) + Math.exp(1.5);
    double[] expected = {Math.exp(0.5) / z, Math.exp(1) / z, Math.exp(1.5) / z};
    double[] actual = LogitsProcessors.softmax(warm);
    for (int i = 0; i < 3; i++) {
      assertEquals(expected[i], actual[i], 1e-7);
    }
  }

  @Test
  void nanLogitsStopGenerationNamingTheStepInFloat32AndQ8() throws IOException {
    GPT2Weights weights = GPT2Weights.load(Gpt2Resources.tinyModel().resolve("model.safetensors"),
        GPT2LMHeadModelTest.MODEL.config());
    Arrays.fill(weights.h().get(1).cFcWeight(), Float.NaN);
    GPT2LMHeadModel broken = new GPT2LMHeadModel(GPT2LMHeadModelTest.MODEL.config(), weights);
    for (GPT2LMHeadModel model : new GPT2LMHeadModel[] {broken, broken.quantized()}) {
      Generator generator = new Generator(model);
      for (GenerationConfig config : new GenerationConfig[] {GeneratorTest.GREEDY,
          GenerationConfig.DEFAULT}) {
        var e = assertThrows(NonFiniteLogitsException.class, () -> generator.generate(
            new int[] {464, 3290}, config.with(MAX_NEW_TOKENS.of(5)), Transformers.newRandom(1),
            TokenStreamer.NONE));
        assertTrue(e.getMessage().startsWith("the model produced non-finite logits (NaN) at step 1:"
            + " its weights may be corrupt"), e.getMessage());
        assertTrue(e instanceof IllegalStateException);
      }
    }
  }

  @Test
  void theNonFiniteLogitCheckNamesTheValueAndTheStep() {
    var e = assertThrows(NonFiniteLogitsException.class,
        () -> LogitsProcessors.requireFinite(new float[] {0f, Float.POSITIVE_INFINITY, 1f}, 4));
    assertTrue(e.getMessage().startsWith("the model produced non-finite logits (+Infinity) at step 4"),
        e.getMessage());
    LogitsProcessors.requireFinite(new float[] {0f, -3e38f, 3e38f}, 1);
  }
}
