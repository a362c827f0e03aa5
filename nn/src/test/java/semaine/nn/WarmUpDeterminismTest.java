package semaine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * The same computation gives the same bits while the JIT compiles it: the vector kernels' lane sums
 * have a fixed order, and element-wise functions avoid the Vector API's own transcendental
 * functions, whose Java fallback and intrinsics round differently.
 */
class WarmUpDeterminismTest {

  @Test
  void forwardAndBackwardRepeatBitForBitThroughWarmUp() {
    RandomState rs = new RandomState(0);
    Tensor x0 = Tensor.randn(rs, 256, 384);
    Tensor w = Tensor.randn(rs, 384, 96);
    float[] first = null;
    for (int rep = 0; rep < 60; rep++) {
      Tensor x = Tensor.of(x0.toFloatArray(), 256, 384).requiresGrad(true);
      Tensor logits = x.geluTanh().matmul(w);
      Tensor loss = Losses.crossEntropy(logits, new int[256]).add(logits.softmax(-1).sum());
      loss.backward();
      float[] now = Arrays.copyOf(x.grad().toFloatArray(), 256 * 384 + 1);
      now[256 * 384] = loss.item();
      if (first == null) {
        first = now;
      }
      assertArrayEquals(first, now, "repetition " + rep);
    }
  }

  @Test
  void inferenceKernelsRepeatBitForBitThroughWarmUp() {
    float[] w = Tensor.randn(new RandomState(1), 64 * 768).toFloatArray();
    float[] x = Tensor.randn(new RandomState(2), 4 * 768).toFloatArray();
    float[] first = null;
    for (int rep = 0; rep < 400; rep++) {
      float[] y = new float[64 + 4 * 64 + 4 * 768];
      InferenceKernels.matvecRows(w, x, null, y, 768, 0, 64);
      float[] batched = new float[4 * 64];
      InferenceKernels.matmulTransposedRows(w, x, null, batched, 64, 768, 4, 0, 64);
      System.arraycopy(batched, 0, y, 64, batched.length);
      float[] g = x.clone();
      InferenceKernels.geluTanh(g, 0, g.length);
      System.arraycopy(g, 0, y, 64 + 4 * 64, g.length);
      if (first == null) {
        first = y;
      }
      assertArrayEquals(first, y, "repetition " + rep);
    }
  }
}
