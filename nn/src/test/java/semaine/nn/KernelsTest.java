package semaine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/** Vector paths against their scalar twins, on sizes that are not multiples of the lane count. */
class KernelsTest {

  static float[] random(int n, long seed) {
    return GradCheck.toFloat(new RandomState(seed).uniform(-1, 1, n));
  }

  @Test
  void matmulVectorPathGivesTheScalarTwinsBits() {
    // m = 50: one panel of 2 vectors (L = 16), one single vector, 2 scalar columns; 6 x 260 x 260
    // has B above Simd.PACK_FLOATS (packed copies, last row group padded), m = 260 ends in 4 scalars
    int[][] sizes = {{1, 1, 1}, {5, 7, 3}, {9, 13, 37}, {17, 33, 50}, {4, 64, 96}, {6, 260, 260}};
    for (int[] s : sizes) {
      int n = s[0], k = s[1], m = s[2];
      float[] a = random(n * k, 1);
      float[] b = random(k * m, 2);
      float[] vector = random(n * m, 3);
      float[] scalar = vector.clone();
      Kernels.matmulRows(a, 0, b, 0, vector, 0, k, m, 0, n, true, Kernels.VECTOR);
      Kernels.matmulRowsScalar(a, 0, b, 0, scalar, 0, k, m, 0, n, 0, true);
      assertArrayEquals(scalar, vector, "n=" + n + " k=" + k + " m=" + m);
    }
  }

  @Test
  void parallelMatmulEqualsSingleThreaded() {
    int n = 131, k = 129, m = 133; // above the 2M multiply-adds that go parallel
    float[] a = random(n * k, 4);
    float[] b = random(k * m, 5);
    float[] parallel = new float[n * m];
    float[] serial = new float[n * m];
    Kernels.matmul(a, 0, b, 0, parallel, 0, n, k, m, false);
    Kernels.matmulRowsScalar(a, 0, b, 0, serial, 0, k, m, 0, n, 0, false);
    assertArrayEquals(serial, parallel);
  }

  @Test
  void matmulTransAGivesTheBitsOfTransposingFirst() {
    int[][] sizes = {{5, 7, 3}, {32, 256, 64}, {131, 129, 133}, {7, 300, 250}};
    for (int[] s : sizes) {
      int n = s[0], k = s[1], m = s[2];
      float[] at = random(k * n, 10); // A stored transposed, (k, n)
      float[] b = random(k * m, 11);
      float[] inPlace = random(n * m, 12);
      float[] copied = inPlace.clone();
      Kernels.matmulTransA(at, 0, b, 0, inPlace, 0, n, k, m, true);
      Kernels.matmul(transpose(at, 0, k, n), 0, b, 0, copied, 0, n, k, m, true);
      assertArrayEquals(copied, inPlace, "n=" + n + " k=" + k + " m=" + m);
    }
  }

  @Test
  void matmulTransBGivesTheBitsOfTransposingFirstOnBothPaths() {
    // m = 10 and 45: panels narrower than 2 vectors, stored through a mask; 131 rows go parallel
    int[][] sizes = {{1, 1, 1}, {5, 7, 10}, {9, 13, 45}, {32, 64, 256}, {131, 129, 133}};
    for (int[] s : sizes) {
      int n = s[0], k = s[1], m = s[2];
      float[] a = random(n * k, 13);
      float[] bt = random(m * k, 14); // B stored transposed, (m, k)
      float[] inPlace = random(n * m, 15);
      float[] scalar = inPlace.clone();
      float[] copied = inPlace.clone();
      Kernels.matmulTransB(a, 0, bt, 0, inPlace, 0, n, k, m, true);
      Kernels.matmulTransBRows(a, 0, bt, 0, scalar, 0, k, m, 0, n, true, false);
      Kernels.matmulRowsScalar(a, 0, transpose(bt, 0, m, k), 0, copied, 0, k, m, 0, n, 0, true);
      assertArrayEquals(copied, inPlace, "n=" + n + " k=" + k + " m=" + m);
      assertArrayEquals(copied, scalar, "scalar n=" + n + " k=" + k + " m=" + m);
    }
  }

  @Test
  void matmulAgreesWithDoubleSums() {
    int n = 6, k = 11, m = 5;
    float[] a = random(n * k, 6);
    float[] b = random(k * m, 7);
    float[] c = new float[n * m];
    Kernels.matmul(a, 0, b, 0, c, 0, n, k, m, false);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += (double) a[i * k + p] * b[p * m + j];
        }
        assertEquals(s, c[i * m + j], 1e-5);
      }
    }
  }

  @Test
  void elementwiseKernelsMatchScalarTwins() {
    for (int n : new int[] {0, 1, 7, 17, 33, 100}) {
      float[] a = random(n, 8);
      float[] b = random(n, 9);
      float[] v = new float[n];
      float[] s = new float[n];
      Kernels.add(a, 0, b, 0, v, 0, n);
      Kernels.addScalar(a, 0, b, 0, s, 0, 0, n);
      assertArrayEquals(s, v);
      Kernels.mul(a, 0, b, 0, v, 0, n);
      Kernels.mulScalar(a, 0, b, 0, s, 0, 0, n);
      assertArrayEquals(s, v);
      float[] yv = b.clone();
      float[] ys = b.clone();
      Kernels.axpy(0.5f, a, 0, yv, 0, n);
      Kernels.axpyScalar(0.5f, a, 0, ys, 0, 0, n);
      assertArrayEquals(ys, yv);
      assertEquals(Kernels.dotScalar(a, 0, b, 0, 0, n, 0f), Kernels.dot(a, 0, b, 0, n), 1e-5);
      assertEquals(Kernels.sumScalar(a, 0, 0, n, 0f), Kernels.sum(a, 0, n), 1e-5);
    }
  }

  /** The transpose (cols, rows) of the row-major block (rows, cols) at {@code from}. */
  static float[] transpose(float[] src, int from, int rows, int cols) {
    float[] out = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[j * rows + i] = src[from + i * cols + j];
      }
    }
    return out;
  }
}
