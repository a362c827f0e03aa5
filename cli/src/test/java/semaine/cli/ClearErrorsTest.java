package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import semaine.rl.maze.Maze;
import semaine.util.Json;

/** The unclear errors of the issue "never print a silent wrong answer", each now one clear line. */
class ClearErrorsTest {

  @TempDir
  Path tmp;

  @Test
  void aLatin1CsvNamesFileLineAndByteAndIsAUsageError() throws IOException {
    Path file = tmp.resolve("prices.csv");
    Files.write(file, "name,price\ncaf\u00e9,2.0\n".getBytes(StandardCharsets.ISO_8859_1));
    CliRun run = CliRun.of("datasets", "load", file.toString(), "--target", "price");
    assertEquals(2, run.code(), run.err());
    assertEquals("semaine: error: prices.csv line 2, byte offset 14: 0xE9 is not valid UTF-8: the"
        + " file is not UTF-8 (Latin-1 or Windows-1252?); save it as UTF-8",
        run.errLines().getFirst());
  }

  @Test
  void libraryParameterNamesAreShownAsTheOptionsTyped() {
    var spec = new CommandLine(new GenerateCommand()).getCommandSpec();
    assertEquals("--max-length (1) must be > the prompt length (2 tokens): it counts the prompt;"
        + " use --max-new-tokens to count only new tokens", ErrorHandler.asTyped("maxLength (1)"
        + " must be > the prompt length (2 tokens): it counts the prompt; use maxNewTokens to count"
        + " only new tokens", spec));
    assertEquals("--seed (-1) must be >= 0, and the seed (a number) is kept",
        ErrorHandler.asTyped("seed (-1) must be >= 0, and the seed (a number) is kept", spec));
  }

  @Test
  void helpWithJsonIsOneJsonObjectOfTheOptions() {
    CliRun run = CliRun.of("datasets", "blobs", "--help", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals("semaine datasets blobs", json.get("command"));
    Map<?, ?> samples = ((List<?>) json.get("options")).stream().map(o -> (Map<?, ?>) o)
        .filter(o -> ((List<?>) o.get("names")).contains("--samples")).findFirst().orElseThrow();
    assertEquals("100", samples.get("default"));
    assertTrue(((String) samples.get("description")).contains("(default: 100)"), samples.toString());
  }

  @Test
  void outOfMemoryPastJavasArrayLimitDoesNotAdviseMoreHeap() {
    String message = ErrorHandler.outOfMemory(
        new OutOfMemoryError("Requested array size exceeds VM limit"));
    assertEquals("out of memory: the input needs an array or text longer than Java's limit of"
        + " 2^31 - 1 elements, which no heap size lifts; use smaller input", message);
  }

  @Test
  void countsThatCannotFitAreRefusedUpFrontWithTheLimit() {
    CliRun episodes = CliRun.of("rl", "train", "--env", "maze", "--size", "4", "--episodes",
        "2147483647");
    assertEquals(2, episodes.code(), episodes.err());
    assertEquals("semaine: error: --episodes (2147483647) is too large: the maximum is 10000000"
        + " (every episode's return is kept and printed)", episodes.errLines().getFirst());
    CliRun samples = CliRun.of("datasets", "blobs", "--samples", "2147483647", "--json");
    assertEquals(2, samples.code(), samples.err());
    assertEquals("semaine: error: --samples (2147483647) is too large: the maximum is 28633115 for"
        + " 2 features with --json (the JSON text is one Java string of at most 2^31 - 1"
        + " characters); without --json the CSV is written row by row",
        samples.errLines().getFirst(), "more heap cannot help, and the message does not say it can");
    CliRun csv = CliRun.of("datasets", "blobs", "--samples", "2147483647");
    assertEquals(2, csv.code(), csv.err());
    long heap = Runtime.getRuntime().maxMemory();
    assertEquals("semaine: error: --samples (2147483647) is too large: the maximum is "
        + heap / 44 + " for 2 features in this Java heap of " + (heap >> 20) + " MB; more fit"
        + " with more heap (SEMAINE_JAVA_OPTS=-Xmx" + ((2147483647L * 44 >> 30) + 1) + "g)",
        csv.errLines().getFirst(), "the CSV text is streamed: only the samples must fit");
    CliRun sequences = CliRun.of("generate", "x", "--model", GenerateCommandTest.TINY,
        "--num-return-sequences", "2000000000", "--max-new-tokens", "8");
    assertEquals(2, sequences.code(), sequences.err());
    assertTrue(sequences.errLines().getFirst().startsWith("semaine: error: --num-return-sequences"
        + " (2000000000) is too large: the maximum is "), sequences.err());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLongEpisodeIsStreamedIntoTheGifAndCutAtItsFrameLimit() throws IOException {
    // The bare maze, without Envs' time limit, so that the episode lasts maxSteps steps.
    var maze = (semaine.rl.Env<Object, Integer>) (semaine.rl.Env<?, ?>) new Maze(2, 2);
    Path gif = tmp.resolve("long.gif");
    int maxSteps = RlRuns.MAX_GIF_FRAMES + 100;
    // Always moving up never reaches the exit (bottom right): the episode lasts maxSteps steps.
    RlRuns.Episode episode = RlRuns.playToGif(maze, o -> 0, 0, maxSteps, gif, null);
    assertEquals(maxSteps, episode.steps());
    assertTrue(episode.frames().isEmpty(), "no frame is kept in memory");
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      assertEquals(RlRuns.MAX_GIF_FRAMES, reader.getNumImages(true));
    }
  }
}
