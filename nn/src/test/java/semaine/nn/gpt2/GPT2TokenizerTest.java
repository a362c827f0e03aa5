package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.nn.gpt2.Gpt2Resources.cases;
import static semaine.nn.gpt2.Gpt2Resources.ints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GPT2TokenizerTest {

  static final GPT2Tokenizer TOKENIZER = load();

  static GPT2Tokenizer load() {
    try {
      return GPT2Tokenizer.fromPretrained(Gpt2Resources.tinyModel());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void encodeMatchesTransformersOnTheTinyModelReference() {
    for (var c : cases(Gpt2Resources.json("tiny-gpt2.expected.json"), "tokenize")) {
      String text = (String) c.get("text");
      assertArrayEquals(ints(c.get("ids")), TOKENIZER.encode(text), text);
    }
  }

  @Test
  void encodeAndTokenizeMatchTransformersOnVariedTexts() {
    var cases = cases(Gpt2Resources.json("tokenizer.expected.json"), "tokenize");
    assertTrue(cases.size() > 30);
    for (var c : cases) {
      String text = (String) c.get("text");
      assertArrayEquals(ints(c.get("ids")), TOKENIZER.encode(text), text);
      assertEquals(c.get("tokens"), TOKENIZER.tokenize(text), text);
    }
  }

  @Test
  void aTextReadBlockByBlockGivesTheIdsOfTheWholeText() throws IOException {
    StringBuilder all = new StringBuilder();
    String[] separators = {"\n", "\n\n", " \n", "\r\n", "\u00a0\n", "x\n  ", "'s\n"};
    int k = 0;
    for (var c : cases(Gpt2Resources.json("tokenizer.expected.json"), "tokenize")) {
      all.append((String) c.get("text")).append(separators[k++ % separators.length]);
    }
    java.util.Random random = new java.util.Random(7);
    String alphabet = "ab Z9'\n\n  \t.,\u00e9\u00a0\u3000\ud83d\ude00-";
    for (int i = 0; i < 4000; i++) {
      if (i % 500 == 0) {
        all.append(GPT2Tokenizer.END_OF_TEXT);
      }
      int at = random.nextInt(alphabet.length());
      char ch = alphabet.charAt(at);
      all.append(ch);
      if (Character.isHighSurrogate(ch)) {
        all.append(alphabet.charAt(at + 1));
      }
    }
    String text = all.toString();
    int[] whole = TOKENIZER.encode(text);
    for (int block : new int[] {1, 2, 3, 7, 64, 1 << 16}) {
      var ids = new java.util.ArrayList<Integer>();
      long read = TOKENIZER.encode(new java.io.StringReader(text), block, ids::add);
      assertEquals(text.length(), read);
      assertArrayEquals(whole, ids.stream().mapToInt(Integer::intValue).toArray(),
          "blocks of " + block);
    }
  }

  @Test
  void decodeOfEncodeGivesTheTextBack() {
    for (var c : cases(Gpt2Resources.json("tokenizer.expected.json"), "tokenize")) {
      String text = (String) c.get("text");
      assertEquals(text, TOKENIZER.decode(TOKENIZER.encode(text)), text);
    }
  }

  @Test
  void decodeMatchesTransformersIncludingPartialCharactersAndSpecialTokens() {
    for (var c : cases(Gpt2Resources.json("tokenizer.expected.json"), "decode")) {
      int[] ids = ints(c.get("ids"));
      String what = java.util.Arrays.toString(ids);
      assertEquals(c.get("text"), TOKENIZER.decode(ids), what);
      assertEquals(c.get("skip_special"), TOKENIZER.decode(ids, true), what);
      List<String> tokens = java.util.Arrays.stream(ids).mapToObj(TOKENIZER::idToToken).toList();
      assertEquals(c.get("tokens"), tokens, what);
    }
  }

  @Test
  void endOfTextIsOneSpecialToken() {
    assertEquals(50256, TOKENIZER.eosTokenId());
    assertEquals(50257, TOKENIZER.vocabSize());
    assertArrayEquals(new int[] {31373, 220, 50256}, TOKENIZER.encode("hello <|endoftext|>"));
  }

  @Test
  void decodeRejectsAnIdOutsideTheVocabulary() {
    var e = assertThrows(IllegalArgumentException.class, () -> TOKENIZER.decode(new int[] {50257}));
    assertTrue(e.getMessage().contains("token id (50257)"), e.getMessage());
  }

  @Test
  void fromPretrainedNamesTheMissingFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("vocab.json"), "{\"<|endoftext|>\": 0}");
    var e = assertThrows(NoSuchFileException.class, () -> GPT2Tokenizer.fromPretrained(dir));
    assertTrue(e.getMessage().contains("merges.txt"), e.getMessage());
  }

  @Test
  void fromPretrainedRejectsAMalformedMerge(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("vocab.json"), "{\"<|endoftext|>\": 0, \"a\": 1}");
    Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\na b\nab\n");
    var e = assertThrows(IllegalArgumentException.class, () -> GPT2Tokenizer.fromPretrained(dir));
    assertTrue(e.getMessage().contains("merge 2 (\"ab\")"), e.getMessage());
  }

  @Test
  void aTinyVocabularyMergesByRank() {
    var tokenizer = new GPT2Tokenizer(
        Map.of("<|endoftext|>", 0, "a", 1, "b", 2, "ab", 3, "abab", 4, "ba", 5),
        List.of("a b", "ab ab", "b a"));
    // "abab": a b a b -> ab ab (rank 0 first, both) -> abab (rank 1); "ba" never forms
    assertArrayEquals(new int[] {4}, tokenizer.encode("abab"));
    assertArrayEquals(new int[] {3, 1}, tokenizer.encode("aba"));
  }
}
