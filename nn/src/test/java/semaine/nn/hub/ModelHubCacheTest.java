package semaine.nn.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.nn.gpt2.Gpt2Resources;
import semaine.nn.gpt2.Pipeline;

/** Finding models in the Hugging Face cache layout, without the network. */
class ModelHubCacheTest {

  @TempDir
  Path cache;

  @Test
  void aHubIdIsFoundInTheHuggingFaceCacheLayout() throws IOException {
    Path repo = cache.resolve("models--openai-community--gpt2");
    Path snapshot = repo.resolve("snapshots/607a30d783dfa663caf39e06633721c8d4cfcd7e");
    Files.createDirectories(snapshot);
    // as huggingface_hub: the content in blobs/, relative links to it in the snapshot
    Files.createDirectories(repo.resolve("blobs"));
    for (String file : ModelFiles.REQUIRED) {
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
