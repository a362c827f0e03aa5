package semaine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link Parallel#perCore}: every index once, in at most one range per core. */
class ParallelTest {

  @Test
  void perCoreRunsEveryIndexOnceInOneRangePerCoreAtMost() {
    int cores = ForkJoinPool.getCommonPoolParallelism() + 1;
    for (int n : new int[] {0, 1, 2, 3, 7, 28, 1000}) {
      AtomicIntegerArray seen = new AtomicIntegerArray(n);
      AtomicInteger ranges = new AtomicInteger();
      Parallel.perCore(n, (from, to) -> {
        ranges.incrementAndGet();
        for (int i = from; i < to; i++) {
          seen.incrementAndGet(i);
        }
      });
      for (int i = 0; i < n; i++) {
        assertEquals(1, seen.get(i), "n=" + n + " index " + i);
      }
      assertTrue(ranges.get() <= Math.max(1, cores), "n=" + n + ": " + ranges.get() + " ranges");
    }
  }
}
