package semaine.nn.layers;

import semaine.nn.Tensor;
import semaine.random.RandomState;

/** A lookup table of V vectors of size C ({@code torch.nn.Embedding}), initialised N(0, 1). */
public final class Embedding extends Module {

  private final Tensor weight; // (V, C)

  public Embedding(int count, int dim, RandomState random) {
    semaine.util.Checks.checkPositive("count", count);
    semaine.util.Checks.checkPositive("dim", dim);
    this.weight = parameter("weight", Tensor.randn(random, count, dim));
  }

  /** The rows for {@code ids}, shape (ids.length, C). */
  public Tensor forward(int[] ids) {
    return weight.indexSelect(ids);
  }

  /** Ids given as a tensor of whole numbers, shape (...), to (..., C). */
  @Override
  public Tensor forward(Tensor ids) {
    float[] values = ids.toFloatArray();
    int[] index = new int[values.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = (int) values[i];
      if (index[i] != values[i]) {
        throw new IllegalArgumentException("ids[" + i + "] (" + values[i] + ") must be a whole number");
      }
    }
    int[] shape = java.util.Arrays.copyOf(ids.shape(), ids.dim() + 1);
    shape[ids.dim()] = weight.size(1);
    return forward(index).reshape(shape);
  }

  public Tensor weight() {
    return weight;
  }
}
