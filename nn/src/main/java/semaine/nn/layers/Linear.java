package semaine.nn.layers;

import semaine.nn.Tensor;
import semaine.random.RandomState;

/**
 * A fully connected layer {@code y = x · Wᵀ + b} ({@code torch.nn.Linear}).
 *
 * <p>Initialised as PyTorch: {@code kaiming_uniform_(a=√5)} for the weight, which is
 * U(−1/√in, 1/√in), and U(−1/√in, 1/√in) for the bias, drawn from {@code random} (weight first,
 * row-major, then bias).
 */
public final class Linear extends Module {

  private final Tensor weight; // (out, in)
  private final Tensor bias; // (out) or null

  public Linear(int in, int out, RandomState random) {
    this(in, out, true, random);
  }

  public Linear(int in, int out, boolean bias, RandomState random) {
    semaine.util.Checks.checkPositive("in", in);
    semaine.util.Checks.checkPositive("out", out);
    double bound = 1.0 / Math.sqrt(in);
    this.weight = parameter("weight", Tensor.uniform(random, -bound, bound, out, in));
    this.bias = bias ? parameter("bias", Tensor.uniform(random, -bound, bound, out)) : null;
  }

  /** (..., in) to (..., out). */
  @Override
  public Tensor forward(Tensor x) {
    return x.linear(weight, bias);
  }

  public Tensor weight() {
    return weight;
  }

  public Tensor bias() {
    return bias;
  }
}
