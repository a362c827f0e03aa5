package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/** The packed (value, sample) keys and the two sorts of the best splitter. */
class SimultaneousSortTest {

  private static final float[] ORDERED = {Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -3.5f, -1f,
      -Float.MIN_NORMAL, -Float.MIN_VALUE, 0f, Float.MIN_VALUE, 1e-7f, 1f, 2.5f,
      Float.MAX_VALUE, Float.POSITIVE_INFINITY};

  @Test
  void keysOrderAsTheFloatsAndGiveBackValueAndPayload() {
    for (int a = 0; a < ORDERED.length; a++) {
      long ka = SimultaneousSort.key(ORDERED[a], a);
      assertEquals(ORDERED[a], SimultaneousSort.value(ka));
      assertEquals(a, SimultaneousSort.payload(ka));
      for (int b = 0; b < ORDERED.length; b++) {
        long kb = SimultaneousSort.key(ORDERED[b], 0);
        assertEquals(Integer.signum(Integer.compare(a, b)), Long.signum(Long.compare(ka >> 32,
            kb >> 32)), ORDERED[a] + " vs " + ORDERED[b]);
      }
    }
    // −0 and +0 compare equal, as floats do
    assertEquals(SimultaneousSort.key(0f, 7), SimultaneousSort.key(-0f, 7));
    assertEquals(-1, SimultaneousSort.payload(SimultaneousSort.key(1f, -1)));
  }

  @Test
  void anyTieOrderSortsTheSameValuesAsScikitLearnsSteps() {
    RandomState rs = new RandomState(3);
    for (int n : new int[] {1, 15, 16, 17, 1000, 20000}) {
      long[] steps = new long[n + 2];
      float[] expected = new float[n];
      for (int p = 0; p < n; p++) {
        float v = (float) Math.floor(rs.randn() * 8) / 4;   // many ties, negatives, zeros
        steps[p + 1] = SimultaneousSort.key(v, p);
        expected[p] = v + 0.0f;
      }
      steps[0] = 42;
      steps[n + 1] = -42;
      long[] any = steps.clone();
      SimultaneousSort.sort(steps, 1, n);
      SimultaneousSort.sortAnyTieOrder(any, 1, n);
      Arrays.sort(expected);
      boolean[] seen = new boolean[n];
      for (int p = 0; p < n; p++) {
        assertEquals(expected[p], SimultaneousSort.value(steps[p + 1]));
        assertEquals(expected[p], SimultaneousSort.value(any[p + 1]));
        seen[SimultaneousSort.payload(steps[p + 1])] = true;
        if (p > 0 && any[p] >> 32 == any[p + 1] >> 32) {
          assertTrue(any[p] < any[p + 1], "ties in payload order");
        }
      }
      for (boolean s : seen) {
        assertTrue(s, "a permutation");
      }
      assertEquals(42, steps[0]);
      assertEquals(-42, steps[n + 1]);
    }
  }

  @Test
  void theFastPathLeavesExactlyTheIntrosortsOrder() {
    RandomState rs = new RandomState(5);
    for (boolean ties : new boolean[] {false, true}) {
      for (int n : new int[] {1, 2, 16, 300, 8192}) {
        long[] keys = new long[n + 2];
        for (int p = 0; p < n; p++) {
          double v = ties ? Math.floor(rs.randn() * 4) : rs.randn();
          keys[p + 1] = SimultaneousSort.key((float) v, 1000 + p);
        }
        long[] steps = keys.clone();
        SimultaneousSort.sort(steps, 1, n);
        boolean distinct = true;
        for (int p = 2; p <= n; p++) {
          distinct &= steps[p - 1] >> 32 != steps[p] >> 32;
        }
        long[] scratch = new long[n + 2];
        assertEquals(distinct, SimultaneousSort.sortAsIntrosort(keys, scratch, 1, n, true));
        assertTrue(Arrays.equals(steps, keys), "n " + n + (ties ? " with ties" : ""));
        if (n == 300) {   // both paths taken: the fast sort stands, or the introsort reruns
          assertEquals(!ties, distinct);
        }
      }
    }
  }

  @Test
  void theParallelSortLeavesExactlyTheIntrosortsOrder() throws Exception {
    RandomState rs = new RandomState(9);
    for (int n : new int[] {100, 65536, 300_000}) {
      long[] keys = new long[n + 2];
      for (int p = 0; p < n; p++) {
        // float32 of Gaussians: ties among large n, as in the regression tree's big nodes
        float v = n == 300_000 ? (float) Math.floor(rs.randn() * 1000) : (float) rs.randn();
        keys[p + 1] = SimultaneousSort.key(v, p);
      }
      keys[0] = 42;
      keys[n + 1] = -42;
      long[] steps = keys.clone();
      SimultaneousSort.sort(steps, 1, n);
      long[] parallel = keys.clone();
      SimultaneousSort.sortParallel(parallel, 1, n);
      assertTrue(Arrays.equals(steps, parallel), "n " + n + " from the caller's thread");
      long[] inPool = keys.clone();
      java.util.concurrent.ForkJoinPool.commonPool()
          .submit(() -> SimultaneousSort.sortParallel(inPool, 1, n)).get();
      assertTrue(Arrays.equals(steps, inPool), "n " + n + " from a pool worker");
      long[] scratch = new long[n + 2];
      long[] fast = keys.clone();
      SimultaneousSort.sortAsIntrosort(fast, scratch, 1, n, false, true);
      assertTrue(Arrays.equals(steps, fast), "n " + n + " through sortAsIntrosort");
    }
  }

  @Test
  void theTieShortcutLeavesExactlyTheIntrosortsOrder() throws Exception {
    RandomState rs = new RandomState(13);
    for (double scale : new double[] {0, 3, 1000, Double.NaN}) {
      for (int n : new int[] {1, 2, 15, 16, 40, 5000, 70_000}) {
        long[] keys = new long[n + 2];
        for (int p = 0; p < n; p++) {
          double v = rs.randn();
          // no ties (NaN scale), a few, many, or all values equal (scale 0)
          float f = (float) (Double.isNaN(scale) ? v : Math.floor(v * scale));
          keys[p + 1] = SimultaneousSort.key(f, 7 * p);
        }
        keys[0] = 42;
        keys[n + 1] = -42;
        long[] steps = keys.clone();
        SimultaneousSort.sort(steps, 1, n);
        for (boolean parallel : new boolean[] {false, true}) {
          long[] fast = keys.clone();
          long[] sorted = new long[n + 2];
          long[] spare = new long[n + 2];
          int[] ties = new int[n + 2];
          java.util.concurrent.ForkJoinPool.commonPool().submit(() ->
              SimultaneousSort.sortAsIntrosort(fast, sorted, spare, ties, 1, n, parallel)).get();
          assertTrue(Arrays.equals(steps, fast), "n " + n + ", scale " + scale
              + (parallel ? ", parallel" : ""));
        }
      }
    }
  }

  @Test
  void theVectorPartitionLeavesTheKeysWhereTheStepByStepOneDoes() {
    assertTrue(SimultaneousSort.VECTOR, "the tests run with the Vector API module");
    RandomState rs = new RandomState(4);
    int refused = 0;
    for (int trial = 0; trial < 400; trial++) {
      int n = 1 + (int) rs.randint(0, trial < 300 ? 200 : 5000);
      int from = (int) rs.randint(0, 9);
      int spread = 1 + (int) rs.randint(0, 4 * n);   // few distinct values to all distinct
      long[] keys = new long[from + n + 7];
      for (int p = 0; p < keys.length; p++) {
        keys[p] = SimultaneousSort.key((float) rs.randint(0, spread), p);
      }
      long pivot = keys[from + (int) rs.randint(0, n)] >> 32;   // a value of the part, as median3's
      long below = pivot << 32;
      long above = below | 0xFFFFFFFFL;
      long[] expected = keys.clone();
      long bounds = VectorPartition.partition(keys, from, n, below, above);
      long expectedBounds = SimultaneousSort.scalarPartition(expected, from, n, below, above);
      if (bounds < 0) {
        refused++;   // the pivot's value more than once: left to the scalar partition
        continue;
      }
      assertEquals(expectedBounds, bounds, "trial " + trial + ", n " + n);
      assertTrue(Arrays.equals(expected, keys), "trial " + trial + ", n " + n);
    }
    assertTrue(refused < 300, refused + " parts refused");
  }

  @Test
  void classCountsAreOrderFreeOnlyWithWholeWeights() {
    int[] y = {0, 1, 1};
    assertTrue(new ClassificationCriterion(y, 2, null, false).orderFree());
    assertTrue(new ClassificationCriterion(y, 2, new double[] {1, 3, 0}, true).orderFree());
    assertFalse(new ClassificationCriterion(y, 2, new double[] {1, 0.5, 2}, false).orderFree());
    assertFalse(new SquaredError(new double[] {1, 2, 3}, null).orderFree());
  }
}
