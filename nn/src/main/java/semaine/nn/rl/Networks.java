package semaine.nn.rl;

import java.util.ArrayList;
import java.util.List;
import semaine.nn.Tensor;
import semaine.nn.layers.Activation;
import semaine.nn.layers.Linear;
import semaine.nn.layers.Module;
import semaine.nn.layers.Sequential;
import semaine.random.RandomState;

/**
 * The small networks of the agents: an MLP {@code in → hidden... → out} with an activation after
 * each hidden layer, its weights as lists of arrays (for the fitted state) and back, one forward
 * pass for one observation, and {@code clip_grad_norm_}.
 */
final class Networks {

  private Networks() {}

  /** Linear layers with {@code activation} between them, PyTorch's default initialisation. */
  static Sequential mlp(int in, int[] hidden, int out, Activation activation,
      RandomState random) {
    List<Module> layers = new ArrayList<>();
    int width = in;
    for (int h : hidden) {
      layers.add(new Linear(width, h, random));
      layers.add(activation);
      width = h;
    }
    layers.add(new Linear(width, out, random));
    return new Sequential(layers.toArray(Module[]::new));
  }

  /** The Linear layers of a network, in order. */
  static List<Linear> linears(Sequential net) {
    List<Linear> out = new ArrayList<>();
    for (Module m : net.layers()) {
      if (m instanceof Linear l) {
        out.add(l);
      }
    }
    return out;
  }

  /** Each Linear layer's weight, (out, in) as PyTorch keeps it. */
  static List<float[][]> weights(Sequential net) {
    List<float[][]> out = new ArrayList<>();
    for (Linear l : linears(net)) {
      int rows = l.weight().size(0);
      int cols = l.weight().size(1);
      float[] w = l.weight().toFloatArray();
      float[][] m = new float[rows][cols];
      for (int i = 0; i < rows; i++) {
        System.arraycopy(w, i * cols, m[i], 0, cols);
      }
      out.add(m);
    }
    return out;
  }

  /** Each Linear layer's bias. */
  static List<float[]> biases(Sequential net) {
    return linears(net).stream().map(l -> l.bias().toFloatArray()).toList();
  }

  /** The hidden widths of saved weights: the output width of each layer but the last. */
  static int[] hidden(List<float[][]> weights) {
    int[] h = new int[weights.size() - 1];
    for (int i = 0; i < h.length; i++) {
      h[i] = weights.get(i).length;
    }
    return h;
  }

  /** Copies saved weights and biases into {@code net}, checking every shape. */
  static void load(Sequential net, List<float[][]> weights, List<float[]> biases) {
    List<Linear> layers = linears(net);
    if (weights.size() != layers.size() || biases.size() != layers.size()) {
      throw new IllegalArgumentException("the saved network has " + weights.size()
          + " weight and " + biases.size() + " bias arrays but " + layers.size() + " layers");
    }
    for (int k = 0; k < layers.size(); k++) {
      float[] w = layers.get(k).weight().storage();
      float[][] saved = weights.get(k);
      int cols = layers.get(k).weight().size(1);
      if (saved.length * cols != w.length || biases.get(k).length != layers.get(k).bias().numel()) {
        throw new IllegalArgumentException("layer " + k + " of the saved network has shape "
            + saved.length + " x " + (saved.length == 0 ? 0 : saved[0].length) + ", not "
            + layers.get(k).weight().size(0) + " x " + cols);
      }
      for (int i = 0; i < saved.length; i++) {
        if (saved[i].length != cols) {
          throw new IllegalArgumentException("layer " + k + " row " + i + " has "
              + saved[i].length + " values, not " + cols);
        }
        System.arraycopy(saved[i], 0, w, i * cols, cols);
      }
      System.arraycopy(biases.get(k), 0, layers.get(k).bias().storage(), 0, biases.get(k).length);
    }
  }

  /** The network's output for one observation, without autograd. */
  static float[] forward(Module net, double[] observation) {
    float[] x = new float[observation.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) observation[i];
    }
    try (Tensor.GradScope scope = Tensor.noGrad()) {
      return net.forward(Tensor.of(x, 1, x.length)).toFloatArray();
    }
  }

  /** The first index of the largest value ({@code torch.argmax}). */
  static int argmax(float[] values, int from, int length) {
    int best = 0;
    for (int a = 1; a < length; a++) {
      if (values[from + a] > values[from + best]) {
        best = a;
      }
    }
    return best;
  }

  /**
   * {@code clip_grad_norm_(params, maxNorm)}: scales every gradient by
   * {@code maxNorm / (norm + 1e-6)} when the global 2-norm exceeds {@code maxNorm}.
   *
   * @return the norm before clipping
   */
  static double clipGradNorm(List<Tensor> params, double maxNorm) {
    double sum = 0;
    for (Tensor p : params) {
      Tensor g = p.grad();
      if (g != null) {
        for (float v : g.storage()) {
          sum += (double) v * v;
        }
      }
    }
    double norm = Math.sqrt(sum);
    if (!Double.isFinite(norm)) {
      throw new IllegalStateException("the gradient norm is " + norm + ": the loss diverged");
    }
    double coef = maxNorm / (norm + 1e-6);
    if (coef < 1) {
      for (Tensor p : params) {
        Tensor g = p.grad();
        if (g != null) {
          float[] s = g.storage();
          for (int i = 0; i < s.length; i++) {
            s[i] = (float) (s[i] * coef);
          }
        }
      }
    }
    return norm;
  }

  /** Observations as float32, checked finite (a user environment's NaN is named, not learned). */
  static void copyObservation(double[] observation, float[] into, int offset, int dim) {
    if (observation.length != dim) {
      throw new IllegalArgumentException("observation has " + observation.length
          + " values but the observation space has " + dim);
    }
    for (int i = 0; i < dim; i++) {
      if (!Double.isFinite(observation[i])) {
        throw new IllegalArgumentException("observation " + java.util.Arrays.toString(observation)
            + " is not finite: the environment gave " + observation[i] + " at index " + i);
      }
      into[offset + i] = (float) observation[i];
    }
  }
}
