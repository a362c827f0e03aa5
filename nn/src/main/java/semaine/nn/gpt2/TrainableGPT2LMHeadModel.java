package semaine.nn.gpt2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import semaine.nn.Losses;
import semaine.nn.Safetensors;
import semaine.nn.Tensor;
import semaine.nn.layers.Embedding;
import semaine.nn.layers.LayerNorm;
import semaine.nn.layers.Module;
import semaine.nn.layers.TransformerBlock;
import semaine.random.RandomState;
import semaine.util.Json;

/**
 * A trainable GPT-2 with its language-model head, built from {@code semaine.nn} layers with
 * autograd (nanoGPT's {@code GPT}; the same network as transformers' {@code GPT2LMHeadModel} in
 * training mode): token and position embeddings, {@code nLayer} pre-LayerNorm blocks, a final
 * LayerNorm, and logits {@code x · wteᵀ} through the token embedding itself (tied weights).
 *
 * <p>Named {@code Trainable...} because transformers' name {@code GPT2LMHeadModel} belongs to the
 * model a user loads and generates with, {@link GPT2LMHeadModel} (the inference model with a
 * key/value cache); this class is the one {@link GPT2Trainer} fits, and its
 * {@link #savePretrained} folder loads into that one.
 *
 * <p>Initialised as GPT-2: every weight N(0, 0.02), the residual projections ({@code c_proj})
 * N(0, 0.02/√(2·nLayer)), biases zero, LayerNorms (1, 0). {@link #savePretrained} writes the
 * Hugging Face folder that {@link GPT2LMHeadModel#fromPretrained} and transformers load.
 */
public final class TrainableGPT2LMHeadModel extends Module {

  private final GPT2Config config;
  private final Embedding wte;
  private final Embedding wpe;
  private final List<TransformerBlock> blocks = new ArrayList<>();
  private final LayerNorm lnF;

  public TrainableGPT2LMHeadModel(GPT2Config config, RandomState random) {
    if (config.nInner() != 4 * config.nEmbd()) {
      throw new IllegalArgumentException("nInner (" + config.nInner() + ") must be 4·nEmbd ("
          + 4 * config.nEmbd() + ") for a trainable GPT-2");
    }
    this.config = config;
    this.wte = module("transformer.wte", new Embedding(config.vocabSize(), config.nEmbd(), random));
    this.wpe = module("transformer.wpe", new Embedding(config.nPositions(), config.nEmbd(), random));
    for (int i = 0; i < config.nLayer(); i++) {
      blocks.add(module("transformer.h." + i,
          new TransformerBlock(config.nEmbd(), config.nHead(), random)));
    }
    this.lnF = module("transformer.ln_f", new LayerNorm(config.nEmbd()));
    initialise(random);
  }

  private void initialise(RandomState random) {
    double residual = 0.02 / Math.sqrt(2.0 * config.nLayer());
    namedParameters().forEach((name, p) -> {
      if (name.endsWith(".bias") && p.dim() == 1 && !name.contains(".ln_")) {
        assign(name, p, Tensor.zeros(p.shape()));
      } else if (p.dim() == 2) {
        double std = name.endsWith("c_proj.weight") ? residual : 0.02;
        assign(name, p, Tensor.randn(random, p.shape()).mul((float) std));
      }
    });
  }

  public GPT2Config config() {
    return config;
  }

  /** Logits (B, T, V) for token ids (B, T), T at most {@code nPositions}. */
  public Tensor forward(int[][] ids) {
    if (ids.length == 0 || ids[0].length == 0) {
      throw new IllegalArgumentException("ids (" + ids.length + " sequences"
          + (ids.length == 0 ? "" : " of " + ids[0].length + " tokens")
          + ") must hold at least one token");
    }
    int b = ids.length;
    int t = ids[0].length;
    if (t > config.nPositions()) {
      throw new IllegalArgumentException("sequence length (" + t + ") must be <= n_positions ("
          + config.nPositions() + ")");
    }
    int[] flat = flatten("ids", ids, b, t);
    int[] positions = java.util.stream.IntStream.range(0, t).toArray();
    Tensor x = wte.forward(flat).reshape(b, t, config.nEmbd()).add(wpe.forward(positions));
    for (TransformerBlock block : blocks) {
      x = block.forward(x);
    }
    return lnF.forward(x).linear(wte.weight(), null);
  }

  /** Not used: a language model takes token ids, see {@link #forward(int[][])}. */
  @Override
  public Tensor forward(Tensor x) {
    throw new UnsupportedOperationException("TrainableGPT2LMHeadModel takes token ids: forward(int[][])");
  }

  /** Mean cross-entropy (nats per token) of predicting {@code targets} (B, T) from {@code ids}. */
  public Tensor loss(int[][] ids, int[][] targets) {
    Tensor logits = forward(ids);
    int b = ids.length;
    int t = ids[0].length;
    if (targets.length != b) {
      throw new IllegalArgumentException("targets has " + targets.length + " sequences but ids has "
          + b + ": one target sequence per input sequence");
    }
    int[] flat = flatten("targets", targets, b, t);
    return Losses.crossEntropy(logits.reshape(b * t, config.vocabSize()), flat);
  }

  /**
   * The b rows of t token ids laid end to end, each row checked for its length and each id for
   * the vocabulary; {@code name} names the argument in errors.
   */
  private int[] flatten(String name, int[][] rows, int b, int t) {
    int[] flat = new int[b * t];
    for (int i = 0; i < b; i++) {
      if (rows[i].length != t) {
        throw new IllegalArgumentException(name + "[" + i + "] has length " + rows[i].length
            + " but ids[0] has " + t + ": every sequence of a batch has one length");
      }
      for (int j = 0; j < t; j++) {
        if (rows[i][j] < 0 || rows[i][j] >= config.vocabSize()) {
          throw new IllegalArgumentException(name + "[" + i + "][" + j + "] (" + rows[i][j]
              + ") must be a token id in [0, " + config.vocabSize() + ")");
        }
      }
      System.arraycopy(rows[i], 0, flat, i * t, t);
    }
    return flat;
  }

  /**
   * Writes {@code config.json}, {@code generation_config.json} and {@code model.safetensors} into
   * {@code folder} as transformers' {@code save_pretrained} does: keys with the
   * {@code transformer.} prefix in sorted order, the tied head left out, and the linear weights of
   * the blocks stored (in, out) as GPT-2's Conv1D layers.
   */
  public void savePretrained(Path folder) throws IOException {
    Files.createDirectories(folder);
    Map<String, Tensor> tensors = new TreeMap<>();
    try (var scope = Tensor.noGrad()) {
      namedParameters().forEach((name, p) -> {
        boolean conv1d = p.dim() == 2 && name.contains(".h.");
        tensors.put(name, conv1d ? p.transpose(0, 1).contiguous() : p);
      });
    }
    Safetensors.write(folder.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
    Files.writeString(folder.resolve("config.json"), Json.write(config.toJson()),
        StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("generation_config.json"), Json.write(Map.of(
        "bos_token_id", (long) config.eosTokenId(), "eos_token_id", (long) config.eosTokenId())),
        StandardCharsets.UTF_8);
  }
}
