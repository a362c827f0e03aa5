package semaine.nn;

import java.util.Arrays;
import semaine.random.RandomState;

/**
 * Fused operations with their own backward, after {@code torch.nn.functional}: linear, 2-D
 * convolution and max pooling, layer normalisation, the causal mask of self-attention and dropout.
 * The losses are in {@link Losses}.
 */
public final class Functional {

  private Functional() {}

  /**
   * The affine map of a linear layer ({@code F.linear}): {@code y = x · Wᵀ + b}. Backward:
   * {@code dx = g · W}, {@code dW = gᵀ · x}, {@code db = Σ_rows g}.
   *
   * @param x (..., in)
   * @param weight (out, in)
   * @param bias (out), or null
   * @return (..., out)
   */
  public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
    int in = x.size(-1);
    if (weight.shape.length != 2 || weight.shape[1] != in
        || bias != null && !Arrays.equals(bias.shape, new int[] {weight.shape[0]})) {
      throw new IllegalArgumentException("linear: input shape " + Shapes.str(x.shape) + ", weight shape "
          + Shapes.str(weight.shape) + (bias == null ? "" : " and bias shape " + Shapes.str(bias.shape))
          + " do not fit (weight must be (out, " + in + "), bias (out))");
    }
    int out = weight.shape[0];
    float[] xs = x.contiguousData(); // (rows, in)
    float[] w = weight.contiguousData(); // (out, in)
    int rows = in == 0 ? 0 : xs.length / in;
    float[] y = new float[rows * out]; // (rows, out)
    if (bias != null) {
      float[] b = bias.contiguousData();
      for (int r = 0; r < rows; r++) {
        System.arraycopy(b, 0, y, r * out, out);
      }
    }
    // x · Wᵀ, W read in place
    Kernels.matmulTransB(xs, 0, w, 0, y, 0, rows, in, out, bias != null);
    int[] shape = x.shape.clone();
    shape[shape.length - 1] = out;
    Tensor[] parents = bias == null ? new Tensor[] {x, weight} : new Tensor[] {x, weight, bias};
    return Tensor.result(y, shape, g -> {
      if (x.requiresGrad) {
        Kernels.matmul(g, 0, w, 0, x.gradBuffer(), 0, rows, out, in, true);
      }
      if (weight.requiresGrad) {
        // dW (out, in) = gᵀ · x, g read as its transpose in place
        Kernels.matmulTransA(g, 0, xs, 0, weight.gradBuffer(), 0, out, rows, in, true);
      }
      if (bias != null && bias.requiresGrad) {
        float[] db = bias.gradBuffer();
        for (int r = 0; r < rows; r++) {
          Kernels.add(db, 0, g, r * out, db, 0, out);
        }
      }
    }, parents);
  }

  /**
   * 2-D convolution ({@code F.conv2d}, cross-correlation as PyTorch): im2col then one matrix
   * product, {@code y[n, o, oy, ox] = b[o] + Σ_{c,dy,dx} w[o, c, dy, dx] · x[n, c, oy·s + dy − p,
   * ox·s + dx − p]}, zero padding. Backward comes from the product and im2col's own backward.
   *
   * @param x (N, C, H, W)
   * @param weight (O, C, kh, kw)
   * @param bias (O), or null
   * @param stride at least 1, along both axes
   * @param padding zeros added on each side, along both axes
   * @return (N, O, OH, OW), {@code OH = (H + 2·padding − kh) / stride + 1}
   */
  public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding) {
    semaine.util.Checks.checkPositive("stride", stride);
    semaine.util.Checks.checkNonNegative("padding", padding);
    int[] s = Convolutions.checkImages("conv2d", x);
    if (weight.shape.length != 4 || weight.shape[1] != s[1]) {
      throw new IllegalArgumentException("conv2d: weight shape " + Shapes.str(weight.shape)
          + " must be (out, " + s[1] + ", kh, kw) for input shape " + Shapes.str(x.shape));
    }
    int out = weight.shape[0];
    int kh = weight.shape[2];
    int kw = weight.shape[3];
    Tensor cols = Convolutions.im2col(x, kh, kw, stride, padding); // (N·OH·OW, C·kh·kw)
    int oh = Convolutions.outputSize("conv2d", s[2], kh, stride, padding);
    int ow = Convolutions.outputSize("conv2d", s[3], kw, stride, padding);
    Tensor y = linear(cols, weight.reshape(out, -1), bias); // (N·OH·OW, O)
    return y.reshape(s[0], oh, ow, out).permute(0, 3, 1, 2).contiguous();
  }

  /**
   * Max pooling over k×k windows ({@code F.max_pool2d(x, k, stride)}, no padding); the gradient
   * goes to the first maximum of each window.
   *
   * @param x (N, C, H, W)
   * @return (N, C, (H − k) / stride + 1, (W − k) / stride + 1)
   */
  public static Tensor maxPool2d(Tensor x, int kernelSize, int stride) {
    semaine.util.Checks.checkPositive("kernelSize", kernelSize);
    semaine.util.Checks.checkPositive("stride", stride);
    return Convolutions.maxPool2d(x, kernelSize, stride);
  }

  /**
   * Layer normalisation over the last dimension C ({@code F.layer_norm}):
   * {@code y = (x − mean) / √(var + eps) · weight + bias}, var the biased variance.
   *
   * @param x (..., C)
   * @param weight (C)
   * @param bias (C)
   */
  public static Tensor layerNorm(Tensor x, Tensor weight, Tensor bias, float eps) {
    int c = x.size(-1);
    if (!Arrays.equals(weight.shape, new int[] {c}) || !Arrays.equals(bias.shape, new int[] {c})) {
      throw new IllegalArgumentException("layerNorm: input shape " + Shapes.str(x.shape)
          + " needs weight and bias of shape [" + c + "], not " + Shapes.str(weight.shape) + " and "
          + Shapes.str(bias.shape));
    }
    float[] in = x.contiguousData();
    float[] w = weight.contiguousData();
    float[] b = bias.contiguousData();
    int rows = c == 0 ? 0 : in.length / c;
    float[] out = new float[in.length];
    float[] norm = new float[in.length]; // (rows, C) the normalised input, kept for backward
    float[] rstd = new float[rows]; // (rows) 1 / √(var + eps)
    for (int r = 0; r < rows; r++) {
      int row = r * c;
      // calculate the mean
      float mean = Kernels.sum(in, row, c) / c;
      // calculate the variance (biased) and the reciprocal standard deviation
      float var = 0f;
      for (int i = 0; i < c; i++) {
        float dev = in[row + i] - mean;
        var += dev * dev;
      }
      float s = (float) (1.0 / Math.sqrt(var / c + eps));
      rstd[r] = s;
      for (int i = 0; i < c; i++) {
        float nrm = (in[row + i] - mean) * s;
        norm[row + i] = nrm;
        out[row + i] = nrm * w[i] + b[i];
      }
    }
    return Tensor.result(out, x.shape.clone(), g -> {
      float[] dx = x.requiresGrad ? x.gradBuffer() : null;
      float[] dw = weight.requiresGrad ? weight.gradBuffer() : null;
      float[] db = bias.requiresGrad ? bias.gradBuffer() : null;
      for (int r = 0; r < rows; r++) {
        int row = r * c;
        // dnorm = g ⊙ w; dx = rstd · (dnorm − mean(dnorm) − norm · mean(dnorm ⊙ norm))
        float meanD = 0f;
        float meanDn = 0f;
        for (int i = 0; i < c; i++) {
          float dn = g[row + i] * w[i];
          meanD += dn;
          meanDn += dn * norm[row + i];
        }
        meanD /= c;
        meanDn /= c;
        for (int i = 0; i < c; i++) {
          if (dx != null) {
            float dn = g[row + i] * w[i];
            dx[row + i] += rstd[r] * (dn - meanD - norm[row + i] * meanDn);
          }
          if (dw != null) {
            dw[i] += g[row + i] * norm[row + i];
          }
          if (db != null) {
            db[i] += g[row + i];
          }
        }
      }
    }, x, weight, bias);
  }

  /**
   * Sets the positions above the diagonal of the last two dimensions (key after query) to
   * {@code value}, as {@code att.masked_fill(tril == 0, value)} in nanoGPT; their gradient is 0.
   *
   * @param x (..., T, T)
   */
  public static Tensor maskFuture(Tensor x, float value) {
    int r = x.shape.length;
    if (r < 2 || x.shape[r - 1] != x.shape[r - 2]) {
      throw new IllegalArgumentException("maskFuture needs shape (..., T, T), not " + Shapes.str(x.shape));
    }
    int t = x.shape[r - 1];
    float[] out = x.contiguousData().clone();
    for (int base = 0; base < out.length; base += t * t) {
      for (int i = 0; i < t; i++) {
        Arrays.fill(out, base + i * t + i + 1, base + (i + 1) * t, value);
      }
    }
    return Tensor.result(out, x.shape.clone(), g -> {
      float[] dest = x.gradBuffer();
      for (int base = 0; base < g.length; base += t * t) {
        for (int i = 0; i < t; i++) {
          int row = base + i * t;
          Kernels.add(dest, row, g, row, dest, row, i + 1);
        }
      }
    }, x);
  }

  /**
   * Inverted dropout ({@code F.dropout} in training mode): each element is zeroed with probability
   * p, the others scaled by {@code 1/(1−p)}. The keep mask compares {@code random.uniform(0, 1)}
   * draws with p, element by element in row-major order.
   */
  public static Tensor dropout(Tensor x, double p, RandomState random) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException("p (" + p + ") must be in [0, 1)");
    }
    if (p == 0) {
      return x;
    }
    double[] u = random.uniform(0, 1, x.numel());
    float[] mask = new float[u.length];
    float scale = (float) (1.0 / (1.0 - p));
    for (int i = 0; i < u.length; i++) {
      mask[i] = u[i] < p ? 0f : scale;
    }
    return x.mul(Tensor.wrap(mask, x.shape.clone()));
  }
}
