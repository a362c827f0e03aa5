package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.util.Json;

/** {@code semaine tokenize --file}: a file's ids streamed, equal to the ids of its whole text. */
class TokenizeCommandTest {

  @TempDir
  Path dir;

  /** Several blocks of text: lines, blank lines, unicode, the end-of-text token. */
  private Path book() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; TokenizeCommand.BLOCK_CHARS * 2 + 5000 > text.length(); i++) {
      text.append("Call me Ishmael. Some years ago, ").append(i).append(" n\u00e9ver mind\n");
      if (i % 97 == 0) {
        text.append("\n  \u00a0\n<|endoftext|>It's \ud83d\ude00 ").append(i % 13).append(":\n");
      }
    }
    Path file = dir.resolve("book.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void aFileOfSeveralBlocksGivesTheIdsOfItsWholeText() throws IOException {
    Path book = book();
    String text = Files.readString(book);
    int[] whole = semaine.nn.gpt2.EmbeddedModel.pipeline().tokenizer().encode(text);
    Path ids = dir.resolve("ids.txt");
    CliRun run = CliRun.of("tokenize", "--file", book.toString(), "--out", ids.toString(),
        "--model", "moby-dick", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    int[] written = Files.readAllLines(ids).stream().mapToInt(Integer::parseInt).toArray();
    assertArrayEquals(whole, written);
    assertEquals((long) whole.length, json.get("tokens"));
    assertEquals((long) text.length(), json.get("characters"));
    CliRun stdout = CliRun.of("tokenize", "--file", book.toString(), "--model", "moby-dick");
    assertEquals(0, stdout.code(), stdout.err());
    assertEquals(Files.readString(ids), stdout.out());
  }

  @Test
  void missingOrConflictingInputsAreUsageErrorsAndAnOldOutputIsKept() throws IOException {
    Path ids = dir.resolve("ids.txt");
    Files.writeString(ids, "kept\n");
    Path binary = dir.resolve("binary.bin");
    Files.write(binary, new byte[] {'a', '\n', (byte) 0xff, (byte) 0xfe});
    for (List<String> args : List.of(
        List.of("tokenize", "--model", "moby-dick"),
        List.of("tokenize", "text", "--file", binary.toString(), "--model", "moby-dick"),
        List.of("tokenize", "text", "--out", ids.toString(), "--model", "moby-dick"),
        List.of("tokenize", "--file", dir.resolve("absent.txt").toString(), "--model",
            "moby-dick"),
        List.of("tokenize", "--file", binary.toString(), "--json", "--model", "moby-dick"),
        List.of("tokenize", "--file", binary.toString(), "--out", ids.toString(), "--model",
            "moby-dick"))) {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(2, run.code(), args + ": " + run.err());
      assertTrue(run.err().contains("semaine: error: "), run.err());
    }
    assertEquals("kept\n", Files.readString(ids));
  }
}
