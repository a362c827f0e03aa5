package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.nn.gpt2.GenerationParameter.DO_SAMPLE;
import static semaine.nn.gpt2.GenerationParameter.MAX_LENGTH;
import static semaine.nn.gpt2.GenerationParameter.MAX_NEW_TOKENS;
import static semaine.nn.gpt2.GenerationParameter.NUM_RETURN_SEQUENCES;
import static semaine.nn.gpt2.GenerationParameter.REPETITION_PENALTY;
import static semaine.nn.gpt2.GenerationParameter.TEMPERATURE;
import static semaine.nn.gpt2.GenerationParameter.TOP_K;
import static semaine.nn.gpt2.GenerationParameter.TOP_P;
import static semaine.nn.gpt2.Gpt2Resources.cases;
import static semaine.nn.gpt2.Gpt2Resources.ints;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorTest {

  static final GenerationConfig GREEDY = GenerationConfig.DEFAULT.with(DO_SAMPLE.of(false));

  @Test
  void greedyGenerationMatchesTransformersIds() {
    Generator generator = new Generator(GPT2LMHeadModelTest.MODEL);
    for (var c : cases(Gpt2Resources.json("tiny-gpt2.expected.json"), "generate")) {
      int[] expected = ints(c.get("greedy_ids"));
      List<int[]> out = generator.generate(ints(c.get("prompt_ids")),
          GREEDY.with(MAX_LENGTH.of(expected.length)), null, TokenStreamer.NONE);
      assertEquals(1, out.size());
      assertArrayEquals(expected, out.getFirst(), (String) c.get("prompt"));
    }
  }

  @Test
  void maxLengthCountsThePromptAndMaxNewTokensDoesNot() {
    Generator generator = new Generator(GPT2LMHeadModelTest.MODEL);
    int[] prompt = {40, 6151, 3555};
    assertEquals(10, generator.generate(prompt, GREEDY.with(MAX_LENGTH.of(10)), null, TokenStreamer.NONE)
        .getFirst().length);
    assertEquals(3 + 4, generator.generate(prompt, GREEDY.with(MAX_LENGTH.of(5), MAX_NEW_TOKENS.of(4)), null,
        TokenStreamer.NONE).getFirst().length);
  }

  @Test
  void theSameSeedGivesTheSameSamplesAndAnotherSeedOthers() {
    Generator generator = new Generator(GPT2LMHeadModelTest.MODEL);
    int[] prompt = {15496, 995};
    GenerationConfig config = GenerationConfig.DEFAULT.with(MAX_NEW_TOKENS.of(30), NUM_RETURN_SEQUENCES.of(3));
    List<int[]> a = generator.generate(prompt, config, Transformers.newRandom(42), TokenStreamer.NONE);
    List<int[]> b = generator.generate(prompt, config, Transformers.newRandom(42), TokenStreamer.NONE);
    List<int[]> other = generator.generate(prompt, config, Transformers.newRandom(7), TokenStreamer.NONE);
    assertEquals(3, a.size());
    for (int s = 0; s < 3; s++) {
      assertArrayEquals(a.get(s), b.get(s));
      assertEquals(32, a.get(s).length);
    }
    assertNotEquals(java.util.Arrays.toString(a.getFirst()), java.util.Arrays.toString(a.get(1)));
    assertNotEquals(java.util.Arrays.toString(a.getFirst()), java.util.Arrays.toString(other.getFirst()));
  }

  @Test
  void theStreamerSeesEveryNewTokenInOrder() {
    Generator generator = new Generator(GPT2LMHeadModelTest.MODEL);
    List<Integer> seen = new ArrayList<>();
    int[] ids = generator.generate(new int[] {464}, GREEDY.with(MAX_NEW_TOKENS.of(5)), null,
        (sequence, token) -> seen.add(token)).getFirst();
    assertEquals(List.of(ids[1], ids[2], ids[3], ids[4], ids[5]), seen);
  }

  @Test
  void generationStopsAtEndOfTextAndKeepsIt() {
    Generator generator = new Generator(ToyModels.constantLogits(3f, 1f, 2f));
    assertArrayEquals(new int[] {1, 2, 0},
        generator.generate(new int[] {1, 2}, GREEDY.with(MAX_NEW_TOKENS.of(5)), null, TokenStreamer.NONE)
            .getFirst());
  }

  @Test
  void repetitionPenaltyLowersTokensAlreadySeen() {
    Generator generator = new Generator(ToyModels.constantLogits(-5f, 1f, 2f, 2.5f));
    int[] prompt = {3};
    assertArrayEquals(new int[] {3, 3, 3, 3},
        generator.generate(prompt, GREEDY.with(MAX_NEW_TOKENS.of(3)), null, TokenStreamer.NONE).getFirst());
    // penalty 2: 3 -> 1.25 so 2 wins; then 2 -> 1 and 3 -> 1.25 so 3 wins, and so on
    assertArrayEquals(new int[] {3, 2, 3, 3},
        generator.generate(prompt, GREEDY.with(MAX_NEW_TOKENS.of(3), REPETITION_PENALTY.of(2)), null,
            TokenStreamer.NONE).getFirst());
  }

  @Test
  void samplesFollowTheSoftmaxAndTheTopKAndTopPCuts() {
    // probabilities 0.1 (end-of-text), 0.2, 0.3, 0.4
    GPT2LMHeadModel model = ToyModels.constantLogits((float) Math.log(0.1), (float) Math.log(0.2),
        (float) Math.log(0.3), (float) Math.log(0.4));
    assertFrequencies(model, GenerationConfig.DEFAULT.with(TOP_K.of(0)), 0.1, 0.2, 0.3, 0.4);
    assertFrequencies(model, GenerationConfig.DEFAULT.with(TOP_K.of(2)), 0, 0, 3 / 7.0, 4 / 7.0);
    // top-p 0.5: cumulative 0.1, 0.3 are <= 0.5 and go; 0.6 stays
    assertFrequencies(model, GenerationConfig.DEFAULT.with(TOP_K.of(0), TOP_P.of(0.5)), 0, 0, 3 / 7.0, 4 / 7.0);
    assertFrequencies(model, GenerationConfig.DEFAULT.with(TOP_K.of(0), TOP_P.of(0.35)), 0, 0, 0, 1);
    // temperature 2: p ∝ sqrt(p)
    double z = Math.sqrt(0.1) + Math.sqrt(0.2) + Math.sqrt(0.3) + Math.sqrt(0.4);
    assertFrequencies(model, GenerationConfig.DEFAULT.with(TOP_K.of(0), TEMPERATURE.of(2)), Math.sqrt(0.1) / z,
        Math.sqrt(0.2) / z, Math.sqrt(0.3) / z, Math.sqrt(0.4) / z);
  }

  @Test
  void badLengthsAreRefusedWithTheirNames() {
    Generator generator = new Generator(GPT2LMHeadModelTest.MODEL);
    int[] six = {40, 6151, 3555, 326, 1492, 13};
    var below = assertThrows(IllegalArgumentException.class,
        () -> generator.generate(six, GREEDY.with(MAX_LENGTH.of(6)), null, TokenStreamer.NONE));
    assertTrue(below.getMessage().startsWith("max_length (6) must be > the prompt length (6 tokens)"),
        below.getMessage());
    int[] long64 = new int[64];
    var longer = assertThrows(IllegalArgumentException.class,
        () -> generator.generate(long64, GREEDY.with(MAX_NEW_TOKENS.of(1)), null, TokenStreamer.NONE));
    assertTrue(longer.getMessage().contains("prompt length (64 tokens) must be < the model's context"
        + " length (64 tokens"), longer.getMessage());
    var past = assertThrows(IllegalArgumentException.class,
        () -> generator.generate(six, GREEDY.with(MAX_NEW_TOKENS.of(60)), null, TokenStreamer.NONE));
    assertTrue(past.getMessage().contains("new tokens (60)"), past.getMessage());
    var empty = assertThrows(IllegalArgumentException.class,
        () -> generator.generate(new int[0], GREEDY, null, TokenStreamer.NONE));
    assertTrue(empty.getMessage().contains("prompt"), empty.getMessage());
  }

  @Test
  void configRejectsBadValuesNamingThem() {
    var d = GenerationConfig.DEFAULT;
    for (var bad : List.<Runnable>of(() -> d.with(MAX_LENGTH.of(0)), () -> d.with(TEMPERATURE.of(0)),
        () -> d.with(TOP_K.of(-1)), () -> d.with(TOP_P.of(0)), () -> d.with(TOP_P.of(1.5)), () -> d.with(REPETITION_PENALTY.of(-1)),
        () -> d.with(NUM_RETURN_SEQUENCES.of(0)), () -> d.with(NUM_RETURN_SEQUENCES.of(2), DO_SAMPLE.of(false)))) {
      var e = assertThrows(IllegalArgumentException.class, bad::run);
      assertTrue(e.getMessage().matches("[a-z_]+ \\(-?[0-9.]+\\) must .*"), e.getMessage());
    }
  }

  static void assertFrequencies(GPT2LMHeadModel model, GenerationConfig config, double... expected) {
    Generator generator = new Generator(model);
    var random = Transformers.newRandom(1);
    int n = 20_000;
    int[] counts = new int[expected.length];
    List<int[]> out = generator.generate(new int[] {1}, config.with(MAX_NEW_TOKENS.of(1), NUM_RETURN_SEQUENCES.of(n)),
        random, TokenStreamer.NONE);
    for (int[] ids : out) {
      counts[ids[1]]++;
    }
    for (int i = 0; i < expected.length; i++) {
      // 4.5 standard deviations of a binomial proportion
      double sd = Math.sqrt(Math.max(expected[i] * (1 - expected[i]), 1e-12) / n);
      assertEquals(expected[i], counts[i] / (double) n, 4.5 * sd + 1e-12, config + " token " + i);
    }
  }
}
