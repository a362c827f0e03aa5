package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.util.Json;

/** {@code semaine nn train-gpt2}: a small model trained on text, then used by generate. */
class TrainGpt2CommandTest {

  @TempDir
  Path tmp;

  @Test
  void trainsAModelThatGenerateAndTokenizeLoad() throws IOException {
    Path text = tmp.resolve("digits.txt");
    StringBuilder counting = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      counting.append("one two three four five six seven eight nine ten. ");
    }
    Files.writeString(text, counting.toString());
    Path out = tmp.resolve("model");
    CliRun run = CliRun.of("nn", "train-gpt2", text.toString(), "--out", out.toString(),
        "--vocab-size", "300", "--layers", "1", "--heads", "2", "--embd", "32", "--context", "16",
        "--steps", "60", "--batch-size", "8", "--learning-rate", "0.01", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertTrue(((Number) json.get("validation_loss")).doubleValue() < 0.5,
        "the counting text is predictable: " + json.get("validation_loss"));
    assertEquals(20, ((List<?>) json.get("history")).size());
    for (String file : List.of("config.json", "model.safetensors", "vocab.json", "merges.txt",
        "generation_config.json", "training.json")) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
    Map<?, ?> training = (Map<?, ?>) Json.parse(Files.readString(out.resolve("training.json")));
    Map<?, ?> corpus = (Map<?, ?>) ((List<?>) training.get("corpus")).getFirst();
    assertEquals("digits.txt", corpus.get("file"));
    assertEquals(64, ((String) corpus.get("sha256")).length());

    CliRun generate = CliRun.of("generate", "one two three", "--model", out.toString(),
        "--greedy", "--max-new-tokens", "6", "--json");
    assertEquals(0, generate.code(), generate.err());
    Map<?, ?> first = (Map<?, ?>) ((List<?>) ((Map<?, ?>) Json.parse(generate.out()))
        .get("generated")).getFirst();
    assertTrue(((String) first.get("text")).startsWith("one two three four five"), first.toString());
  }

  @Test
  void badShapesAndMissingFilesAreNamed() {
    CliRun heads = CliRun.of("nn", "train-gpt2", "x.txt", "--out", tmp.toString(), "--embd", "30",
        "--heads", "4");
    assertEquals(2, heads.code());
    assertTrue(heads.err().contains("--embd (30) must be a multiple of --heads (4)"), heads.err());
    CliRun share = CliRun.of("nn", "train-gpt2", "x.txt", "--out", tmp.toString(), "--validation",
        "1");
    assertEquals(2, share.code());
    assertTrue(share.err().contains("--validation (1.0) must be below 1"), share.err());
    CliRun missing = CliRun.of("nn", "train-gpt2", tmp.resolve("nope.txt").toString(), "--out",
        tmp.toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("nope.txt"), missing.err());
  }
}
