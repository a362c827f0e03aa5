package semaine.nn;

import java.util.Arrays;

/**
 * Matrix product with autograd: A (..., n, k) times B (..., k, m) with equal batch dimensions, or
 * B (k, m) shared by every batch (a linear layer). Backward: {@code dA = dC · Bᵀ},
 * {@code dB = Aᵀ · dC} (summed over the batch when B is shared).
 */
final class MatMul {

  private MatMul() {}

  static Tensor matmul(Tensor a, Tensor b) {
    if (a.shape.length < 2 || b.shape.length < 2) {
      throw new IllegalArgumentException("matmul: shapes " + Shapes.str(a.shape) + " and "
          + Shapes.str(b.shape) + " must both have at least 2 dimensions");
    }
    int ra = a.shape.length;
    int rb = b.shape.length;
    int n = a.shape[ra - 2];
    int k = a.shape[ra - 1];
    int m = b.shape[rb - 1];
    if (b.shape[rb - 2] != k) {
      throw new IllegalArgumentException("matmul: shapes " + Shapes.str(a.shape) + " and "
          + Shapes.str(b.shape) + " are not aligned (" + k + " columns vs " + b.shape[rb - 2] + " rows)");
    }
    boolean shared = rb == 2;
    int[] batchShape = Arrays.copyOf(a.shape, ra - 2);
    if (!shared && !Arrays.equals(batchShape, Arrays.copyOf(b.shape, rb - 2))) {
      throw new IllegalArgumentException("matmul: shapes " + Shapes.str(a.shape) + " and "
          + Shapes.str(b.shape) + " have different batch dimensions");
    }
    int batches = Shapes.numel(batchShape);
    float[] x = a.contiguousData(); // (batches, n, k)
    float[] w = b.contiguousData(); // (batches, k, m) or (k, m)
    int[] shape = Arrays.copyOf(batchShape, ra);
    shape[ra - 2] = n;
    shape[ra - 1] = m;
    float[] out = new float[batches * n * m]; // (batches, n, m)
    if (shared) {
      Kernels.matmul(x, 0, w, 0, out, 0, batches * n, k, m, false);
    } else {
      for (int s = 0; s < batches; s++) {
        Kernels.matmul(x, s * n * k, w, s * k * m, out, s * n * m, n, k, m, false);
      }
    }
    return Tensor.result(out, shape, g -> {
      if (a.requiresGrad) {
        float[] da = a.gradBuffer();
        // g · Bᵀ, B read in place
        if (shared) {
          Kernels.matmulTransB(g, 0, w, 0, da, 0, batches * n, m, k, true);
        } else {
          for (int s = 0; s < batches; s++) {
            Kernels.matmulTransB(g, s * n * m, w, s * k * m, da, s * n * k, n, m, k, true);
          }
        }
      }
      if (b.requiresGrad) {
        float[] db = b.gradBuffer();
        if (shared) {
          // xᵀ (k, batches·n) read in place
          Kernels.matmulTransA(x, 0, g, 0, db, 0, k, batches * n, m, true);
        } else {
          for (int s = 0; s < batches; s++) {
            Kernels.matmulTransA(x, s * n * k, g, s * n * m, db, s * k * m, k, n, m, true);
          }
        }
      }
    }, a, b);
  }
}
