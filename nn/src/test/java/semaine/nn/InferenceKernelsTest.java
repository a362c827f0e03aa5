package semaine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InferenceKernelsTest {

  @Test
  void matvecVectorPathAgreesWithTheScalarTwinOnOddSizes() {
    SplittableRandom random = new SplittableRandom(3);
    for (int[] size : new int[][] {{1, 1}, {3, 7}, {5, 17}, {9, 33}, {13, 70}, {600, 300}}) {
      int rows = size[0];
      int cols = size[1];
      float[] w = new float[rows * cols];
      float[] x = new float[cols];
      float[] bias = new float[rows];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) random.nextGaussian();
      }
      for (int i = 0; i < cols; i++) {
        x[i] = (float) random.nextGaussian();
      }
      for (int i = 0; i < rows; i++) {
        bias[i] = (float) random.nextGaussian();
      }
      float[] scalar = new float[rows];
      Kernels.matvecRows(w, x, bias, scalar, cols, 0, rows, false);
      float[] fast = new float[rows];
      InferenceKernels.matvec(w, x, bias, fast, rows, cols);
      for (int r = 0; r < rows; r++) {
        double exact = bias[r];
        for (int c = 0; c < cols; c++) {
          exact += (double) w[r * cols + c] * x[c];
        }
        assertEquals(exact, scalar[r], 1e-4 * Math.sqrt(cols), "scalar row " + r);
        assertEquals(scalar[r], fast[r], 1e-4 * Math.sqrt(cols), "vector row " + r);
      }
      float[] noBias = new float[rows];
      InferenceKernels.matvec(w, x, null, noBias, rows, cols);
      assertEquals(fast[0] - bias[0], noBias[0], 1e-4 * Math.sqrt(cols));
    }
  }
}
