package semaine.nn;

import java.util.Arrays;
import semaine.util.Parallel;

/**
 * Loss functions, averaged over the elements or samples as PyTorch's default
 * {@code reduction='mean'}: mean squared error, cross-entropy from logits, binary cross-entropy.
 */
public final class Losses {

  private Losses() {}

  /** {@code mean((input − target)²)} ({@code F.mse_loss}); the shapes must be equal. */
  public static Tensor mse(Tensor input, Tensor target) {
    requireSameShape("mse", input, target);
    float[] x = input.contiguousData();
    float[] y = target.contiguousData();
    int n = x.length;
    float[] diff = new float[n];
    float sum = 0f;
    for (int i = 0; i < n; i++) {
      diff[i] = x[i] - y[i];
      sum += diff[i] * diff[i];
    }
    return Tensor.result(new float[] {sum / n}, new int[0], g -> {
      float scale = 2f * g[0] / n;
      if (input.requiresGrad) {
        Kernels.axpy(scale, diff, 0, input.gradBuffer(), 0, n);
      }
      if (target.requiresGrad) {
        Kernels.axpy(-scale, diff, 0, target.gradBuffer(), 0, n);
      }
    }, input, target);
  }

  /**
   * Cross-entropy of logits against class indices ({@code F.cross_entropy}):
   * {@code mean_i (log Σ_c e^(z_ic) − z_i,y_i)}; gradient {@code (softmax(z) − onehot(y)) / N}.
   *
   * @param logits (N, C)
   * @param targets (N), each in [0, C)
   */
  public static Tensor crossEntropy(Tensor logits, int[] targets) {
    if (logits.shape.length != 2 || logits.shape[0] != targets.length) {
      throw new IllegalArgumentException("crossEntropy: logits of shape " + Shapes.str(logits.shape)
          + " need shape (N, C) with N = targets.length (" + targets.length + ")");
    }
    int n = logits.shape[0];
    int c = logits.shape[1];
    float[] z = logits.contiguousData();
    float[] p = new float[z.length]; // (N, C) softmax, kept for backward
    for (int i = 0; i < n; i++) {
      if (targets[i] < 0 || targets[i] >= c) {
        throw new IllegalArgumentException("targets[" + i + "] (" + targets[i] + ") must be in [0, " + c + ")");
      }
    }
    // rows on their own, split over the cores; their losses are then summed in row order
    float[] rowLoss = new float[n];
    int grain = Math.max(1, Elementwise.GRAIN / Math.max(1, c));
    Parallel.forRange(n, grain, (from, to) -> {
      for (int i = from; i < to; i++) {
        rowLoss[i] = softmaxRow(z, i * c, c, targets[i], p);
      }
    });
    double total = 0;
    for (float loss : rowLoss) {
      total += loss;
    }
    int[] y = targets.clone();
    return Tensor.result(new float[] {(float) (total / n)}, new int[0], g -> {
      float[] dest = logits.gradBuffer();
      float scale = g[0] / n;
      Parallel.forRange(n, grain, (from, to) -> {
        for (int i = from; i < to; i++) {
          softmaxGradientRow(p, i * c, c, y[i], scale, dest);
        }
      });
    }, logits);
  }

  /**
   * {@link #crossEntropy(Tensor, int[])} on plain arrays, for a training loop without the graph:
   * the same float operations row by row, so the same loss and the same gradient bits.
   *
   * @param z (n, c) logits
   * @param targets (n), each in [0, c)
   * @param p (at least n·c) receives the softmax
   * @param grad (at least n·c) gets the gradient of the mean loss added ({@code (p − onehot) / n})
   * @return the mean loss
   */
  public static float crossEntropy(float[] z, int n, int c, int[] targets, float[] p,
      float[] grad) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (targets[i] < 0 || targets[i] >= c) {
        throw new IllegalArgumentException("targets[" + i + "] (" + targets[i] + ") must be in [0, " + c + ")");
      }
      total += softmaxRow(z, i * c, c, targets[i], p);
    }
    float scale = 1f / n;  // the seed gradient 1 over n, as backward computes it
    for (int i = 0; i < n; i++) {
      softmaxGradientRow(p, i * c, c, targets[i], scale, grad);
    }
    return (float) (total / n);
  }

  /** Softmax of the row at {@code row} into p; returns the row's loss {@code log Σ e^z − z_y}. */
  private static float softmaxRow(float[] z, int row, int c, int target, float[] p) {
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < c; j++) {
      max = Math.max(max, z[row + j]);
    }
    float sum = 0f;
    for (int j = 0; j < c; j++) {
      p[row + j] = (float) Math.exp(z[row + j] - max);
      sum += p[row + j];
    }
    for (int j = 0; j < c; j++) {
      p[row + j] /= sum;
    }
    return (float) Math.log(sum) + max - z[row + target];
  }

  /** {@code dest += scale · (p − onehot(target))} over one row. */
  private static void softmaxGradientRow(float[] p, int row, int c, int target, float scale,
      float[] dest) {
    for (int j = 0; j < c; j++) {
      dest[row + j] += scale * (p[row + j] - (j == target ? 1f : 0f));
    }
  }

  /**
   * Binary cross-entropy of probabilities ({@code F.binary_cross_entropy}):
   * {@code −mean(y·log p + (1 − y)·log(1 − p))}, each log clamped at −100 as PyTorch does so that
   * p = 0 or 1 gives a finite loss.
   */
  public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
    requireSameShape("binaryCrossEntropy", input, target);
    float[] p = input.contiguousData();
    float[] y = target.contiguousData();
    int n = p.length;
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (!(p[i] >= 0f && p[i] <= 1f)) {
        throw new IllegalArgumentException("binaryCrossEntropy: input[" + i + "] (" + p[i]
            + ") must be a probability in [0, 1]");
      }
      float logP = Math.max((float) Math.log(p[i]), -100f);
      float log1P = Math.max((float) Math.log(1f - p[i]), -100f);
      total -= y[i] * logP + (1f - y[i]) * log1P;
    }
    return Tensor.result(new float[] {(float) (total / n)}, new int[0], g -> {
      float[] dest = input.gradBuffer();
      for (int i = 0; i < n; i++) {
        // PyTorch's backward: (p − y) / max(p·(1 − p), 1e-12)
        dest[i] += g[0] / n * (p[i] - y[i]) / Math.max(p[i] * (1f - p[i]), 1e-12f);
      }
    }, input);
  }

  private static void requireSameShape(String op, Tensor a, Tensor b) {
    if (!Arrays.equals(a.shape, b.shape)) {
      throw new IllegalArgumentException(op + ": input shape " + Shapes.str(a.shape)
          + " and target shape " + Shapes.str(b.shape) + " must be equal");
    }
  }
}
