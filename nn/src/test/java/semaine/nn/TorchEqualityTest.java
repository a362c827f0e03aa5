package semaine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import semaine.nn.layers.Activation;
import semaine.nn.layers.Conv2d;
import semaine.nn.layers.Flatten;
import semaine.nn.layers.LSTMCell;
import semaine.nn.layers.Linear;
import semaine.nn.layers.MaxPool2d;
import semaine.nn.layers.RNNCell;
import semaine.nn.layers.Module;
import semaine.nn.layers.Sequential;
import semaine.nn.layers.TransformerBlock;
import semaine.nn.optim.Adam;
import semaine.nn.optim.Optimizer;
import semaine.nn.optim.SGD;
import semaine.random.RandomState;
import semaine.util.Json;

/**
 * The same networks with the same initial weights as PyTorch 2.13 (reference/nn_torch.py) give the
 * same losses over 10 optimizer steps, to 1e-5 relative.
 */
class TorchEqualityTest {

  static final double RTOL = 1e-5;
  static final Map<String, Object> REF = load();

  @SuppressWarnings("unchecked")
  static Map<String, Object> load() {
    try (InputStream in = TorchEqualityTest.class.getResourceAsStream("/reference/nn_torch.json")) {
      return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static float[] floats(Object list) {
    List<Object> values = (List<Object>) list;
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) values.get(i)).floatValue();
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static void loadWeights(Module model, String key, String stripPrefix) {
    Map<String, Object> weights = (Map<String, Object>) REF.get(key);
    Map<String, Tensor> params = model.namedParameters();
    assertEquals(weights.size(), params.size(), "parameter count");
    weights.forEach((name, value) -> {
      Map<String, Object> entry = (Map<String, Object>) value;
      List<Object> dims = (List<Object>) entry.get("shape");
      int[] shape = dims.stream().mapToInt(d -> ((Number) d).intValue()).toArray();
      Tensor target = params.get(name.substring(stripPrefix.length()));
      Module.assign(name, target, Tensor.of(floats(entry.get("values")), shape));
    });
  }

  static Module mlp() {
    RandomState unused = new RandomState(0); // weights are overwritten by the reference ones
    Module m = new Sequential(new Linear(8, 16, unused), Activation.relu(), new Linear(16, 16, unused),
        Activation.tanh(), new Linear(16, 3, unused));
    loadWeights(m, "mlp_weights", "net.");
    return m;
  }

  @SuppressWarnings("unchecked")
  static void assertLosses(String name, Module model, Optimizer optimizer, Function<Module, Tensor> loss) {
    List<Object> expected = (List<Object>) ((Map<String, Object>) REF.get("losses")).get(name);
    for (int step = 0; step <= 10; step++) {
      optimizer.zeroGrad();
      Tensor l = loss.apply(model);
      double want = ((Number) expected.get(step)).doubleValue();
      assertEquals(want, l.item(), RTOL * Math.abs(want), name + " loss at step " + step);
      if (step < 10) {
        l.backward();
        optimizer.step();
      }
    }
  }

  static Tensor x() {
    return Tensor.of(floats(REF.get("x")), 20, 8);
  }

  @SuppressWarnings("unchecked")
  static int[] y() {
    return ((List<Object>) REF.get("y")).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
  }

  @Test
  void mlpWithAdamMatchesPyTorchOverTenSteps() {
    Module m = mlp();
    assertLosses("mlp_adam", m, new Adam(m.parameters(), 1e-2),
        model -> Losses.crossEntropy(model.forward(x()), y()));
  }

  @Test
  void mlpWithSgdMomentumAndWeightDecayMatchesPyTorch() {
    Module m = mlp();
    int[] labels = y();
    float[] onehot = new float[labels.length * 3];
    for (int i = 0; i < labels.length; i++) {
      onehot[i * 3 + labels[i]] = 1f;
    }
    Tensor target = Tensor.of(onehot, labels.length, 3);
    assertLosses("mlp_sgd", m, new SGD(m.parameters(), 0.1, 0.9, 1e-3, false),
        model -> Losses.mse(model.forward(x()), target));
  }

  @Test
  void mlpWithAdamWMatchesPyTorch() {
    Module m = mlp();
    assertLosses("mlp_adamw", m, new Adam(m.parameters(), 1e-2, 0.9, 0.999, 1e-8, 0.1, true),
        model -> Losses.crossEntropy(model.forward(x()), y()));
  }

  @SuppressWarnings("unchecked")
  @Test
  void transformerBlockWithAdamMatchesPyTorchOverTenSteps() {
    Map<String, Object> b = (Map<String, Object>) REF.get("block");
    int batch = ((Number) b.get("B")).intValue();
    int t = ((Number) b.get("T")).intValue();
    int c = ((Number) b.get("C")).intValue();
    int nh = ((Number) b.get("nh")).intValue();
    Module block = new TransformerBlock(c, nh, new RandomState(0));
    loadWeights(block, "block_weights", "");
    Tensor x = Tensor.of(floats(b.get("x")), batch, t, c);
    Tensor target = Tensor.of(floats(b.get("target")), batch, t, c);
    assertLosses("block_adam", block, new Adam(block.parameters(), 1e-2),
        model -> Losses.mse(model.forward(x), target));
  }

  @SuppressWarnings("unchecked")
  @Test
  void convNetWithAdamMatchesPyTorchOverTenSteps() {
    RandomState unused = new RandomState(0);
    Module net = new Sequential(new Conv2d(2, 4, 3, 2, 1, unused), Activation.relu(), new MaxPool2d(2),
        new Flatten(), new Linear(16, 3, unused));
    loadWeights(net, "conv_weights", "");
    Map<String, Object> c = (Map<String, Object>) REF.get("conv");
    Tensor x = Tensor.of(floats(c.get("x")), 6, 2, 8, 8);
    int[] labels = ((List<Object>) c.get("y")).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    assertLosses("conv_adam", net, new Adam(net.parameters(), 1e-2),
        model -> Losses.crossEntropy(model.forward(x), labels));
  }

  /** A recurrent cell unrolled over the steps of xs (T, B, 3) from the zero state, then Linear(5, 2). */
  static final class Recurrent extends Module {
    private final Module cell;
    private final Linear head;

    Recurrent(Module cell) {
      this.cell = module("cell", cell);
      this.head = module("head", new Linear(5, 2, new RandomState(0)));
    }

    @Override
    public Tensor forward(Tensor xs) {
      int steps = xs.size(0);
      int batch = xs.size(1);
      if (cell instanceof LSTMCell lstm) {
        LSTMCell.State state = lstm.zeroState(batch);
        for (int t = 0; t < steps; t++) {
          state = lstm.forward(xs.narrow(0, t, 1).reshape(batch, -1), state);
        }
        return head.forward(state.h());
      }
      Tensor h = Tensor.zeros(batch, 5);
      for (int t = 0; t < steps; t++) {
        h = ((RNNCell) cell).forward(xs.narrow(0, t, 1).reshape(batch, -1), h);
      }
      return head.forward(h);
    }
  }

  @SuppressWarnings("unchecked")
  @Test
  void unrolledLstmAndRnnCellsWithAdamMatchPyTorchOverTenSteps() {
    Map<String, Object> seq = (Map<String, Object>) REF.get("seq");
    Tensor xs = Tensor.of(floats(seq.get("x")), 4, 6, 3);
    Tensor target = Tensor.of(floats(seq.get("target")), 6, 2);
    Module lstm = new Recurrent(new LSTMCell(3, 5, new RandomState(0)));
    loadWeights(lstm, "lstm_weights", "");
    assertLosses("lstm_adam", lstm, new Adam(lstm.parameters(), 1e-2),
        model -> Losses.mse(model.forward(xs), target));
    Module rnn = new Recurrent(new RNNCell(3, 5, new RandomState(0)));
    loadWeights(rnn, "rnn_weights", "");
    assertLosses("rnn_adam", rnn, new Adam(rnn.parameters(), 1e-2),
        model -> Losses.mse(model.forward(xs), target));
  }

  @SuppressWarnings("unchecked")
  @Test
  void exactGeluAndSoftmaxMatchPyTorch() {
    Map<String, Object> g = (Map<String, Object>) REF.get("gelu");
    Tensor x = Tensor.of(floats(g.get("x")), 41).requiresGrad(true);
    Tensor y = x.gelu();
    y.sum().backward();
    float[] wantY = floats(g.get("y"));
    float[] wantGrad = floats(g.get("grad"));
    float[] gotY = y.toFloatArray();
    float[] gotGrad = x.grad().toFloatArray();
    float[] grid = floats(g.get("x"));
    for (int i = 0; i < wantY.length; i++) {
      // PyTorch evaluates x/2·(1 + erf(x/√2)) in float: for x < 0, 1 + erf cancels and keeps the
      // error of its float erf, up to about 5 ulp of 1.0 (6e-7) times |x|/2 (5.3e-7 at x = −3,
      // where we are within 1e-9 of the true −3·Φ(−3)), since we compute erf in double
      double cancellation = Math.abs(grid[i]) * 3e-7;
      assertEquals(wantY[i], gotY[i], cancellation + 1e-6 * Math.abs(wantY[i]), "gelu at " + i);
      assertEquals(wantGrad[i], gotGrad[i], cancellation + 1e-6 * Math.abs(wantGrad[i]), "gelu grad at " + i);
    }
    Map<String, Object> s = (Map<String, Object>) REF.get("softmax");
    float[] want = floats(s.get("y"));
    float[] got = Tensor.of(floats(s.get("logits")), 3, 7).softmax(-1).toFloatArray();
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], 1e-6 * want[i], "softmax at " + i);
    }
    assertTrue(want.length == 21);
  }
}
