package semaine.nn.layers;

import semaine.nn.Functional;
import semaine.nn.Tensor;
import semaine.util.Checks;

/** Max pooling over k×k windows of (N, C, H, W) images ({@code torch.nn.MaxPool2d}, no padding). */
public final class MaxPool2d extends Module {

  private final int kernelSize;
  private final int stride;

  /** Stride equal to the kernel size, as PyTorch's default. */
  public MaxPool2d(int kernelSize) {
    this(kernelSize, kernelSize);
  }

  public MaxPool2d(int kernelSize, int stride) {
    this.kernelSize = Checks.checkPositive("kernelSize", kernelSize);
    this.stride = Checks.checkPositive("stride", stride);
  }

  /** (N, C, H, W) to (N, C, (H − k) / stride + 1, (W − k) / stride + 1). */
  @Override
  public Tensor forward(Tensor x) {
    return Functional.maxPool2d(x, kernelSize, stride);
  }
}
