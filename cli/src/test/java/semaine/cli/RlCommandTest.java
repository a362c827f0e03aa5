package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.util.Json;

class RlCommandTest {

  @Test
  void heuristicReportsMeanReturnReturnsAndLandings() {
    CliRun run = CliRun.of("rl", "heuristic", "--env", "lunar-lander", "--episodes", "5", "--seed",
        "10", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    List<?> returns = (List<?>) json.get("returns");
    assertEquals(5, returns.size());
    double mean = returns.stream().mapToDouble(r -> ((Number) r).doubleValue()).average()
        .orElseThrow();
    assertEquals(mean, ((Number) json.get("mean_return")).doubleValue(), 1e-9);
    long landed = (Long) json.get("landed");
    assertTrue(landed >= 0 && landed <= 5);
  }

  @Test
  void trainingOnAMazeFindsTheShortestPathAndWritesAGif(@TempDir Path dir) {
    Path gif = dir.resolve("maze.gif");
    CliRun run = CliRun.of("rl", "train", "--env", "maze", "--size", "6", "--episodes", "400",
        "--seed", "1", "--gif", gif.toString(), "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(400, ((List<?>) json.get("returns")).size());
    assertEquals(json.get("optimal_steps"), json.get("greedy_steps"));
    assertTrue(Files.isRegularFile(gif));
  }

  @Test
  void playWritesTheHeuristicEpisodeAsAGif(@TempDir Path dir) throws Exception {
    Path gif = dir.resolve("lander.gif");
    CliRun run = CliRun.of("rl", "play", "--seed", "2", "--gif", gif.toString(), "--json");
    assertEquals(0, run.code(), run.err());
    byte[] header = Files.readAllBytes(gif);
    assertEquals("GIF89a", new String(header, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void unknownEnvIsAUsageErrorNamingTheOption() {
    CliRun run = CliRun.of("rl", "train", "--env", "cartpole");
    assertEquals(2, run.code());
    assertEquals("semaine: error: --env (cartpole) must be one of maze, lunar-lander",
        run.errLines().getFirst());
    CliRun heuristic = CliRun.of("rl", "heuristic", "--env", "maze");
    assertEquals(2, heuristic.code());
    assertTrue(heuristic.errLines().getFirst().contains("--env (maze) has no heuristic"));
  }
}
