package semaine.util;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import semaine.testsupport.FuzzBounds;

/**
 * semaine's JSON reader (model configs, vocabularies, safetensors headers) on arbitrary text: it
 * parses or refuses with an {@link IllegalArgumentException}; what it parses is written, parsed
 * and written again to the same text (a number too large for a double reads as an infinity, as in
 * Python, and is written as {@code null}).
 */
class JsonFuzzTest {

  @FuzzTest(maxDuration = "6s")
  void jsonTextIsParsedOrRefusedWithAnArgumentError(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    FuzzBounds.check(input.length, () -> {
      String written = Json.write(Json.parse(text));
      String again = Json.write(Json.parse(written));
      if (!written.equals(again)) {
        throw new AssertionError("parse then write changed " + written + " into " + again);
      }
    }, IllegalArgumentException.class);
  }
}
