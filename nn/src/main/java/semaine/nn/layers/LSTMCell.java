package semaine.nn.layers;

import semaine.nn.Tensor;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * A long short-term memory cell ({@code torch.nn.LSTMCell}). The pre-activations
 * {@code x · W_ihᵀ + b_ih + h · W_hhᵀ + b_hh} (B, 4·hidden) split, in PyTorch's order, into the
 * input, forget, cell and output gates: {@code i = σ(·), f = σ(·), g = tanh(·), o = σ(·)}, then
 * {@code c' = f ⊙ c + i ⊙ g} and {@code h' = o ⊙ tanh(c')}.
 *
 * <p>Initialised as PyTorch: every parameter U(−1/√hidden, 1/√hidden), drawn from {@code random}
 * in the order weight_ih (4·hidden, in), weight_hh (4·hidden, hidden), bias_ih, bias_hh.
 */
public final class LSTMCell extends Module {

  /** The hidden state h and the cell state c, both (B, hidden). */
  public record State(Tensor h, Tensor c) {}

  private final Tensor weightIh; // (4·hidden, in)
  private final Tensor weightHh; // (4·hidden, hidden)
  private final Tensor biasIh; // (4·hidden)
  private final Tensor biasHh; // (4·hidden)
  private final int hidden;

  public LSTMCell(int in, int hidden, RandomState random) {
    Checks.checkPositive("in", in);
    this.hidden = Checks.checkPositive("hidden", hidden);
    double bound = 1.0 / Math.sqrt(hidden);
    this.weightIh = parameter("weight_ih", Tensor.uniform(random, -bound, bound, 4 * hidden, in));
    this.weightHh = parameter("weight_hh", Tensor.uniform(random, -bound, bound, 4 * hidden, hidden));
    this.biasIh = parameter("bias_ih", Tensor.uniform(random, -bound, bound, 4 * hidden));
    this.biasHh = parameter("bias_hh", Tensor.uniform(random, -bound, bound, 4 * hidden));
  }

  /** The zero state for a batch of {@code batch} sequences. */
  public State zeroState(int batch) {
    return new State(Tensor.zeros(batch, hidden), Tensor.zeros(batch, hidden));
  }

  /** One step from the zero state: x (B, in) to h' (B, hidden). */
  @Override
  public Tensor forward(Tensor x) {
    return forward(x, zeroState(x.size(0))).h();
  }

  /** One step: x (B, in) and the state (h, c) to the next state (h', c'). */
  public State forward(Tensor x, State state) {
    Tensor gates = x.linear(weightIh, biasIh).add(state.h().linear(weightHh, biasHh)); // (B, 4·hidden)
    Tensor i = gates.narrow(1, 0, hidden).sigmoid();
    Tensor f = gates.narrow(1, hidden, hidden).sigmoid();
    Tensor g = gates.narrow(1, 2 * hidden, hidden).tanh();
    Tensor o = gates.narrow(1, 3 * hidden, hidden).sigmoid();
    Tensor c = f.mul(state.c()).add(i.mul(g));
    return new State(o.mul(c.tanh()), c);
  }

  public int hidden() {
    return hidden;
  }
}
