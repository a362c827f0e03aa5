package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.nn.gpt2.GenerationParameter.DO_SAMPLE;
import static semaine.nn.gpt2.GenerationParameter.MAX_NEW_TOKENS;
import static semaine.nn.gpt2.GenerationParameter.RETURN_FULL_TEXT;
import static semaine.nn.gpt2.GenerationParameter.TOP_K;
import static semaine.nn.gpt2.Gpt2Resources.cases;
import static semaine.nn.gpt2.Gpt2Resources.doubles;
import static semaine.nn.gpt2.Gpt2Resources.ints;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.nn.hub.ModelHub;

/**
 * The embedded model against transformers running the same files
 * ({@code reference/gpt2_embedded.py}), and the fallback of the pipeline to it.
 */
class EmbeddedModelTest {

  @TempDir
  Path dir;

  static List<Map<String, Object>> references() {
    return cases(Gpt2Resources.json("moby-dick.expected.json"), "cases");
  }

  @Test
  void tokensLogitsAndGreedyTextEqualTransformers() throws IOException {
    TextGenerationPipeline pipeline = EmbeddedModel.pipeline();
    GPT2LMHeadModel model = pipeline.model();
    for (var c : references()) {
      String prompt = (String) c.get("prompt");
      int[] ids = ints(c.get("prompt_ids"));
      assertArrayEquals(ids, pipeline.tokenizer().encode(prompt), prompt);
      assertEquals(c.get("tokens"), pipeline.tokenizer().tokenize(prompt));
      float[] first = model.forward(model.newCache(1), ids[0]);
      assertClose(doubles(c.get("logits_first_position_first256")), first, prompt + ", first position");
      float[] last = model.forward(model.newCache(ids.length), ids);
      assertEquals(model.config().vocabSize(), doubles(c.get("logits_last_position")).length);
      assertClose(doubles(c.get("logits_last_position")), last, prompt + ", last position");
      int[] greedy = ints(c.get("greedy_ids"));
      List<GeneratedText> out = pipeline.generate(prompt, DO_SAMPLE.of(false),
          MAX_NEW_TOKENS.of(greedy.length - ids.length));
      assertArrayEquals(greedy, out.getFirst().ids(), prompt);
      assertEquals(prompt + c.get("greedy_text"), out.getFirst().generatedText());
    }
  }

  /** The first expected.length logits of {@code actual} within 1e-4 of transformers'. */
  private static void assertClose(double[] expected, float[] actual, String what) {
    assertTrue(expected.length <= actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-4, what + ", logit " + i);
    }
  }

  @Test
  void theSameSeedGivesTheSameText() throws IOException {
    TextGenerationPipeline pipeline = Pipeline.textGeneration("moby-dick");
    Transformers.setSeed(42);
    String a = pipeline.generate("I loved reading that book.").getFirst().generatedText();
    Transformers.setSeed(42);
    String b = pipeline.generate("I loved reading that book.").getFirst().generatedText();
    assertEquals(a, b);
    assertTrue(a.startsWith("I loved reading that book.") && a.length() > 40, a);
    assertTrue(pipeline.notice().isEmpty());
  }

  @Test
  void returnFullTextFalseLeavesThePromptOut() throws IOException {
    TextGenerationPipeline pipeline = EmbeddedModel.pipeline();
    GeneratedText full = pipeline.generate("The whale", DO_SAMPLE.of(false))
        .getFirst();
    GeneratedText part = pipeline.generate("The whale", DO_SAMPLE.of(false),
        RETURN_FULL_TEXT.of(false)).getFirst();
    assertArrayEquals(full.ids(), part.ids());
    assertEquals(full.generatedText(), "The whale" + part.generatedText());
  }

  @Test
  void trainingReportRecordsTheCorpusAndALearntValidationLoss() throws IOException {
    Map<String, Object> report = EmbeddedModel.trainingReport();
    double loss = ((Number) report.get("validation_loss")).doubleValue();
    int vocab = ((Number) report.get("vocab_size")).intValue();
    assertTrue(loss < 0.7 * Math.log(vocab), "far below a uniform guess, ln V: " + loss);
    assertEquals(136, ((List<?>) report.get("corpus")).size());
  }

  @Test
  void nextTokenProbabilitiesSumToOneAndSharpenWithALowTemperature() throws IOException {
    TextGenerationPipeline pipeline = EmbeddedModel.pipeline();
    double[] p1 = pipeline.nextTokenProbabilities("Call me Ishmael.", 1);
    double[] cold = pipeline.nextTokenProbabilities("Call me Ishmael.", 0.5);
    assertEquals(pipeline.tokenizer().vocabSize(), p1.length);
    assertEquals(1, java.util.Arrays.stream(p1).sum(), 1e-9);
    int best = 0;
    for (int i = 1; i < p1.length; i++) {
      best = p1[i] > p1[best] ? i : best;
    }
    assertTrue(cold[best] > p1[best], cold[best] + " > " + p1[best]);
    var e = assertThrows(IllegalArgumentException.class,
        () -> pipeline.nextTokenProbabilities("x", 0));
    assertTrue(e.getMessage().contains("temperature (0.0) must be > 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> pipeline.nextTokenProbabilities("", 1));
    assertTrue(e.getMessage().contains("prompt (\"\") must hold at least one token"), e.getMessage());
  }

  /** A hub on an empty cache in {@code dir}, offline. */
  private ModelHub offline() {
    return ModelHub.fromEnvironment(Map.of("HF_HUB_OFFLINE", "1", "HF_HUB_CACHE", dir.toString()),
        dir);
  }

  @Test
  void anUncachedHubIdOfflineFallsBackWithANotice() throws IOException {
    TextGenerationPipeline pipeline = Pipeline.textGeneration("gpt2", offline());
    assertEquals(EmbeddedModel.NAME, pipeline.name());
    String notice = pipeline.notice().orElseThrow();
    assertTrue(notice.contains("model \"gpt2\" not found") && notice.contains("moby-dick"), notice);
    assertTrue(notice.contains(dir.resolve("models--gpt2").toString()), notice);
  }

  @Test
  void anUnreachableHubFallsBackWithANotice() throws IOException {
    // port 1 on the loopback: nothing listens there, the connection is refused at once
    ModelHub hub = ModelHub.fromEnvironment(Map.of("HF_ENDPOINT", "http://127.0.0.1:1",
        "HF_HUB_CACHE", dir.toString()), dir);
    TextGenerationPipeline pipeline = Pipeline.textGeneration("gpt2", hub);
    assertEquals(EmbeddedModel.NAME, pipeline.name());
    String notice = pipeline.notice().orElseThrow();
    assertTrue(notice.contains("could not reach the Hugging Face Hub at http://127.0.0.1:1/")
        && notice.contains("moby-dick"), notice);
  }

  @Test
  void aMissingFolderIsStillAnError() {
    var e = assertThrows(FileNotFoundException.class,
        () -> Pipeline.textGeneration(dir.resolve("nope").toString(), offline()));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  @Test
  void aGenerationConfigChangesThePipelineDefaults() throws IOException {
    EmbeddedModel.copyTo(dir);
    assertEquals(GenerationConfig.DEFAULT, EmbeddedModel.pipeline().defaults());
    java.nio.file.Files.writeString(dir.resolve("generation_config.json"),
        "{\"do_sample\": false, \"max_new_tokens\": 7, \"top_k\": 10, \"eos_token_id\": 2047}");
    TextGenerationPipeline pipeline = Pipeline.textGeneration(dir.toString(), offline());
    assertEquals(GenerationConfig.DEFAULT.with(DO_SAMPLE.of(false), MAX_NEW_TOKENS.of(7), TOP_K.of(10)),
        pipeline.defaults());
    int promptLength = pipeline.tokenizer().encode("The whale").length;
    assertEquals(promptLength + 7, pipeline.generate("The whale").getFirst().ids().length);
    java.nio.file.Files.writeString(dir.resolve("generation_config.json"), "{\"top_k\": \"ten\"}");
    var e = assertThrows(IllegalArgumentException.class,
        () -> Pipeline.textGeneration(dir.toString(), offline()));
    assertTrue(e.getMessage().contains("generation_config.json: top_k (ten) must be a number"),
        e.getMessage());
  }

  @Test
  void copiesItsFilesAsAModelFolder() throws IOException {
    EmbeddedModel.copyTo(dir);
    TextGenerationPipeline fromFolder = Pipeline.textGeneration(dir.toString(), offline());
    List<GeneratedText> a = fromFolder.generate("The whale", DO_SAMPLE.of(false));
    List<GeneratedText> b = EmbeddedModel.pipeline().generate("The whale",
        DO_SAMPLE.of(false));
    assertArrayEquals(a.getFirst().ids(), b.getFirst().ids());
  }
}
