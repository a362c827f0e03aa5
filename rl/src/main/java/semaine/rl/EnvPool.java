package semaine.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * An env pool: the copies of a {@link SyncVectorEnv} stepped on several threads (so on several
 * cores), each thread a contiguous block of copies, with the same autoreset modes and the same
 * results, bit for bit: every copy keeps its own generator and the batch is assembled in copy
 * order. What Gymnasium's {@code AsyncVectorEnv} gives with processes, in one JVM. Close it to stop
 * its threads.
 */
public final class EnvPool<A> extends SyncVectorEnv<A> {

  private final ExecutorService workers;
  private final int threads;

  /**
   * {@code n} copies made by {@code factory}, stepped by {@code threads} threads.
   *
   * @throws IllegalArgumentException when {@code n} or {@code threads} is not positive
   */
  public EnvPool(Supplier<? extends Env<double[], A>> factory, int n, AutoresetMode mode,
      int threads) {
    super(factory, n, mode);
    semaine.util.Checks.checkPositive("threads", threads);
    this.threads = Math.min(threads, n);
    this.workers = Executors.newFixedThreadPool(this.threads, task -> {
      Thread t = new Thread(task, "semaine-env-pool");
      t.setDaemon(true);
      return t;
    });
  }

  /** The number of threads stepping the copies. */
  public int threads() {
    return threads;
  }

  @Override
  void forEachCopy(IntConsumer body) {
    int n = numEnvs();
    List<Future<?>> blocks = new ArrayList<>(threads);
    for (int w = 0; w < threads; w++) {
      int from = (int) ((long) n * w / threads);
      int to = (int) ((long) n * (w + 1) / threads);
      blocks.add(workers.submit(() -> {
        for (int i = from; i < to; i++) {
          body.accept(i);
        }
      }));
    }
    for (Future<?> block : blocks) {
      try {
        block.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the pool stepped", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    super.close();
  }
}
