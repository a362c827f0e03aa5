package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output paths of the issue "never destroy a user's file": each command refuses what is not a
 * regular file with one line (exit 2, no stack trace), before doing its work, and leaves it there.
 */
class OutputSafetyTest {

  @TempDir
  Path tmp;

  private static CliRun mazeGif(Path gif) {
    return CliRun.of("rl", "train", "--env", "maze", "--size", "4", "--episodes", "50", "--seed",
        "0", "--gif", gif.toString());
  }

  @Test
  void gifIntoAFifoIsRefusedAndTheFifoStays() throws Exception {
    Path fifo = tmp.resolve("pipe.gif");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    CliRun run = mazeGif(fifo);
    assertEquals(2, run.code(), run.err());
    assertEquals("semaine: error: " + fifo + " is not a regular file (a FIFO, device or socket):"
        + " the output must be a regular file or a new name", run.errLines().getFirst());
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo) && !Files.isDirectory(fifo));
  }

  @Test
  void gifIntoADirectoryIsRefusedAndTheDirectoryStays() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("empty.gif"));
    CliRun run = mazeGif(dir);
    assertEquals(2, run.code(), run.err());
    assertEquals("semaine: error: " + dir + " is a directory: the output must be a regular file or"
        + " a new name", run.errLines().getFirst());
    assertTrue(Files.isDirectory(dir));
  }

  @Test
  void gifIntoADeviceIsRefused() throws Exception {
    Path device = tmp.resolve("full");
    assertEquals(0, new ProcessBuilder("mknod", device.toString(), "c", "1", "7").start().waitFor());
    CliRun run = mazeGif(device);
    assertEquals(2, run.code(), run.err());
    assertFalse(Files.isRegularFile(device));
  }

  @Test
  void gifIntoAMissingFolderCreatesNoFolder() {
    Path gif = tmp.resolve("nonexistent/dir/x.gif");
    CliRun run = mazeGif(gif);
    assertEquals(2, run.code(), run.err());
    assertEquals("semaine: error: " + gif + " cannot be written: the folder " + gif.getParent()
        + " does not exist (semaine creates no folder for this output; create it first)",
        run.errLines().getFirst());
    assertFalse(Files.exists(tmp.resolve("nonexistent")));
  }

  @Test
  void gifIntoProcIsOneLineWithoutAStackTrace() {
    CliRun run = mazeGif(Path.of("/proc/x.gif"));
    assertEquals(2, run.code(), run.err());
    assertEquals(List.of("semaine: error: /proc/x.gif is on a proc file system, which holds system"
        + " state, not files: the output must be a regular file", "Try 'semaine rl train --help'."),
        run.errLines());
  }

  @Test
  void gifOverAnExistingGifReplacesItWhole() throws IOException {
    Path gif = Files.writeString(tmp.resolve("prev.gif"), "old");
    CliRun run = mazeGif(gif);
    assertEquals(0, run.code(), run.err());
    byte[] bytes = Files.readAllBytes(gif);
    assertEquals("GIF89a", new String(bytes, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(List.of(gif), entries(tmp));
  }

  @Test
  void datasetsOutIntoADirectoryIsRefused() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("blobs.csv"));
    CliRun run = CliRun.of("datasets", "blobs", "--samples", "5", "--out", dir.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.errLines().getFirst().endsWith(" is a directory: the output must be a regular"
        + " file or a new name"), run.err());
    assertTrue(Files.isDirectory(dir));
  }

  @Test
  void tourOutIntoAFileSaysADirectoryIsNeeded() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    CliRun run = CliRun.of("tour", "--out", file.toString());
    assertEquals(2, run.code(), run.err());
    assertEquals("semaine: error: " + file + " is not a directory: tour --out needs a directory,"
        + " where it writes index.html and figures/ (it is created when missing)",
        run.errLines().getFirst());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void exampleOutIntoAFileSaysADirectoryIsNeeded() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    CliRun run = CliRun.of("example", "lof", "--out", file.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.errLines().getFirst().contains(file + " is not a directory"), run.err());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void trainGpt2RefusesANonEmptyFolderThatIsNotAModelUnlessForced() throws IOException {
    Path text = Files.writeString(tmp.resolve("t.txt"), "abc abd abe. ".repeat(40));
    Path folder = Files.createDirectory(tmp.resolve("photos"));
    Files.writeString(folder.resolve("holiday.jpg"), "precious");
    String[] args = {"nn", "train-gpt2", text.toString(), "--out", folder.toString(),
        "--vocab-size", "270", "--layers", "1", "--heads", "1", "--embd", "8", "--context", "8",
        "--steps", "2", "--batch-size", "2"};
    CliRun refused = CliRun.of(args);
    assertEquals(2, refused.code(), refused.err());
    assertTrue(refused.errLines().getFirst().endsWith("is a non-empty folder that is not a model"
        + " folder (no config.json and weights): --out replaces the folder whole; pass --force to"
        + " replace it"), refused.err());
    assertEquals("precious", Files.readString(folder.resolve("holiday.jpg")));

    CliRun forced = CliRun.of(Stream.concat(Stream.of(args), Stream.of("--force"))
        .toArray(String[]::new));
    assertEquals(0, forced.code(), forced.err());
    assertFalse(Files.exists(folder.resolve("holiday.jpg")), "--force replaces the folder whole");
    assertTrue(Files.isRegularFile(folder.resolve("model.safetensors")));

    Files.writeString(folder.resolve("stale.txt"), "from before");
    CliRun again = CliRun.of(args);
    assertEquals(0, again.code(), "a model folder is replaced without --force: " + again.err());
    assertFalse(Files.exists(folder.resolve("stale.txt")), "no old file mixes with the new ones");
    assertEquals(List.of(folder, text), entries(tmp), "no temporary folder is left");
  }

  @Test
  void trainGpt2IntoAFileIsRefusedBeforeTraining() throws IOException {
    Path text = Files.writeString(tmp.resolve("t.txt"), "abc");
    Path file = Files.writeString(tmp.resolve("model"), "x");
    CliRun run = CliRun.of("nn", "train-gpt2", text.toString(), "--out", file.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.errLines().getFirst().contains(file + " is not a directory"), run.err());
    assertEquals("x", Files.readString(file));
  }

  private static List<Path> entries(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.sorted().toList();
    }
  }
}
