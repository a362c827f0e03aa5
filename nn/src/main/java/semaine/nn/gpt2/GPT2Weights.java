package semaine.nn.gpt2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import semaine.nn.SafetensorsFile;

/**
 * The weights of a GPT-2, named after the checkpoint keys, as flat row-major float arrays.
 *
 * <p>Read from a Hugging Face {@code model.safetensors}: keys with or without the
 * {@code transformer.} prefix; {@code lm_head.weight} absent or equal to {@code wte} (tied);
 * the buffers {@code attn.bias} and {@code attn.masked_bias} ignored. The four Conv1D weights
 * ({@code c_attn}, {@code c_proj}, {@code c_fc}, {@code mlp.c_proj}) are stored (in, out) and
 * transposed here to (out, in) so that every product is a row-by-row dot product.
 *
 * @param wte token embedding, also the LM head (V, C)
 * @param wpe position embedding (nPositions, C)
 * @param h the blocks
 * @param lnFWeight final LayerNorm scale (C)
 * @param lnFBias final LayerNorm shift (C)
 */
public record GPT2Weights(float[] wte, float[] wpe, List<Block> h, float[] lnFWeight,
    float[] lnFBias) {

  /**
   * One transformer block.
   *
   * @param ln1Weight (C)
   * @param ln1Bias (C)
   * @param cAttnWeight query, key and value projections, transposed (3C, C)
   * @param cAttnBias (3C)
   * @param cProjWeight attention output projection, transposed (C, C)
   * @param cProjBias (C)
   * @param ln2Weight (C)
   * @param ln2Bias (C)
   * @param cFcWeight MLP expansion, transposed (4C, C)
   * @param cFcBias (4C)
   * @param mlpCProjWeight MLP projection, transposed (C, 4C)
   * @param mlpCProjBias (C)
   */
  public record Block(float[] ln1Weight, float[] ln1Bias, float[] cAttnWeight, float[] cAttnBias,
      float[] cProjWeight, float[] cProjBias, float[] ln2Weight, float[] ln2Bias,
      float[] cFcWeight, float[] cFcBias, float[] mlpCProjWeight, float[] mlpCProjBias) {}

  /**
   * Reads and checks every weight of {@code file} against the shapes of {@code config} (its
   * {@code config.json}). A tensor whose shape disagrees with the config, or a number of blocks
   * other than {@code n_layer}, is an error naming the file, the tensor, its shape and the config
   * values; {@code n_head} leaves no trace in the shapes and cannot be checked here.
   */
  public static GPT2Weights load(Path file, GPT2Config config) throws IOException {
    GPT2Tokenizer.require(file);
    try (SafetensorsFile st = SafetensorsFile.open(file)) {
      Reader r = new Reader(st, st.contains("wte.weight") ? "" : "transformer.");
      r.checkLayers(config.nLayer());
      Dim c = new Dim("n_embd", config.nEmbd());
      Dim c3 = new Dim("3·n_embd", 3 * config.nEmbd());
      Dim inner = new Dim(config.nInner() == 4 * config.nEmbd() ? "4·n_embd" : "n_inner",
          config.nInner());
      Dim vocab = new Dim("vocab_size", config.vocabSize());
      float[] wte = r.read("wte.weight", vocab, c);
      if (st.contains("lm_head.weight")
          && !Arrays.equals(wte, new Reader(st, "").read("lm_head.weight", vocab, c))) {
        throw new IllegalArgumentException(st.source()
            + ": lm_head.weight differs from wte.weight; only the tied GPT-2 head is supported");
      }
      float[] wpe = r.read("wpe.weight", new Dim("n_positions", config.nPositions()), c);
      Block[] blocks = new Block[config.nLayer()];
      for (int l = 0; l < blocks.length; l++) {
        String p = "h." + l + ".";
        blocks[l] = new Block(r.read(p + "ln_1.weight", c), r.read(p + "ln_1.bias", c),
            r.conv1d(p + "attn.c_attn.weight", c, c3), r.read(p + "attn.c_attn.bias", c3),
            r.conv1d(p + "attn.c_proj.weight", c, c), r.read(p + "attn.c_proj.bias", c),
            r.read(p + "ln_2.weight", c), r.read(p + "ln_2.bias", c),
            r.conv1d(p + "mlp.c_fc.weight", c, inner), r.read(p + "mlp.c_fc.bias", inner),
            r.conv1d(p + "mlp.c_proj.weight", inner, c), r.read(p + "mlp.c_proj.bias", c));
      }
      return new GPT2Weights(wte, wpe, List.of(blocks), r.read("ln_f.weight", c),
          r.read("ln_f.bias", c));
    }
  }

  /** One dimension of a weight: its size and the config.json value it comes from. */
  private record Dim(String from, int size) {}

  /** Reads tensors under a key prefix, checking each shape before copying. */
  private record Reader(SafetensorsFile st, String prefix) {

    /** The blocks stored ({@code h.0.} to {@code h.(L-1).}) must be the config's n_layer. */
    void checkLayers(int nLayer) {
      Pattern block = Pattern.compile(Pattern.quote(prefix) + "h\\.(\\d{1,7})\\..*");
      String last = null;
      int layers = 0;
      for (String name : st.names()) {
        Matcher m = block.matcher(name);
        if (m.matches() && Integer.parseInt(m.group(1)) + 1 > layers) {
          layers = Integer.parseInt(m.group(1)) + 1;
          last = name;
        }
      }
      if (layers != nLayer) {
        throw new IllegalArgumentException(st.source() + " holds " + layers + " blocks"
            + (last == null ? "" : " (up to tensor \"" + last + "\" of shape "
                + Arrays.toString(st.shape(last)) + ")")
            + " but config.json says n_layer = " + nLayer + ": the config and the weights disagree");
      }
    }

    float[] read(String key, Dim... dims) {
      String name = prefix + key;
      if (!st.contains(name)) {
        throw new IllegalArgumentException(st.source() + " has no tensor \"" + name
            + "\"; is it a GPT-2 (GPT2LMHeadModel) checkpoint?");
      }
      int[] shape = Arrays.stream(dims).mapToInt(Dim::size).toArray();
      if (!Arrays.equals(st.shape(name), shape)) {
        String from = Arrays.stream(dims).map(d -> d.from() + " = " + d.size()).distinct()
            .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(st.source() + ": tensor \"" + name + "\" has shape "
            + Arrays.toString(st.shape(name)) + " but config.json implies "
            + Arrays.toString(shape) + " (" + from + "): the config and the weights disagree");
      }
      return st.floats(name);
    }

    /** A Conv1D weight stored (in, out), returned transposed (out, in). */
    float[] conv1d(String key, Dim inDim, Dim outDim) {
      float[] w = read(key, inDim, outDim);
      int in = inDim.size();
      int out = outDim.size();
      float[] t = new float[w.length];
      for (int i = 0; i < in; i++) {
        int row = i * out;
        for (int o = 0; o < out; o++) {
          t[o * in + i] = w[row + o];
        }
      }
      return t;
    }
  }
}
