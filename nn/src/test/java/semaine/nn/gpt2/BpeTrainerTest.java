package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTrainerTest {

  @TempDir
  Path dir;

  @Test
  void mergesTheMostFrequentPairFirstAndStopsWhenNoPairRepeats() {
    // words "ab", "Ġab", "Ġab", "Ġcd": (a, b) occurs 3 times, then (Ġ, ab) twice, the rest once
    var v = BpeTrainer.train("ab ab ab cd", 1000);
    assertEquals(List.of("a b", "Ġ ab"), v.merges());
    assertEquals(256 + 2 + 1, v.vocab().size());
    assertEquals(258, v.vocab().get(GPT2Tokenizer.END_OF_TEXT));
    assertEquals(List.of("Ġab", "Ġ", "c", "d"), v.tokenizer().tokenize(" ab cd"));
  }

  @Test
  void theByteAlphabetComesInGpt2Order() {
    var v = BpeTrainer.train("x", 257);
    assertEquals(0, v.vocab().get("!"));
    assertEquals(93, v.vocab().get("~"));
    assertEquals(188, v.vocab().get("Ā")); // byte 0, the first non-printable one
    assertEquals(220, v.vocab().get("Ġ")); // the space, as in GPT-2's encoder.json
  }

  @Test
  void stopsAtTheVocabularySizeAndRoundTripsAnyText() throws IOException {
    String text = "It is a way I have of driving off the spleen, and regulating the circulation. "
        + "Whenever I find myself growing grim about the mouth; whenever it is a damp, drizzly "
        + "November in my soul… ça va, naïve café 42 — 東京.";
    var v = BpeTrainer.train(text.repeat(3), 300);
    assertEquals(300, v.vocab().size());
    assertEquals(300 - 257, v.merges().size());
    v.save(dir);
    GPT2Tokenizer loaded = GPT2Tokenizer.fromPretrained(dir);
    String other = "Unseen words: zebra, Ωmega!\n\n<|endoftext|>";
    assertEquals(other, loaded.decode(loaded.encode(other)));
    assertArrayEquals(v.tokenizer().encode(text), loaded.encode(text));
    int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertTrue(loaded.encode(text).length < 0.7 * bytes,
        "43 merges shorten the text they were learned from: " + loaded.encode(text).length
            + " tokens for " + bytes + " bytes");
  }

  @Test
  void refusesATooSmallVocabularyAndEmptyText() {
    var e = assertThrows(IllegalArgumentException.class, () -> BpeTrainer.train("abc", 100));
    assertTrue(e.getMessage().contains("vocabSize (100)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BpeTrainer.train("", 300));
    assertTrue(e.getMessage().contains("text is empty"), e.getMessage());
  }
}
