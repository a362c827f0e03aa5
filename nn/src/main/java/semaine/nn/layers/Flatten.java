package semaine.nn.layers;

import semaine.nn.Tensor;

/** Flattens every dimension after the first: (N, ...) to (N, rest) ({@code torch.nn.Flatten}). */
public final class Flatten extends Module {

  @Override
  public Tensor forward(Tensor x) {
    return x.reshape(x.size(0), -1);
  }
}
