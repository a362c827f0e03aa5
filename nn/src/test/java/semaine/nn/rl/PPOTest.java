package semaine.nn.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import semaine.base.EstimatorChecks;
import semaine.base.FittedState;
import semaine.base.Models;
import semaine.nn.layers.Linear;
import semaine.random.RandomState;
import semaine.rl.Envs;
import semaine.rl.agents.Evaluation;

/** PPO: the contract, determinism, learning on CartPole, Gaussian actions, orthogonal init. */
class PPOTest {

  private static PPO small() {
    return new PPO().nSteps(64).batchSize(32).nEpochs(2).netArch(16).nEnvs(2);
  }

  @Test
  void passesTheSharedContract() {
    double[][] probes = observations(50, 4);
    EstimatorChecks.checkEstimator(small().randomState(0),
        e -> ((PPO) e).learn(() -> Envs.make("CartPole-v1"), 256, 0),
        (a, b) -> Arrays.equals(actions((PPO) a, probes), actions((PPO) b, probes)));
  }

  @Test
  void theSameSeedGivesTheSameWeightsBitForBit() {
    FittedState first = small().randomState(4).learn(() -> Envs.make("CartPole-v1"), 300, 1)
        .fittedState();
    FittedState again = small().randomState(4).learn(() -> Envs.make("CartPole-v1"), 300, 1)
        .fittedState();
    for (String name : first.names()) {
      assertTrue(java.util.Objects.deepEquals(first.values().get(name), again.values().get(name)),
          name);
    }
  }

  @Test
  void learnsToBalanceThePoleOnASmallBudget() {
    // rl-zoo's CartPole-v1 settings (constant rates), a fifth of the budget
    PPO ppo = new PPO().nEnvs(8).nSteps(32).batchSize(256).gaeLambda(0.8).gamma(0.98)
        .nEpochs(20).learningRate(1e-3).randomState(0)
        .learn(() -> Envs.make("CartPole-v1"), 12_000, 0);
    var left = Evaluation.evaluate(o -> 0, Envs.make("CartPole-v1"), 20, 100);
    var trained = Evaluation.evaluate(ppo::predict, Envs.make("CartPole-v1"), 20, 100);
    assertTrue(trained.meanReturn() > 5 * left.meanReturn(),
        trained.meanReturn() + " vs always-left " + left.meanReturn());
  }

  @Test
  void gaussianActionsStayInTheBoxAndSurviveTheModelFile() throws Exception {
    PPO ppo = small().nEnvs(1).logStdInit(-0.5).randomState(3)
        .learn(() -> Envs.make("LunarLanderContinuous-v3"), 256, 3);
    float[] logStd = (float[]) ppo.fittedState().values().get("log_std_");
    assertEquals(2, logStd.length);
    assertTrue(logStd[0] != -0.5f, "log_std is learned");
    var bytes = new ByteArrayOutputStream();
    Models.save(ppo, bytes, List.of(), List.of());
    PPO loaded = (PPO) Models.load(new ByteArrayInputStream(bytes.toByteArray()), "ppo");
    for (double[] o : observations(100, 8)) {
      double[] action = ppo.predictAction(o);
      assertArrayEquals(action, loaded.predictAction(o));
      for (double a : action) {
        assertTrue(a >= -1 && a <= 1, Arrays.toString(action));
      }
      assertEquals(ppo.value(o), loaded.value(o));
    }
    assertThrows(IllegalStateException.class, () -> ppo.predict(new double[8]));
  }

  @Test
  void orthogonalInitialisationGivesOrthonormalRowsTimesTheGain() {
    Linear wide = new Linear(8, 3, new RandomState(0));
    Orthogonal.init(wide, 2.0, new RandomState(1));
    Linear tall = new Linear(3, 8, new RandomState(0));
    Orthogonal.init(tall, 1.0, new RandomState(1));
    checkOrthogonal(wide.weight().toFloatArray(), 3, 8, 2.0);   // rows orthogonal
    float[] t = tall.weight().toFloatArray();                  // columns orthogonal
    float[] transposed = new float[t.length];
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 3; j++) {
        transposed[j * 8 + i] = t[i * 3 + j];
      }
    }
    checkOrthogonal(transposed, 3, 8, 1.0);
    for (float b : wide.bias().toFloatArray()) {
      assertEquals(0f, b);
    }
  }

  @Test
  void badSettingsAreNamed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new PPO().setParam("n_steps", 1).validateParams());
    assertTrue(e.getMessage().startsWith("n_steps (1)"), e.getMessage());
    var maze = assertThrows(IllegalArgumentException.class,
        () -> small().learn(() -> (semaine.rl.Env) Envs.make("Maze-v0", 4), 100, 0));
    assertTrue(maze.getMessage().startsWith("PPO needs a Box observation space"),
        maze.getMessage());
  }

  private static void checkOrthogonal(float[] w, int rows, int cols, double gain) {
    for (int a = 0; a < rows; a++) {
      for (int b = 0; b < rows; b++) {
        double dot = 0;
        for (int j = 0; j < cols; j++) {
          dot += (double) w[a * cols + j] * w[b * cols + j];
        }
        assertEquals(a == b ? gain * gain : 0, dot, 1e-5);
      }
    }
  }

  private static int[] actions(PPO ppo, double[][] observations) {
    return Arrays.stream(observations).mapToInt(ppo::predict).toArray();
  }

  private static double[][] observations(int n, int d) {
    RandomState random = new RandomState(12);
    double[][] X = new double[n][d];
    for (double[] x : X) {
      for (int j = 0; j < d; j++) {
        x[j] = random.uniform(-0.3, 0.3);
      }
    }
    return X;
  }
}
