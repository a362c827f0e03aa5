package semaine.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.nn.Tensor;
import semaine.random.RandomState;

/**
 * Conv2d, RNNCell and LSTMCell draw their parameters as PyTorch's reset_parameters, in its
 * parameter order, from one RandomState stream; shapes and bad arguments.
 */
class RecurrentAndConvInitTest {

  /** The parameters, concatenated in registration order, equal one stream of uniform draws. */
  private static void assertDrawnInOrder(Module module, double bound, long seed) {
    Map<String, Tensor> params = module.namedParameters();
    int total = params.values().stream().mapToInt(Tensor::numel).sum();
    double[] u = new RandomState(seed).uniform(-bound, bound, total);
    int at = 0;
    for (Tensor p : params.values()) {
      float[] got = p.toFloatArray();
      for (float v : got) {
        assertEquals((float) u[at++], v);
      }
    }
  }

  @Test
  void conv2dDrawsWeightThenBiasWithFanInBound() {
    Conv2d conv = new Conv2d(2, 4, 3, new RandomState(11));
    assertEquals(List.of("weight", "bias"), List.copyOf(conv.namedParameters().keySet()));
    assertArrayEquals(new int[] {4, 2, 3, 3}, conv.weight().shape());
    assertDrawnInOrder(conv, 1 / Math.sqrt(18), 11);
    Tensor y = conv.forward(Tensor.zeros(5, 2, 9, 7));
    assertArrayEquals(new int[] {5, 4, 7, 5}, y.shape());
    assertArrayEquals(new int[] {5, 4, 3, 2}, new MaxPool2d(2).forward(y).shape());
    assertArrayEquals(new int[] {5, 140}, new Flatten().forward(y).shape());
  }

  @Test
  void recurrentCellsDrawInPyTorchParameterOrder() {
    List<String> names = List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh");
    LSTMCell lstm = new LSTMCell(3, 5, new RandomState(12));
    assertEquals(names, List.copyOf(lstm.namedParameters().keySet()));
    assertArrayEquals(new int[] {20, 3}, lstm.namedParameters().get("weight_ih").shape());
    assertDrawnInOrder(lstm, 1 / Math.sqrt(5), 12);
    RNNCell rnn = new RNNCell(3, 5, new RandomState(13));
    assertEquals(names, List.copyOf(rnn.namedParameters().keySet()));
    assertDrawnInOrder(rnn, 1 / Math.sqrt(5), 13);
    assertArrayEquals(new int[] {4, 5}, lstm.forward(Tensor.zeros(4, 3)).shape());
    assertArrayEquals(new int[] {4, 5}, rnn.forward(Tensor.zeros(4, 3)).shape());
  }

  @Test
  void badSizesNameTheArgument() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Conv2d(2, 4, 0, new RandomState(0)));
    assertTrue(e.getMessage().contains("kernelSize"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Conv2d(2, 4, 3, 1, -1, new RandomState(0)));
    assertTrue(e.getMessage().contains("padding"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LSTMCell(3, 0, new RandomState(0)));
    assertTrue(e.getMessage().contains("hidden"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(2, 0));
    assertTrue(e.getMessage().contains("stride"), e.getMessage());
  }
}
