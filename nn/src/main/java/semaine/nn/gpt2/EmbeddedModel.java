package semaine.nn.gpt2;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import semaine.util.Json;

/**
 * The small GPT-2 shipped inside semaine, so that text generation works on a machine with no
 * model and no network: 4 layers, 4 heads, 128 channels, 128 positions and a 2048-token byte-level
 * BPE vocabulary, trained by semaine itself ({@link GPT2Trainer}) on Herman Melville's
 * <i>Moby-Dick</i> (public domain). It writes in the style of that book, and nothing like GPT-2's
 * breadth. {@code models/train-moby-dick.sh} retrains it; its {@code training.json} records the
 * corpus, the settings and the validation loss.
 *
 * <p>The files are a Hugging Face model folder stored as class-path resources; they are copied to
 * a temporary folder, loaded, and the copy deleted.
 */
public final class EmbeddedModel {

  /** The model's name: {@code Pipeline.textGeneration("moby-dick")} loads it. */
  public static final String NAME = "moby-dick";

  private static final String RESOURCES = "/semaine/nn/gpt2/moby-dick/";
  private static final List<String> FILES = List.of("config.json", "generation_config.json",
      "model.safetensors", "vocab.json", "merges.txt", "training.json");

  private EmbeddedModel() {}

  /** A text-generation pipeline on the embedded model. */
  public static TextGenerationPipeline pipeline() throws IOException {
    Path folder = Files.createTempDirectory("semaine-" + NAME);
    try {
      copyTo(folder);
      return TextGenerationPipeline.fromPretrained(NAME, folder);
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Writes the model's files (a Hugging Face folder) into {@code folder}, creating it. */
  public static void copyTo(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (String name : FILES) {
      try (InputStream in = EmbeddedModel.class.getResourceAsStream(RESOURCES + name)) {
        if (in == null) {
          throw new FileNotFoundException("the embedded model's " + name + " is missing from the"
              + " class path (" + RESOURCES + name + "); rebuild semaine, or retrain it with"
              + " models/train-moby-dick.sh");
        }
        Files.copy(in, folder.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * The embedded model's {@code training.json}, parsed: {@code corpus} (files and SHA-256),
   * {@code settings}, {@code parameters}, {@code train_loss}, {@code validation_loss} (nats per
   * token on the held-out end of the book) and {@code history} (step, train_loss,
   * validation_loss).
   */
  public static Map<String, Object> trainingReport() throws IOException {
    try (InputStream in = EmbeddedModel.class.getResourceAsStream(RESOURCES + "training.json")) {
      if (in == null) {
        throw new FileNotFoundException("the embedded model's training.json is missing from the"
            + " class path (" + RESOURCES + "training.json)");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> report = (Map<String, Object>) Json.parse(
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      return report;
    }
  }

  /** Whether {@code model} names the embedded model ({@code moby-dick} or {@code semaine/moby-dick}). */
  public static boolean isEmbedded(String model) {
    return model.equals(NAME) || model.equals("semaine/" + NAME);
  }
}
