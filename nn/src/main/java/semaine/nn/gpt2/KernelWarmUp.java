package semaine.nn.gpt2;

import java.util.function.Supplier;

/**
 * Gets the JIT to compile GPT-2's inference kernels while a large model's weights are read: a side
 * thread runs a warm-up pass over and over until {@link #close()} (GPT-2's is
 * {@code GPT2LMHeadModel.warmUpPass}: prompt passes and decoding steps of a tiny model, one layer
 * 256 wide, weights unrelated to the real ones, in float32 and in 8 bits). The first prompt
 * pass of the real model then finds its kernels (the 2×4 tiles of the prompt product, the row
 * streams of decoding, the 8-bit rows, attention, LayerNorm, GELU) compiled or being compiled,
 * instead of running them interpreted over 500 MB of weights. Only the JIT's state is shared with
 * the real model: no number of it is used, so the results do not change.
 */
final class KernelWarmUp implements AutoCloseable {

  /** Weight files below this size load too fast for a warm-up to pay for itself. */
  static final long MIN_BYTES = 64L << 20;

  private final Thread thread;
  private volatile boolean stop;

  private KernelWarmUp(boolean start, Supplier<Runnable> passes) {
    thread = start ? Thread.ofPlatform().daemon().name("semaine-gpt2-warm-up")
        .start(() -> run(passes.get())) : null;
  }

  /**
   * Starts running the pass that {@code passes} makes when the weight file is large
   * ({@code bytes} at least {@link #MIN_BYTES}) and {@code -Dsemaine.gpt2.warmUp=false} is not
   * given (to measure without it).
   */
  static KernelWarmUp whileReading(long bytes, Supplier<Runnable> passes) {
    return new KernelWarmUp(bytes >= MIN_BYTES
        && !"false".equals(System.getProperty("semaine.gpt2.warmUp")), passes);
  }

  /** Runs the pass (made on this thread) until stopped. */
  private void run(Runnable pass) {
    while (!stop) {
      pass.run();
    }
  }

  /** Stops the side thread and waits for its current pass (a few milliseconds once compiled). */
  @Override
  public void close() {
    stop = true;
    if (thread != null) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
