package semaine.nn;

import java.util.Arrays;
import java.util.Objects;
import semaine.random.RandomState;

/**
 * An n-dimensional float32 array, row-major, with reverse-mode automatic differentiation: the
 * engine of semaine nn, after PyTorch's {@code torch.Tensor}.
 *
 * <p>Storage is a flat {@code float[]} read through an offset and one stride per dimension, so
 * {@link #reshape}, {@link #transpose} and {@link #narrow} are views that share the storage.
 * Operations broadcast as NumPy does and return new contiguous tensors. When an input
 * {@link #requiresGrad()} and grad mode is on, the result remembers how it was computed and
 * {@link #backward()} sends gradients back to every leaf ({@link #grad()}), accumulating as PyTorch
 * does until {@link #zeroGrad()}. Inside {@code try (var scope = Tensor.noGrad())} nothing is
 * recorded (inference).
 *
 * <p>Operations are grouped by family in package-private classes ({@code Elementwise},
 * {@code Reductions}, {@code Views}, {@code MatMul}, {@code Functional}); the hot loops run in
 * {@code Kernels}. Shape mismatches throw {@link IllegalArgumentException} naming both shapes.
 */
public final class Tensor {

  /** Leaves no-grad mode when closed. */
  public interface GradScope extends AutoCloseable {
    @Override
    void close();
  }

  final float[] data;
  final int offset;
  final int[] shape;
  final int[] strides;
  boolean requiresGrad;
  float[] grad; // contiguous, shape as this tensor, allocated by the first backward through it
  Autograd.Node node;

  Tensor(float[] data, int offset, int[] shape, int[] strides) {
    this.data = data;
    this.offset = offset;
    this.shape = shape;
    this.strides = strides;
  }

  /** A contiguous tensor owning {@code data} (not copied), shape as given. */
  static Tensor wrap(float[] data, int... shape) {
    return new Tensor(data, 0, shape, Shapes.strides(shape));
  }

  /** The result of an operation, recording {@code backward} when a parent requires grad. */
  static Tensor result(float[] data, int[] shape, Autograd.Backward backward, Tensor... parents) {
    return record(wrap(data, shape), backward, parents);
  }

  static Tensor record(Tensor t, Autograd.Backward backward, Tensor... parents) {
    if (Autograd.enabled()) {
      for (Tensor p : parents) {
        if (p.requiresGrad) {
          t.requiresGrad = true;
          t.node = new Autograd.Node(parents, backward);
          break;
        }
      }
    }
    return t;
  }

  // ---- factories

  /** A tensor holding a copy of {@code values}, read row-major into {@code shape}. */
  public static Tensor of(float[] values, int... shape) {
    int[] s = Shapes.check(shape);
    if (values.length != Shapes.numel(s)) {
      throw new IllegalArgumentException("values has " + values.length + " elements but shape "
          + Shapes.str(s) + " needs " + Shapes.numel(s));
    }
    return wrap(values.clone(), s);
  }

  /** A 2-D tensor (rows, columns) from a rectangular double matrix, rounded to float. */
  public static Tensor of(double[][] rows) {
    int n = rows.length;
    int d = n == 0 ? 0 : rows[0].length;
    float[] out = new float[n * d];
    for (int i = 0; i < n; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length
            + " values but row 0 has " + d);
      }
      for (int j = 0; j < d; j++) {
        out[i * d + j] = (float) rows[i][j];
      }
    }
    return wrap(out, n, d);
  }

  /** A 1-D tensor from doubles, rounded to float. */
  public static Tensor of(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) values[i];
    }
    return wrap(out, values.length);
  }

  /** A scalar (shape {@code []}). */
  public static Tensor scalar(float value) {
    return wrap(new float[] {value});
  }

  public static Tensor zeros(int... shape) {
    int[] s = Shapes.check(shape);
    return wrap(new float[Shapes.numel(s)], s);
  }

  public static Tensor ones(int... shape) {
    return full(1f, shape);
  }

  public static Tensor full(float value, int... shape) {
    Tensor t = zeros(shape);
    Arrays.fill(t.data, value);
    return t;
  }

  /** Uniform in [low, high), drawn with {@code RandomState.uniform} (NumPy's stream) then rounded. */
  public static Tensor uniform(RandomState random, double low, double high, int... shape) {
    int[] s = Shapes.check(shape);
    return of(random.uniform(low, high, Shapes.numel(s))).reshape(s);
  }

  /** Standard normal, drawn with {@code RandomState.randn} (NumPy's stream) then rounded. */
  public static Tensor randn(RandomState random, int... shape) {
    int[] s = Shapes.check(shape);
    return of(random.randn(Shapes.numel(s))).reshape(s);
  }

  /** Enters no-grad mode on this thread until the scope is closed ({@code torch.no_grad()}). */
  public static GradScope noGrad() {
    return Autograd.disable();
  }

  // ---- shape and values

  /** The shape (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  /** The size of dimension {@code dim} (negative counts from the end). */
  public int size(int dim) {
    return shape[Shapes.dim(dim, shape.length)];
  }

  /** The number of dimensions. */
  public int dim() {
    return shape.length;
  }

  public int numel() {
    return Shapes.numel(shape);
  }

  /** True when the elements are laid out row-major from the offset with no gap. */
  public boolean isContiguous() {
    int s = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      if (shape[d] != 1 && strides[d] != s) {
        return false;
      }
      s *= shape[d];
    }
    return true;
  }

  /** The value of a one-element tensor. */
  public float item() {
    if (numel() != 1) {
      throw new IllegalStateException("item() needs a one-element tensor, not shape " + Shapes.str(shape));
    }
    return data[offset];
  }

  /** The element at a full index. */
  public float get(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException("index has " + index.length + " entries but the tensor has "
          + shape.length + " dimensions " + Shapes.str(shape));
    }
    int at = offset;
    for (int d = 0; d < index.length; d++) {
      Objects.checkIndex(index[d], shape[d]);
      at += index[d] * strides[d];
    }
    return data[at];
  }

  /** The elements in row-major order (a fresh array). */
  public float[] toFloatArray() {
    return contiguousData().clone();
  }

  /** A 2-D tensor as a double matrix. */
  public double[][] toDoubleMatrix() {
    if (shape.length != 2) {
      throw new IllegalStateException("toDoubleMatrix() needs a 2-D tensor, not shape " + Shapes.str(shape));
    }
    float[] flat = contiguousData();
    double[][] out = new double[shape[0]][shape[1]];
    for (int i = 0; i < shape[0]; i++) {
      for (int j = 0; j < shape[1]; j++) {
        out[i][j] = flat[i * shape[1] + j];
      }
    }
    return out;
  }

  /**
   * The elements row-major in an array of exactly numel() values from index 0: the storage itself
   * when it already is that, else a copy. Callers must not write to it.
   */
  float[] contiguousData() {
    int n = numel();
    if (offset == 0 && data.length == n && isContiguous()) {
      return data;
    }
    float[] out = new float[n];
    Views.gather(this, out);
    return out;
  }

  @Override
  public String toString() {
    float[] flat = contiguousData();
    String values = flat.length <= 12 ? Arrays.toString(flat)
        : Arrays.toString(Arrays.copyOf(flat, 12)).replace("]", ", ...]");
    return "Tensor(shape=" + Shapes.str(shape) + ", " + values
        + (requiresGrad ? ", requiresGrad" : "") + ")";
  }

  /**
   * The storage of a contiguous tensor, for in-place updates by optimizers and loaders (PyTorch's
   * {@code .data}): writes bypass autograd.
   */
  public float[] storage() {
    if (offset != 0 || !isContiguous() || data.length != numel()) {
      throw new IllegalStateException("storage() needs a contiguous tensor that owns its storage, not a view");
    }
    return data;
  }

  // ---- autograd

  public boolean requiresGrad() {
    return requiresGrad;
  }

  /** Marks a leaf tensor as a parameter whose gradient backward() computes; returns this. */
  public Tensor requiresGrad(boolean requires) {
    if (node != null && !requires) {
      throw new IllegalStateException("requiresGrad(false) is only for leaf tensors: call detach()");
    }
    this.requiresGrad = requires;
    return this;
  }

  /** The accumulated gradient, shape as this tensor, or null before any backward reached it. */
  public Tensor grad() {
    return grad == null ? null : wrap(grad, shape.clone());
  }

  /** Forgets the accumulated gradient (PyTorch's {@code zero_grad(set_to_none=True)}). */
  public void zeroGrad() {
    grad = null;
  }

  /** The same values, cut from the graph. */
  public Tensor detach() {
    return new Tensor(data, offset, shape, strides);
  }

  /** Back-propagates from this scalar (a gradient of 1). */
  public void backward() {
    if (numel() != 1) {
      throw new IllegalStateException("backward() on a tensor of shape " + Shapes.str(shape)
          + " needs a gradient of that shape: call backward(gradient), or reduce to a scalar first"
          + " (sum() or mean())");
    }
    backward(full(1f, shape));
  }

  /** Back-propagates {@code gradient} (shape as this tensor) through the graph into the leaves. */
  public void backward(Tensor gradient) {
    if (!requiresGrad) {
      throw new IllegalStateException("backward(): this tensor does not require grad (no input had"
          + " requiresGrad(true), or it was computed in no-grad mode)");
    }
    if (!Arrays.equals(gradient.shape, shape)) {
      throw new IllegalArgumentException("backward(): gradient shape " + Shapes.str(gradient.shape)
          + " does not match tensor shape " + Shapes.str(shape));
    }
    float[] g = gradient.contiguousData();
    float[] buffer = gradBuffer();
    Kernels.add(buffer, 0, g, 0, buffer, 0, buffer.length);
    Autograd.run(this);
  }

  /** The gradient buffer, allocated as zeros on first use. */
  float[] gradBuffer() {
    if (grad == null) {
      grad = new float[numel()];
    }
    return grad;
  }

  // ---- elementwise (Elementwise)

  public Tensor add(Tensor other) {
    return Elementwise.binary(Elementwise.Op.ADD, this, other);
  }

  public Tensor sub(Tensor other) {
    return Elementwise.binary(Elementwise.Op.SUB, this, other);
  }

  public Tensor mul(Tensor other) {
    return Elementwise.binary(Elementwise.Op.MUL, this, other);
  }

  public Tensor div(Tensor other) {
    return Elementwise.binary(Elementwise.Op.DIV, this, other);
  }

  public Tensor add(float value) {
    return Elementwise.affine(this, 1f, value);
  }

  public Tensor mul(float value) {
    return Elementwise.affine(this, value, 0f);
  }

  public Tensor neg() {
    return Elementwise.affine(this, -1f, 0f);
  }

  public Tensor exp() {
    return Elementwise.unary(Unary.EXP, this);
  }

  public Tensor log() {
    return Elementwise.unary(Unary.LOG, this);
  }

  public Tensor sqrt() {
    return Elementwise.unary(Unary.SQRT, this);
  }

  public Tensor square() {
    return Elementwise.unary(Unary.SQUARE, this);
  }

  public Tensor tanh() {
    return Elementwise.unary(Unary.TANH, this);
  }

  public Tensor sigmoid() {
    return Elementwise.unary(Unary.SIGMOID, this);
  }

  public Tensor relu() {
    return Elementwise.unary(Unary.RELU, this);
  }

  /** GELU, exact form {@code x·Φ(x)} (PyTorch {@code approximate='none'}). */
  public Tensor gelu() {
    return Elementwise.unary(Unary.GELU, this);
  }

  /** GELU, tanh form (PyTorch {@code approximate='tanh'}, GPT-2's {@code gelu_new}). */
  public Tensor geluTanh() {
    return Elementwise.unary(Unary.GELU_TANH, this);
  }

  // ---- matrix product (MatMul)

  /** Matrix product of (..., n, k) and (..., k, m) or (k, m): shape (..., n, m). */
  public Tensor matmul(Tensor other) {
    return MatMul.matmul(this, other);
  }

  // ---- reductions (Reductions)

  /** The sum of all elements, a scalar. */
  public Tensor sum() {
    return Reductions.sumAll(this);
  }

  /** Sums over {@code dim}, keeping it as size 1 when {@code keepDim}. */
  public Tensor sum(int dim, boolean keepDim) {
    return Reductions.sum(this, dim, keepDim);
  }

  /** The mean of all elements, a scalar. */
  public Tensor mean() {
    return Reductions.sumAll(this).mul(1f / numel());
  }

  public Tensor mean(int dim, boolean keepDim) {
    return Reductions.sum(this, dim, keepDim).mul(1f / size(dim));
  }

  /** The maximum over {@code dim}; the gradient goes to the first maximum. */
  public Tensor max(int dim, boolean keepDim) {
    return Reductions.max(this, dim, keepDim);
  }

  /** The index of the maximum along the last dimension, shape without it. */
  public int[] argmax() {
    return Reductions.argmaxLast(this);
  }

  public Tensor softmax(int dim) {
    return Reductions.softmax(this, dim, false);
  }

  public Tensor logSoftmax(int dim) {
    return Reductions.softmax(this, dim, true);
  }

  /** {@code x · weightᵀ + bias} for x (..., in), weight (out, in), bias (out) or null: (..., out). */
  public Tensor linear(Tensor weight, Tensor bias) {
    return Functional.linear(this, weight, bias);
  }

  // ---- views and indexing (Views)

  /** The same elements in a new shape (one entry may be -1); a view when contiguous. */
  public Tensor reshape(int... newShape) {
    return Views.reshape(this, newShape);
  }

  /** Swaps two dimensions (a view). */
  public Tensor transpose(int dim0, int dim1) {
    return Views.transpose(this, dim0, dim1);
  }

  /** Reorders the dimensions (a view). */
  public Tensor permute(int... dims) {
    return Views.permute(this, dims);
  }

  /** Elements {@code start..start+length-1} along {@code dim} (a view). */
  public Tensor narrow(int dim, int start, int length) {
    return Views.narrow(this, dim, start, length);
  }

  /** A contiguous copy, or this tensor when already contiguous. */
  public Tensor contiguous() {
    return Views.contiguous(this);
  }

  /** Rows {@code index[i]} of dimension 0: shape (index.length, ...) ({@code index_select(0, ...)}). */
  public Tensor indexSelect(int[] index) {
    return Views.indexSelect(this, index);
  }
}
