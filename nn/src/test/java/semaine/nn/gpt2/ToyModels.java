package semaine.nn.gpt2;

import java.util.List;

/** GPT-2s small enough to work out by hand. */
final class ToyModels {

  private ToyModels() {}

  /**
   * A one-layer model whose logits are {@code logits} at every position, whatever the input: all
   * block weights are zero, ln_f maps every x to its bias, and wte is the identity, so
   * logits = ln_f.bias · wteᵀ = {@code logits}. V = C = logits.length; token 0 is end-of-text.
   */
  static GPT2LMHeadModel constantLogits(float... logits) {
    int v = logits.length;
    GPT2Config config = new GPT2Config(1, 1, v, 4 * v, 16, v, 1e-5, false, 0);
    float[] wte = new float[v * v];
    for (int i = 0; i < v; i++) {
      wte[i * v + i] = 1f;
    }
    GPT2Weights.Block block = new GPT2Weights.Block(new float[v], new float[v],
        new float[3 * v * v], new float[3 * v], new float[v * v], new float[v], new float[v],
        new float[v], new float[4 * v * v], new float[4 * v], new float[4 * v * v], new float[v]);
    return new GPT2LMHeadModel(config,
        new GPT2Weights(wte, new float[16 * v], List.of(block), new float[v], logits.clone()));
  }
}
