package semaine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import semaine.nn.InferenceKernels;
import semaine.nn.gpt2.GPT2Config;
import semaine.nn.gpt2.GPT2Model;
import semaine.nn.gpt2.GPT2Weights;
import semaine.nn.gpt2.KVCache;

/**
 * GPT-2 124M greedy decoding speed with random weights of the real shapes (the speed does not
 * depend on the values): time to first token for a 50-token prompt, then tokens per second over
 * the next 100 tokens. Compare with {@code bench/compare-gpt2} (transformers on the same shapes).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Xmx2g -cp bench/target/benchmarks.jar semaine.bench.Gpt2Speed
 * </pre>
 */
public final class Gpt2Speed {

  private Gpt2Speed() {}

  public static void main(String[] args) {
    GPT2Config config = new GPT2Config(12, 12, 768, 3072, 1024, 50257, 1e-5, false, 50256);
    GPT2Model model = new GPT2Model(config, randomWeights(config, new SplittableRandom(0)));
    int[] prompt = new int[50];
    for (int i = 0; i < prompt.length; i++) {
      prompt[i] = (i * 7919) % config.vocabSize();
    }
    int newTokens = 100;
    for (int run = 0; run < 4; run++) {
      KVCache cache = model.newCache(prompt.length + newTokens);
      long start = System.nanoTime();
      float[] logits = model.forward(cache, prompt);
      int next = argmax(logits);
      long first = System.nanoTime();
      for (int t = 1; t < newTokens; t++) {
        next = argmax(model.forward(cache, next));
      }
      long end = System.nanoTime();
      System.out.printf("run %d (vector=%s): time to first token %.3f s (50-token prompt), "
          + "decode %.1f tokens/s%n", run, InferenceKernels.vectorized(), (first - start) / 1e9,
          (newTokens - 1) / ((end - first) / 1e9));
    }
  }

  static GPT2Weights randomWeights(GPT2Config c, SplittableRandom random) {
    int n = c.nEmbd();
    List<GPT2Weights.Block> blocks = new ArrayList<>();
    for (int l = 0; l < c.nLayer(); l++) {
      blocks.add(new GPT2Weights.Block(ones(n), fill(n, random, 0.02), fill(3 * n * n, random, 0.02),
          fill(3 * n, random, 0.02), fill(n * n, random, 0.02), fill(n, random, 0.02), ones(n),
          fill(n, random, 0.02), fill(4 * n * n, random, 0.02), fill(4 * n, random, 0.02),
          fill(4 * n * n, random, 0.02), fill(n, random, 0.02)));
    }
    return new GPT2Weights(fill(c.vocabSize() * n, random, 0.02), fill(c.nPositions() * n, random, 0.01),
        blocks, ones(n), fill(n, random, 0.02));
  }

  private static float[] fill(int size, SplittableRandom random, double scale) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (float) (scale * (2 * random.nextDouble() - 1));
    }
    return x;
  }

  private static float[] ones(int size) {
    float[] x = new float[size];
    java.util.Arrays.fill(x, 1f);
    return x;
  }

  private static int argmax(float[] x) {
    int best = 0;
    for (int i = 1; i < x.length; i++) {
      if (x[i] > x[best]) {
        best = i;
      }
    }
    return best;
  }
}
