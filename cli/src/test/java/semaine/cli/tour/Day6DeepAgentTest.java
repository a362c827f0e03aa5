package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.cli.RlRuns;
import semaine.nn.rl.Agents;
import semaine.nn.rl.ShippedAgents;
import semaine.rl.Envs;

class Day6DeepAgentTest {

  @Test
  void theShippedAgentAndTheTableMeetTheSameStartsAndTheDeepOneLands(@TempDir Path out)
      throws Exception {
    RlRuns.Trained table = RlRuns.train("lunar-lander", 0, 20, 0, 1000, null);
    Map<String, Object> numbers = new HashMap<>();
    Day6DeepAgent.Parts parts = Day6DeepAgent.run(
        new TourContext(out, new PrintWriter(new StringWriter())), table, numbers);
    double deep = (Double) numbers.get("ppo_shipped_mean_return_seeds_1000");
    assertEquals(Agents.evaluate(ShippedAgents.lunarLander(), Envs.make("LunarLander-v3"),
        Day6DeepAgent.EPISODES, Day6DeepAgent.SEED).meanReturn(), deep);
    assertTrue(deep >= 200, "the shipped agent lands: " + deep);
    assertTrue((Double) numbers.get("qlearning_greedy_mean_return_seeds_1000") < deep);
    int landed = (Integer) numbers.get("ppo_shipped_landed_of_20");
    assertTrue(landed > (Integer) numbers.get("qlearning_greedy_landed_of_20"), numbers.toString());
    assertEquals(2, parts.comparison().rows().size());
    assertNotNull(ImageIO.read(parts.curves().path().toFile()));
    byte[] gif = Files.readAllBytes(out.resolve("figures").resolve("day6-lander-ppo.gif"));
    assertEquals("GIF89a", new String(gif, 0, 6, StandardCharsets.US_ASCII));
    assertTrue(parts.html().contains("figures/day6-lander-ppo.gif"));
  }
}
