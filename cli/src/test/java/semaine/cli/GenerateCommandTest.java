package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.nn.Safetensors;
import semaine.nn.Tensor;
import semaine.util.Json;

class GenerateCommandTest {

  /** The tiny random GPT-2 of the nn module's test resources (real GPT-2 tokenizer files). */
  static final String TINY = Path.of("..", "nn", "src", "test", "resources", "gpt2", "tiny-gpt2")
      .toAbsolutePath().normalize().toString();

  @Test
  void greedyJsonHasTheTransformersIdsAndText() {
    CliRun run = CliRun.of("generate", "I loved reading that book.", "--model", TINY, "--greedy",
        "--max-new-tokens", "3", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(List.of(40L, 6151L, 3555L, 326L, 1492L, 13L), json.get("prompt_ids"));
    Map<?, ?> first = (Map<?, ?>) ((List<?>) json.get("generated")).getFirst();
    // tiny-gpt2.expected.json: the greedy continuation repeats 11900 (" /*")
    assertEquals(List.of(40L, 6151L, 3555L, 326L, 1492L, 13L, 11900L, 11900L, 11900L), first.get("ids"));
    assertEquals("I loved reading that book. /* /* /*", first.get("text"));
    assertTrue(((Number) json.get("tokens_per_second")).doubleValue() > 0);
    assertEquals(TINY, json.get("model"));
  }

  /** 8-bit weights: the tiny model's greedy tokens stay those of float32 (QuantizedModelTest). */
  @Test
  void q8GivesTheSameGreedyTokensOnTheTinyModel() {
    CliRun run = CliRun.of("generate", "I loved reading that book.", "--model", TINY, "--greedy",
        "--max-new-tokens", "3", "--q8", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    Map<?, ?> first = (Map<?, ?>) ((List<?>) json.get("generated")).getFirst();
    assertEquals(List.of(40L, 6151L, 3555L, 326L, 1492L, 13L, 11900L, 11900L, 11900L), first.get("ids"));
    assertEquals(true, json.get("q8"));
  }

  @Test
  void textStreamsToStdoutAndTheSameSeedRepeatsIt() {
    String[] args = {"generate", "Hello world", "--model", TINY, "--max-length", "20", "--seed", "42",
        "--num-return-sequences", "2"};
    CliRun run = CliRun.of(args);
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(2, lines.size(), run.out());
    assertTrue(lines.get(0).startsWith("Hello world") && lines.get(1).startsWith("Hello world"));
    assertTrue(run.err().contains("tokens/s"), run.err());
    assertEquals(run.out(), CliRun.of(args).out());
    Map<?, ?> json = (Map<?, ?>) Json.parse(CliRun.of(append(args, "--json")).out());
    List<?> generated = (List<?>) json.get("generated");
    assertEquals(lines.get(0), ((Map<?, ?>) generated.get(0)).get("text"));
    assertEquals(lines.get(1), ((Map<?, ?>) generated.get(1)).get("text"));
  }

  @Test
  void badCombinationsAreUsageErrorsNamingTheOptions() {
    CliRun both = CliRun.of("generate", "x", "--model", TINY, "--max-length", "9",
        "--max-new-tokens", "3");
    assertEquals(2, both.code());
    assertTrue(both.err().contains("--max-length and --max-new-tokens"), both.err());
    CliRun greedy = CliRun.of("generate", "x", "--model", TINY, "--greedy", "--top-k", "5");
    assertEquals(2, greedy.code());
    assertTrue(greedy.err().contains("--greedy"), greedy.err());
    CliRun shortMax = CliRun.of("generate", "I loved reading that book.", "--model", TINY,
        "--max-length", "3");
    assertEquals(2, shortMax.code());
    assertTrue(shortMax.err().contains("--max-length (3) must be > the prompt length (6 tokens)"),
        shortMax.err());
    CliRun topP = CliRun.of("generate", "x", "--model", TINY, "--top-p", "1.5");
    assertEquals(2, topP.code());
    assertTrue(topP.err().contains("--top-p (1.5)"), topP.err());
  }

  /** A temperature of 1e-300 puts all the probability on the most likely token: greedy's text. */
  @Test
  void aTinyTemperatureGivesTheGreedyTokens() {
    CliRun run = CliRun.of("generate", "I loved reading that book.", "--model", TINY,
        "--temperature", "1e-300", "--seed", "1", "--max-new-tokens", "3", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    Map<?, ?> first = (Map<?, ?>) ((List<?>) json.get("generated")).getFirst();
    assertEquals(List.of(40L, 6151L, 3555L, 326L, 1492L, 13L, 11900L, 11900L, 11900L),
        first.get("ids"));
  }

  /** NaN weights give NaN logits: a runtime error on one line, in float32 and in 8 bits. */
  @Test
  void aModelWithNaNWeightsIsARuntimeErrorNotAText(@TempDir Path dir) throws IOException {
    for (String file : List.of("config.json", "vocab.json", "merges.txt")) {
      Files.copy(Path.of(TINY, file), dir.resolve(file));
    }
    Map<String, Tensor> tensors = new LinkedHashMap<>(
        Safetensors.read(Path.of(TINY, "model.safetensors")));
    Tensor fc = tensors.get("transformer.h.1.mlp.c_fc.weight");
    float[] nan = new float[fc.numel()];
    Arrays.fill(nan, Float.NaN);
    tensors.put("transformer.h.1.mlp.c_fc.weight", Tensor.of(nan, fc.shape()));
    Safetensors.write(dir.resolve("model.safetensors"), tensors);
    for (String q8 : List.of("--greedy", "--q8")) {
      CliRun run = CliRun.of("generate", "Hello", "--model", dir.toString(), q8,
          "--max-new-tokens", "3");
      assertEquals(1, run.code(), run.err());
      assertEquals(1, run.err().strip().lines().count(), run.err());
      assertTrue(run.err().contains("the model produced non-finite logits (NaN) at step 1"),
          run.err());
      assertEquals("", run.out(), "nothing on stdout, not even the prompt");
    }
  }

  /** A config.json that disagrees with the weights is refused, naming both. */
  @Test
  void aConfigThatDisagreesWithTheWeightsIsRefused(@TempDir Path dir) throws IOException {
    for (String file : List.of("model.safetensors", "vocab.json", "merges.txt")) {
      Files.copy(Path.of(TINY, file), dir.resolve(file));
    }
    Files.writeString(dir.resolve("config.json"), Files.readString(Path.of(TINY, "config.json"))
        .replace("\"n_layer\": 2", "\"n_layer\": 1"));
    CliRun run = CliRun.of("generate", "Hello", "--model", dir.toString(), "--greedy");
    // an IllegalArgumentException from the library: exit 2, as every bad model file so far
    assertEquals(2, run.code(), run.err());
    String first = run.err().lines().findFirst().orElseThrow();
    assertTrue(first.contains(dir.resolve("model.safetensors") + " holds 2 blocks"), run.err());
    assertTrue(first.contains("config.json says n_layer = 1"), run.err());
  }

  /** A folder that does not exist is an error, not a reason to switch models. */
  @Test
  void aMissingFolderIsAnError() {
    CliRun run = CliRun.of("generate", "x", "--model", "./no/such/folder");
    assertEquals(1, run.code());
    assertTrue(run.err().contains("model \"./no/such/folder\" not found"), run.err());
  }

  /**
   * A Hub id out of reach (tests run with HF_HUB_OFFLINE=1 and an empty cache): the embedded model
   * stands in, and the JSON says why.
   */
  @Test
  void anUnreachableHubIdFallsBackToTheEmbeddedModel() {
    CliRun run = CliRun.of("generate", "Call me Ishmael.", "--model", "no-such-model-here",
        "--greedy", "--max-new-tokens", "8", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals("moby-dick", json.get("model"));
    String notice = (String) json.get("notice");
    assertTrue(notice.contains("model \"no-such-model-here\" not found")
        && notice.contains("models--no-such-model-here") && notice.contains("moby-dick"), notice);
    Map<?, ?> first = (Map<?, ?>) ((List<?>) json.get("generated")).getFirst();
    assertEquals(((List<?>) json.get("prompt_ids")).size() + 8, ((List<?>) first.get("ids")).size());
    // the same model asked by name gives the same greedy text, without a notice
    CliRun named = CliRun.of("generate", "Call me Ishmael.", "--model", "moby-dick", "--greedy",
        "--max-new-tokens", "8", "--json");
    Map<?, ?> direct = (Map<?, ?>) Json.parse(named.out());
    assertEquals(first, ((List<?>) direct.get("generated")).getFirst());
    assertEquals(null, direct.get("notice"));
  }

  @Test
  void tokenizeWorksWithTheEmbeddedModel() {
    CliRun run = CliRun.of("tokenize", "Call me Ishmael.", "--model", "moby-dick", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    List<?> tokens = (List<?>) json.get("tokens");
    assertEquals("Call me Ishmael.", String.join("", tokens.stream().map(Object::toString).toList())
        .replace('Ġ', ' '));
    assertEquals(tokens.size(), ((List<?>) json.get("ids")).size());
  }

  @Test
  void tokenizeGivesIdsAndTokens() {
    CliRun run = CliRun.of("tokenize", "Hello world", "--model", TINY, "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(List.of(15496L, 995L), json.get("ids"));
    assertEquals(List.of("Hello", "Ġworld"), json.get("tokens"));
    CliRun text = CliRun.of("tokenize", "Hello world", "--model", TINY);
    assertTrue(text.out().contains("15496  Hello"), text.out());
  }

  static String[] append(String[] args, String extra) {
    String[] out = java.util.Arrays.copyOf(args, args.length + 1);
    out[args.length] = extra;
    return out;
  }
}
