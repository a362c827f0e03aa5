package semaine.nn;

import static semaine.nn.GradCheck.check;
import static semaine.nn.GradCheck.rand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.nn.layers.LSTMCell;
import semaine.nn.layers.RNNCell;
import semaine.random.RandomState;

/** Every differentiable operation's backward against finite differences ({@link GradCheck}). */
class GradientTest {

  @Test
  void binaryOpsWithBroadcastingMatchFiniteDifferences() {
    check("add", x -> x[0].add(x[1]), rand(1, -1, 1, 3, 4), rand(2, -1, 1, 4));
    check("sub", x -> x[0].sub(x[1]), rand(1, -1, 1, 3, 1), rand(2, -1, 1, 1, 4));
    check("mul", x -> x[0].mul(x[1]), rand(1, -1, 1, 2, 3, 4), rand(2, -1, 1, 3, 1));
    check("div", x -> x[0].div(x[1]), rand(1, -1, 1, 3, 4), rand(2, 1, 2, 4));
    check("affine", x -> x[0].mul(3f).add(1f).neg(), rand(1, -1, 1, 5));
  }

  @Test
  void unaryOpsMatchFiniteDifferences() {
    check("exp", x -> x[0].exp(), rand(1, -1, 1, 7));
    check("log", x -> x[0].log(), rand(1, 0.5, 2, 7));
    check("sqrt", x -> x[0].sqrt(), rand(1, 0.5, 2, 7));
    check("square", x -> x[0].square(), rand(1, -1, 1, 7));
    check("tanh", x -> x[0].tanh(), rand(1, -2, 2, 7));
    check("sigmoid", x -> x[0].sigmoid(), rand(1, -3, 3, 7));
    check("relu", x -> x[0].relu(), Tensor.of(new float[] {-1.5f, -0.3f, 0.2f, 0.7f, 2f}, 5));
    check("gelu", x -> x[0].gelu(), rand(1, -3, 3, 9));
    check("geluTanh", x -> x[0].geluTanh(), rand(1, -3, 3, 9));
  }

  @Test
  void matmulMatchesFiniteDifferences() {
    check("matmul 2-D", x -> x[0].matmul(x[1]), rand(1, -1, 1, 3, 5), rand(2, -1, 1, 5, 4));
    check("matmul batched", x -> x[0].matmul(x[1]), rand(1, -1, 1, 2, 3, 5), rand(2, -1, 1, 2, 5, 4));
    check("matmul shared B", x -> x[0].matmul(x[1]), rand(1, -1, 1, 2, 3, 5), rand(2, -1, 1, 5, 4));
    check("matmul transposed view", x -> x[0].matmul(x[1].transpose(0, 1)), rand(1, -1, 1, 3, 5),
        rand(2, -1, 1, 4, 5));
  }

  @Test
  void reductionsMatchFiniteDifferences() {
    check("sum all", x -> x[0].sum(), rand(1, -1, 1, 3, 4));
    check("sum dim", x -> x[0].sum(1, false), rand(1, -1, 1, 2, 3, 4));
    check("mean dim", x -> x[0].mean(0, true), rand(1, -1, 1, 3, 4));
    check("mean", x -> x[0].mean(), rand(1, -1, 1, 3, 4));
    check("max", x -> x[0].max(-1, false), rand(1, -1, 1, 3, 4));
    check("softmax last", x -> x[0].softmax(-1), rand(1, -2, 2, 3, 4));
    check("softmax middle", x -> x[0].softmax(1), rand(1, -2, 2, 2, 3, 4));
    check("logSoftmax", x -> x[0].logSoftmax(-1), rand(1, -2, 2, 3, 4));
  }

  @Test
  void viewsMatchFiniteDifferences() {
    check("reshape", x -> x[0].reshape(4, -1).mul(x[0].reshape(4, 3)), rand(1, -1, 1, 2, 6));
    check("transpose", x -> x[0].transpose(0, 2).contiguous(), rand(1, -1, 1, 2, 3, 4));
    check("permute", x -> x[0].permute(2, 0, 1).reshape(-1), rand(1, -1, 1, 2, 3, 4));
    check("narrow", x -> x[0].narrow(1, 1, 2).square(), rand(1, -1, 1, 3, 4));
    check("indexSelect", x -> x[0].indexSelect(new int[] {2, 0, 2}), rand(1, -1, 1, 3, 4));
  }

  @Test
  void fusedOpsAndLossesMatchFiniteDifferences() {
    check("layerNorm", x -> Functional.layerNorm(x[0], x[1], x[2], 1e-5f), rand(1, -2, 2, 3, 5),
        rand(2, 0.5, 1.5, 5), rand(3, -1, 1, 5));
    check("linear", x -> x[0].linear(x[1], x[2]), rand(1, -1, 1, 2, 3, 5), rand(2, -1, 1, 4, 5),
        rand(3, -1, 1, 4));
    check("maskFuture", x -> Functional.maskFuture(x[0], 0f), rand(1, -1, 1, 2, 3, 3));
    check("mse", x -> Losses.mse(x[0], x[1]), rand(1, -1, 1, 3, 4), rand(2, -1, 1, 3, 4));
    check("crossEntropy", x -> Losses.crossEntropy(x[0], new int[] {1, 0, 3}), rand(1, -2, 2, 3, 4));
    check("binaryCrossEntropy", x -> Losses.binaryCrossEntropy(x[0], Tensor.of(new float[] {0, 1, 1, 0}, 4)),
        rand(1, 0.2, 0.8, 4));
  }

  @Test
  void convolutionAndPoolingMatchFiniteDifferences() {
    check("conv2d", x -> Functional.conv2d(x[0], x[1], x[2], 1, 0), rand(1, -1, 1, 2, 2, 4, 5),
        rand(2, -1, 1, 3, 2, 3, 2), rand(3, -1, 1, 3));
    check("conv2d stride 2 padding 1", x -> Functional.conv2d(x[0], x[1], null, 2, 1),
        rand(1, -1, 1, 1, 2, 5, 5), rand(2, -1, 1, 2, 2, 3, 3));
    // distinct values so no window has a tie within ±ε
    float[] v = new float[2 * 3 * 4 * 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((i * 37) % v.length) * 0.1f;
    }
    check("maxPool2d", x -> Functional.maxPool2d(x[0], 2, 2), Tensor.of(v, 2, 3, 4, 4));
    check("maxPool2d overlapping", x -> Functional.maxPool2d(x[0], 3, 1), Tensor.of(v, 2, 3, 4, 4));
  }

  @Test
  void convolutionShapesAndBadInput() {
    Tensor y = Functional.conv2d(Tensor.zeros(2, 3, 7, 6), Tensor.zeros(4, 3, 3, 3), null, 2, 1);
    assertArrayEquals(new int[] {2, 4, 4, 3}, y.shape());
    assertArrayEquals(new int[] {2, 3, 3, 2}, Functional.maxPool2d(Tensor.zeros(2, 3, 7, 5), 2, 2).shape());
    var e = assertThrows(IllegalArgumentException.class,
        () -> Functional.conv2d(Tensor.zeros(1, 2, 4, 4), Tensor.zeros(4, 3, 3, 3), null, 1, 0));
    assertTrue(e.getMessage().contains("weight shape"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Functional.conv2d(Tensor.zeros(1, 3, 4, 4), Tensor.zeros(4, 3, 3, 3), null, 0, 0));
    assertTrue(e.getMessage().contains("stride"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Functional.conv2d(Tensor.zeros(1, 3, 2, 2), Tensor.zeros(4, 3, 3, 3), null, 1, 0));
    assertTrue(e.getMessage().contains("kernel size (3)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Functional.maxPool2d(Tensor.zeros(3, 4, 4), 2, 2));
    assertTrue(e.getMessage().contains("(N, C, H, W)"), e.getMessage());
  }

  @Test
  void recurrentCellsMatchFiniteDifferences() {
    RNNCell rnn = new RNNCell(3, 4, new RandomState(5));
    check("RNNCell", x -> rnn.forward(x[0], x[1]), rand(1, -1, 1, 2, 3), rand(2, -1, 1, 2, 4));
    RNNCell relu = new RNNCell(3, 4, "relu", new RandomState(5));
    check("RNNCell relu", x -> relu.forward(x[0], x[1]), rand(1, -1, 1, 2, 3), rand(2, -1, 1, 2, 4));
    LSTMCell lstm = new LSTMCell(3, 4, new RandomState(6));
    check("LSTMCell h", x -> lstm.forward(x[0], new LSTMCell.State(x[1], x[2])).h(), rand(1, -1, 1, 2, 3),
        rand(2, -1, 1, 2, 4), rand(3, -1, 1, 2, 4));
    check("LSTMCell c", x -> lstm.forward(x[0], new LSTMCell.State(x[1], x[2])).c(), rand(1, -1, 1, 2, 3),
        rand(2, -1, 1, 2, 4), rand(3, -1, 1, 2, 4));
    // the weights too: two steps, gradient through the parameters
    Tensor w = lstm.namedParameters().get("weight_hh");
    check("LSTMCell weight_hh", x -> {
      LSTMCell.State s = lstm.forward(x[1], lstm.zeroState(2));
      return lstm.forward(x[1], s).h();
    }, w, rand(1, -1, 1, 2, 3));
    var e = assertThrows(IllegalArgumentException.class, () -> new RNNCell(3, 4, "sigmoid", new RandomState(0)));
    assertTrue(e.getMessage().contains("nonlinearity"), e.getMessage());
  }
}
