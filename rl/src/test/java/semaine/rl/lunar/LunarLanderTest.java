package semaine.rl.lunar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.StepResult;

class LunarLanderTest {

  @Test
  void firstObservationIsAtTheTopCentreWithLegsInTheAir() {
    Env<double[], Integer> env = Envs.make("LunarLander-v3");
    for (int seed = 0; seed < 10; seed++) {
      double[] s = env.reset(seed).observation();
      assertEquals(8, s.length);
      assertTrue(Math.abs(s[0]) < 0.01, "x near the centre: " + s[0]);
      assertEquals(1.41, s[1], 0.02, "y: (13.33 - 3.93) / 6.67");
      assertEquals(0.0, s[6]);
      assertEquals(0.0, s[7]);
      assertTrue(env.observationSpace().contains(s));
      for (double v : s) {
        assertEquals((float) v, v, 0.0, "observations are float32 values");
      }
    }
  }

  @Test
  void terrainHasAFlatPadBetweenTheFlags() {
    LunarLander env = new LunarLander();
    env.reset(4);
    LanderWorld world = env.world();
    assertEquals(8.0, world.helipadX1, 1e-12);
    assertEquals(12.0, world.helipadX2, 1e-12);
    for (int i = 4; i <= 6; i++) {
      assertEquals(0.99 * world.helipadY, world.smoothY[i], 1e-12, "Gymnasium's 0.33 smoothing");
    }
  }

  @Test
  void rewardIsTheChangeInShapingMinusFuel() {
    Env<double[], Integer> env = Envs.make("LunarLander-v3");
    double[] s = env.reset(2).observation();
    int[] actions = {0, 2, 1, 3, 2, 2, 0, 1};
    for (int t = 0; t < 40; t++) {
      int action = actions[t % actions.length];
      StepResult<double[]> r = env.step(action);
      double fuel = action == 2 ? 0.3 : action == 0 ? 0 : 0.03;
      assertEquals(shaping(r.observation()) - shaping(s) - fuel, r.reward(), 1e-3, "step " + t);
      s = r.observation();
    }
  }

  @Test
  void doingNothingCrashesWithMinus100() {
    Env<double[], Integer> env = Envs.make("LunarLander-v3");
    env.reset(0);
    StepResult<double[]> r;
    int steps = 0;
    do {
      r = env.step(LunarLander.NOOP);
      steps++;
    } while (!r.done());
    assertTrue(r.terminated());
    assertEquals(-100.0, r.reward());
    assertTrue(steps < 200, "free fall takes about 2 s: " + steps);
  }

  @Test
  void firingLeftForeverLeavesTheScreenWithMinus100() {
    Env<double[], Integer> env = Envs.make("LunarLander-v3");
    env.reset(1);
    StepResult<double[]> r;
    do {
      r = env.step(r(env) > 0.5 ? LunarLander.FIRE_MAIN : LunarLander.FIRE_LEFT);
    } while (!r.done());
    assertEquals(-100.0, r.reward());
  }

  private static double r(Env<double[], Integer> env) {
    return ((LunarLander) env.unwrapped()).world().state()[1] < 0.5 ? 1 : 0;
  }

  @Test
  void heuristicLandsAndAveragesAbove200OnTwentySeeds() {
    Env<double[], Integer> env = Envs.make("LunarLander-v3");
    double sum = 0;
    int landed = 0;
    for (int seed = 0; seed < 20; seed++) {
      double[] s = env.reset(seed).observation();
      double total = 0;
      StepResult<double[]> r;
      do {
        r = env.step(LunarLander.heuristic(s));
        s = r.observation();
        total += r.reward();
      } while (!r.done());
      landed += r.reward() == 100 ? 1 : 0;
      sum += total;
    }
    assertTrue(sum / 20 > 200, "mean return " + sum / 20);
    assertTrue(landed >= 16, "landed " + landed + " of 20");
  }

  @Test
  void continuousHeuristicAlsoLands() {
    Env<double[], double[]> env = Envs.make("LunarLanderContinuous-v3");
    double[] s = env.reset(1).observation();
    double total = 0;
    StepResult<double[]> r;
    do {
      r = env.step(LunarLanderContinuous.heuristic(s));
      s = r.observation();
      total += r.reward();
    } while (!r.done());
    assertTrue(total > 100, "Gymnasium's own test: seed 1 scores > 100, got " + total);
  }

  @Test
  void renderIs600x400WithBlackSkyWhiteGroundAndPurpleLander() {
    Env<double[], Integer> env = Envs.make("LunarLander-v3");
    env.reset(0);
    BufferedImage frame = env.render();
    assertEquals(600, frame.getWidth());
    assertEquals(400, frame.getHeight());
    assertEquals(0x000000, frame.getRGB(50, 5) & 0xFFFFFF);
    assertEquals(0xFFFFFF, frame.getRGB(300, 398) & 0xFFFFFF);
    assertEquals(0x8066E6, frame.getRGB(300, 4) & 0xFFFFFF,
        "the hull, 10 px high below the top edge");
  }

  private static double shaping(double[] s) {
    return -100 * Math.sqrt(s[0] * s[0] + s[1] * s[1]) - 100 * Math.sqrt(s[2] * s[2] + s[3] * s[3])
        - 100 * Math.abs(s[4]) + 10 * s[6] + 10 * s[7];
  }
}
