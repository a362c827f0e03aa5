package semaine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import semaine.nn.InferenceKernels;
import semaine.nn.WorkerTeam;
import semaine.nn.gpt2.GPT2LMHeadModel;
import semaine.nn.gpt2.KVCache;
import semaine.util.Json;

/**
 * GPT-2 124M greedy decoding speed with random weights of the real shapes (the speed does not
 * depend on the values), loaded the way a real checkpoint is: a Hugging Face folder
 * ({@code config.json}, {@code model.safetensors} with Conv1D weights stored (in, out)) written to
 * a temporary directory and memory-mapped by {@link GPT2LMHeadModel#fromPretrained}. Measures the time
 * to first token for a 50-token prompt (one batched pass) and decode tokens per second over the
 * next 100 tokens; run 0 is a warm-up, the median of the others is reported. {@code q8} times the
 * 8-bit model; {@code quality} compares the 8-bit logits and greedy tokens with float32 ones.
 * Compare with {@code bench/compare-gpt2} (transformers on the same shapes).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -Xmx3g \
 *     -cp bench/target/benchmarks.jar semaine.bench.Gpt2Speed [fp32|q8|quality] [runs]
 * </pre>
 *
 * <p>{@code -XX:+UseTransparentHugePages} (as the {@code semaine} launcher passes on Linux) backs
 * the heap with 2 MB pages: reading 500 MB of weights per token then misses the TLB far less, and
 * fp32 decoding went from 47.5 to 60.8 tokens/s on the project's machine.</p>
 */
public final class Gpt2Speed {

  private static final int LAYERS = 12;
  private static final int C = 768;
  private static final int VOCAB = 50257;
  private static final int POSITIONS = 1024;

  private Gpt2Speed() {}

  public static void main(String[] args) throws IOException {
    boolean q8 = args.length > 0 && args[0].equals("q8");
    boolean quality = args.length > 0 && args[0].equals("quality");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    int newTokens = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    Path folder = Files.createTempDirectory("gpt2-124m-random");
    try {
      writeRandomCheckpoint(folder, new SplittableRandom(0));
      long load = System.nanoTime();
      double loadCpu = processCpu();
      GPT2LMHeadModel model = GPT2LMHeadModel.fromPretrained(folder);
      if (quality) {
        quality(model, model.quantized());
        return;
      }
      if (q8) {
        model = model.quantized();
      }
      System.out.printf("loaded %s in %.2f s, %.2f s of process CPU (vector=%s, %d cores)%n",
          q8 ? "q8" : "fp32", (System.nanoTime() - load) / 1e9, processCpu() - loadCpu,
          InferenceKernels.vectorized(), Runtime.getRuntime().availableProcessors());
      measure(model, runs, newTokens, q8 ? "q8" : "fp32");
    } finally {
      try (var files = Files.list(folder)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(folder);
    }
  }

  /**
   * Greedy decoding of {@code newTokens} after a 50-token prompt, {@code runs} times; with one run
   * that run is the first call of a fresh process (what {@code bench/compare-gpt2 --first-call}
   * measures), otherwise run 0 is a warm-up.
   */
  private static void measure(GPT2LMHeadModel model, int runs, int newTokens, String label) {
    int[] prompt = new int[50];
    for (int i = 0; i < prompt.length; i++) {
      prompt[i] = (i * 7919) % VOCAB;
    }
    double[] ttft = new double[runs];
    double[] speed = new double[runs];
    for (int run = 0; run < runs; run++) {
      KVCache cache = model.newCache(prompt.length + newTokens);
      double cpuStart = processCpu();
      long start = System.nanoTime();
      int next = argmax(model.forward(cache, prompt));
      long first = System.nanoTime();
      double cpuFirst = processCpu();
      for (int t = 1; t < newTokens; t++) {
        next = argmax(model.forward(cache, next));
      }
      long end = System.nanoTime();
      System.out.printf("run %d: process CPU seconds: prompt pass %.2f, decoding %.2f%n", run,
          cpuFirst - cpuStart, processCpu() - cpuFirst);
      ttft[run] = (first - start) / 1e9;
      speed[run] = (newTokens - 1) / ((end - first) / 1e9);
      System.out.printf("run %d%s: time to first token %.3f s (50-token prompt), decode %.1f "
          + "tokens/s, load average %.2f%n", run, run == 0 ? " (warm-up)" : "", ttft[run],
          speed[run], ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
    System.out.printf("semaine %s: median time to first token %.3f s, median decode %.1f tokens/s%n",
        label, median(ttft), median(speed));
    if (label.equals("fp32") && runs > 1) {
      readBound();
    }
  }

  /**
   * The memory-bandwidth bound of fp32 decoding right now: how many times per second the cores
   * can merely read as many bytes as one token's weights (124,439,808 floats, the tied head
   * included), summing them with the Vector API over the shared worker team; median of 7 passes.
   */
  private static void readBound() {
    float[] weights = new float[124_439_808];
    java.util.Arrays.fill(weights, 1f);
    double[] seconds = new double[7];
    int chunk = 1 << 20; // 4 MB: small enough for both threads to share the work evenly
    float[] partial = new float[weights.length / chunk + 1];
    for (int pass = 0; pass < seconds.length; pass++) {
      long start = System.nanoTime();
      WorkerTeam.shared().forRange(weights.length, chunk, (from, to) ->
          partial[from / chunk] = sum(weights, from, to));
      seconds[pass] = (System.nanoTime() - start) / 1e9;
    }
    double s = median(seconds);
    System.out.printf("memory read bound: %.1f tokens/s (%.1f GB/s for %d MB per token)%n", 1 / s,
        4.0 * weights.length / s / 1e9, 4L * weights.length >> 20);
  }

  private static float sum(float[] a, int from, int to) {
    var species = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED;
    int lanes = species.length();
    var s0 = jdk.incubator.vector.FloatVector.zero(species);
    var s1 = s0;
    int i = from;
    for (; i + 2 * lanes <= to; i += 2 * lanes) {
      s0 = s0.add(jdk.incubator.vector.FloatVector.fromArray(species, a, i));
      s1 = s1.add(jdk.incubator.vector.FloatVector.fromArray(species, a, i + lanes));
    }
    float total = s0.add(s1).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    for (; i < to; i++) {
      total += a[i];
    }
    return total;
  }

  /** Max and mean |logit error| of q8 over 3 prompts' positions, and greedy agreement. */
  private static void quality(GPT2LMHeadModel fp32, GPT2LMHeadModel q8) {
    int[][] prompts = new int[3][20];
    for (int p = 0; p < prompts.length; p++) {
      for (int i = 0; i < prompts[p].length; i++) {
        prompts[p][i] = (int) (((long) (p + 1) * 104729 * (i + 1)) % VOCAB);
      }
    }
    double max = 0;
    double sum = 0;
    double var = 0;
    long count = 0;
    int agree = 0;
    int total = 0;
    for (int[] prompt : prompts) {
      KVCache a = fp32.newCache(prompt.length + 20);
      KVCache b = q8.newCache(prompt.length + 20);
      int x = 0;
      int y = 0;
      for (int token : prompt) {
        float[] exact = fp32.forward(a, token);
        float[] quantized = q8.forward(b, token);
        x = argmax(exact);
        y = argmax(quantized);
        double mean = 0;
        for (float v : exact) {
          mean += v;
        }
        mean /= exact.length;
        for (int i = 0; i < exact.length; i++) {
          double e = Math.abs(exact[i] - quantized[i]);
          max = Math.max(max, e);
          sum += e;
          var += (exact[i] - mean) * (exact[i] - mean);
        }
        count += exact.length;
      }
      for (int t = 0; t < 20 && x == y; t++) {
        agree++;
        x = argmax(fp32.forward(a, x));
        y = argmax(q8.forward(b, y));
      }
      total += 20;
    }
    System.out.printf("q8 vs fp32 (124M shapes, random weights): max |logit error| %.3g, mean %.3g,"
        + " logit std %.3g; greedy: %d of %d tokens agree before the first difference%n", max,
        sum / count, Math.sqrt(var / count), agree, total);
  }

  /** config.json and model.safetensors of a GPT-2 124M with uniform(−0.02, 0.02) weights. */
  static void writeRandomCheckpoint(Path folder, SplittableRandom random) throws IOException {
    Files.writeString(folder.resolve("config.json"), Json.write(Map.of("n_layer", (long) LAYERS,
        "n_head", 12L, "n_embd", (long) C, "n_positions", (long) POSITIONS,
        "vocab_size", (long) VOCAB, "layer_norm_epsilon", 1e-5, "eos_token_id", 50256L)));
    Map<String, int[]> shapes = new LinkedHashMap<>();
    shapes.put("wte.weight", new int[] {VOCAB, C});
    shapes.put("wpe.weight", new int[] {POSITIONS, C});
    for (int l = 0; l < LAYERS; l++) {
      String p = "h." + l + ".";
      shapes.put(p + "ln_1.weight", new int[] {C});
      shapes.put(p + "ln_1.bias", new int[] {C});
      shapes.put(p + "attn.c_attn.weight", new int[] {C, 3 * C});
      shapes.put(p + "attn.c_attn.bias", new int[] {3 * C});
      shapes.put(p + "attn.c_proj.weight", new int[] {C, C});
      shapes.put(p + "attn.c_proj.bias", new int[] {C});
      shapes.put(p + "ln_2.weight", new int[] {C});
      shapes.put(p + "ln_2.bias", new int[] {C});
      shapes.put(p + "mlp.c_fc.weight", new int[] {C, 4 * C});
      shapes.put(p + "mlp.c_fc.bias", new int[] {4 * C});
      shapes.put(p + "mlp.c_proj.weight", new int[] {4 * C, C});
      shapes.put(p + "mlp.c_proj.bias", new int[] {C});
    }
    shapes.put("ln_f.weight", new int[] {C});
    shapes.put("ln_f.bias", new int[] {C});
    Map<String, Object> header = new LinkedHashMap<>();
    long offset = 0;
    for (var e : shapes.entrySet()) {
      long bytes = 4L * Arrays.stream(e.getValue()).asLongStream().reduce(1, (a, b) -> a * b);
      header.put(e.getKey(), Map.of("dtype", "F32",
          "shape", Arrays.stream(e.getValue()).asLongStream().boxed().toList(),
          "data_offsets", List.of(offset, offset + bytes)));
      offset += bytes;
    }
    byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    try (FileChannel out = FileChannel.open(folder.resolve("model.safetensors"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
      head.putLong(padded).put(json);
      while (head.hasRemaining()) {
        head.put((byte) ' ');
      }
      out.write(head.flip());
      ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
      for (var e : shapes.entrySet()) {
        boolean layerNormScale = e.getKey().endsWith("ln_1.weight")
            || e.getKey().endsWith("ln_2.weight") || e.getKey().equals("ln_f.weight");
        long count = Arrays.stream(e.getValue()).asLongStream().reduce(1, (a, b) -> a * b);
        for (long i = 0; i < count; i++) {
          chunk.putFloat(layerNormScale ? 1f : (float) (0.02 * (2 * random.nextDouble() - 1)));
          if (!chunk.hasRemaining()) {
            out.write(chunk.flip());
            chunk.clear();
          }
        }
      }
      out.write(chunk.flip());
    }
  }

  /** The CPU seconds of the whole process so far (every thread: the JIT's compilers included). */
  private static double processCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  private static double median(double[] values) {
    double[] v = Arrays.copyOfRange(values, values.length > 1 ? 1 : 0, values.length);
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
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
