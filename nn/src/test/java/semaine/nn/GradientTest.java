package semaine.nn;

import static semaine.nn.GradCheck.check;
import static semaine.nn.GradCheck.rand;

import org.junit.jupiter.api.Test;

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
}
