package semaine.nn;

import java.util.Arrays;
import semaine.util.Parallel;

/**
 * Elementwise operations: binary with NumPy broadcasting (add, sub, mul, div), the affine map
 * {@code s·x + c}, and the {@link Unary} functions. The backward of a broadcast operand sums the
 * gradient over the broadcast dimensions ({@code sumTo}).
 */
final class Elementwise {

  enum Op { ADD, SUB, MUL, DIV }

  private Elementwise() {}

  static Tensor binary(Op op, Tensor a, Tensor b) {
    int[] shape = Shapes.broadcast(op.name().toLowerCase(java.util.Locale.ROOT), a.shape, b.shape);
    int n = Shapes.numel(shape);
    float[] x = expand(a.contiguousData(), a.shape, shape);
    float[] y = expand(b.contiguousData(), b.shape, shape);
    float[] out = new float[n];
    apply(op, x, y, out, n);
    return Tensor.result(out, shape, g -> {
      if (a.requiresGrad) {
        sumTo(op == Op.ADD || op == Op.SUB ? g : gradLeft(op, g, y), shape, a.shape, a.gradBuffer());
      }
      if (b.requiresGrad) {
        sumTo(gradRight(op, g, x, y), shape, b.shape, b.gradBuffer());
      }
    }, a, b);
  }

  private static void apply(Op op, float[] x, float[] y, float[] out, int n) {
    switch (op) {
      case ADD -> Kernels.add(x, 0, y, 0, out, 0, n);
      case MUL -> Kernels.mul(x, 0, y, 0, out, 0, n);
      case SUB -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] - y[i];
        }
      }
      case DIV -> {
        for (int i = 0; i < n; i++) {
          out[i] = x[i] / y[i];
        }
      }
    }
  }

  // d(x op y)/dx · g
  private static float[] gradLeft(Op op, float[] g, float[] y) {
    float[] out = new float[g.length];
    if (op == Op.MUL) {
      Kernels.mul(g, 0, y, 0, out, 0, g.length);
    } else {
      for (int i = 0; i < g.length; i++) {
        out[i] = g[i] / y[i];
      }
    }
    return out;
  }

  // d(x op y)/dy · g
  private static float[] gradRight(Op op, float[] g, float[] x, float[] y) {
    float[] out = new float[g.length];
    switch (op) {
      case ADD -> System.arraycopy(g, 0, out, 0, g.length);
      case SUB -> {
        for (int i = 0; i < g.length; i++) {
          out[i] = -g[i];
        }
      }
      case MUL -> Kernels.mul(g, 0, x, 0, out, 0, g.length);
      case DIV -> {
        for (int i = 0; i < g.length; i++) {
          out[i] = -g[i] * x[i] / (y[i] * y[i]);
        }
      }
    }
    return out;
  }

  /** {@code s·x + c}; the gradient is {@code s·g}. */
  static Tensor affine(Tensor a, float scale, float shift) {
    float[] x = a.contiguousData();
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = scale * x[i] + shift;
    }
    return Tensor.result(out, a.shape.clone(), g -> Kernels.axpy(scale, g, 0, a.gradBuffer(), 0, g.length), a);
  }

  static Tensor unary(Unary f, Tensor a) {
    float[] x = a.contiguousData();
    int n = x.length;
    float[] y = new float[n];
    // every element on its own: split over the cores, the same values as one loop
    Parallel.forRange(n, GRAIN, (from, to) -> {
      if (f == Unary.RELU) {
        // as RELU.apply, inlined: Math.max has no branch to mispredict on random signs
        for (int i = from; i < to; i++) {
          y[i] = Math.max(x[i], 0f);
        }
      } else {
        for (int i = from; i < to; i++) {
          y[i] = f.apply(x[i]);
        }
      }
    });
    return Tensor.result(y, a.shape.clone(), g -> {
      float[] ga = a.gradBuffer();
      Parallel.forRange(n, GRAIN, (from, to) -> {
        if (f == Unary.RELU) {
          // a select of bits, not a branch: random signs would mispredict half the time, and C2
          // makes conditional moves of ints but not of floats (ga[i] + 0 would not do: −0 → +0)
          for (int i = from; i < to; i++) {
            int kept = Float.floatToRawIntBits(ga[i]);
            int added = Float.floatToRawIntBits(ga[i] + g[i]);
            ga[i] = Float.intBitsToFloat(x[i] > 0f ? added : kept);
          }
        } else {
          for (int i = from; i < to; i++) {
            ga[i] += g[i] * f.derivative(x[i], y[i]);
          }
        }
      });
    }, a);
  }

  /** Elements per task of the element-wise loops split over the cores. */
  static final int GRAIN = 1 << 15;

  /** The values of a contiguous tensor of {@code shape} repeated to {@code target} (no copy if equal). */
  static float[] expand(float[] x, int[] shape, int[] target) {
    if (Arrays.equals(shape, target)) {
      return x;
    }
    int n = Shapes.numel(target);
    float[] out = new float[n];
    if (Shapes.isSuffix(shape, target)) {
      // a row (or trailing block) repeated: the bias of a linear layer
      int w = x.length;
      for (int r = 0; w > 0 && r < n / w; r++) {
        System.arraycopy(x, 0, out, r * w, w);
      }
      return out;
    }
    int[] offsets = Views.offsets(target, Shapes.broadcastStrides(shape, target), 0);
    for (int i = 0; i < n; i++) {
      out[i] = x[offsets[i]];
    }
    return out;
  }

  /** Adds g, shape {@code shape}, into dest, shape {@code target}, summing the broadcast dimensions. */
  static void sumTo(float[] g, int[] shape, int[] target, float[] dest) {
    if (Arrays.equals(shape, target)) {
      Kernels.add(dest, 0, g, 0, dest, 0, g.length);
      return;
    }
    if (Shapes.isSuffix(target, shape)) {
      int w = dest.length;
      for (int r = 0; w > 0 && r < g.length / w; r++) {
        Kernels.add(dest, 0, g, r * w, dest, 0, w);
      }
      return;
    }
    int[] offsets = Views.offsets(shape, Shapes.broadcastStrides(target, shape), 0);
    for (int i = 0; i < g.length; i++) {
      dest[offsets[i]] += g[i];
    }
  }
}
