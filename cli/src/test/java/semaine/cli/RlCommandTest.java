package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.base.Models;
import semaine.nn.rl.DQN;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.agents.QLearning;
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
  void aSavedAgentLoadsAndActsAsTheTrainingProcessDid(@TempDir Path dir) {
    Path file = dir.resolve("maze.semaine");
    CliRun run = CliRun.of("rl", "train", "--env", "maze", "--size", "5", "--episodes", "300",
        "--seed", "4", "--save", file.toString(), "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(file.toString(), json.get("saved"));
    QLearning loaded = Models.load(file, QLearning.class);
    double[] returns = ((List<?>) json.get("returns")).stream()
        .mapToDouble(r -> ((Number) r).doubleValue()).toArray();
    assertArrayEquals(returns, loaded.episodeReturns());
    Env<Integer, Integer> env = Envs.make("Maze-v0", 5);
    int cell = env.reset(4).observation();
    int steps = 0;
    boolean done = false;
    while (!done && steps < 250) {
      var result = env.step(loaded.predict((Object) cell));
      cell = result.observation();
      done = result.done();
      steps++;
    }
    assertEquals(((Number) json.get("greedy_steps")).intValue(), steps);
    assertEquals(json.get("optimal_steps"), json.get("greedy_steps"));

    Path lander = dir.resolve("lander.semaine");
    CliRun landerRun = CliRun.of("rl", "train", "--env", "lunar-lander", "--episodes", "15",
        "--seed", "2", "--save", lander.toString(), "--json");
    assertEquals(0, landerRun.code(), landerRun.err());
    Map<?, ?> landerJson = (Map<?, ?>) Json.parse(landerRun.out());
    QLearning landerAgent = Models.load(lander, QLearning.class);
    assertEquals(((Number) landerJson.get("q_table_states")).longValue(),
        landerAgent.table().storedStates());
    Env<double[], Integer> moon = Envs.make("LunarLander-v3");
    double[] observation = moon.reset(2).observation();
    double total = 0;
    for (int t = 0; t < 1000; t++) {
      var result = moon.step(landerAgent.predict(observation));
      observation = result.observation();
      total += result.reward();
      if (result.done()) {
        break;
      }
    }
    assertEquals(((Number) landerJson.get("greedy_return")).doubleValue(), total);
    CliRun intoDir = CliRun.of("rl", "train", "--env", "maze", "--size", "4", "--episodes", "5",
        "--save", dir.toString());
    assertEquals(2, intoDir.code(), intoDir.err());
    assertTrue(intoDir.err().contains("is a directory"), intoDir.err());
  }

  @Test
  void aDeepAgentTrainsSavesAndLoadsToTheSameGreedyEpisode(@TempDir Path dir) {
    Path file = dir.resolve("dqn.semaine");
    CliRun run = CliRun.of("rl", "train", "--env", "lunar-lander", "--agent", "dqn",
        "--timesteps", "400", "--seed", "3", "--param", "net_arch=16", "--param",
        "learning_starts=100", "--param", "batch_size=16", "--save", file.toString(), "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(file.toString(), json.get("saved"));
    DQN loaded = Models.load(file, DQN.class);
    assertEquals(((Number) json.get("greedy_return")).doubleValue(),
        DeepRlRuns.greedyReturn(loaded::predict, 3));
    CliRun maze = CliRun.of("rl", "train", "--env", "maze", "--agent", "ppo");
    assertEquals(2, maze.code());
    assertTrue(maze.err().contains("use --env lunar-lander"), maze.err());
    CliRun bad = CliRun.of("rl", "train", "--env", "lunar-lander", "--agent", "dqn", "--param",
        "gamma=2");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("gamma (2"), bad.err());
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
    CliRun run = CliRun.of("rl", "train", "--env", "pong");
    assertEquals(2, run.code());
    assertEquals("semaine: error: --env (pong) must be one of maze, lunar-lander, "
        + "lunar-lander-continuous, cartpole, mountain-car, acrobot", run.errLines().getFirst());
    CliRun heuristic = CliRun.of("rl", "heuristic", "--env", "maze");
    assertEquals(2, heuristic.code());
    assertTrue(heuristic.errLines().getFirst().contains("--env (maze) has no heuristic"));
  }
}
