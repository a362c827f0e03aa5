package semaine.nn.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import semaine.base.EstimatorChecks;
import semaine.base.FittedState;
import semaine.base.Models;
import semaine.random.RandomState;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.StepResult;
import semaine.rl.Wrapper;
import semaine.rl.agents.Evaluation;

/** DQN: the contract, determinism, learning on CartPole, model files, bad input. */
class DQNTest {

  /** The committed fixture (src/test/resources/models/v1/dqn_cartpole.semaine), how it was made. */
  static final Supplier<DQN> FIXTURE = () -> small().randomState(3)
      .learn(Envs.make("CartPole-v1"), 600, 3);

  /** Writes the fixture into the folder given (once; committed files are never rewritten). */
  public static void main(String[] args) {
    Models.save(FIXTURE.get(), Path.of(args[0]).resolve("dqn_cartpole.semaine"));
  }

  private static DQN small() {
    return new DQN().netArch(16).learningStarts(100).batchSize(16).bufferSize(1000)
        .trainFreq(4).targetUpdateInterval(50).learningRate(1e-3);
  }

  @Test
  void passesTheSharedContract() {
    double[][] probes = observations(50);
    EstimatorChecks.checkEstimator(small().randomState(0),
        e -> ((DQN) e).learn(Envs.make("CartPole-v1"), 300, 0),
        (a, b) -> Arrays.equals(((DQN) a).predict(probes), ((DQN) b).predict(probes)));
  }

  @Test
  void theSameSeedGivesTheSameWeightsBitForBit() {
    FittedState first = small().randomState(5).learn(Envs.make("CartPole-v1"), 500, 1)
        .fittedState();
    FittedState again = small().randomState(5).learn(Envs.make("CartPole-v1"), 500, 1)
        .fittedState();
    for (String name : first.names()) {
      assertTrue(java.util.Objects.deepEquals(first.values().get(name), again.values().get(name)),
          name);
    }
    FittedState other = small().randomState(6).learn(Envs.make("CartPole-v1"), 500, 1)
        .fittedState();
    assertFalse(Arrays.deepEquals((Object[]) first.values().get("q_net_weights_.0"),
        (Object[]) other.values().get("q_net_weights_.0")));
  }

  @Test
  void learnsToBalanceThePoleOnASmallBudget() {
    // rl-zoo's CartPole-v1 settings, smaller network and budget: a random policy averages ~22
    DQN dqn = new DQN().learningRate(2.3e-3).batchSize(64).bufferSize(100_000)
        .learningStarts(1000).targetUpdateInterval(10).trainFreq(256).gradientSteps(128)
        .explorationFraction(0.16).explorationFinalEps(0.04).netArch(64, 64).randomState(0)
        .learn(Envs.make("CartPole-v1"), 4000, 0);
    var random = Evaluation.evaluate(o -> 0, Envs.make("CartPole-v1"), 20, 100);
    var trained = Evaluation.evaluate(dqn::predict, Envs.make("CartPole-v1"), 20, 100);
    assertTrue(trained.meanReturn() > 3 * random.meanReturn(),
        trained.meanReturn() + " vs always-left " + random.meanReturn());
  }

  @Test
  void theDoubleTargetTakesTheOnlineArgmaxAndTheTargetValue() {
    float[] target = {1f, 3f, 2f, 0.5f};   // two next states, two actions
    float[] online = {5f, 4f, 0f, 1f};     // online prefers action 0, then action 1
    float[] rewards = {1f, -1f};
    boolean[] dones = {false, false};
    assertArrayEquals(new float[] {1f + 0.5f * 3f, -1f + 0.5f * 2f},
        DQN.targets(target, null, rewards, dones, 0.5f, 2));
    assertArrayEquals(new float[] {1f + 0.5f * 1f, -1f + 0.5f * 0.5f},
        DQN.targets(target, online, rewards, dones, 0.5f, 2));
    assertArrayEquals(new float[] {1f, -1f + 0.5f * 0.5f},
        DQN.targets(target, online, rewards, new boolean[] {true, false}, 0.5f, 2));
    DQN twice = small().doubleQ(true).randomState(2).learn(Envs.make("CartPole-v1"), 300, 2);
    assertEquals(true, twice.getParam("double_q"));
  }

  @Test
  void aCommittedAgentLoadsAndActsAsAFreshTraining() throws Exception {
    Path file = Path.of(DQNTest.class.getResource("/models/v1/dqn_cartpole.semaine").toURI());
    DQN loaded = Models.load(file, DQN.class);
    DQN fresh = FIXTURE.get();
    double[][] probes = observations(200);
    assertArrayEquals(fresh.predict(probes), loaded.predict(probes));
    for (double[] o : probes) {
      assertArrayEquals(fresh.qValues(o), loaded.qValues(o));
    }
    assertEquals("stable_baselines3.DQN", Models.inspect(file).estimator());
  }

  @Test
  void badInputIsNamed() {
    var continuous = assertThrows(IllegalArgumentException.class, () -> small()
        .learn((Env) Envs.make("LunarLanderContinuous-v3"), 100, 0));
    assertTrue(continuous.getMessage().startsWith("DQN needs a Discrete action space, but env's "
        + "is Box"), continuous.getMessage());
    var steps = assertThrows(IllegalArgumentException.class,
        () -> small().learn(Envs.make("CartPole-v1"), 0, 0));
    assertTrue(steps.getMessage().startsWith("totalTimesteps (0)"), steps.getMessage());
    Env<double[], Integer> broken = new Wrapper<>(Envs.<double[], Integer>make("CartPole-v1")) {
      @Override
      public StepResult<double[]> step(Integer action) {
        StepResult<double[]> r = env.step(action);
        double[] o = r.observation().clone();
        o[2] = Double.NaN;
        return new StepResult<>(o, r.reward(), r.terminated(), r.truncated(), r.info());
      }
    };
    var nan = assertThrows(IllegalArgumentException.class, () -> small().learn(broken, 50, 0));
    assertTrue(nan.getMessage().contains("is not finite: the environment gave NaN at index 2"),
        nan.getMessage());
    DQN trained = small().randomState(0).learn(Envs.make("CartPole-v1"), 200, 0);
    var shape = assertThrows(IllegalArgumentException.class,
        () -> trained.predict(new double[8]));
    assertEquals("observation has 8 values but the observation space has 4", shape.getMessage());
  }

  private static double[][] observations(int n) {
    RandomState random = new RandomState(11);
    double[][] X = new double[n][4];
    for (double[] x : X) {
      for (int j = 0; j < 4; j++) {
        x[j] = random.uniform(-0.3, 0.3);
      }
    }
    return X;
  }
}
