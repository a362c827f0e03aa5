package semaine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Shapes, views, broadcasting by hand-checkable cases, no-grad mode and the error messages. */
class TensorTest {

  @Test
  void broadcastAddsARowToEveryRow() {
    Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor b = Tensor.of(new float[] {10, 20, 30}, 3);
    assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, a.add(b).toFloatArray());
    Tensor col = Tensor.of(new float[] {1, 2}, 2, 1);
    assertArrayEquals(new float[] {1, 2, 3, 8, 10, 12}, a.mul(col).toFloatArray());
  }

  @Test
  void reluZeroesNegativesAndKeepsNaNAsTorch() {
    Tensor x = Tensor.of(new float[] {-2f, -0f, 0.5f, Float.NaN}, 4);
    // NaN propagated as torch.relu does; −0 gives +0 (torch keeps −0), compared bit for bit
    assertArrayEquals(new float[] {0f, 0f, 0.5f, Float.NaN}, x.relu().toFloatArray());
  }

  @Test
  void transposeIsAViewAndMatmulReadsIt() {
    Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor t = a.transpose(0, 1);
    assertArrayEquals(new int[] {3, 2}, t.shape());
    assertFalse(t.isContiguous());
    assertEquals(4f, t.get(0, 1));
    // [[1,2,3],[4,5,6]] · [[1,4],[2,5],[3,6]] = [[14, 32], [32, 77]]
    assertArrayEquals(new float[] {14, 32, 32, 77}, a.matmul(t).toFloatArray());
  }

  @Test
  void reductionsAndSoftmaxGiveHandValues() {
    Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertArrayEquals(new float[] {5, 7, 9}, a.sum(0, false).toFloatArray());
    assertArrayEquals(new float[] {3, 6}, a.max(1, false).toFloatArray());
    assertEquals(3.5f, a.mean().item());
    float[] s = Tensor.of(new float[] {0, 0}, 2).softmax(-1).toFloatArray();
    assertArrayEquals(new float[] {0.5f, 0.5f}, s);
    assertArrayEquals(new int[] {2, 2}, a.argmax());
  }

  @Test
  void noGradModeRecordsNothing() {
    Tensor w = Tensor.ones(3).requiresGrad(true);
    try (var scope = Tensor.noGrad()) {
      assertFalse(w.mul(2f).requiresGrad());
    }
    assertTrue(w.mul(2f).requiresGrad());
  }

  @Test
  void gradientsAccumulateUntilZeroGrad() {
    Tensor w = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true);
    w.square().sum().backward();
    w.square().sum().backward();
    assertArrayEquals(new float[] {4, 8}, w.grad().toFloatArray());
    w.zeroGrad();
    assertNull(w.grad());
  }

  @Test
  void shapeMismatchesNameBothShapes() {
    Tensor a = Tensor.zeros(2, 3);
    var e = assertThrows(IllegalArgumentException.class, () -> a.add(Tensor.zeros(4)));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> a.matmul(Tensor.zeros(2, 3)));
    assertTrue(e.getMessage().contains("[2, 3] and [2, 3]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> a.reshape(4, 2));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 2]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Losses.mse(a, Tensor.zeros(3, 2)));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 2]"), e.getMessage());
  }

  @Test
  void backwardOnANonScalarWithoutGradientIsRefused() {
    Tensor w = Tensor.ones(3).requiresGrad(true);
    var e = assertThrows(IllegalStateException.class, () -> w.mul(2f).backward());
    assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("backward(gradient)"), e.getMessage());
    Tensor y = w.mul(2f);
    y.backward(Tensor.ones(3));
    assertArrayEquals(new float[] {2, 2, 2}, w.grad().toFloatArray());
  }
}
