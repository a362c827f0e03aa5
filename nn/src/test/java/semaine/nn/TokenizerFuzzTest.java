package semaine.nn;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import semaine.nn.gpt2.GPT2Tokenizer;
import semaine.testsupport.FuzzBounds;

/**
 * The GPT-2 byte-level BPE tokenizer (the embedded model's vocabulary) on arbitrary bytes read as
 * UTF-8 text: encoding never throws, the ids decode without error, and every id is in the
 * vocabulary. Nothing is documented to escape.
 */
class TokenizerFuzzTest {

  private static final GPT2Tokenizer TOKENIZER = load();

  @FuzzTest(maxDuration = "6s")
  void anyTextEncodesAndDecodes(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    FuzzBounds.check(input.length, () -> {
      int[] ids = TOKENIZER.encode(text);
      for (int id : ids) {
        TOKENIZER.idToToken(id);
      }
      TOKENIZER.decode(ids, false);
      TOKENIZER.decode(ids, true);
    });
  }

  private static GPT2Tokenizer load() {
    try {
      return GPT2Tokenizer.fromPretrained(Path.of("..", "models", "moby-dick"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
