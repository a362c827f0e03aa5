package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder whose files are malformed or disagree is refused, naming the file. */
class ModelFileErrorsTest {

  @TempDir
  Path dir;

  /** The tiny model's files copied into {@code dir}. */
  void copyTiny() throws IOException {
    for (String file : List.of("config.json", "model.safetensors", "vocab.json", "merges.txt")) {
      Files.copy(Gpt2Resources.tinyModel().resolve(file), dir.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The tiny model copied into {@code dir}, its config.json with {@code key} set to {@code value}. */
  void tinyWith(String key, String value) throws IOException {
    copyTiny();
    Path config = dir.resolve("config.json");
    String text = Files.readString(config);
    String replaced = text.replaceFirst("\"" + key + "\": [0-9]+", "\"" + key + "\": " + value);
    assertNotEquals(text, replaced, key);
    Files.writeString(config, replaced);
  }

  static void assertNames(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "\"" + part + "\" missing from: " + e.getMessage());
    }
  }

  @Test
  void fewerLayersInTheConfigThanInTheWeightsIsAnError() throws IOException {
    tinyWith("n_layer", "1");
    var e = assertThrows(IllegalArgumentException.class, () -> GPT2LMHeadModel.fromPretrained(dir));
    assertNames(e, dir.resolve("model.safetensors").toString(), "holds 2 blocks",
        "\"transformer.h.1.", "n_layer = 1");
  }

  @Test
  void moreLayersInTheConfigThanInTheWeightsIsAnError() throws IOException {
    tinyWith("n_layer", "3");
    var e = assertThrows(IllegalArgumentException.class, () -> GPT2LMHeadModel.fromPretrained(dir));
    assertNames(e, dir.resolve("model.safetensors").toString(), "holds 2 blocks", "n_layer = 3");
  }

  @Test
  void otherSizesThatDisagreeNameTheTensorItsShapeAndTheConfigValue() throws IOException {
    tinyWith("vocab_size", "50000");
    var vocab = assertThrows(IllegalArgumentException.class,
        () -> GPT2LMHeadModel.fromPretrained(dir));
    assertNames(vocab, dir.resolve("model.safetensors").toString(),
        "\"transformer.wte.weight\" has shape [50257, 16]", "implies [50000, 16]",
        "vocab_size = 50000", "n_embd = 16");
    tinyWith("n_positions", "128");
    var positions = assertThrows(IllegalArgumentException.class,
        () -> GPT2LMHeadModel.fromPretrained(dir));
    assertNames(positions, "\"transformer.wpe.weight\" has shape [64, 16]", "n_positions = 128");
    tinyWith("n_embd", "32");
    var embd = assertThrows(IllegalArgumentException.class,
        () -> GPT2LMHeadModel.fromPretrained(dir));
    assertNames(embd, "\"transformer.wte.weight\" has shape [50257, 16]", "n_embd = 32");
  }

  @Test
  void malformedConfigJsonNamesTheFile() throws IOException {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"n_layer\": 2,");
    var e = assertThrows(IllegalArgumentException.class, () -> GPT2Config.fromJson(config));
    assertNames(e, config.toString(), "malformed JSON");
    Files.writeString(config, "{\"layer_norm_epsilon\": \"small\"}");
    var epsilon = assertThrows(IllegalArgumentException.class, () -> GPT2Config.fromJson(config));
    assertNames(epsilon, config.toString(), "layer_norm_epsilon (small) must be a number");
    Files.write(config, new byte[] {'{', (byte) 0xC3, '}'});
    var utf8 = assertThrows(IOException.class, () -> GPT2Config.fromJson(config));
    assertNames(utf8, config.toString(), "not UTF-8");
  }

  @Test
  void malformedVocabOrMergesNameTheFile() throws IOException {
    copyTiny();
    Path vocab = dir.resolve("vocab.json");
    assertVocabRefused("{\"a\": 0, ", vocab.toString(), "malformed JSON");
    assertVocabRefused("{\"a\": 0, \"<|endoftext|>\": 99999999999}", vocab.toString(),
        "\"<|endoftext|>\" (99999999999) must be a whole number");
    assertVocabRefused("{\"a\": -1, \"<|endoftext|>\": 1}", vocab.toString(), "\"a\" (-1)");
    assertVocabRefused("{\"a\": 0}", vocab.toString(), "<|endoftext|>");
    Files.writeString(vocab, "{\"a\": 0, \"b\": 1, \"<|endoftext|>\": 2}");
    Path merges = dir.resolve("merges.txt");
    Files.writeString(merges, "#version: 0.2\na b\nab\n");
    var merge = assertThrows(IllegalArgumentException.class,
        () -> GPT2Tokenizer.fromPretrained(dir));
    assertNames(merge, merges + ": line 3, merge 2 (\"ab\") must be two symbols");
  }

  /** vocab.json holding {@code json} is refused with a message holding {@code parts}. */
  void assertVocabRefused(String json, String... parts) throws IOException {
    Files.writeString(dir.resolve("vocab.json"), json);
    assertNames(assertThrows(IllegalArgumentException.class,
        () -> GPT2Tokenizer.fromPretrained(dir)), parts);
  }
}
