package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.nn.gpt2.GenerationOption.doSample;
import static semaine.nn.gpt2.GenerationOption.maxLength;
import static semaine.nn.gpt2.GenerationOption.numReturnSequences;
import static semaine.nn.gpt2.Gpt2Resources.cases;
import static semaine.nn.gpt2.Gpt2Resources.ints;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextGenerationPipelineTest {

  @TempDir
  Path cache;

  TextGenerationPipeline tiny() throws IOException {
    return Pipeline.textGeneration(Gpt2Resources.tinyModel().toString(), new ModelHub(cache));
  }

  @Test
  void greedyTextMatchesTransformers() throws IOException {
    var generator = tiny();
    for (var c : cases(Gpt2Resources.json("tiny-gpt2.expected.json"), "generate")) {
      int[] expected = ints(c.get("greedy_ids"));
      var out = generator.generate((String) c.get("prompt"), maxLength(expected.length),
          doSample(false));
      assertEquals(c.get("greedy_text"), out.getFirst().generatedText());
      assertArrayEquals(expected, out.getFirst().ids());
    }
  }

  @Test
  void theBooksThreeLinesGiveTheSameTextAfterTheSameSeed() throws IOException {
    var generator = tiny();
    Transformers.setSeed(42);
    var first = generator.generate("I loved reading that book.", maxLength(50), numReturnSequences(1));
    Transformers.setSeed(42);
    var again = generator.generate("I loved reading that book.", maxLength(50), numReturnSequences(1));
    assertEquals(1, first.size());
    assertEquals(first.getFirst().generatedText(), again.getFirst().generatedText());
    assertTrue(first.getFirst().generatedText().startsWith("I loved reading that book."));
    assertEquals(50, first.getFirst().ids().length);
  }

  @Test
  void streamedPiecesJoinToTheGeneratedText() throws IOException {
    var generator = tiny();
    StringBuilder streamed = new StringBuilder();
    var out = generator.generate("The", GenerationConfig.DEFAULT.maxNewTokens(25),
        Transformers.newRandom(3), (piece, sequence) -> streamed.append(piece));
    assertEquals(out.getFirst().generatedText(), "The" + streamed);
  }

  @Test
  void aHubIdIsFoundInTheHuggingFaceCacheLayout() throws IOException {
    Path repo = cache.resolve("models--openai-community--gpt2");
    Path snapshot = repo.resolve("snapshots/607a30d783dfa663caf39e06633721c8d4cfcd7e");
    Files.createDirectories(snapshot);
    // as huggingface_hub: the content in blobs/, relative links to it in the snapshot
    Files.createDirectories(repo.resolve("blobs"));
    for (String file : ModelHub.FILES) {
      Files.copy(Gpt2Resources.tinyModel().resolve(file), repo.resolve("blobs").resolve(file));
      Files.createSymbolicLink(snapshot.resolve(file), Path.of("../../blobs", file));
    }
    Files.createDirectories(repo.resolve("refs"));
    Files.writeString(repo.resolve("refs/main"), "607a30d783dfa663caf39e06633721c8d4cfcd7e");
    ModelHub hub = new ModelHub(cache);
    assertEquals(snapshot, hub.resolve("gpt2"));
    assertEquals(snapshot, hub.resolve("openai-community/gpt2"));
    assertEquals("gpt2", Pipeline.textGeneration("gpt2", hub).name());
  }

  @Test
  void aMissingModelNamesWhereItLookedAndHowToGetIt() {
    var e = assertThrows(FileNotFoundException.class, () -> new ModelHub(cache).resolve("gpt2"));
    assertTrue(e.getMessage().startsWith("model \"gpt2\" not found"), e.getMessage());
    assertTrue(e.getMessage().contains(cache.resolve("models--gpt2").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("models--openai-community--gpt2"), e.getMessage());
    assertTrue(e.getMessage().contains("hf download openai-community/gpt2"), e.getMessage());
  }

  @Test
  void theCacheRootFollowsHuggingFaceHubEnvironmentVariables() {
    Path home = Path.of("/home/u");
    assertEquals(Path.of("/c"), ModelHub.cacheRoot(Map.of("HF_HUB_CACHE", "/c", "HF_HOME", "/h"), home));
    assertEquals(Path.of("/h/hub"), ModelHub.cacheRoot(Map.of("HF_HOME", "/h"), home));
    assertEquals(Path.of("/x/huggingface/hub"), ModelHub.cacheRoot(Map.of("XDG_CACHE_HOME", "/x"), home));
    assertEquals(Path.of("/home/u/.cache/huggingface/hub"), ModelHub.cacheRoot(Map.of(), home));
    assertEquals(List.of("distilgpt2", "distilbert/distilgpt2"),
        List.copyOf(ModelHub.aliases("distilgpt2")));
  }
}
