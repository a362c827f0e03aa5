package semaine.rl.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.StepResult;
import semaine.rl.SyncVectorEnv;
import semaine.util.Json;

/**
 * SyncVectorEnv (next-step autoreset) and the wrappers against Gymnasium 1.3.0, step for step
 * (reference/vector_wrappers.py).
 */
class VectorAndWrappersTest {

  @Test
  void syncVectorEnvAutoresetsOnTheNextStepAsGymnasium() throws IOException {
    Map<?, ?> expected = (Map<?, ?>) reference().get("vector");
    SyncVectorEnv<Integer> envs = new SyncVectorEnv<>(() -> Envs.make("CartPole-v1"), 3);
    assertArrayEquals(matrix(expected.get("reset")), envs.reset(5));
    List<?> actions = (List<?>) expected.get("actions");
    int resets = 0;
    for (int t = 0; t < actions.size(); t++) {
      List<Integer> a = new ArrayList<>();
      for (Object x : (List<?>) actions.get(t)) {
        a.add(((Number) x).intValue());
      }
      SyncVectorEnv.VectorStep step = envs.step(a);
      String at = "step " + t;
      assertArrayEquals(matrix(((List<?>) expected.get("observations")).get(t)),
          step.observations(), at);
      assertArrayEquals(row(((List<?>) expected.get("rewards")).get(t)), step.rewards(), at);
      for (int i = 0; i < 3; i++) {
        assertEquals(((List<?>) ((List<?>) expected.get("terminated")).get(t)).get(i),
            step.terminated()[i], at);
        assertEquals(((List<?>) ((List<?>) expected.get("truncated")).get(t)).get(i),
            step.truncated()[i], at);
        resets += step.done(i) ? 1 : 0;
      }
      assertNull(step.finalObservations());
    }
    assertTrue(resets > 5, "the trajectory crosses several autoresets");
  }

  @Test
  void sameStepModeResetsWithinTheStepAndKeepsTheFinalObservation() {
    var same = new SyncVectorEnv<Integer>(() -> Envs.make("CartPole-v1"), 1,
        SyncVectorEnv.AutoresetMode.SAME_STEP);
    Env<double[], Integer> single = Envs.make("CartPole-v1");
    same.reset(9);
    single.reset(9);
    for (int t = 0; t < 200; t++) {
      SyncVectorEnv.VectorStep step = same.step(List.of(1));
      StepResult<double[]> r = single.step(1);
      if (r.done()) {
        assertArrayEquals(r.observation(), step.finalObservations()[0]);
        assertArrayEquals(single.reset().observation(), step.observations()[0]);
        return;
      }
      assertArrayEquals(r.observation(), step.observations()[0]);
    }
    throw new AssertionError("pushing right always ends a CartPole episode within 200 steps");
  }

  @Test
  void normalizingWrappersAndStatisticsEqualGymnasiums() throws IOException {
    for (Object c : (List<?>) reference().get("wrapped")) {
      Map<?, ?> expected = (Map<?, ?>) c;
      String id = (String) expected.get("env");
      var stats = new RecordEpisodeStatistics<double[], Integer>(Envs.make(id));
      Env<double[], Integer> env = new NormalizeReward<>(new NormalizeObservation<>(stats));
      List<?> resets = (List<?>) expected.get("reset");
      List<?> episodes = (List<?>) expected.get("episodes");
      assertArrayEquals(row(resets.get(0)), env.reset(3).observation(), id);
      List<?> actions = (List<?>) expected.get("actions");
      int episode = 0;
      for (int t = 0; t < actions.size(); t++) {
        StepResult<double[]> r = env.step(((Number) actions.get(t)).intValue());
        String at = id + " step " + t;
        assertArrayEquals(row(((List<?>) expected.get("observations")).get(t)), r.observation(),
            at);
        assertEquals(((Number) ((List<?>) expected.get("rewards")).get(t)).doubleValue(),
            r.reward(), at);
        if (r.done()) {
          Map<?, ?> info = (Map<?, ?>) r.info().get(RecordEpisodeStatistics.KEY);
          Map<?, ?> want = (Map<?, ?>) episodes.get(episode++);
          assertEquals(((Number) want.get("r")).doubleValue(), info.get("r"), at);
          assertEquals(((Number) want.get("l")).intValue(), info.get("l"), at);
          assertArrayEquals(row(resets.get(episode)), env.reset().observation(), at);
        }
      }
      assertEquals(episodes.size(), episode, id);
      assertEquals(episodes.size(), stats.episodeCount());
    }
  }

  @Test
  void clipActionClipsIntoTheBoxAndRefusesNaN() {
    Env<double[], double[]> raw = Envs.make("LunarLanderContinuous-v3");
    var clipped = new ClipAction<>(Envs.<double[], double[]>make("LunarLanderContinuous-v3"));
    raw.reset(4);
    clipped.reset(4);
    assertArrayEquals(raw.step(new double[] {1, -1}).observation(),
        clipped.step(new double[] {7, -3}).observation());
    assertTrue(clipped.actionSpace().contains(new double[] {1e9, -1e9}));
    var e = assertThrows(IllegalArgumentException.class,
        () -> clipped.step(new double[] {Double.NaN, 0}));
    assertTrue(e.getMessage().contains("must not be NaN"), e.getMessage());
  }

  private static Map<?, ?> reference() throws IOException {
    try (InputStream in = VectorAndWrappersTest.class.getResourceAsStream(
        "/reference/vector_wrappers.json")) {
      return (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static double[][] matrix(Object rows) {
    return ((List<?>) rows).stream().map(VectorAndWrappersTest::row).toArray(double[][]::new);
  }

  private static double[] row(Object list) {
    return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }
}
