package semaine.nn;

import semaine.util.Parallel;

/**
 * Reductions over one dimension (sum, max) or all elements, softmax and log-softmax, and argmax.
 *
 * <p>A reduction over dimension d of a contiguous tensor sees it as (outer, n, inner): outer is the
 * product of the dimensions before d, n = shape[d], inner the product after; element (o, i, j)
 * sits at {@code (o·n + i)·inner + j}.
 */
final class Reductions {

  private Reductions() {}

  static Tensor sumAll(Tensor t) {
    float[] x = t.contiguousData();
    float s = Kernels.sum(x, 0, x.length);
    return Tensor.result(new float[] {s}, new int[0], g -> {
      float[] dest = t.gradBuffer();
      for (int i = 0; i < dest.length; i++) {
        dest[i] += g[0];
      }
    }, t);
  }

  static Tensor sum(Tensor t, int dim, boolean keepDim) {
    int d = Shapes.dim(dim, t.shape.length);
    int n = t.shape[d];
    int inner = innerSize(t.shape, d);
    int outer = n * inner == 0 ? 0 : t.numel() / (n * inner);
    float[] x = t.contiguousData();
    float[] out = new float[outer * inner];
    for (int o = 0; o < outer; o++) {
      int base = o * n * inner;
      for (int i = 0; i < n; i++) {
        Kernels.add(out, o * inner, x, base + i * inner, out, o * inner, inner);
      }
    }
    return Tensor.result(out, reducedShape(t.shape, d, keepDim), g -> {
      float[] dest = t.gradBuffer();
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < n; i++) {
          int at = (o * n + i) * inner;
          Kernels.add(dest, at, g, o * inner, dest, at, inner);
        }
      }
    }, t);
  }

  static Tensor max(Tensor t, int dim, boolean keepDim) {
    int d = Shapes.dim(dim, t.shape.length);
    int n = t.shape[d];
    if (n == 0) {
      throw new IllegalArgumentException("max: dimension " + d + " of shape " + Shapes.str(t.shape) + " is empty");
    }
    int inner = innerSize(t.shape, d);
    int outer = t.numel() / (n * inner);
    float[] x = t.contiguousData();
    float[] out = new float[outer * inner];
    int[] where = new int[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int j = 0; j < inner; j++) {
        int best = (o * n) * inner + j;
        for (int i = 1; i < n; i++) {
          int at = (o * n + i) * inner + j;
          if (x[at] > x[best] || Float.isNaN(x[at]) && !Float.isNaN(x[best])) {
            best = at;
          }
        }
        out[o * inner + j] = x[best];
        where[o * inner + j] = best;
      }
    }
    return Tensor.result(out, reducedShape(t.shape, d, keepDim), g -> {
      float[] dest = t.gradBuffer();
      for (int k = 0; k < where.length; k++) {
        dest[where[k]] += g[k];
      }
    }, t);
  }

  /** Index of the maximum along the last dimension, for each leading index (row-major). */
  static int[] argmaxLast(Tensor t) {
    int n = t.shape.length == 0 ? 1 : t.shape[t.shape.length - 1];
    float[] x = t.contiguousData();
    int rows = n == 0 ? 0 : x.length / n;
    int[] out = new int[rows];
    for (int r = 0; r < rows; r++) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (x[r * n + i] > x[r * n + best]) {
          best = i;
        }
      }
      out[r] = best;
    }
    return out;
  }

  /**
   * softmax {@code y_i = e^(x_i − m) / Σ_j e^(x_j − m)} (m the maximum, so no overflow), or its
   * log {@code x_i − m − log Σ_j e^(x_j − m)}, over dimension dim. Backward: softmax
   * {@code gx = y ⊙ (g − Σ g⊙y)}; log-softmax {@code gx = g − softmax · Σ g}.
   */
  static Tensor softmax(Tensor t, int dim, boolean log) {
    int d = Shapes.dim(dim, t.shape.length);
    int n = t.shape[d];
    int inner = innerSize(t.shape, d);
    int outer = n * inner == 0 ? 0 : t.numel() / (n * inner);
    float[] x = t.contiguousData();
    float[] y = new float[x.length];
    // each slice (o, j) on its own: split the outer index over the cores, the same values
    int grain = Math.max(1, Elementwise.GRAIN / Math.max(1, n * inner));
    Parallel.forRange(outer, grain, (from, to) -> {
      for (int o = from; o < to; o++) {
        for (int j = 0; j < inner; j++) {
          int base = o * n * inner + j;
          float max = Float.NEGATIVE_INFINITY;
          for (int i = 0; i < n; i++) {
            max = Math.max(max, x[base + i * inner]);
          }
          float sum = 0f;
          for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[base + i * inner] - max);
            y[base + i * inner] = e;
            sum += e;
          }
          float logSum = (float) Math.log(sum);
          for (int i = 0; i < n; i++) {
            int at = base + i * inner;
            y[at] = log ? x[at] - max - logSum : y[at] / sum;
          }
        }
      }
    });
    return Tensor.result(y, t.shape.clone(), g -> {
      float[] dest = t.gradBuffer();
      Parallel.forRange(outer, grain, (from, to) -> {
        for (int o = from; o < to; o++) {
          for (int j = 0; j < inner; j++) {
            int base = o * n * inner + j;
            float dot = 0f;
            for (int i = 0; i < n; i++) {
              int at = base + i * inner;
              dot += log ? g[at] : g[at] * y[at];
            }
            for (int i = 0; i < n; i++) {
              int at = base + i * inner;
              dest[at] += log ? g[at] - (float) Math.exp(y[at]) * dot : y[at] * (g[at] - dot);
            }
          }
        }
      });
    }, t);
  }

  static int innerSize(int[] shape, int d) {
    int inner = 1;
    for (int k = d + 1; k < shape.length; k++) {
      inner *= shape[k];
    }
    return inner;
  }

  static int[] reducedShape(int[] shape, int d, boolean keepDim) {
    if (keepDim) {
      int[] out = shape.clone();
      out[d] = 1;
      return out;
    }
    int[] out = new int[shape.length - 1];
    for (int k = 0, j = 0; k < shape.length; k++) {
      if (k != d) {
        out[j++] = shape[k];
      }
    }
    return out;
  }
}
