package semaine.nn.layers;

import semaine.nn.Functional;
import semaine.nn.Tensor;
import semaine.random.RandomState;

/** Inverted dropout in training mode, the identity in eval mode ({@code torch.nn.Dropout}). */
public final class Dropout extends Module {

  private final double p;
  private final RandomState random;

  public Dropout(double p, RandomState random) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException("p (" + p + ") must be in [0, 1)");
    }
    this.p = p;
    this.random = random;
  }

  @Override
  public Tensor forward(Tensor x) {
    return isTraining() ? Functional.dropout(x, p, random) : x;
  }
}
