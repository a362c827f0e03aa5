package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.nn.Tensor;
import semaine.random.RandomState;

class GPT2TrainingTest {

  @TempDir
  Path dir;

  private static GPT2Config shape(int vocab, int positions) {
    return new GPT2Config(2, 2, 16, 64, positions, vocab, 1e-5, false, vocab - 1);
  }

  @Test
  void savedWeightsGiveTheSameLogitsInTheInferenceModel() throws IOException {
    TrainableGPT2LMHeadModel trainable = new TrainableGPT2LMHeadModel(shape(50, 12), new RandomState(3));
    // a few steps move the weights off their initial values, so every tensor matters
    int[] tokens = java.util.Arrays.stream(new RandomState(4).randint(0, 50, 400))
        .mapToInt(x -> (int) x).toArray();
    GPT2Trainer.train(trainable, tokens, new GPT2Trainer.Settings(5, 4, 1e-2, 1e-3, 1, 0.1, 0.2, 5,
        0), new RandomState(5), (s, l, lr) -> {});
    trainable.savePretrained(dir);
    GPT2LMHeadModel inference = GPT2LMHeadModel.fromPretrained(dir);
    int[] ids = {3, 14, 15, 9, 26, 5, 35, 8};
    float[] expected;
    try (var scope = Tensor.noGrad()) {
      Tensor logits = trainable.forward(new int[][] {ids});
      expected = java.util.Arrays.copyOfRange(logits.toFloatArray(), 7 * 50, 8 * 50);
    }
    float[] actual = inference.forward(inference.newCache(12), ids);
    for (int v = 0; v < 50; v++) {
      assertEquals(expected[v], actual[v], 1e-4, "logit " + v);
    }
  }

  @Test
  void learnsARepeatingSequence() {
    int[] tokens = new int[600];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = "0123456789".charAt(i % 10) - '0';
    }
    TrainableGPT2LMHeadModel model = new TrainableGPT2LMHeadModel(shape(11, 16), new RandomState(0));
    double before = GPT2Trainer.evaluate(model, java.util.Arrays.copyOfRange(tokens, 500, 600));
    var report = GPT2Trainer.train(model, tokens, new GPT2Trainer.Settings(60, 8, 1e-2, 1e-3, 5,
        0.1, 1.0 / 6, 20, 0), new RandomState(1), (s, l, lr) -> {});
    assertTrue(before > 2.0, "an untrained model is near ln(11) = 2.4: " + before);
    assertTrue(report.validationLoss() < 0.2, "the next digit is certain: " + report.validationLoss());
    assertEquals(3, report.history().size());
    assertEquals(500, report.trainTokens());
    assertEquals(100, report.validationTokens());
    assertEquals(60L * 8 * 16, report.tokensSeen());
  }

  @Test
  void refusesTooFewTokensAndBadShapes() {
    TrainableGPT2LMHeadModel model = new TrainableGPT2LMHeadModel(shape(11, 16), new RandomState(0));
    var settings = new GPT2Trainer.Settings(1, 1, 1e-3, 1e-4, 0, 0, 0.1, 1, 0);
    var e = assertThrows(IllegalArgumentException.class,
        () -> GPT2Trainer.train(model, new int[40], settings, new RandomState(0), (s, l, lr) -> {}));
    assertTrue(e.getMessage().contains("tokens (40) are too few"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> model.forward(new int[][] {new int[17]}));
    assertTrue(e.getMessage().contains("sequence length (17) must be <= n_positions (16)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> model.forward(new int[][] {{3, 11}}));
    assertTrue(e.getMessage().contains("ids[0][1] (11) must be a token id in [0, 11)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> model.loss(new int[][] {{1, 2}}, new int[][] {{2}}));
    assertTrue(e.getMessage().contains("targets[0] has length 1 but ids[0] has 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> model.loss(new int[][] {{1, 2}}, new int[][] {{2, 3}, {3, 4}}));
    assertTrue(e.getMessage().contains("targets has 2 sequences but ids has 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> model.forward(new int[0][]));
    assertTrue(e.getMessage().contains("must hold at least one token"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new GPT2Trainer.Settings(1, 1, 1e-3, 1e-4, 0, 0, 1.5, 1, 0));
    assertTrue(e.getMessage().contains("validationFraction (1.5)"), e.getMessage());
  }
}
