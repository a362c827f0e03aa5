package semaine.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Work over samples cut into fixed chunks of {@value #SIZE}, run on the common fork-join pool.
 *
 * <p>Chunk boundaries depend only on n, never on the number of threads, and every chunk writes
 * only its own samples' slots, so results are the same on one core or many.
 */
final class Chunks {

  /** Samples per chunk, NumPy's buffer size; only the parallel split depends on it. */
  static final int SIZE = 8192;

  /** Below this many samples the work runs on the calling thread. */
  private static final int PARALLEL_THRESHOLD = 2 * SIZE;

  private Chunks() {}

  /** Calls {@code body.accept(chunk)} for chunk = 0 .. count(n) − 1, in parallel for large n. */
  static void forEach(int n, IntConsumer body) {
    int count = count(n);
    if (n < PARALLEL_THRESHOLD) {
      for (int chunk = 0; chunk < count; chunk++) {
        body.accept(chunk);
      }
    } else {
      IntStream.range(0, count).parallel().forEach(body);
    }
  }

  /**
   * Calls {@code work.accept(chunk)} for every chunk, on all cores, and {@code then.accept(chunk)}
   * on the calling thread for chunk = 0, 1, ... in order, each as soon as that chunk's work is
   * done: a sequential pass (a running sum in sample order) that follows a parallel one without
   * waiting for its end. The chunks' work is handed out in order from a counter, to the pool's
   * threads and to the calling thread whenever the next chunk it must follow is not done yet.
   */
  static void forEachThenInOrder(int n, IntConsumer work, IntConsumer then) {
    int count = count(n);
    AtomicInteger next = new AtomicInteger();
    AtomicIntegerArray done = new AtomicIntegerArray(count);
    List<ForkJoinTask<?>> helpers = new ArrayList<>();
    if (n >= PARALLEL_THRESHOLD) {
      ForkJoinPool pool = ForkJoinPool.commonPool();
      for (int h = 0; h < Math.min(pool.getParallelism(), count - 1); h++) {
        helpers.add(pool.submit(() -> {
          for (int chunk; (chunk = next.getAndIncrement()) < count; ) {
            work.accept(chunk);
            done.set(chunk, 1);
          }
        }));
      }
    }
    try {
      for (int followed = 0; followed < count; ) {
        if (done.get(followed) == 1) {
          then.accept(followed++);
          continue;
        }
        int chunk = next.getAndIncrement();
        if (chunk < count) {
          work.accept(chunk);
          done.set(chunk, 1);
        } else {
          for (ForkJoinTask<?> helper : helpers) {
            if (helper.isCompletedAbnormally()) {
              helper.join(); // its chunk will never be done: rethrow what stopped it
            }
          }
          Thread.onSpinWait(); // a helper is on it
        }
      }
    } finally {
      next.set(count); // on an exception, the helpers stop at their current chunk
      for (ForkJoinTask<?> helper : helpers) {
        helper.join(); // rethrows a helper's exception
      }
    }
  }

  /** The number of chunks for n samples. */
  static int count(int n) {
    return (n + SIZE - 1) / SIZE;
  }

  /** First sample of {@code chunk}. */
  static int start(int chunk) {
    return chunk * SIZE;
  }

  /** One past the last sample of {@code chunk}. */
  static int end(int chunk, int n) {
    return Math.min(n, (chunk + 1) * SIZE);
  }
}
