package semaine.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import semaine.util.Parallel.RangeBody;

/**
 * A fixed team of threads for the many short parallel loops of inference (GPT-2 decoding runs
 * about 60 of them per token): the calling thread and {@code size − 1} daemon workers that stay
 * alive between loops, spin briefly waiting for the next one, then park. A loop costs a few
 * microseconds of hand-off instead of a fork-join task tree.
 *
 * <p>{@link #forRange} cuts {@code [0, n)} into chunks of {@code grain} items that the threads
 * take in turn from a shared counter, so a thread slowed by another process gets fewer chunks.
 * The caller waits only for the chunks other threads have taken: a worker that has not woken up
 * yet (the machine is busy) finds nothing left and the caller does not wait for it. One loop
 * runs at a time: a call made while the team is busy (from another thread, or from inside a loop
 * body) runs on the calling thread alone. Exceptions thrown by a chunk propagate to the caller
 * once every taken chunk is done.
 */
public final class WorkerTeam {

  /** How long an idle worker spins before parking: enough to bridge the gaps within a token. */
  private static final long SPIN_NANOS = 30_000;

  private static final WorkerTeam SHARED = new WorkerTeam(Runtime.getRuntime().availableProcessors());

  private final int size;
  private final Worker[] workers;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Job job;

  /** A team of {@code size} threads, the caller included (at least 1). */
  public WorkerTeam(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size (" + size + ") must be >= 1");
    }
    this.size = size;
    this.workers = new Worker[size - 1];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Worker();
      Thread t = Thread.ofPlatform().daemon().name("semaine-inference-" + (i + 1))
          .unstarted(workers[i]);
      workers[i].thread = t;
      t.start();
    }
  }

  /** The team shared by the models, one thread per available core. */
  public static WorkerTeam shared() {
    return SHARED;
  }

  /** Threads in the team, the caller included. */
  public int size() {
    return size;
  }

  /** Runs {@code body} over {@code [0, n)} in chunks of {@code grain} items on the team. */
  public void forRange(int n, int grain, RangeBody body) {
    run(n, grain, false, body);
  }

  /**
   * Runs {@code body} over {@code [0, n)} in chunks that shrink as the range empties (guided
   * scheduling): each chunk is the remaining items divided by twice the team's size, rounded down
   * to a multiple of {@code grain}, and at least {@code grain}. The first chunks are large, so few
   * are handed out, and the last ones are {@code grain} items, so the threads finish within one
   * small chunk of each other: for a product whose rows all cost the same (a matrix-vector
   * product), neither core idles long at the end while the other reads its share. Every chunk
   * starts at a multiple of {@code grain}, and the chunks' bounds depend only on n and grain,
   * never on which thread takes which.
   */
  public void forRangeTapered(int n, int grain, RangeBody body) {
    run(n, grain, true, body);
  }

  private void run(int n, int grain, boolean tapered, RangeBody body) {
    if (grain < 1) {
      throw new IllegalArgumentException("grain (" + grain + ") must be >= 1");
    }
    if (n <= grain || size == 1 || !lock.tryLock()) {
      if (n > 0) {
        body.run(0, n);
      }
      return;
    }
    try {
      Job j = new Job(body, n, grain, tapered ? 2 * size : 0);
      job = j;
      for (Worker w : workers) {
        if (w.parked) {
          LockSupport.unpark(w.thread);
        }
      }
      j.work();
      j.awaitTakenChunks();
      job = null;
      if (j.failure != null) {
        if (j.failure instanceof RuntimeException e) {
          throw e;
        }
        if (j.failure instanceof Error e) {
          throw e;
        }
        throw new IllegalStateException(j.failure);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * One parallel loop: chunks handed out by a counter holding the start of the next one.
   * {@code busy} counts the threads between "about to take a chunk" and "done with it"; once
   * every chunk is taken and busy is 0, every chunk is done.
   */
  private static final class Job {
    final RangeBody body;
    final int n;
    final int grain;
    /** 0 for chunks of grain items, else the divisor of the remaining items (tapered). */
    final int taper;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger busy = new AtomicInteger();
    volatile Throwable failure;

    Job(RangeBody body, int n, int grain, int taper) {
      this.body = body;
      this.n = n;
      this.grain = grain;
      this.taper = taper;
    }

    /** The end of the chunk starting at {@code from}: a function of from alone. */
    int end(int from) {
      int items = grain;
      if (taper > 0) {
        items = Math.max(grain, (n - from) / taper / grain * grain);
      }
      return (int) Math.min(n, (long) from + items);
    }

    void work() {
      while (true) {
        busy.incrementAndGet();
        int from = failure == null ? take() : n;
        if (from >= n) {
          busy.decrementAndGet();
          return;
        }
        try {
          body.run(from, end(from));
        } catch (Throwable t) {
          failure = t;
        } finally {
          busy.decrementAndGet();
        }
      }
    }

    /** Claims the next chunk and returns its start, or n when none is left. */
    private int take() {
      while (true) {
        int from = next.get();
        if (from >= n || next.compareAndSet(from, end(from))) {
          return from;
        }
      }
    }

    void awaitTakenChunks() {
      int spins = 0;
      while (busy.get() > 0) {
        if (++spins < 1 << 10) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
  }

  /** A worker: waits for a job it has not seen yet and takes chunks while there are some. */
  private final class Worker implements Runnable {
    Thread thread;
    volatile boolean parked;

    @Override
    public void run() {
      Job last = null;
      while (true) {
        Job j = await(last);
        j.work();
        last = j;
      }
    }

    private Job await(Job last) {
      long start = System.nanoTime();
      while (true) {
        Job j = job;
        if (j != null && j != last) {
          return j;
        }
        if (System.nanoTime() - start < SPIN_NANOS) {
          Thread.onSpinWait();
          continue;
        }
        parked = true;
        j = job;
        if (j == null || j == last) {
          LockSupport.park(this);
        }
        parked = false;
        start = System.nanoTime();
      }
    }
  }
}
