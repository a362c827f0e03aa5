package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.nn.rl.Agents;
import semaine.nn.rl.ShippedAgents;
import semaine.rl.Envs;
import semaine.rl.agents.Evaluation;
import semaine.rl.lunar.LanderEnv;
import semaine.util.Json;

/** {@code rl eval}, {@code rl play --agent} and {@code rl train} on the classic environments. */
class RlEvalCommandTest {

  @Test
  void evalOfTheShippedAgentIsEvaluatePolicyWithLandingsCounted() {
    CliRun run = CliRun.of("rl", "eval", "--agent", "lunar-lander", "--env", "lunar-lander",
        "--episodes", "4", "--seed", "1000", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    int[] landed = {0};
    Evaluation.Result expected = Agents.evaluate(ShippedAgents.lunarLander(),
        Envs.make("LunarLander-v3"), 4, 1000, (e, last) -> landed[0] += LanderEnv.landed(last)
            ? 1 : 0);
    assertEquals(expected.meanReturn(), ((Number) json.get("mean_return")).doubleValue());
    assertEquals(expected.stdReturn(), ((Number) json.get("std_return")).doubleValue());
    assertEquals(landed[0], ((Number) json.get("landed")).intValue());
    assertEquals("PPO", json.get("algorithm"));
    assertTrue(expected.meanReturn() >= 200, "the shipped agent lands: " + expected.meanReturn());
  }

  @Test
  void aCartPoleAgentTrainsEvaluatesInItsOwnEnvAndIsRefusedElsewhere(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("cartpole.semaine");
    CliRun train = CliRun.of("rl", "train", "--env", "cartpole", "--agent", "ppo", "--timesteps",
        "256", "--param", "n_steps=128", "--param", "batch_size=64", "--param", "net_arch=8",
        "--save", file.toString(), "--json");
    assertEquals(0, train.code(), train.err());
    Map<?, ?> trained = (Map<?, ?>) Json.parse(train.out());
    assertEquals("CartPole-v1", trained.get("env"));
    List<?> ends = (List<?>) trained.get("episode_end_timesteps");
    assertEquals(((List<?>) trained.get("returns")).size(), ends.size());

    CliRun eval = CliRun.of("rl", "eval", "--agent", file.toString(), "--episodes", "3",
        "--json");
    assertEquals(0, eval.code(), eval.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(eval.out());
    assertEquals("CartPole-v1", json.get("env"));
    assertTrue(!json.containsKey("landed"));

    CliRun wrong = CliRun.of("rl", "eval", "--agent", file.toString(), "--env", "lunar-lander");
    assertEquals(2, wrong.code());
    assertEquals("semaine: error: --agent (" + file + ") does not fit --env (lunar-lander): agent "
        + "reads observations of 4 values but LunarLander-v3's have 8 values: it was trained on "
        + "another environment", wrong.errLines().getFirst());
    CliRun actions = CliRun.of("rl", "play", "--agent", "lunar-lander", "--env",
        "lunar-lander-continuous", "--gif", dir.resolve("x.gif").toString());
    assertEquals(2, actions.code());
    assertTrue(actions.err().contains("agent acts in Discrete(4) but LunarLanderContinuous-v3's "
        + "action space is Box("), actions.err());
    assertTrue(Files.notExists(dir.resolve("x.gif")));
  }

  @Test
  void playWritesTheShippedAgentsLandingAsAGif(@TempDir Path dir) throws Exception {
    Path gif = dir.resolve("landing.gif");
    CliRun run = CliRun.of("rl", "play", "--agent", "lunar-lander", "--seed", "3", "--gif",
        gif.toString(), "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(Agents.evaluate(ShippedAgents.lunarLander(), Envs.make("LunarLander-v3"), 1, 3)
        .returns()[0], ((Number) json.get("return")).doubleValue());
    byte[] bytes = Files.readAllBytes(gif);
    assertEquals("GIF89a", new String(bytes, 0, 6, StandardCharsets.US_ASCII));
  }

  @Test
  void badInputIsNamed(@TempDir Path dir) throws Exception {
    CliRun zero = CliRun.of("rl", "train", "--env", "cartpole", "--agent", "dqn", "--timesteps",
        "0");
    assertEquals(2, zero.code());
    assertEquals("semaine: error: --timesteps (0) must be >= 1", zero.errLines().getFirst());
    CliRun continuous = CliRun.of("rl", "train", "--env", "lunar-lander-continuous", "--agent",
        "dqn", "--timesteps", "10");
    assertEquals(2, continuous.code());
    assertTrue(continuous.errLines().getFirst().contains("DQN needs a Discrete action space, "
        + "but env's is Box("), continuous.err());
    CliRun table = CliRun.of("rl", "train", "--env", "cartpole");
    assertEquals(2, table.code());
    assertTrue(table.errLines().getFirst().contains("use --agent dqn or ppo for --env cartpole"));
    CliRun missing = CliRun.of("rl", "eval", "--agent", dir.resolve("none.semaine").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.errLines().getFirst().contains("no such file"), missing.err());
    Path qtable = dir.resolve("q.semaine");
    CliRun q = CliRun.of("rl", "train", "--env", "maze", "--size", "4", "--episodes", "5",
        "--save", qtable.toString());
    assertEquals(0, q.code(), q.err());
    CliRun notDeep = CliRun.of("rl", "eval", "--agent", qtable.toString());
    assertEquals(2, notDeep.code());
    assertTrue(notDeep.errLines().getFirst().contains("holds a QLearning, not a DQN or a PPO"),
        notDeep.err());
  }
}
