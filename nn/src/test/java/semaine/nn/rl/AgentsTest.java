package semaine.nn.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import semaine.rl.Box;
import semaine.rl.Discrete;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.agents.Evaluation;

/** {@link Agents}: policies, the fit check, evaluate; the learning listener of DQN and PPO. */
class AgentsTest {

  @Test
  void aContinuousPpoIsEvaluatedWithItsGaussianMean() {
    PPO ppo = new PPO().nSteps(64).batchSize(32).nEpochs(1).netArch(8).randomState(0)
        .learn(() -> Envs.make("LunarLanderContinuous-v3"), 64, 0);
    assertEquals(new Box(new double[] {-1, -1}, new double[] {1, 1}), ppo.actionSpace());
    Env<double[], double[]> env = Envs.make("LunarLanderContinuous-v3");
    Evaluation.Result result = Agents.evaluate(ppo, env, 2, 5);
    Evaluation.Result direct = Evaluation.evaluate(ppo::predictAction,
        Envs.<double[], double[]>make("LunarLanderContinuous-v3"), 2, 5, null);
    assertArrayEquals(direct.returns(), result.returns());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Agents.evaluate(ppo, Envs.make("LunarLander-v3"), 1, 0));
    assertEquals("agent acts in " + ppo.actionSpace() + " but env's action space is "
        + "Discrete(4): it was trained on another environment", e.getMessage());
  }

  @Test
  void theFitCheckNamesTheObservationLength() {
    DQN dqn = new DQN().learningStarts(10).batchSize(8).netArch(8).randomState(0)
        .learn(Envs.make("CartPole-v1"), 30, 0);
    assertEquals(4, Agents.observationSize(dqn));
    assertEquals(new Discrete(2), Agents.actionSpace(dqn));
    Agents.checkFits(dqn, Envs.make("CartPole-v1"), "CartPole-v1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Agents.checkFits(dqn, Envs.make("Acrobot-v1"), "Acrobot-v1"));
    assertEquals("agent reads observations of 4 values but Acrobot-v1's have 6 values: it was "
        + "trained on another environment", e.getMessage());
  }

  @Test
  void theListenerSeesEveryEpisodeWithTheStepsTakenSoFar() {
    List<Long> steps = new ArrayList<>();
    List<Double> returns = new ArrayList<>();
    DQN dqn = new DQN().learningStarts(10).batchSize(8).netArch(8).randomState(0)
        .learn(Envs.make("CartPole-v1"), 300, 0, (t, r) -> {
          steps.add(t);
          returns.add(r);
        });
    assertArrayEquals(dqn.episodeReturns(), returns.stream().mapToDouble(d -> d).toArray());
    for (int i = 1; i < steps.size(); i++) {
      assertTrue(steps.get(i) > steps.get(i - 1));
    }
    assertTrue(steps.getLast() <= 300);
    List<Long> ppoSteps = new ArrayList<>();
    List<Double> ppoReturns = new ArrayList<>();
    PPO ppo = new PPO().nSteps(64).batchSize(64).nEpochs(1).netArch(8).nEnvs(2).randomState(0)
        .learn(() -> Envs.make("CartPole-v1"), 256, 0, (t, r) -> {
          ppoSteps.add(t);
          ppoReturns.add(r);
        });
    assertArrayEquals(ppo.episodeReturns(), ppoReturns.stream().mapToDouble(d -> d).toArray());
    assertTrue(ppoSteps.getLast() <= 256 && ppoSteps.getFirst() % 2 == 0);
  }

  @Test
  void theShippedAgentComesFromTheJar() {
    PPO shipped = ShippedAgents.lunarLander();
    assertEquals(8, shipped.observationSize());
    assertEquals(new Discrete(4), shipped.actionSpace());
  }
}
