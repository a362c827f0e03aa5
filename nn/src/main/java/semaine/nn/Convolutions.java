package semaine.nn;

import java.util.Arrays;

/**
 * The image operations behind {@link Functional#conv2d} and {@link Functional#maxPool2d}, on
 * (N, C, H, W) inputs: im2col (each output position's receptive field as one row, so that a
 * convolution is a matrix product) with its backward col2im, and max pooling.
 *
 * <p>Output sizes follow PyTorch: {@code OH = (H + 2·padding − kh) / stride + 1}, rounded down.
 */
final class Convolutions {

  private Convolutions() {}

  /** {@code (size + 2·padding − kernel) / stride + 1}, checked to be at least 1. */
  static int outputSize(String op, int size, int kernel, int stride, int padding) {
    int span = size + 2 * padding - kernel;
    if (span < 0) {
      throw new IllegalArgumentException(op + ": kernel size (" + kernel + ") must be at most the padded"
          + " input size (" + (size + 2 * padding) + ")");
    }
    return span / stride + 1;
  }

  /** Checks that x is 4-D and returns its shape (N, C, H, W). */
  static int[] checkImages(String op, Tensor x) {
    if (x.shape.length != 4) {
      throw new IllegalArgumentException(op + ": input shape " + Shapes.str(x.shape)
          + " must be (N, C, H, W)");
    }
    return x.shape;
  }

  /**
   * The receptive fields of x (N, C, H, W) as rows: (N·OH·OW, C·kh·kw), row {@code (n, oy, ox)},
   * column {@code (c, dy, dx)} holding {@code x[n, c, oy·stride + dy − padding, ...]}, zero where
   * that falls in the padding. Backward adds each row back onto the pixels it was read from.
   */
  static Tensor im2col(Tensor x, int kh, int kw, int stride, int padding) {
    int[] s = checkImages("conv2d", x);
    int n = s[0];
    int c = s[1];
    int h = s[2];
    int w = s[3];
    int oh = outputSize("conv2d", h, kh, stride, padding);
    int ow = outputSize("conv2d", w, kw, stride, padding);
    int cols = c * kh * kw;
    float[] in = x.contiguousData();
    float[] out = new float[n * oh * ow * cols];
    int[] source = sources(n, c, h, w, kh, kw, stride, padding, oh, ow); // -1 in the padding
    for (int i = 0; i < out.length; i++) {
      if (source[i] >= 0) {
        out[i] = in[source[i]];
      }
    }
    return Tensor.result(out, new int[] {n * oh * ow, cols}, g -> {
      float[] dx = x.gradBuffer();
      for (int i = 0; i < g.length; i++) {
        if (source[i] >= 0) {
          dx[source[i]] += g[i];
        }
      }
    }, x);
  }

  /** For each element of the im2col matrix, the index in x it copies, or -1 for padding. */
  private static int[] sources(int n, int c, int h, int w, int kh, int kw, int stride, int padding,
      int oh, int ow) {
    int[] at = new int[n * oh * ow * c * kh * kw];
    int i = 0;
    for (int b = 0; b < n; b++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          for (int ch = 0; ch < c; ch++) {
            int plane = (b * c + ch) * h;
            for (int dy = 0; dy < kh; dy++) {
              int y = oy * stride + dy - padding;
              for (int dx = 0; dx < kw; dx++) {
                int xx = ox * stride + dx - padding;
                at[i++] = y >= 0 && y < h && xx >= 0 && xx < w ? (plane + y) * w + xx : -1;
              }
            }
          }
        }
      }
    }
    return at;
  }

  /**
   * Max pooling of x (N, C, H, W) over k×k windows moved by stride, no padding: (N, C, OH, OW).
   * The first maximum of a window (row-major) takes the whole gradient, as PyTorch.
   */
  static Tensor maxPool2d(Tensor x, int k, int stride) {
    int[] s = checkImages("maxPool2d", x);
    int planes = s[0] * s[1];
    int h = s[2];
    int w = s[3];
    int oh = outputSize("maxPool2d", h, k, stride, 0);
    int ow = outputSize("maxPool2d", w, k, stride, 0);
    float[] in = x.contiguousData();
    float[] out = new float[planes * oh * ow];
    int[] argmax = new int[out.length];
    int o = 0;
    for (int p = 0; p < planes; p++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          int best = (p * h + oy * stride) * w + ox * stride;
          for (int dy = 0; dy < k; dy++) {
            int row = (p * h + oy * stride + dy) * w + ox * stride;
            for (int dx = 0; dx < k; dx++) {
              // NaN wins, as in PyTorch
              if (in[row + dx] > in[best] || Float.isNaN(in[row + dx]) && !Float.isNaN(in[best])) {
                best = row + dx;
              }
            }
          }
          argmax[o] = best;
          out[o++] = in[best];
        }
      }
    }
    int[] shape = Arrays.copyOf(s, 4);
    shape[2] = oh;
    shape[3] = ow;
    return Tensor.result(out, shape, g -> {
      float[] dx = x.gradBuffer();
      for (int i = 0; i < g.length; i++) {
        dx[argmax[i]] += g[i];
      }
    }, x);
  }
}
