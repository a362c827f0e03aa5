package semaine.nn.gpt2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import semaine.nn.InferenceKernels;
import semaine.nn.WorkerTeam;

/**
 * GPT-2 with its language-model head, for inference with a key/value cache: transformers'
 * {@code GPT2LMHeadModel} (its {@code from_pretrained} and forward pass), as OpenAI's
 * {@code model.py} computes it. The trainable twin built from autograd layers is
 * {@link TrainableGPT2LMHeadModel}; transformers' headless {@code GPT2Model} has no class here.
 *
 * <p>For the token at position t: x = wte[token] + wpe[t]; then in each block (pre-LayerNorm)
 * x += c_proj(attention(c_attn(ln_1(x)))) and x += mlp.c_proj(gelu_new(c_fc(ln_2(x)))); finally
 * logits = ln_f(x) · wteᵀ (the head is tied to the embedding). Attention is causal: the token
 * sees the cached positions 0..t, with scores q·k / √hs. LayerNorm uses the biased variance and
 * ε = {@code layer_norm_epsilon}; gelu_new is the tanh approximation
 * 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). Dropout is inactive, as in {@code eval()}.
 *
 * <p>Several tokens at once (a prompt) go through each block together: every weight row is read
 * once for all of them and attention is causal among them. Each number is summed in the same
 * order as when the tokens are fed one by one; only the Vector API's lane reduction, whose order
 * the JIT may choose, can make the two differ in the last bits (about 1e-7). The products go
 * through {@link InferenceKernels} (Vector API) with their rows split over a {@link WorkerTeam};
 * the rest is plain Java. Summation order differs from PyTorch's, so logits agree to about 1e-5.
 *
 * <p>{@link #quantized()} gives the same model with its weight matrices (the LM head included)
 * in 8-bit blocks (Q8_0): about 3.5 times fewer bytes to read per token, at the cost of a small
 * logit error.
 */
public final class GPT2LMHeadModel {


  private final GPT2Config config;
  private final GPT2Weights weights; // null once quantised
  private final float[] wte;
  private final float[] wpe;
  private final Layer[] layers;
  private final InferenceLinear head;
  private final float[] lnFWeight;
  private final float[] lnFBias;
  private final WorkerTeam team = WorkerTeam.shared();

  /** The products of one block and its LayerNorm parameters. */
  private record Layer(float[] ln1Weight, float[] ln1Bias, InferenceLinear cAttn, InferenceLinear cProj,
      float[] ln2Weight, float[] ln2Bias, InferenceLinear cFc, InferenceLinear mlpCProj) {}

  public GPT2LMHeadModel(GPT2Config config, GPT2Weights weights) {
    this(config, weights, false);
  }

  private GPT2LMHeadModel(GPT2Config config, GPT2Weights weights, boolean q8) {
    this.config = config;
    this.weights = q8 ? null : weights;
    this.wte = weights.wte();
    this.wpe = weights.wpe();
    int c = config.nEmbd();
    int inner = config.nInner();
    this.layers = new Layer[config.nLayer()];
    for (int l = 0; l < layers.length; l++) {
      GPT2Weights.Block b = weights.h().get(l);
      layers[l] = new Layer(b.ln1Weight(), b.ln1Bias(),
          InferenceLinear.of(b.cAttnWeight(), b.cAttnBias(), 3 * c, c, q8),
          InferenceLinear.of(b.cProjWeight(), b.cProjBias(), c, c, q8), b.ln2Weight(), b.ln2Bias(),
          InferenceLinear.of(b.cFcWeight(), b.cFcBias(), inner, c, q8),
          InferenceLinear.of(b.mlpCProjWeight(), b.mlpCProjBias(), c, inner, q8));
    }
    this.head = InferenceLinear.of(wte, null, config.vocabSize(), c, q8);
    this.lnFWeight = weights.lnFWeight();
    this.lnFBias = weights.lnFBias();
  }

  /** Loads {@code config.json} and {@code model.safetensors} from a Hugging Face model folder. */
  public static GPT2LMHeadModel fromPretrained(Path folder) throws IOException {
    GPT2Config config = GPT2Config.fromJson(folder.resolve("config.json"));
    Path file = folder.resolve("model.safetensors");
    // a large file: the JIT compiles the kernels on a tiny model while the weights are read
    try (var warmUp = KernelWarmUp.whileReading(Files.isRegularFile(file) ? Files.size(file) : 0,
        GPT2LMHeadModel::warmUpPass)) {
      return new GPT2LMHeadModel(config, GPT2Weights.load(file, config));
    }
  }

  /**
   * The pass {@link KernelWarmUp} repeats: a prompt of 10 tokens (not a multiple of the 4-input
   * tiles, as most prompts) and 4 decoding steps of {@link #tinyModel()}, in float32 and in 8 bits
   * by turns.
   */
  static Runnable warmUpPass() {
    GPT2LMHeadModel fp32 = tinyModel();
    GPT2LMHeadModel[] models = {fp32, fp32.quantized()};
    int[] prompt = {1, 5, 9, 13, 17, 21, 25, 29, 33, 37};
    int[] pass = {0};
    return () -> {
      GPT2LMHeadModel model = models[pass[0]++ % 2];
      KVCache cache = model.newCache(prompt.length + 4);
      model.forward(cache, prompt);
      for (int t = 0; t < 4; t++) {
        model.forward(cache, 3 + t);
      }
    };
  }

  /**
   * One layer of 256 wide, 4 heads of 64 (GPT-2's head size), a vocabulary of 64, fixed small
   * weights: rows of whole blocks of 256 floats and of a multiple of 4 blocks of 8-bit weights,
   * as 768 and 3072 are, so the kernels' branches go the way of the real model's and their
   * compiled code serves it.
   */
  static GPT2LMHeadModel tinyModel() {
    int c = 256;
    int inner = 4 * c;
    int vocab = 64;
    int positions = 32;
    var config = new GPT2Config(1, c / 64, c, inner, positions, vocab, 1e-5, false, vocab - 1);
    var block = new GPT2Weights.Block(ones(c), pattern(c), pattern(3 * c * c), pattern(3 * c),
        pattern(c * c), pattern(c), ones(c), pattern(c), pattern(inner * c), pattern(inner),
        pattern(c * inner), pattern(c));
    return new GPT2LMHeadModel(config, new GPT2Weights(pattern(vocab * c),
        pattern(positions * c), java.util.List.of(block), ones(c), pattern(c)));
  }

  /** Small values in [-0.03, 0.03], a fixed pattern. */
  private static float[] pattern(int n) {
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

  /**
   * This model with 8-bit (Q8_0) weight matrices, LM head included; the embeddings, biases and
   * LayerNorms stay float32. Returns this model when it is already quantised.
   */
  public GPT2LMHeadModel quantized() {
    return weights == null ? this : new GPT2LMHeadModel(config, weights, true);
  }

  /** True when the weight matrices are 8-bit. */
  public boolean isQuantized() {
    return weights == null;
  }

  public GPT2Config config() {
    return config;
  }

  /** An empty cache for sequences of up to {@code capacity} tokens (at most n_positions). */
  public KVCache newCache(int capacity) {
    if (capacity < 1 || capacity > config.nPositions()) {
      throw new IllegalArgumentException("capacity (" + capacity + ") must be in [1, "
          + config.nPositions() + "], the model's context length (n_positions)");
    }
    return new KVCache(config, capacity);
  }

  /** An independent copy of a cache. */
  public KVCache copy(KVCache cache) {
    return cache.copy(config);
  }

  /**
   * Feeds the tokens (several in one pass) and returns the logits (V) after the last one. The
   * array is the cache's own and is overwritten by the next call.
   */
  public float[] forward(KVCache cache, int... tokens) {
    if (tokens.length == 0) {
      throw new IllegalArgumentException("tokens must not be empty");
    }
    if (cache.length + tokens.length > cache.capacity) {
      throw new IllegalArgumentException("sequence length (" + (cache.length + tokens.length)
          + ") must be <= " + cache.capacity + ", the cache capacity (context length "
          + config.nPositions() + ")");
    }
    for (int token : tokens) {
      if (token < 0 || token >= config.vocabSize()) {
        throw new IllegalArgumentException("token (" + token + ") must be in [0, "
            + config.vocabSize() + ")");
      }
    }
    if (tokens.length == 1) {
      step(cache, tokens[0]);
    } else {
      prompt(cache, tokens);
    }
    return cache.logits;
  }

  /** One token at position {@code cache.length}, with the scratch buffers of the cache. */
  private void step(KVCache s, int token) {
    int c = config.nEmbd();
    int pos = s.length;
    embed(token, pos, s.x, 0);
    for (int l = 0; l < layers.length; l++) {
      Layer b = layers[l];
      layerNorm(s.x, 0, b.ln1Weight(), b.ln1Bias(), s.xb, 0);
      rows(b.cAttn(), s.xb, s.qkv);
      System.arraycopy(s.qkv, c, s.key[l], pos * c, c);
      System.arraycopy(s.qkv, 2 * c, s.value[l], pos * c, c);
      float[] keys = s.key[l];
      float[] values = s.value[l];
      float scale = attentionScale(l);
      team.forRange(config.nHead(), 1, (h0, h1) -> {
        for (int h = h0; h < h1; h++) {
          attendHead(s.qkv, 0, keys, values, h, pos, scale, s.scores, h * s.capacity, s.y, 0);
        }
      });
      rows(b.cProj(), s.y, s.xb);
      addInPlace(s.x, 0, s.xb, 0, c);
      layerNorm(s.x, 0, b.ln2Weight(), b.ln2Bias(), s.xb, 0);
      InferenceLinear fc = b.cFc();
      team.forRangeTapered(fc.rows, GRAIN, (from, to) -> {
        fc.rows(s.xb, s.hb, from, to);
        InferenceKernels.geluTanh(s.hb, from, to);
      });
      rows(b.mlpCProj(), s.hb, s.xb);
      addInPlace(s.x, 0, s.xb, 0, c);
    }
    s.length = pos + 1;
    layerNorm(s.x, 0, lnFWeight, lnFBias, s.xb, 0);
    rows(head, s.xb, s.logits);
  }

  /**
   * The tokens at positions {@code cache.length..+n-1} together: each product runs over the n
   * inputs at once (Y = X·Wᵀ) and query i attends to the cached positions and to prompt
   * positions up to its own.
   */
  private void prompt(KVCache s, int[] tokens) {
    int n = tokens.length;
    int c = config.nEmbd();
    int inner = config.nInner();
    int past = s.length;
    float[] x = new float[n * c];
    float[] xb = new float[n * c];
    float[] qkv = new float[n * 3 * c];
    float[] y = new float[n * c];
    float[] h = new float[n * inner];
    for (int t = 0; t < n; t++) {
      embed(tokens[t], past + t, x, t * c);
    }
    for (int l = 0; l < layers.length; l++) {
      Layer b = layers[l];
      for (int t = 0; t < n; t++) {
        layerNorm(x, t * c, b.ln1Weight(), b.ln1Bias(), xb, t * c);
      }
      batch(b.cAttn(), xb, n, qkv);
      float[] keys = s.key[l];
      float[] values = s.value[l];
      for (int t = 0; t < n; t++) {
        System.arraycopy(qkv, t * 3 * c + c, keys, (past + t) * c, c);
        System.arraycopy(qkv, t * 3 * c + 2 * c, values, (past + t) * c, c);
      }
      float scale = attentionScale(l);
      team.forRange(config.nHead(), 1, (h0, h1) -> {
        for (int head = h0; head < h1; head++) {
          for (int t = 0; t < n; t++) {
            attendHead(qkv, t * 3 * c, keys, values, head, past + t, scale, s.scores,
                head * s.capacity, y, t * c);
          }
        }
      });
      batch(b.cProj(), y, n, xb);
      addInPlace(x, 0, xb, 0, n * c);
      for (int t = 0; t < n; t++) {
        layerNorm(x, t * c, b.ln2Weight(), b.ln2Bias(), xb, t * c);
      }
      InferenceLinear fc = b.cFc();
      team.forRangeTapered(inner, GRAIN, (from, to) -> {
        fc.batchRows(xb, n, h, from, to);
        for (int t = 0; t < n; t++) {
          InferenceKernels.geluTanh(h, t * inner + from, t * inner + to);
        }
      });
      batch(b.mlpCProj(), h, n, xb);
      addInPlace(x, 0, xb, 0, n * c);
    }
    s.length = past + n;
    layerNorm(x, (n - 1) * c, lnFWeight, lnFBias, s.xb, 0);
    rows(head, s.xb, s.logits);
  }

  private void embed(int token, int pos, float[] out, int at) {
    int c = config.nEmbd();
    for (int i = 0; i < c; i++) {
      out[at + i] = wte[token * c + i] + wpe[pos * c + i];
    }
  }

  private float attentionScale(int layer) {
    float scale = (float) (1.0 / Math.sqrt(config.headSize()));
    return config.scaleAttnByInverseLayerIdx() ? scale / (layer + 1) : scale;
  }

  /** y = W·x with the rows split over the team. */
  private void rows(InferenceLinear w, float[] x, float[] y) {
    team.forRangeTapered(w.rows, GRAIN, (from, to) -> w.rows(x, y, from, to));
  }

  /** Y = X·Wᵀ for n inputs with the rows of W split over the team. */
  private void batch(InferenceLinear w, float[] x, int n, float[] y) {
    team.forRangeTapered(w.rows, GRAIN, (from, to) -> w.batchRows(x, n, y, from, to));
  }

  /**
   * The smallest chunk of rows handed to a thread, with chunks shrinking towards it as a product
   * runs out of rows ({@link WorkerTeam#forRangeTapered}), so both cores finish a product within
   * a few microseconds of each other. A multiple of 4 (the prompt kernels' row tiles) and of the
   * float lanes, so GELU runs on whole vectors in every chunk.
   */
  private static final int GRAIN = 16;

  /**
   * Causal self-attention of one head for the query at {@code q[qOff..]} (position {@code pos})
   * over the cached positions 0..pos: softmax(q·kᵀ/√hs)·v into {@code out[outOff + head·hs ..]},
   * with {@code scores[sOff..]} as scratch.
   */
  private void attendHead(float[] q, int qOff, float[] keys, float[] values, int head, int pos,
      float scale, float[] scores, int sOff, float[] out, int outOff) {
    int c = config.nEmbd();
    int hs = config.headSize();
    int headOff = head * hs;
    float max = Float.NEGATIVE_INFINITY;
    for (int t = 0; t <= pos; t++) {
      float score = InferenceKernels.dot(q, qOff + headOff, keys, t * c + headOff, hs) * scale;
      scores[sOff + t] = score;
      max = Math.max(max, score);
    }
    float sum = 0f;
    for (int t = 0; t <= pos; t++) {
      float e = (float) Math.exp(scores[sOff + t] - max);
      scores[sOff + t] = e;
      sum += e;
    }
    java.util.Arrays.fill(out, outOff + headOff, outOff + headOff + hs, 0f);
    for (int t = 0; t <= pos; t++) {
      InferenceKernels.axpy(scores[sOff + t] / sum, values, t * c + headOff, out, outOff + headOff,
          hs);
    }
  }

  /** out = (x − mean) / √(var + ε) · weight + bias over the C channels at an offset. */
  private void layerNorm(float[] x, int xOff, float[] weight, float[] bias, float[] out,
      int outOff) {
    int n = config.nEmbd();
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += x[xOff + i];
    }
    mean /= n;
    double var = 0;
    for (int i = 0; i < n; i++) {
      double d = x[xOff + i] - mean;
      var += d * d;
    }
    var /= n;
    double rstd = 1.0 / Math.sqrt(var + config.layerNormEpsilon());
    for (int i = 0; i < n; i++) {
      out[outOff + i] = (float) ((x[xOff + i] - mean) * rstd) * weight[i] + bias[i];
    }
  }

  private static void addInPlace(float[] x, int xOff, float[] delta, int dOff, int n) {
    for (int i = 0; i < n; i++) {
      x[xOff + i] += delta[dOff + i];
    }
  }
}
