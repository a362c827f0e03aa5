package semaine.nn.layers;

import semaine.nn.Tensor;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * An Elman recurrent cell ({@code torch.nn.RNNCell}, tanh or ReLU):
 * {@code h' = act(x · W_ihᵀ + b_ih + h · W_hhᵀ + b_hh)}.
 *
 * <p>Initialised as PyTorch: every parameter U(−1/√hidden, 1/√hidden), drawn from {@code random}
 * in the order weight_ih (hidden, in), weight_hh (hidden, hidden), bias_ih, bias_hh.
 */
public final class RNNCell extends Module {

  private final Tensor weightIh; // (hidden, in)
  private final Tensor weightHh; // (hidden, hidden)
  private final Tensor biasIh; // (hidden)
  private final Tensor biasHh; // (hidden)
  private final boolean relu;

  /** A tanh cell. */
  public RNNCell(int in, int hidden, RandomState random) {
    this(in, hidden, "tanh", random);
  }

  /** @param nonlinearity "tanh" or "relu", as PyTorch */
  public RNNCell(int in, int hidden, String nonlinearity, RandomState random) {
    Checks.checkPositive("in", in);
    Checks.checkPositive("hidden", hidden);
    if (!"tanh".equals(nonlinearity) && !"relu".equals(nonlinearity)) {
      throw new IllegalArgumentException("nonlinearity (\"" + nonlinearity + "\") must be tanh or relu");
    }
    this.relu = "relu".equals(nonlinearity);
    double bound = 1.0 / Math.sqrt(hidden);
    this.weightIh = parameter("weight_ih", Tensor.uniform(random, -bound, bound, hidden, in));
    this.weightHh = parameter("weight_hh", Tensor.uniform(random, -bound, bound, hidden, hidden));
    this.biasIh = parameter("bias_ih", Tensor.uniform(random, -bound, bound, hidden));
    this.biasHh = parameter("bias_hh", Tensor.uniform(random, -bound, bound, hidden));
  }

  /** One step from the zero state: x (B, in) to h' (B, hidden). */
  @Override
  public Tensor forward(Tensor x) {
    return forward(x, Tensor.zeros(x.size(0), weightHh.size(0)));
  }

  /** One step: x (B, in) and h (B, hidden) to h' (B, hidden). */
  public Tensor forward(Tensor x, Tensor h) {
    Tensor pre = x.linear(weightIh, biasIh).add(h.linear(weightHh, biasHh));
    return relu ? pre.relu() : pre.tanh();
  }
}
