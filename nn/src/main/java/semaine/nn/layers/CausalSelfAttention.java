package semaine.nn.layers;

import semaine.nn.Functional;
import semaine.nn.Tensor;
import semaine.random.RandomState;

/**
 * Multi-head causal self-attention, after nanoGPT's {@code CausalSelfAttention}: one linear layer
 * makes queries, keys and values, each head attends to the positions up to its own, and a second
 * linear layer mixes the heads. Names follow the GPT-2 checkpoint ({@code c_attn}, {@code c_proj}).
 *
 * <p>Legend: B batch, T sequence length, C channels, nh heads, hs = C / nh head size.
 */
public final class CausalSelfAttention extends Module {

  private final Linear cAttn; // (3C, C)
  private final Linear cProj; // (C, C)
  private final int heads;

  public CausalSelfAttention(int channels, int heads, RandomState random) {
    semaine.util.Checks.checkPositive("heads", heads);
    if (channels % heads != 0) {
      throw new IllegalArgumentException("channels (" + channels + ") must be a multiple of heads (" + heads + ")");
    }
    this.heads = heads;
    this.cAttn = module("c_attn", new Linear(channels, 3 * channels, random));
    this.cProj = module("c_proj", new Linear(channels, channels, random));
  }

  /** (B, T, C) to (B, T, C). */
  @Override
  public Tensor forward(Tensor x) {
    int b = x.size(0);
    int t = x.size(1);
    int c = x.size(2);
    int hs = c / heads;
    Tensor qkv = cAttn.forward(x); // (B, T, 3C)
    Tensor q = qkv.narrow(2, 0, c).reshape(b, t, heads, hs).transpose(1, 2); // (B, nh, T, hs)
    Tensor k = qkv.narrow(2, c, c).reshape(b, t, heads, hs).transpose(1, 2); // (B, nh, T, hs)
    Tensor v = qkv.narrow(2, 2 * c, c).reshape(b, t, heads, hs).transpose(1, 2); // (B, nh, T, hs)
    // attention scores q·kᵀ / √hs, the future masked out: (B, nh, T, T)
    Tensor att = q.matmul(k.transpose(-2, -1)).mul((float) (1.0 / Math.sqrt(hs)));
    att = Functional.maskFuture(att, Float.NEGATIVE_INFINITY).softmax(-1);
    Tensor y = att.matmul(v); // (B, nh, T, hs)
    y = y.transpose(1, 2).contiguous().reshape(b, t, c); // heads side by side: (B, T, C)
    return cProj.forward(y);
  }
}
