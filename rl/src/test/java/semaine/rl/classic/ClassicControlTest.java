package semaine.rl.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.StepResult;
import semaine.rl.TimeLimit;
import semaine.util.Json;

/**
 * CartPole-v1, MountainCar-v0 and Acrobot-v1 against Gymnasium 1.3.0, step for step: the same seed
 * and actions give the same float32 observations, rewards and flags, bit for bit, and the same
 * double inner state to 1e-12 (glibc's cos, which Gymnasium calls, is not correctly rounded on a
 * few inputs: see Trig) (reference/classic_control.py).
 */
class ClassicControlTest {

  @Test
  void trajectoriesEqualGymnasiumsStepForStep() throws IOException {
    List<?> cases = (List<?>) reference().get("cases");
    assertEquals(12, cases.size());
    for (Object c : cases) {
      Map<?, ?> expected = (Map<?, ?>) c;
      String id = (String) expected.get("env");
      String label = id + " seed " + expected.get("seed") + " " + expected.get("policy");
      Env<double[], Integer> env = Envs.make(id);
      List<?> resets = (List<?>) expected.get("reset");
      List<?> actions = (List<?>) expected.get("actions");
      List<?> observations = (List<?>) expected.get("observations");
      List<?> states = (List<?>) expected.get("states");
      assertArrayEquals(doubles(resets.get(0)),
          env.reset(((Number) expected.get("seed")).longValue()).observation(), label);
      int episode = 1;
      for (int t = 0; t < actions.size(); t++) {
        StepResult<double[]> r = env.step(((Number) actions.get(t)).intValue());
        String at = label + " step " + t;
        assertArrayEquals(doubles(observations.get(t)), r.observation(), at);
        assertArrayEquals(doubles(states.get(t)), state(env), 1e-12, at);
        assertEquals(((Number) ((List<?>) expected.get("rewards")).get(t)).doubleValue(),
            r.reward(), at);
        assertEquals(((List<?>) expected.get("terminated")).get(t), r.terminated(), at);
        assertEquals(((List<?>) expected.get("truncated")).get(t), r.truncated(), at);
        if (r.done()) {
          assertArrayEquals(doubles(resets.get(episode++)), env.reset().observation(), at);
        }
      }
      assertEquals(resets.size(), episode, label);
    }
  }

  @Test
  void theRegistryGivesGymnasiumsLimitsAndSpaces() {
    assertEquals(500, ((TimeLimit<?, ?>) Envs.make("CartPole-v1")).maxEpisodeSteps());
    assertEquals(200, ((TimeLimit<?, ?>) Envs.make("MountainCar-v0")).maxEpisodeSteps());
    assertEquals(500, ((TimeLimit<?, ?>) Envs.make("Acrobot-v1")).maxEpisodeSteps());
    Env<double[], Integer> cartPole = Envs.make("CartPole-v1");
    assertEquals("Discrete(2)", cartPole.actionSpace().toString());
    assertArrayEquals(new double[] {(float) 4.8, Double.POSITIVE_INFINITY,
        (float) (24 * Math.PI / 360 * 2), Double.POSITIVE_INFINITY},
        ((semaine.rl.Box) cartPole.observationSpace()).high());
    cartPole.reset(0);
    var e = assertThrows(IllegalArgumentException.class, () -> cartPole.step(2));
    assertTrue(e.getMessage().startsWith("action (2) must be in"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Envs.make("CartPole-v1", 1));
  }

  @Test
  void framesAreDrawn() {
    for (String id : List.of("CartPole-v1", "MountainCar-v0", "Acrobot-v1")) {
      Env<double[], Integer> env = Envs.make(id);
      env.reset(1);
      var frame = env.render();
      assertEquals(id.startsWith("Acrobot") ? 500 : 600, frame.getWidth());
      int white = 0xFFFFFFFF;
      boolean drawn = false;
      for (int x = 0; x < frame.getWidth() && !drawn; x += 2) {
        for (int y = 0; y < frame.getHeight() && !drawn; y += 2) {
          drawn = frame.getRGB(x, y) != white;
        }
      }
      assertTrue(drawn, id);
    }
  }

  private static double[] state(Env<double[], Integer> env) {
    return switch ((Object) env.unwrapped()) {
      case CartPole c -> c.state();
      case MountainCar m -> m.state();
      case Acrobot a -> a.state();
      default -> throw new AssertionError(env);
    };
  }

  private static Map<?, ?> reference() throws IOException {
    try (InputStream in = ClassicControlTest.class.getResourceAsStream(
        "/reference/classic_control.json")) {
      return (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static double[] doubles(Object list) {
    return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }
}
