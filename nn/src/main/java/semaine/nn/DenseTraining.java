package semaine.nn;

import java.util.Arrays;
import java.util.List;
import semaine.nn.layers.Activation;
import semaine.nn.layers.Linear;
import semaine.nn.layers.Module;

/**
 * One training step of a {@link MultiLayerPerceptron} (linear layers with one element-wise
 * activation between them) without the autograd graph: forward, the L2 penalty, the loss and
 * back-propagation into the parameters' gradients, on buffers allocated once per fit.
 *
 * <p>Why: through the graph every step allocates its activations, their gradients and the
 * parameters' gradients afresh (about 0.7 MB a step for a batch of 200 through 64 → 100 → 10),
 * and fresh memory is what a first fit pays most for on a virtual machine. The operations are
 * those of {@code Linear}, {@code Activation}, {@code square().sum()}, {@code add}, {@code mul}
 * and the loss through the graph, in the order {@link Autograd#run} applies them (the penalty's
 * gradient reaches each weight before the layer's own), with the same kernels, so the weights
 * come out with the same bits; {@code DenseTrainingTest} compares the two paths.
 */
final class DenseTraining {

  private final float[] X;
  private final int d;
  private final double alpha;
  private final BatchLoss loss;
  private final Tensor[] weights;
  private final Tensor[] biases;
  /** The activation after each layer but the last; null for the identity. */
  private final Unary[] activations;
  private final int[] widths;
  private final float[] input;
  /** Per layer: its output before and after the activation (the same array for the identity). */
  private final float[][] pre;
  private final float[][] post;
  /** Per layer: the gradients of {@link #pre} and {@link #post}. */
  private final float[][] gradPre;
  private final float[][] gradPost;
  private final float[][] weightGrads;
  private final float[][] biasGrads;
  private final float[] squares;

  /** For {@code layers} (a {@code Sequential}'s), X (n, d), batches of at most {@code batch}. */
  DenseTraining(List<Module> layers, float[] X, int d, int batch, double alpha, BatchLoss loss) {
    this.X = X;
    this.d = d;
    this.alpha = alpha;
    this.loss = loss;
    List<Linear> linear = layers.stream().filter(m -> m instanceof Linear)
        .map(m -> (Linear) m).toList();
    int count = linear.size();
    weights = new Tensor[count];
    biases = new Tensor[count];
    activations = new Unary[count];
    widths = new int[count];
    pre = new float[count][];
    post = new float[count][];
    gradPre = new float[count][];
    gradPost = new float[count][];
    weightGrads = new float[count][];
    biasGrads = new float[count][];
    int largest = 0;
    for (int l = 0; l < count; l++) {
      Linear layer = linear.get(l);
      weights[l] = layer.weight();
      biases[l] = layer.bias();
      widths[l] = layer.weight().shape[0];
      int at = layers.indexOf(layer) + 1;
      activations[l] = at < layers.size() ? unary((Activation) layers.get(at)) : null;
      pre[l] = new float[batch * widths[l]];
      post[l] = activations[l] == null ? pre[l] : new float[pre[l].length];
      gradPre[l] = new float[pre[l].length];
      gradPost[l] = activations[l] == null ? gradPre[l] : new float[pre[l].length];
      weightGrads[l] = new float[weights[l].numel()];
      biasGrads[l] = new float[biases[l].numel()];
      largest = Math.max(largest, weights[l].numel());
    }
    input = new float[batch * d];
    squares = new float[largest];
  }

  private static Unary unary(Activation activation) {
    return switch (activation.name()) {
      case "relu" -> Unary.RELU;
      case "sigmoid" -> Unary.SIGMOID;
      case "tanh" -> Unary.TANH;
      case "identity" -> null;
      default -> throw new IllegalArgumentException("no dense training step for the activation "
          + activation.name());
    };
  }

  /**
   * Forward and backward over the samples {@code rows} of X: returns the batch loss (the penalty
   * included) and leaves the gradients in the parameters, as {@code zeroGrad(); loss.backward()}.
   */
  float step(int[] rows) {
    int n = rows.length;
    for (int i = 0; i < n; i++) {
      System.arraycopy(X, rows[i] * d, input, i * d, d);
    }
    int last = weights.length - 1;
    float[] in = input;
    int fanIn = d;
    for (int l = 0; l <= last; l++) {
      forward(l, in, fanIn, n);
      in = post[l];
      fanIn = widths[l];
    }
    int outputs = widths[last];
    Arrays.fill(gradPre[last], 0, n * outputs, 0f);
    float value = loss.lossAndGradient(pre[last], n, outputs, rows, gradPre[last]);
    for (int l = 0; l <= last; l++) {
      Arrays.fill(weightGrads[l], 0f);
      Arrays.fill(biasGrads[l], 0f);
      weights[l].grad = weightGrads[l];
      biases[l].grad = biasGrads[l];
    }
    if (alpha > 0) {
      value += penalty(n);
    }
    for (int l = last; l >= 0; l--) {
      backward(l, n);
    }
    return value;
  }

  /** {@code pre = in · Wᵀ + b}, then the activation, as {@code Functional.linear} and {@code Elementwise.unary}. */
  private void forward(int l, float[] in, int fanIn, int n) {
    int out = widths[l];
    float[] y = pre[l];
    float[] b = biases[l].storage();
    for (int r = 0; r < n; r++) {
      System.arraycopy(b, 0, y, r * out, out);
    }
    Kernels.matmulTransB(in, 0, weights[l].storage(), 0, y, 0, n, fanIn, out, true);
    Unary f = activations[l];
    float[] z = post[l];
    if (f == Unary.RELU) {
      for (int i = 0, size = n * out; i < size; i++) {
        z[i] = Math.max(y[i], 0f);  // as Unary.RELU, without the call
      }
    } else if (f != null) {
      for (int i = 0, size = n * out; i < size; i++) {
        z[i] = f.apply(y[i]);
      }
    }
  }

  /**
   * The L2 term {@code alpha/(2n) · Σ‖W‖²} as the graph computes it (each {@code Σ w²} by
   * {@link Kernels#sum}, the sums added in layer order, then scaled), with its gradient
   * {@code scale · 2w} written first into each weight's gradient.
   */
  private float penalty(int n) {
    float scale = (float) (alpha / (2.0 * n));
    float sum = 0f;
    for (int l = 0; l < weights.length; l++) {
      float[] w = weights[l].storage();
      for (int i = 0; i < w.length; i++) {
        squares[i] = w[i] * w[i];
      }
      float s = Kernels.sum(squares, 0, w.length);
      sum = l == 0 ? s : sum + s;
      float[] g = weightGrads[l];
      for (int i = 0; i < w.length; i++) {
        g[i] += scale * (2f * w[i]);
      }
    }
    return scale * sum + 0f;
  }

  /**
   * Layer l's backward from {@code gradPre[l]}: the input's gradient (through the previous
   * activation), then the weight's and the bias's, as {@code Functional.linear}'s backward.
   */
  private void backward(int l, int n) {
    int out = widths[l];
    float[] g = gradPre[l];
    float[] w = weights[l].storage();
    int fanIn = l == 0 ? d : widths[l - 1];
    float[] in = l == 0 ? input : post[l - 1];
    if (l > 0) {
      float[] gIn = gradPost[l - 1];
      Arrays.fill(gIn, 0, n * fanIn, 0f);
      Kernels.matmul(g, 0, w, 0, gIn, 0, n, out, fanIn, true);
    }
    Kernels.matmulTransA(g, 0, in, 0, weightGrads[l], 0, out, n, fanIn, true);
    float[] db = biasGrads[l];
    for (int r = 0; r < n; r++) {
      Kernels.add(db, 0, g, r * out, db, 0, out);
    }
    if (l > 0 && activations[l - 1] != null) {
      activationBackward(activations[l - 1], pre[l - 1], post[l - 1], gradPost[l - 1],
          gradPre[l - 1], n * fanIn);
    }
  }

  /** {@code ga = 0 + g · f'(x)} (relu: g where x > 0, else 0), as {@code Elementwise.unary}'s backward. */
  private static void activationBackward(Unary f, float[] x, float[] y, float[] g, float[] ga,
      int size) {
    if (f == Unary.RELU) {
      // a select of bits, not a branch on random signs (as Elementwise.unary's backward)
      for (int i = 0; i < size; i++) {
        int added = Float.floatToRawIntBits(0f + g[i]);
        ga[i] = Float.intBitsToFloat(x[i] > 0f ? added : 0);
      }
    } else {
      for (int i = 0; i < size; i++) {
        ga[i] = 0f + g[i] * f.derivative(x[i], y[i]);
      }
    }
  }
}
