package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.nn.gpt2.Gpt2Resources.cases;
import static semaine.nn.gpt2.Gpt2Resources.ints;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorTest {

  static final GenerationConfig GREEDY = GenerationConfig.DEFAULT.doSample(false);

  @Test
  void greedyGenerationMatchesTransformersIds() {
    Generator generator = new Generator(GPT2LMHeadModelTest.MODEL);
    for (var c : cases(Gpt2Resources.json("tiny-gpt2.expected.json"), "generate")) {
      int[] expected = ints(c.get("greedy_ids"));
      List<int[]> out = generator.generate(ints(c.get("prompt_ids")),
          GREEDY.maxLength(expected.length), null, TokenStreamer.NONE);
      assertEquals(1, out.size());
      assertArrayEquals(expected, out.getFirst(), (String) c.get("prompt"));
    }
  }

  @Test
  void maxLengthCountsThePromptAndMaxNewTokensDoesNot() {
    Generator generator = new Generator(GPT2LMHeadModelTest.MODEL);
    int[] prompt = {40, 6151, 3555};
    assertEquals(10, generator.generate(prompt, GREEDY.maxLength(10), null, TokenStreamer.NONE)
        .getFirst().length);
    assertEquals(3 + 4, generator.generate(prompt, GREEDY.maxLength(5).maxNewTokens(4), null,
        TokenStreamer.NONE).getFirst().length);
  }

  @Test
  void theSameSeedGivesTheSameSamplesAndAnotherSeedOthers() {
    Generator generator = new Generator(GPT2LMHeadModelTest.MODEL);
    int[] prompt = {15496, 995};
    GenerationConfig config = GenerationConfig.DEFAULT.maxNewTokens(30).numReturnSequences(3);
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
    int[] ids = generator.generate(new int[] {464}, GREEDY.maxNewTokens(5), null,
        (sequence, token) -> seen.add(token)).getFirst();
    assertEquals(List.of(ids[1], ids[2], ids[3], ids[4], ids[5]), seen);
  }

  @Test
  void generationStopsAtEndOfTextAndKeepsIt() {
    Generator generator = new Generator(ToyModels.constantLogits(3f, 1f, 2f));
    assertArrayEquals(new int[] {1, 2, 0},
        generator.generate(new int[] {1, 2}, GREEDY.maxNewTokens(5), null, TokenStreamer.NONE)
            .getFirst());
  }

  @Test
  void repetitionPenaltyLowersTokensAlreadySeen() {
    Generator generator = new Generator(ToyModels.constantLogits(-5f, 1f, 2f, 2.5f));
    int[] prompt = {3};
    assertArrayEquals(new int[] {3, 3, 3, 3},
        generator.generate(prompt, GREEDY.maxNewTokens(3), null, TokenStreamer.NONE).getFirst());
    // penalty 2: 3 -> 1.25 so 2 wins; then 2 -> 1 and 3 -> 1.25 so 3 wins, and so on
    assertArrayEquals(new int[] {3, 2, 3, 3},
        generator.generate(prompt, GREEDY.maxNewTokens(3).repetitionPenalty(2), null,
            TokenStreamer.NONE).getFirst());
  }

  @Test
  void samplesFollowTheSoftmaxAndTheTopKAndTopPCuts() {
    // probabilities 0.1 (end-of-text), 0.2, 0.3, 0.4
    GPT2LMHeadModel model = ToyModels.constantLogits((float) Math.log(0.1), (float) Math.log(0.2),
        (float) Math.log(0.3), (float) Math.log(0.4));
    assertFrequencies(model, GenerationConfig.DEFAULT.topK(0), 0.1, 0.2, 0.3, 0.4);
    assertFrequencies(model, GenerationConfig.DEFAULT.topK(2), 0, 0, 3 / 7.0, 4 / 7.0);
    // top-p 0.5: cumulative 0.1, 0.3 are <= 0.5 and go; 0.6 stays
    assertFrequencies(model, GenerationConfig.DEFAULT.topK(0).topP(0.5), 0, 0, 3 / 7.0, 4 / 7.0);
    assertFrequencies(model, GenerationConfig.DEFAULT.topK(0).topP(0.35), 0, 0, 0, 1);
    // temperature 2: p ∝ sqrt(p)
    double z = Math.sqrt(0.1) + Math.sqrt(0.2) + Math.sqrt(0.3) + Math.sqrt(0.4);
    assertFrequencies(model, GenerationConfig.DEFAULT.topK(0).temperature(2), Math.sqrt(0.1) / z,
        Math.sqrt(0.2) / z, Math.sqrt(0.3) / z, Math.sqrt(0.4) / z);
  }

  @Test
  void badLengthsAreRefusedWithTheirNames() {
    Generator generator = new Generator(GPT2LMHeadModelTest.MODEL);
    int[] six = {40, 6151, 3555, 326, 1492, 13};
    var below = assertThrows(IllegalArgumentException.class,
        () -> generator.generate(six, GREEDY.maxLength(6), null, TokenStreamer.NONE));
    assertTrue(below.getMessage().startsWith("maxLength (6) must be > the prompt length (6 tokens)"),
        below.getMessage());
    int[] long64 = new int[64];
    var longer = assertThrows(IllegalArgumentException.class,
        () -> generator.generate(long64, GREEDY.maxNewTokens(1), null, TokenStreamer.NONE));
    assertTrue(longer.getMessage().contains("prompt length (64 tokens) must be < the model's context"
        + " length (64 tokens"), longer.getMessage());
    var past = assertThrows(IllegalArgumentException.class,
        () -> generator.generate(six, GREEDY.maxNewTokens(60), null, TokenStreamer.NONE));
    assertTrue(past.getMessage().contains("new tokens (60)"), past.getMessage());
    var empty = assertThrows(IllegalArgumentException.class,
        () -> generator.generate(new int[0], GREEDY, null, TokenStreamer.NONE));
    assertTrue(empty.getMessage().contains("prompt"), empty.getMessage());
  }

  @Test
  void configRejectsBadValuesNamingThem() {
    var d = GenerationConfig.DEFAULT;
    for (var bad : List.<Runnable>of(() -> d.maxLength(0), () -> d.temperature(0),
        () -> d.topK(-1), () -> d.topP(0), () -> d.topP(1.5), () -> d.repetitionPenalty(-1),
        () -> d.numReturnSequences(0), () -> d.numReturnSequences(2).doSample(false))) {
      var e = assertThrows(IllegalArgumentException.class, bad::run);
      assertTrue(e.getMessage().matches("[a-zA-Z]+ \\(-?[0-9.]+\\) must .*"), e.getMessage());
    }
  }

  static void assertFrequencies(GPT2LMHeadModel model, GenerationConfig config, double... expected) {
    Generator generator = new Generator(model);
    var random = Transformers.newRandom(1);
    int n = 20_000;
    int[] counts = new int[expected.length];
    List<int[]> out = generator.generate(new int[] {1}, config.maxNewTokens(1).numReturnSequences(n),
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
