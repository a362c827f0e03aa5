package semaine.nn;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import semaine.nn.gpt2.GPT2Config;
import semaine.nn.gpt2.GPT2Tokenizer;
import semaine.nn.gpt2.GenerationConfig;
import semaine.testsupport.FuzzBounds;

/**
 * A Hugging Face model folder's text files on arbitrary bytes, through the public loaders (the
 * GPT-2 classes are being moved: only the imports should change): the first byte picks the file,
 * {@code config.json}, {@code generation_config.json}, {@code vocab.json} (with the embedded
 * model's merges) or {@code merges.txt} (with its vocabulary), the rest is its content. A bad file
 * is refused with an {@link IllegalArgumentException} or, for bytes that are not text, an
 * {@link IOException}.
 */
class ModelFilesFuzzTest {

  private static final Path EMBEDDED = Path.of("..", "models", "moby-dick");
  private static final Path FOLDER = temporaryFolder();

  @FuzzTest(maxDuration = "6s")
  void modelFilesAreReadOrRefused(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    byte[] content = java.util.Arrays.copyOfRange(input, 1, input.length);
    int which = Math.floorMod(input[0], 4);
    String name = switch (which) {
      case 0 -> "config.json";
      case 1 -> "generation_config.json";
      case 2 -> "vocab.json";
      default -> "merges.txt";
    };
    Files.copy(EMBEDDED.resolve("vocab.json"), FOLDER.resolve("vocab.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(EMBEDDED.resolve("merges.txt"), FOLDER.resolve("merges.txt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.write(FOLDER.resolve(name), content);
    // the loaders read the fuzzed file and, for the tokenizer, its companion: both count as input
    long read = which < 2 ? content.length
        : Files.size(FOLDER.resolve("vocab.json")) + Files.size(FOLDER.resolve("merges.txt"));
    FuzzBounds.check((int) read, () -> {
      switch (which) {
        case 0 -> GPT2Config.fromJson(FOLDER.resolve(name));
        case 1 -> GenerationConfig.DEFAULT.withPretrained(FOLDER);
        default -> GPT2Tokenizer.fromPretrained(FOLDER).encode("Call me Ishmael.");
      }
    }, IllegalArgumentException.class, IOException.class);
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("semaine-fuzz-model-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
