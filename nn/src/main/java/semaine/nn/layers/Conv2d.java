package semaine.nn.layers;

import semaine.nn.Functional;
import semaine.nn.Tensor;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * A 2-D convolution over (N, C, H, W) images ({@code torch.nn.Conv2d} with square kernel, stride
 * and zero padding).
 *
 * <p>Initialised as PyTorch: weight and bias U(−1/√fanIn, 1/√fanIn) with
 * {@code fanIn = in·k·k} ({@code kaiming_uniform_(a=√5)} and its bias rule), drawn from
 * {@code random}, weight first (row-major over (out, in, k, k)), then bias.
 */
public final class Conv2d extends Module {

  private final Tensor weight; // (out, in, k, k)
  private final Tensor bias; // (out)
  private final int stride;
  private final int padding;

  /** Stride 1, no padding. */
  public Conv2d(int in, int out, int kernelSize, RandomState random) {
    this(in, out, kernelSize, 1, 0, random);
  }

  public Conv2d(int in, int out, int kernelSize, int stride, int padding, RandomState random) {
    Checks.checkPositive("in", in);
    Checks.checkPositive("out", out);
    Checks.checkPositive("kernelSize", kernelSize);
    this.stride = Checks.checkPositive("stride", stride);
    this.padding = Checks.checkNonNegative("padding", padding);
    double bound = 1.0 / Math.sqrt((double) in * kernelSize * kernelSize);
    this.weight = parameter("weight", Tensor.uniform(random, -bound, bound, out, in, kernelSize, kernelSize));
    this.bias = parameter("bias", Tensor.uniform(random, -bound, bound, out));
  }

  /** (N, in, H, W) to (N, out, OH, OW), {@code OH = (H + 2·padding − k) / stride + 1}. */
  @Override
  public Tensor forward(Tensor x) {
    return Functional.conv2d(x, weight, bias, stride, padding);
  }

  public Tensor weight() {
    return weight;
  }

  public Tensor bias() {
    return bias;
  }
}
