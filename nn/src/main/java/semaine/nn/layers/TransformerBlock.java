package semaine.nn.layers;

import semaine.nn.Tensor;
import semaine.random.RandomState;

/**
 * A pre-LayerNorm transformer block, after nanoGPT's {@code Block} and GPT-2:
 * {@code x = x + attn(ln_1(x)); x = x + mlp(ln_2(x))}, the MLP being
 * {@code c_proj(gelu_tanh(c_fc(x)))} with a hidden size of 4C.
 *
 * <p>Legend: B batch, T sequence length, C channels.
 */
public final class TransformerBlock extends Module {

  private final LayerNorm ln1;
  private final CausalSelfAttention attn;
  private final LayerNorm ln2;
  private final Mlp mlp;

  public TransformerBlock(int channels, int heads, RandomState random) {
    this.ln1 = module("ln_1", new LayerNorm(channels));
    this.attn = module("attn", new CausalSelfAttention(channels, heads, random));
    this.ln2 = module("ln_2", new LayerNorm(channels));
    this.mlp = module("mlp", new Mlp(channels, random));
  }

  /** (B, T, C) to (B, T, C). */
  @Override
  public Tensor forward(Tensor x) {
    Tensor h = x.add(attn.forward(ln1.forward(x)));
    return h.add(mlp.forward(ln2.forward(h)));
  }

  /** GPT-2's feed-forward part: (B, T, C) to (B, T, 4C), GELU (tanh form), back to (B, T, C). */
  private static final class Mlp extends Module {
    private final Linear cFc; // (4C, C)
    private final Linear cProj; // (C, 4C)

    Mlp(int channels, RandomState random) {
      this.cFc = module("c_fc", new Linear(channels, 4 * channels, random));
      this.cProj = module("c_proj", new Linear(4 * channels, channels, random));
    }

    @Override
    public Tensor forward(Tensor x) {
      return cProj.forward(cFc.forward(x).geluTanh());
    }
  }
}
