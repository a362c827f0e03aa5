package semaine.nn.gpt2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import semaine.util.Json;

/**
 * The shape of a GPT-2 model, read from a Hugging Face {@code config.json} (transformers'
 * {@code GPT2Config}): gpt2 is 12 layers, 12 heads, 768 channels, 1024 positions, 50257 tokens.
 *
 * @param nLayer number of transformer blocks (L)
 * @param nHead attention heads (nh); {@code nEmbd} must be a multiple of it
 * @param nEmbd channels (C)
 * @param nInner MLP width, 4·C when {@code n_inner} is null
 * @param nPositions context length: the largest prompt plus generated tokens
 * @param vocabSize tokens (V), 50257 for GPT-2
 * @param layerNormEpsilon added to the variance in every LayerNorm, 1e-5
 * @param scaleAttnByInverseLayerIdx divides the scores of layer i by i + 1 (off for gpt2)
 * @param eosTokenId the end-of-text id, 50256
 */
public record GPT2Config(int nLayer, int nHead, int nEmbd, int nInner, int nPositions,
    int vocabSize, double layerNormEpsilon, boolean scaleAttnByInverseLayerIdx, int eosTokenId) {

  public GPT2Config {
    positive("n_layer", nLayer);
    positive("n_head", nHead);
    positive("n_embd", nEmbd);
    positive("n_inner", nInner);
    positive("n_positions", nPositions);
    positive("vocab_size", vocabSize);
    if (nEmbd % nHead != 0) {
      throw new IllegalArgumentException("n_embd (" + nEmbd + ") must be a multiple of n_head ("
          + nHead + ")");
    }
    if (!(layerNormEpsilon > 0)) {
      throw new IllegalArgumentException("layer_norm_epsilon (" + layerNormEpsilon + ") must be > 0");
    }
  }

  /** Head size hs = C / nh (64 for every released GPT-2). */
  public int headSize() {
    return nEmbd / nHead;
  }

  /**
   * The {@code config.json} of this shape as transformers writes it for a
   * {@code GPT2LMHeadModel} (dropouts 0.1 and the other training-only keys at their defaults).
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("activation_function", "gelu_new");
    json.put("architectures", java.util.List.of("GPT2LMHeadModel"));
    json.put("attn_pdrop", 0.1);
    json.put("bos_token_id", (long) eosTokenId);
    json.put("dtype", "float32");
    json.put("embd_pdrop", 0.1);
    json.put("eos_token_id", (long) eosTokenId);
    json.put("initializer_range", 0.02);
    json.put("layer_norm_epsilon", layerNormEpsilon);
    json.put("model_type", "gpt2");
    json.put("n_embd", (long) nEmbd);
    json.put("n_head", (long) nHead);
    json.put("n_inner", nInner == 4 * nEmbd ? null : (Object) (long) nInner);
    json.put("n_layer", (long) nLayer);
    json.put("n_positions", (long) nPositions);
    json.put("resid_pdrop", 0.1);
    json.put("scale_attn_by_inverse_layer_idx", scaleAttnByInverseLayerIdx);
    json.put("scale_attn_weights", true);
    json.put("tie_word_embeddings", true);
    json.put("use_cache", true);
    json.put("vocab_size", (long) vocabSize);
    return json;
  }

  /**
   * Reads {@code config.json}; only the {@code gelu_new} activation is supported. Malformed JSON,
   * a value of the wrong type or out of range is an error naming the file and the key.
   */
  public static GPT2Config fromJson(Path file) throws IOException {
    String text = GPT2Tokenizer.readText(file);
    try {
      if (!(Json.parse(text) instanceof Map<?, ?> json)) {
        throw new IllegalArgumentException("it must hold a JSON object");
      }
      return fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static GPT2Config fromJson(Map<?, ?> json) {
    Object activation = json.containsKey("activation_function")
        ? json.get("activation_function") : "gelu_new";
    if (!"gelu_new".equals(activation) && !"gelu_pytorch_tanh".equals(activation)) {
      throw new IllegalArgumentException("activation_function (" + activation
          + ") must be gelu_new");
    }
    if (Boolean.TRUE.equals(json.get("reorder_and_upcast_attn"))) {
      throw new IllegalArgumentException("reorder_and_upcast_attn (true) is not supported");
    }
    int nEmbd = integer(json, "n_embd", 768);
    Object inner = json.get("n_inner");
    Object epsilon = json.containsKey("layer_norm_epsilon") ? json.get("layer_norm_epsilon") : 1e-5;
    if (!(epsilon instanceof Number)) {
      throw new IllegalArgumentException("layer_norm_epsilon (" + epsilon + ") must be a number");
    }
    return new GPT2Config(integer(json, "n_layer", 12), integer(json, "n_head", 12),
        nEmbd, inner == null ? 4 * nEmbd : integer(json, "n_inner", 0),
        integer(json, "n_positions", 1024), integer(json, "vocab_size", 50257),
        ((Number) epsilon).doubleValue(),
        Boolean.TRUE.equals(json.get("scale_attn_by_inverse_layer_idx")),
        json.get("eos_token_id") instanceof Long eos ? eos.intValue() : 50256);
  }

  private static int integer(Map<?, ?> json, String key, int fallback) {
    Object v = json.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Long n) || n < 1 || n > 1_000_000) {
      throw new IllegalArgumentException(key + " (" + v
          + ") must be a whole number in [1, 1000000]");
    }
    return n.intValue();
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " (" + value + ") must be >= 1");
    }
  }
}
