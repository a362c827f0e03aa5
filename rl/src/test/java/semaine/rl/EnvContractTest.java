package semaine.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

class EnvContractTest {

  @Test
  void makeRejectsAnUnknownIdNamingItAndTheKnownOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> Envs.make("Pendulum-v1"));
    assertTrue(e.getMessage().startsWith("id (Pendulum-v1) must be a registered environment"),
        e.getMessage());
    assertTrue(e.getMessage().contains("LunarLander-v3") && e.getMessage().contains("Maze-v0"));
    assertThrows(IllegalArgumentException.class, () -> Envs.make("LunarLander-v3", 3));
  }

  @Test
  void stepRejectsAnActionOutsideTheSpace() {
    Env<Integer, Integer> env = Envs.make("Maze-v0", 4);
    env.reset(0);
    var e = assertThrows(IllegalArgumentException.class, () -> env.step(4));
    assertEquals("action (4) must be in Discrete(4)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> env.step(-1));
    assertThrows(IllegalArgumentException.class, () -> env.step(null));
    Env<double[], double[]> lander = Envs.make("LunarLanderContinuous-v3");
    lander.reset(0);
    var c = assertThrows(IllegalArgumentException.class, () -> lander.step(new double[] {2, 0}));
    assertTrue(c.getMessage().startsWith("action ([2.0, 0.0]) must be in Box("), c.getMessage());
  }

  @Test
  void stepBeforeResetOrAfterTerminationIsRefused() {
    Env<Integer, Integer> env = Envs.make("Maze-v0", 1, 2);
    var before = assertThrows(IllegalStateException.class, () -> env.step(0));
    assertTrue(before.getMessage().contains("before reset()"), before.getMessage());
    env.reset(3);
    StepResult<Integer> last = env.step(2); // 1 x 2 maze: the exit is straight down
    assertTrue(last.terminated());
    var after = assertThrows(IllegalStateException.class, () -> env.step(0));
    assertTrue(after.getMessage().contains("after the episode ended"), after.getMessage());
    env.reset();
    assertEquals(1, env.step(2).observation());
  }

  @Test
  void timeLimitTruncatesAtTheLimitAndThenRefusesSteps() {
    Env<Integer, Integer> env = new TimeLimit<>(new semaine.rl.maze.Maze(5, 5), 3);
    env.reset(1);
    assertFalse(env.step(0).truncated()); // UP from the top row: a wall, no move
    assertFalse(env.step(0).truncated());
    StepResult<Integer> third = env.step(0);
    assertTrue(third.truncated());
    assertFalse(third.terminated());
    var e = assertThrows(IllegalStateException.class, () -> env.step(0));
    assertTrue(e.getMessage().contains("truncated at 3 steps"), e.getMessage());
    env.reset();
    assertFalse(env.step(0).truncated());
  }

  @Test
  void resetWithSameSeedRepeatsTheTrajectory() {
    for (String id : List.of("Maze-v0", "LunarLander-v3")) {
      assertEquals(trajectory(id, 7), trajectory(id, 7), id);
    }
    assertFalse(trajectory("LunarLander-v3", 7).equals(trajectory("LunarLander-v3", 8)));
  }

  @Test
  void resetWithoutSeedContinuesTheStream() {
    Env<double[], Integer> env = Envs.make("LunarLander-v3");
    double[] first = env.reset(5).observation();
    double[] second = env.reset().observation();
    assertFalse(java.util.Arrays.equals(first, second));
    assertArrayEquals(first, env.reset(5).observation());
    assertArrayEquals(second, env.reset().observation());
  }

  @Test
  void resetRejectsASeedNumPyWouldRefuse() {
    Env<Integer, Integer> env = Envs.make("Maze-v0");
    var e = assertThrows(IllegalArgumentException.class, () -> env.reset(-1));
    assertEquals("seed (-1) must be in [0, 4294967295]", e.getMessage());
  }

  @Test
  void spacesSampleInsideThemselves() {
    RandomState random = new RandomState(0);
    Discrete d = new Discrete(4);
    Box box = Box.of(-1, 1, 3);
    for (int i = 0; i < 200; i++) {
      assertTrue(d.contains(d.sample(random)));
      assertTrue(box.contains(box.sample(random)));
    }
    assertFalse(box.contains(new double[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
    assertThrows(IllegalArgumentException.class,
        () -> new Box(new double[] {1}, new double[] {0}));
  }

  /** The observations and rewards of 300 steps of a fixed action cycle, as one list. */
  private static List<Object> trajectory(String id, long seed) {
    Env<Object, Integer> env = Envs.make(id);
    List<Object> out = new ArrayList<>();
    out.add(describe(env.reset(seed).observation()));
    for (int t = 0; t < 300; t++) {
      StepResult<Object> r = env.step(t % 4);
      out.add(describe(r.observation()));
      out.add(r.reward());
      if (r.done()) {
        out.add(describe(env.reset().observation()));
      }
    }
    return out;
  }

  private static Object describe(Object observation) {
    return observation instanceof double[] a ? java.util.Arrays.toString(a) : observation;
  }
}
