package semaine.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/** {@link EnvPool} gives what {@link SyncVectorEnv} gives, step for step, in every mode. */
class EnvPoolTest {

  @Test
  void thePoolEqualsTheSyncVectorEnvBitForBitInBothAutoresetModes() {
    for (SyncVectorEnv.AutoresetMode mode : List.of(SyncVectorEnv.AutoresetMode.NEXT_STEP,
        SyncVectorEnv.AutoresetMode.SAME_STEP)) {
      for (int threads : new int[] {2, 3}) {
        int ends = 0;
        try (SyncVectorEnv<Integer> sync =
                new SyncVectorEnv<>(() -> Envs.make("LunarLander-v3"), 5, mode);
            EnvPool<Integer> pool =
                new EnvPool<>(() -> Envs.make("LunarLander-v3"), 5, mode, threads)) {
          assertArrayEquals(sync.reset(7), pool.reset(7));
          RandomState random = new RandomState(threads);
          for (int t = 0; t < 600; t++) {
            List<Integer> actions = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
              actions.add((int) random.randint(0, 4));
            }
            SyncVectorEnv.VectorStep a = sync.step(actions);
            SyncVectorEnv.VectorStep b = pool.step(actions);
            assertArrayEquals(a.observations(), b.observations(), "step " + t);
            assertArrayEquals(a.rewards(), b.rewards());
            assertArrayEquals(a.terminated(), b.terminated());
            assertArrayEquals(a.truncated(), b.truncated());
            if (mode == SyncVectorEnv.AutoresetMode.SAME_STEP) {
              assertArrayEquals(a.finalObservations(), b.finalObservations());
            }
            for (int i = 0; i < 5; i++) {
              ends += a.done(i) ? 1 : 0;
            }
          }
          assertArrayEquals(sync.reset(), pool.reset());
        }
        assertTrue(ends > 10, "episodes ended and were reset: " + ends);
      }
    }
  }

  @Test
  void threadsAreCappedAtTheCopiesAndAFailureReachesTheCaller() {
    try (EnvPool<Integer> pool = new EnvPool<>(() -> Envs.make("CartPole-v1"), 2,
        SyncVectorEnv.AutoresetMode.NEXT_STEP, 8)) {
      assertEquals(2, pool.threads());
      pool.reset(0);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> pool.step(List.of(0, 5)));
      assertTrue(e.getMessage().contains("5"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new EnvPool<>(
        () -> Envs.make("CartPole-v1"), 2, SyncVectorEnv.AutoresetMode.NEXT_STEP, 0));
  }
}
