package semaine.nn.gpt2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

  /** Reads and checks every weight of {@code file} against the shapes of {@code config}. */
  public static GPT2Weights load(Path file, GPT2Config config) throws IOException {
    GPT2Tokenizer.require(file);
    try (SafetensorsFile st = SafetensorsFile.open(file)) {
      Reader r = new Reader(st, st.contains("wte.weight") ? "" : "transformer.");
      int c = config.nEmbd();
      int inner = config.nInner();
      float[] wte = r.read("wte.weight", config.vocabSize(), c);
      if (st.contains("lm_head.weight")
          && !Arrays.equals(wte, new Reader(st, "").read("lm_head.weight", config.vocabSize(), c))) {
        throw new IllegalArgumentException(st.source()
            + ": lm_head.weight differs from wte.weight; only the tied GPT-2 head is supported");
      }
      float[] wpe = r.read("wpe.weight", config.nPositions(), c);
      Block[] blocks = new Block[config.nLayer()];
      for (int l = 0; l < blocks.length; l++) {
        String p = "h." + l + ".";
        blocks[l] = new Block(r.read(p + "ln_1.weight", c), r.read(p + "ln_1.bias", c),
            r.conv1d(p + "attn.c_attn.weight", c, 3 * c), r.read(p + "attn.c_attn.bias", 3 * c),
            r.conv1d(p + "attn.c_proj.weight", c, c), r.read(p + "attn.c_proj.bias", c),
            r.read(p + "ln_2.weight", c), r.read(p + "ln_2.bias", c),
            r.conv1d(p + "mlp.c_fc.weight", c, inner), r.read(p + "mlp.c_fc.bias", inner),
            r.conv1d(p + "mlp.c_proj.weight", inner, c), r.read(p + "mlp.c_proj.bias", c));
      }
      return new GPT2Weights(wte, wpe, List.of(blocks), r.read("ln_f.weight", c),
          r.read("ln_f.bias", c));
    }
  }

  /** Reads tensors under a key prefix, checking each shape before copying. */
  private record Reader(SafetensorsFile st, String prefix) {

    float[] read(String key, int... shape) {
      String name = prefix + key;
      if (!st.contains(name)) {
        throw new IllegalArgumentException(st.source() + " has no tensor \"" + name
            + "\"; is it a GPT-2 (GPT2LMHeadModel) checkpoint?");
      }
      if (!Arrays.equals(st.shape(name), shape)) {
        throw new IllegalArgumentException(st.source() + ": tensor \"" + name + "\" has shape "
            + Arrays.toString(st.shape(name)) + " but config.json implies " + Arrays.toString(shape));
      }
      return st.floats(name);
    }

    /** A Conv1D weight stored (in, out), returned transposed (out, in). */
    float[] conv1d(String key, int in, int out) {
      float[] w = read(key, in, out);
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
