package semaine.nn.layers;

import semaine.nn.Functional;
import semaine.nn.Tensor;

/** Layer normalisation over the last dimension ({@code torch.nn.LayerNorm(C)}, eps 1e-5). */
public final class LayerNorm extends Module {

  private final Tensor weight; // (C) ones
  private final Tensor bias; // (C) zeros
  private final float eps;

  public LayerNorm(int channels) {
    this(channels, 1e-5f);
  }

  public LayerNorm(int channels, float eps) {
    semaine.util.Checks.checkPositive("channels", channels);
    this.weight = parameter("weight", Tensor.ones(channels));
    this.bias = parameter("bias", Tensor.zeros(channels));
    this.eps = eps;
  }

  /** (..., C) to (..., C). */
  @Override
  public Tensor forward(Tensor x) {
    return Functional.layerNorm(x, weight, bias, eps);
  }
}
