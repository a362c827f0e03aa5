package semaine.nn.gpt2;

import java.util.ArrayList;
import java.util.List;

/**
 * Gets the JIT to compile GPT-2's inference kernels while a large model's weights are read: a side
 * thread runs prompt passes and decoding steps of a tiny GPT-2 (one layer, 128 wide, weights
 * unrelated to the real ones, in float32 and in 8 bits) until {@link #close()}. The first prompt
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

  private KernelWarmUp(boolean start) {
    thread = start ? Thread.ofPlatform().daemon().name("semaine-gpt2-warm-up").start(this::run)
        : null;
  }

  /**
   * Starts warming up when the weight file is large ({@code bytes} at least {@link #MIN_BYTES})
   * and {@code -Dsemaine.gpt2.warmUp=false} is not given (to measure without it).
   */
  static KernelWarmUp whileReading(long bytes) {
    return new KernelWarmUp(bytes >= MIN_BYTES
        && !"false".equals(System.getProperty("semaine.gpt2.warmUp")));
  }

  /**
   * Prompt passes of 10 tokens (not a multiple of the 4-input tiles, as most prompts) and 4
   * decoding steps, float32 then 8-bit, until stopped.
   */
  private void run() {
    List<GPT2LMHeadModel> models = new ArrayList<>();
    models.add(tinyModel());
    models.add(models.get(0).quantized());
    int[] prompt = {1, 5, 9, 13, 17, 21, 25, 29, 33, 37};
    for (int pass = 0; !stop; pass++) {
      GPT2LMHeadModel model = models.get(pass % 2);
      KVCache cache = model.newCache(prompt.length + 4);
      model.forward(cache, prompt);
      for (int t = 0; t < 4 && !stop; t++) {
        model.forward(cache, 3 + t);
      }
    }
  }

  /**
   * One layer of 128 wide, 2 heads of 64 (GPT-2's head size), a vocabulary of 64: rows of whole
   * vector blocks and of a multiple of 4 blocks of 8-bit weights, as 768 and 3072 are, so the
   * kernels' branches go the way of the real model's and their compiled code serves it.
   */
  static GPT2LMHeadModel tinyModel() {
    int c = 128;
    int inner = 4 * c;
    int vocab = 64;
    int positions = 32;
    var config = new GPT2Config(1, 2, c, inner, positions, vocab, 1e-5, false, vocab - 1);
    var block = new GPT2Weights.Block(ones(c), fill(c), fill(3 * c * c), fill(3 * c),
        fill(c * c), fill(c), ones(c), fill(c), fill(inner * c), fill(inner), fill(c * inner),
        fill(c));
    return new GPT2LMHeadModel(config, new GPT2Weights(fill(vocab * c), fill(positions * c),
        List.of(block), ones(c), fill(c)));
  }

  /** Small values in [-0.03, 0.03], a fixed pattern. */
  private static float[] fill(int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = ((i * 7919) % 61 - 30) * 1e-3f;
    }
    return out;
  }

  private static float[] ones(int n) {
    float[] out = new float[n];
    java.util.Arrays.fill(out, 1f);
    return out;
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
