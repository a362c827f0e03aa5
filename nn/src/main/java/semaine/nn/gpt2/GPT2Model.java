package semaine.nn.gpt2;

import java.io.IOException;
import java.nio.file.Path;
import semaine.nn.InferenceKernels;

/**
 * GPT-2's forward pass for inference, one token at a time with a key/value cache, as
 * transformers' {@code GPT2LMHeadModel} and OpenAI's {@code model.py} compute it.
 *
 * <p>For the token at position t: x = wte[token] + wpe[t]; then in each block (pre-LayerNorm)
 * x += c_proj(attention(c_attn(ln_1(x)))) and x += mlp.c_proj(gelu_new(c_fc(ln_2(x)))); finally
 * logits = ln_f(x) · wteᵀ (the head is tied to the embedding). Attention is causal: the token
 * sees the cached positions 0..t, with scores q·k / √hs. LayerNorm uses the biased variance and
 * ε = {@code layer_norm_epsilon}; gelu_new is the tanh approximation
 * 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). Dropout is inactive, as in {@code eval()}.
 *
 * <p>The products go through {@link InferenceKernels} (Vector API, rows split over the cores);
 * the rest is plain Java. Summation order differs from PyTorch's, so logits agree to about 1e-5.
 */
public final class GPT2Model {

  private static final float GELU_SCALE = (float) Math.sqrt(2.0 / Math.PI);

  private final GPT2Config config;
  private final GPT2Weights weights;

  public GPT2Model(GPT2Config config, GPT2Weights weights) {
    this.config = config;
    this.weights = weights;
  }

  /** Loads {@code config.json} and {@code model.safetensors} from a Hugging Face model folder. */
  public static GPT2Model fromPretrained(Path folder) throws IOException {
    GPT2Config config = GPT2Config.fromJson(folder.resolve("config.json"));
    return new GPT2Model(config, GPT2Weights.load(folder.resolve("model.safetensors"), config));
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
   * Feeds the tokens in order and returns the logits (V) after the last one. The array is the
   * cache's own and is overwritten by the next step.
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
    for (int i = 0; i < tokens.length; i++) {
      step(cache, tokens[i], i == tokens.length - 1);
    }
    return cache.logits;
  }

  /** One token at position {@code cache.length}; the LM head runs only when {@code logits}. */
  private void step(KVCache s, int token, boolean logits) {
    int c = config.nEmbd();
    if (token < 0 || token >= config.vocabSize()) {
      throw new IllegalArgumentException("token (" + token + ") must be in [0, "
          + config.vocabSize() + ")");
    }
    int pos = s.length;
    int tokenRow = token * c;
    int posRow = pos * c;
    for (int i = 0; i < c; i++) {
      s.x[i] = weights.wte()[tokenRow + i] + weights.wpe()[posRow + i];
    }
    for (int l = 0; l < config.nLayer(); l++) {
      GPT2Weights.Block b = weights.h().get(l);
      // attention: qkv (3C) = c_attn(ln_1(x)); cache k and v; y (C) = softmax(q·kᵀ/√hs)·v per head
      layerNorm(s.x, b.ln1Weight(), b.ln1Bias(), s.xb);
      InferenceKernels.matvec(b.cAttnWeight(), s.xb, b.cAttnBias(), s.qkv, 3 * c, c);
      System.arraycopy(s.qkv, c, s.key[l], posRow, c);
      System.arraycopy(s.qkv, 2 * c, s.value[l], posRow, c);
      attention(s, l, pos);
      InferenceKernels.matvec(b.cProjWeight(), s.y, b.cProjBias(), s.xb, c, c);
      addInPlace(s.x, s.xb);
      // MLP: x += c_proj(gelu_new(c_fc(ln_2(x)))), hidden (4C)
      layerNorm(s.x, b.ln2Weight(), b.ln2Bias(), s.xb);
      InferenceKernels.matvec(b.cFcWeight(), s.xb, b.cFcBias(), s.hb, config.nInner(), c);
      geluNew(s.hb);
      InferenceKernels.matvec(b.mlpCProjWeight(), s.hb, b.mlpCProjBias(), s.xb, c, config.nInner());
      addInPlace(s.x, s.xb);
    }
    s.length = pos + 1;
    if (logits) {
      layerNorm(s.x, weights.lnFWeight(), weights.lnFBias(), s.xb);
      InferenceKernels.matvec(weights.wte(), s.xb, null, s.logits, config.vocabSize(), c);
    }
  }

  /** Causal self-attention of the token at {@code pos} over positions 0..pos, head by head. */
  private void attention(KVCache s, int layer, int pos) {
    int c = config.nEmbd();
    int hs = config.headSize();
    float scale = (float) (1.0 / Math.sqrt(hs));
    if (config.scaleAttnByInverseLayerIdx()) {
      scale /= layer + 1;
    }
    float[] keys = s.key[layer];
    float[] values = s.value[layer];
    java.util.Arrays.fill(s.y, 0f);
    for (int head = 0; head < config.nHead(); head++) {
      int headOff = head * hs;
      // scores[t] = q · k_t / √hs, then softmax over t = 0..pos
      float max = Float.NEGATIVE_INFINITY;
      for (int t = 0; t <= pos; t++) {
        float score = InferenceKernels.dot(s.qkv, headOff, keys, t * c + headOff, hs) * scale;
        s.scores[t] = score;
        max = Math.max(max, score);
      }
      float sum = 0f;
      for (int t = 0; t <= pos; t++) {
        s.scores[t] = (float) Math.exp(s.scores[t] - max);
        sum += s.scores[t];
      }
      // y_head = Σ_t softmax_t · v_t
      for (int t = 0; t <= pos; t++) {
        InferenceKernels.axpy(s.scores[t] / sum, values, t * c + headOff, s.y, headOff, hs);
      }
    }
  }

  /** out = (x − mean) / √(var + ε) · weight + bias over the C channels (biased variance). */
  private void layerNorm(float[] x, float[] weight, float[] bias, float[] out) {
    int n = x.length;
    double mean = 0;
    for (float v : x) {
      mean += v;
    }
    mean /= n;
    double var = 0;
    for (float v : x) {
      var += (v - mean) * (v - mean);
    }
    var /= n;
    double rstd = 1.0 / Math.sqrt(var + config.layerNormEpsilon());
    for (int i = 0; i < n; i++) {
      out[i] = (float) ((x[i] - mean) * rstd) * weight[i] + bias[i];
    }
  }

  /** gelu_new in place: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
  private static void geluNew(float[] x) {
    for (int i = 0; i < x.length; i++) {
      float v = x[i];
      x[i] = 0.5f * v * (1f + (float) Math.tanh(GELU_SCALE * (v + 0.044715f * v * v * v)));
    }
  }

  private static void addInPlace(float[] x, float[] delta) {
    for (int i = 0; i < x.length; i++) {
      x[i] += delta[i];
    }
  }
}
