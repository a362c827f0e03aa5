package semaine.rl.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import semaine.base.Estimator;
import semaine.base.EstimatorChecks;
import semaine.base.Models;
import semaine.random.RandomState;
import semaine.rl.Env;
import semaine.rl.Envs;

/** The Q-learning estimator: the contract, the same learning as the agent, model files. */
class QLearningTest {

  /** The fixtures under src/test/resources/models/v1, by file name: how each was trained. */
  static final Map<String, Supplier<QLearning>> FIXTURES = Map.of(
      "q_learning_maze", () -> new QLearning().randomState(0)
          .learn(Envs.<Integer, Integer>make("Maze-v0", 5), 60, 3),
      "q_learning_lunar_lander", () -> new QLearning().randomState(0)
          .learn(Envs.<double[], Integer>make("LunarLander-v3"), 30, 42));

  /** Writes the fixtures named (committed files are never rewritten): {@code DIR NAME...}. */
  public static void main(String[] args) {
    for (int i = 1; i < args.length; i++) {
      Models.save(FIXTURES.get(args[i]).get(), Path.of(args[0]).resolve(args[i] + ".semaine"));
    }
  }

  @Test
  void passesTheSharedContractOnTheMaze() {
    EstimatorChecks.checkEstimator(new QLearning().randomState(0).maxSteps(200),
        e -> ((QLearning) e).learn(Envs.<Integer, Integer>make("Maze-v0", 4), 15, 1),
        (a, b) -> java.util.Arrays.equals(mazeActions((QLearning) a, 16),
            mazeActions((QLearning) b, 16)));
  }

  @Test
  void learnsWhatTheBooksAgentLearnsDrawForDraw() {
    Env<double[], Integer> env = Envs.make("LunarLander-v3");
    QLearning model = new QLearning().randomState(7).learn(env, 25, 42);
    Discretizer bins = Discretizer.uniform(-1, 1, 10, 8);
    SparseQTable table = new SparseQTable(bins.nStates(), 4);
    QLearningAgent agent = new QLearningAgent(table).randomState(7);
    double[] returns = Training.train(Envs.<double[], Integer>make("LunarLander-v3"), agent,
        bins::state, 25, 1000, 42, null);
    assertArrayEquals(returns, model.episodeReturns());
    assertEquals(agent.epsilon(), model.explorationRate());
    assertArrayEquals(table.states(), (long[]) model.attributes().get("q_table_states_"));
    assertEquals(table.storedStates(), model.table().storedStates());
  }

  @Test
  void aLoadedLanderAgentPicksTheSameActionsBitForBit() throws IOException {
    QLearning model = new QLearning().randomState(0)
        .learn(Envs.<double[], Integer>make("LunarLander-v3"), 20, 42);
    var bytes = new ByteArrayOutputStream();
    Models.save(model, bytes, List.of(), List.of());
    QLearning loaded = (QLearning) Models.load(new ByteArrayInputStream(bytes.toByteArray()), "m");
    double[][] observations = observations(5000, 8);
    assertArrayEquals(model.predict(observations), loaded.predict(observations));
    for (long s : (long[]) model.attributes().get("q_table_states_")) {
      for (int a = 0; a < 4; a++) {
        assertEquals(Double.doubleToRawLongBits(model.table().get(s, a)),
            Double.doubleToRawLongBits(loaded.table().get(s, a)));
      }
    }
    assertEquals(model.getParams().get("alpha"), loaded.getParams().get("alpha"));
  }

  @Test
  void committedFixturesLoadAndActAsAFreshTraining() throws Exception {
    for (var fixture : FIXTURES.entrySet()) {
      Path file = Path.of(QLearningTest.class.getResource("/models/v1/" + fixture.getKey()
          + ".semaine").toURI());
      QLearning loaded = Models.load(file, QLearning.class);
      QLearning fresh = fixture.getValue().get();
      assertEquals(Models.inspect(file).estimator(), "semaine.rl.agents.QLearning");
      if (fixture.getKey().contains("maze")) {
        assertArrayEquals(mazeActions(fresh, 25), mazeActions(loaded, 25));
      } else {
        double[][] observations = observations(2000, 8);
        assertArrayEquals(fresh.predict(observations), loaded.predict(observations));
      }
      assertArrayEquals(fresh.episodeReturns(), loaded.episodeReturns());
    }
    assertTrue(Files.size(Path.of(QLearningTest.class.getResource(
        "/models/v1/q_learning_maze.semaine").toURI())) > 0);
  }

  @Test
  void anObservationOfAnotherEnvironmentIsRefusedByName() {
    QLearning model = new QLearning().randomState(0)
        .learn(Envs.<Integer, Integer>make("Maze-v0", 4), 3, 0);
    var e = assertThrows(IllegalArgumentException.class, () -> model.predict(new double[8]));
    assertTrue(e.getMessage().startsWith("observation ([0.0, 0.0"), e.getMessage());
    assertTrue(e.getMessage().contains("Discrete(16)"), e.getMessage());
    var bad = assertThrows(IllegalArgumentException.class, () -> new QLearning().binsRange(1, -1)
        .learn(Envs.<Integer, Integer>make("Maze-v0", 4), 3, 0));
    assertEquals("bins_low (1.0) must be < bins_high (-1.0)", bad.getMessage());
    var continuous = assertThrows(IllegalArgumentException.class, () -> new QLearning()
        .learn((Env) Envs.make("LunarLanderContinuous-v3"), 3, 0));
    assertTrue(continuous.getMessage().startsWith("env's action space (Box"),
        continuous.getMessage());
    Estimator unfitted = new QLearning();
    assertThrows(IllegalStateException.class, unfitted::fittedState);
  }

  private static int[] mazeActions(QLearning model, int cells) {
    int[] actions = new int[cells];
    for (int s = 0; s < cells; s++) {
      actions[s] = model.predict((Object) s);
    }
    return actions;
  }

  /** Observations spread over and past the bins, so that many cells (seen and unseen) are hit. */
  private static double[][] observations(int n, int d) {
    RandomState random = new RandomState(3);
    double[][] X = new double[n][d];
    for (double[] x : X) {
      for (int j = 0; j < d; j++) {
        x[j] = 2.4 * random.randomSample() - 1.2;
      }
    }
    return X;
  }
}
