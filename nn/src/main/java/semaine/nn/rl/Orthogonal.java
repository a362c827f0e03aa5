package semaine.nn.rl;

import semaine.nn.layers.Linear;
import semaine.random.RandomState;

/**
 * PyTorch's {@code nn.init.orthogonal_(weight, gain)}, as SB3 initialises its policies: a standard
 * normal matrix made orthogonal (QR by modified Gram-Schmidt on the longer side, signs fixed so that
 * R's diagonal is positive), times {@code gain}; the bias is set to 0. Draws come from NumPy's
 * stream ({@code random.randn}), so the values differ from PyTorch's but have the same law.
 */
final class Orthogonal {

  private Orthogonal() {}

  static void init(Linear layer, double gain, RandomState random) {
    int rows = layer.weight().size(0);
    int cols = layer.weight().size(1);
    boolean transpose = rows < cols;
    int n = transpose ? cols : rows; // the long side: the vectors' length
    int k = transpose ? rows : cols; // the number of orthonormal vectors
    double[] flat = random.randn(rows * cols);
    double[][] q = new double[k][n];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double v = flat[i * cols + j];
        if (transpose) {
          q[i][j] = v;
        } else {
          q[j][i] = v;
        }
      }
    }
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < a; b++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += q[a][i] * q[b][i];
        }
        for (int i = 0; i < n; i++) {
          q[a][i] -= dot * q[b][i];
        }
      }
      double norm = 0;
      for (int i = 0; i < n; i++) {
        norm += q[a][i] * q[a][i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < n; i++) {
        q[a][i] /= norm; // R's diagonal entry is the (positive) norm
      }
    }
    float[] w = layer.weight().storage();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        w[i * cols + j] = (float) (gain * (transpose ? q[i][j] : q[j][i]));
      }
    }
    java.util.Arrays.fill(layer.bias().storage(), 0f);
  }
}
