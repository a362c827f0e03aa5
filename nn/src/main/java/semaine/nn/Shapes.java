package semaine.nn;

import java.util.Arrays;

/** Shape arithmetic: element counts, row-major strides, broadcasting and the messages that name both shapes. */
final class Shapes {

  private Shapes() {}

  /** The number of elements of a shape (1 for the scalar shape {@code []}). */
  static int numel(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31 - 1 elements");
    }
    return (int) n;
  }

  /** Row-major strides: the last dimension is contiguous. */
  static int[] strides(int[] shape) {
    int[] strides = new int[shape.length];
    int s = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      strides[d] = s;
      s *= shape[d];
    }
    return strides;
  }

  /** Checks every dimension is >= 0 and returns a copy. */
  static int[] check(int[] shape) {
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
      }
    }
    return shape.clone();
  }

  /** A dimension index, negative counting from the end as in PyTorch. */
  static int dim(int dim, int rank) {
    int d = dim < 0 ? dim + rank : dim;
    if (d < 0 || d >= rank) {
      throw new IllegalArgumentException("dim (" + dim + ") must be in [" + -rank + ", " + (rank - 1)
          + "] for a tensor of rank " + rank);
    }
    return d;
  }

  /** The broadcast shape of a and b (NumPy rules), or an error naming both shapes. */
  static int[] broadcast(String op, int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b)
            + " cannot be broadcast (dimension " + i + ": " + da + " vs " + db + ")");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /** Strides of a contiguous tensor of {@code shape} read as {@code target} (0 where broadcast). */
  static int[] broadcastStrides(int[] shape, int[] target) {
    int[] own = strides(shape);
    int[] out = new int[target.length];
    int lead = target.length - shape.length;
    for (int i = lead; i < target.length; i++) {
      out[i] = shape[i - lead] == 1 && target[i] != 1 ? 0 : own[i - lead];
    }
    return out;
  }

  /** True when {@code small} equals the last dimensions of {@code big} (a row broadcast). */
  static boolean isSuffix(int[] small, int[] big) {
    if (small.length > big.length) {
      return false;
    }
    for (int i = 1; i <= small.length; i++) {
      if (small[small.length - i] != big[big.length - i]) {
        return false;
      }
    }
    return true;
  }

  /** {@code [2, 3]} style. */
  static String str(int[] shape) {
    return Arrays.toString(shape);
  }
}
