package semaine.nn.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import semaine.base.Models;
import semaine.rl.Envs;
import semaine.rl.agents.Evaluation;

/** The agent shipped in models/ (models/train-lunar-lander.sh) loads and lands. */
class ShippedLanderTest {

  @Test
  void theShippedPpoAgentSolvesLunarLander() {
    PPO ppo = Models.load(Path.of("..", "models", "lunar-lander-ppo.semaine"), PPO.class);
    assertEquals(16, ppo.getParam("n_envs"));
    // the first 20 of the 100 evaluation episodes from seed 1000 (all 100: 259.33 +- 21.48)
    var result = Evaluation.evaluate(ppo::predict, Envs.make("LunarLander-v3"), 20, 1000);
    assertTrue(result.meanReturn() >= 200, "mean return " + result.meanReturn());
  }
}
