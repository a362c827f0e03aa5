package semaine.util;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Splits a loop {@code 0..n-1} into contiguous ranges run on the common fork-join pool, one range
 * per task, as the hot loops of the models (neighbour queries, distance blocks) need.
 */
public final class Parallel {

  /** The body of a loop over {@code from..to-1}. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int from, int to);
  }

  private Parallel() {}

  /**
   * Runs {@code body} over {@code [0, n)} in ranges of at least {@code grain} items, about four per
   * core, in parallel when there is more than one range. Exceptions thrown by a range propagate.
   */
  public static void forRange(int n, int grain, RangeBody body) {
    Checks.checkNonNegative("n", n);
    Checks.checkPositive("grain", grain);
    int cores = ForkJoinPool.getCommonPoolParallelism() + 1;
    int ranges = Math.max(1, Math.min(4 * cores, n / grain));
    if (ranges == 1 || cores == 1) {
      body.run(0, n);
      return;
    }
    ForkJoinPool.commonPool().invoke(new Split(body, 0, n, ranges));
  }

  /**
   * Runs {@code body} over {@code [0, n)} in one contiguous range per core: for loops whose every
   * range reads all of the data again (a range of features over all the rows), where more ranges
   * would cost more reading. Exceptions thrown by a range propagate.
   */
  public static void perCore(int n, RangeBody body) {
    Checks.checkNonNegative("n", n);
    int cores = ForkJoinPool.getCommonPoolParallelism() + 1;
    forRange(n, Math.max(1, (n + cores - 1) / cores), body);
  }

  /**
   * Runs {@code body} on each of {@code 0..n-1}, the items handed out one at a time to one task
   * per core: for a few long items of uneven length (the trees of a forest), every core stays
   * busy to the end. Exceptions thrown by an item propagate.
   */
  public static void forEach(int n, IntConsumer body) {
    Checks.checkNonNegative("n", n);
    AtomicInteger next = new AtomicInteger();
    int cores = ForkJoinPool.getCommonPoolParallelism() + 1;
    forRange(Math.min(cores, n), 1, (from, to) -> {
      for (int item = next.getAndIncrement(); item < n; item = next.getAndIncrement()) {
        body.accept(item);
      }
    });
  }

  private static final class Split extends RecursiveAction {
    private final RangeBody body;
    private final int from;
    private final int to;
    private final int ranges;

    Split(RangeBody body, int from, int to, int ranges) {
      this.body = body;
      this.from = from;
      this.to = to;
      this.ranges = ranges;
    }

    @Override
    protected void compute() {
      if (ranges == 1) {
        body.run(from, to);
        return;
      }
      int leftRanges = ranges / 2;
      int middle = from + (int) ((long) (to - from) * leftRanges / ranges);
      invokeAll(new Split(body, from, middle, leftRanges),
          new Split(body, middle, to, ranges - leftRanges));
    }
  }
}
