package semaine.nn;

import java.util.Arrays;

/**
 * Views that share storage (reshape, transpose, permute, narrow), copies (contiguous), row
 * selection, and the strided gather that turns a view into a row-major array.
 */
final class Views {

  private Views() {}

  /** The storage offset of each element of a view, row-major over {@code shape}. */
  static int[] offsets(int[] shape, int[] strides, int offset) {
    int n = Shapes.numel(shape);
    int[] out = new int[n];
    if (n == 0) {
      return out;
    }
    int rank = shape.length;
    if (rank == 0) {
      out[0] = offset;
      return out;
    }
    int inner = shape[rank - 1];
    int innerStride = strides[rank - 1];
    int[] index = new int[rank];
    int base = offset;
    for (int row = 0; row < n / inner; row++) {
      for (int j = 0; j < inner; j++) {
        out[row * inner + j] = base + j * innerStride;
      }
      // odometer over the dimensions before the last
      for (int d = rank - 2; d >= 0; d--) {
        index[d]++;
        base += strides[d];
        if (index[d] < shape[d]) {
          break;
        }
        base -= index[d] * strides[d];
        index[d] = 0;
      }
    }
    return out;
  }

  /** Copies the elements of t, row-major, into out. */
  static void gather(Tensor t, float[] out) {
    int[] at = offsets(t.shape, t.strides, t.offset);
    for (int i = 0; i < at.length; i++) {
      out[i] = t.data[at[i]];
    }
  }

  static Tensor reshape(Tensor t, int[] newShape) {
    int[] shape = inferShape(t, newShape);
    if (!t.isContiguous()) {
      return reshape(contiguous(t), shape);
    }
    Tensor view = new Tensor(t.data, t.offset, shape, Shapes.strides(shape));
    // same row-major order: the gradient passes through unchanged
    return Tensor.record(view, g -> Kernels.add(t.gradBuffer(), 0, g, 0, t.gradBuffer(), 0, g.length), t);
  }

  private static int[] inferShape(Tensor t, int[] newShape) {
    int[] shape = newShape.clone();
    int n = t.numel();
    int free = -1;
    long known = 1;
    for (int d = 0; d < shape.length; d++) {
      if (shape[d] == -1 && free < 0) {
        free = d;
      } else if (shape[d] < 0) {
        throw new IllegalArgumentException("reshape: shape " + Shapes.str(newShape)
            + " may have one -1 and no other negative dimension");
      } else {
        known *= shape[d];
      }
    }
    if (free >= 0 && known > 0 && n % known == 0) {
      shape[free] = (int) (n / known);
      known = n;
    }
    if (known != n) {
      throw new IllegalArgumentException("reshape: a tensor of shape " + Shapes.str(t.shape) + " ("
          + n + " elements) cannot be viewed as " + Shapes.str(newShape));
    }
    return shape;
  }

  static Tensor transpose(Tensor t, int dim0, int dim1) {
    int[] perm = new int[t.shape.length];
    for (int d = 0; d < perm.length; d++) {
      perm[d] = d;
    }
    int a = Shapes.dim(dim0, perm.length);
    int b = Shapes.dim(dim1, perm.length);
    perm[a] = b;
    perm[b] = a;
    return permute(t, perm);
  }

  static Tensor permute(Tensor t, int[] dims) {
    int rank = t.shape.length;
    if (dims.length != rank) {
      throw new IllegalArgumentException("permute: dims " + Arrays.toString(dims) + " must list the "
          + rank + " dimensions of shape " + Shapes.str(t.shape));
    }
    int[] shape = new int[rank];
    int[] strides = new int[rank];
    int[] inverse = new int[rank];
    boolean[] seen = new boolean[rank];
    for (int d = 0; d < rank; d++) {
      int src = Shapes.dim(dims[d], rank);
      if (seen[src]) {
        throw new IllegalArgumentException("permute: dims " + Arrays.toString(dims) + " repeat " + src);
      }
      seen[src] = true;
      shape[d] = t.shape[src];
      strides[d] = t.strides[src];
      inverse[src] = d;
    }
    Tensor view = new Tensor(t.data, t.offset, shape, strides);
    return Tensor.record(view, g -> {
      // the gradient, row-major over the permuted shape, read back in the parent's order
      Tensor gv = Tensor.wrap(g, shape);
      Tensor back = new Tensor(g, 0, t.shape, permuted(gv.strides, inverse));
      int[] at = offsets(back.shape, back.strides, 0);
      float[] dest = t.gradBuffer();
      for (int i = 0; i < at.length; i++) {
        dest[i] += g[at[i]];
      }
    }, t);
  }

  private static int[] permuted(int[] strides, int[] order) {
    int[] out = new int[order.length];
    for (int d = 0; d < order.length; d++) {
      out[d] = strides[order[d]];
    }
    return out;
  }

  static Tensor narrow(Tensor t, int dim, int start, int length) {
    int d = Shapes.dim(dim, t.shape.length);
    if (start < 0 || length < 0 || start + length > t.shape[d]) {
      throw new IllegalArgumentException("narrow: start (" + start + ") and length (" + length
          + ") must lie within dimension " + d + " of size " + t.shape[d] + " (shape "
          + Shapes.str(t.shape) + ")");
    }
    int[] shape = t.shape.clone();
    shape[d] = length;
    Tensor view = new Tensor(t.data, t.offset + start * t.strides[d], shape, t.strides);
    int[] parentStrides = Shapes.strides(t.shape);
    return Tensor.record(view, g -> {
      int[] at = offsets(shape, parentStrides, start * parentStrides[d]);
      float[] dest = t.gradBuffer();
      for (int i = 0; i < at.length; i++) {
        dest[at[i]] += g[i];
      }
    }, t);
  }

  static Tensor contiguous(Tensor t) {
    if (t.isContiguous() && t.offset == 0 && t.data.length == t.numel()) {
      return t;
    }
    float[] out = new float[t.numel()];
    gather(t, out);
    return Tensor.result(out, t.shape.clone(),
        g -> Kernels.add(t.gradBuffer(), 0, g, 0, t.gradBuffer(), 0, g.length), t);
  }

  static Tensor indexSelect(Tensor t, int[] index) {
    if (t.shape.length == 0) {
      throw new IllegalArgumentException("indexSelect needs a tensor of rank >= 1, not a scalar");
    }
    int rows = t.shape[0];
    int width = rows == 0 ? 0 : t.numel() / rows;
    float[] x = t.contiguousData();
    float[] out = new float[index.length * width];
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= rows) {
        throw new IllegalArgumentException("index[" + i + "] (" + index[i] + ") must be in [0, "
            + rows + ") for shape " + Shapes.str(t.shape));
      }
      System.arraycopy(x, index[i] * width, out, i * width, width);
    }
    int[] shape = t.shape.clone();
    shape[0] = index.length;
    int[] idx = index.clone();
    return Tensor.result(out, shape, g -> {
      float[] dest = t.gradBuffer();
      for (int i = 0; i < idx.length; i++) {
        Kernels.add(dest, idx[i] * width, g, i * width, dest, idx[i] * width, width);
      }
    }, t);
  }
}
