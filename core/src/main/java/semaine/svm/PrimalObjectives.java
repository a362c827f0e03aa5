package semaine.svm;

import semaine.random.GlibcLog;
import semaine.util.DenseKernels;
import semaine.util.Parallel;

/**
 * The primal problems liblinear gives to {@link Tron}, each ½‖w‖² + Σ C_i·loss_i(w·x_i), with
 * C_i the sample's weight times its class's C:
 *
 * <ul>
 *   <li>{@link #logistic}: log(1 + exp(−y_i·w·x_i)) (solver 0, LogisticRegression);
 *   <li>{@link #squaredHinge}: max(0, 1 − y_i·w·x_i)² (solver 2, LinearSVC's primal);
 *   <li>{@link #squaredEpsilon}: max(0, |w·x_i − y_i| − ε)² (solver 11, LinearSVR's primal).
 * </ul>
 *
 * The sums run in liblinear's order (rows in turn, each row's entries in turn).
 */
final class PrimalObjectives {

  private PrimalObjectives() {}

  /** X·v, row by row; rows with every entry present go through the dense kernel, in parallel. */
  private static void times(SparseRows x, double[] v, double[] out) {
    double[][] dense = x.dense();
    if (dense == null) {
      for (int i = 0; i < x.rows(); i++) {
        out[i] = x.dot(i, v);
      }
      return;
    }
    denseTimes(dense, x.bias(), v, out);
  }

  /**
   * out_i = rows_i·v for dense rows, the bias (when positive) times v's last entry added last, as
   * the row's last entry: liblinear's sum, entry by entry.
   */
  private static void denseTimes(double[][] rows, double bias, double[] v, double[] out) {
    int d = v.length - (bias > 0 ? 1 : 0);
    Parallel.forRange(rows.length, DenseKernels.CHUNK_ROWS, (from, to) -> {
      DenseKernels.rowDotsInOrder(rows, from, to, v, 0, 0, out, from);
      if (bias > 0) {
        for (int i = from; i < to; i++) {
          out[i] += v[d] * bias;
        }
      }
    });
  }

  /**
   * Xᵀ·v over the listed rows (all when rows is null), row by row into out; for dense rows the
   * features are split between the cores (each feature's sum keeps the row order), and the bias
   * column, when there is one, is summed last on the calling thread.
   */
  private static void transposeTimes(SparseRows x, double[] v, int[] rows, int count,
      double[] out) {
    java.util.Arrays.fill(out, 0.0);
    double[][] dense = x.dense();
    if (dense == null) {
      for (int k = 0; k < count; k++) {
        x.axpy(rows == null ? k : rows[k], v[k], out);
      }
      return;
    }
    double[][] listed = rows == null ? dense : new double[count][];
    for (int k = 0; rows != null && k < count; k++) {
      listed[k] = dense[rows[k]];
    }
    double bias = x.bias();
    int width = out.length - (bias > 0 ? 1 : 0);
    int cores = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1;
    int grain = (long) count * width < (1 << 17) ? width
        : Math.max(16, width / cores);   // about one range per core
    Parallel.forRange(width, grain,
        (from, to) -> DenseKernels.addRowsInOrder(listed, 0, count, v, 0, out, 0, from, to));
    if (bias > 0) {
      for (int k = 0; k < count; k++) {
        out[width] += v[k] * bias;
      }
    }
  }

  /** ½‖w‖², summed then halved as liblinear does. */
  private static double halfSquaredNorm(double[] w) {
    double f = 0;
    for (double v : w) {
      f += v * v;
    }
    return f / 2.0;
  }

  /** liblinear's {@code l2r_lr_fun}: the L2-regularised log-loss. */
  static Tron.Objective logistic(SparseRows x, double[] y, double[] C) {
    int l = x.rows();
    double[] z = new double[l];
    double[] D = new double[l];
    return new Tron.Objective() {
      @Override
      public double value(double[] w) {
        times(x, w, z);
        double f = halfSquaredNorm(w);
        for (int i = 0; i < l; i++) {
          double yz = y[i] * z[i];
          f += yz >= 0 ? C[i] * GlibcLog.log(1 + Math.exp(-yz))
              : C[i] * (-yz + GlibcLog.log(1 + Math.exp(yz)));
        }
        return f;
      }

      @Override
      public void gradient(double[] w, double[] g) {
        for (int i = 0; i < l; i++) {
          z[i] = 1 / (1 + Math.exp(-y[i] * z[i]));
          D[i] = z[i] * (1 - z[i]);
          z[i] = C[i] * (z[i] - 1) * y[i];
        }
        transposeTimes(x, z, null, l, g);
        for (int j = 0; j < g.length; j++) {
          g[j] = w[j] + g[j];
        }
      }

      @Override
      public void hessianTimes(double[] s, double[] hs) {
        double[] wa = new double[l];
        times(x, s, wa);
        for (int i = 0; i < l; i++) {
          wa[i] = C[i] * D[i] * wa[i];
        }
        transposeTimes(x, wa, null, l, hs);
        for (int j = 0; j < hs.length; j++) {
          hs[j] = s[j] + hs[j];
        }
      }

      @Override
      public int size() {
        return x.width();
      }
    };
  }

  /** liblinear's {@code l2r_l2_svc_fun}: the L2-regularised squared hinge loss. */
  static Tron.Objective squaredHinge(SparseRows x, double[] y, double[] C) {
    return new ActiveSetObjective(x, C) {
      @Override
      double addLoss(double f, double[] z) {
        for (int i = 0; i < z.length; i++) {
          z[i] = y[i] * z[i];
          double d = 1 - z[i];
          if (d > 0) {
            f += C[i] * d * d;
          }
        }
        return f;
      }

      @Override
      int activeSet(double[] z, int[] active) {
        int size = 0;
        for (int i = 0; i < z.length; i++) {
          if (z[i] < 1) {
            z[size] = C[i] * y[i] * (z[i] - 1);
            active[size++] = i;
          }
        }
        return size;
      }
    };
  }

  /** liblinear's {@code l2r_l2_svr_fun}: the L2-regularised squared ε-insensitive loss. */
  static Tron.Objective squaredEpsilon(SparseRows x, double[] y, double[] C, double p) {
    return new ActiveSetObjective(x, C) {
      @Override
      double addLoss(double f, double[] z) {
        for (int i = 0; i < z.length; i++) {
          double d = z[i] - y[i];
          if (d < -p) {
            f += C[i] * (d + p) * (d + p);
          } else if (d > p) {
            f += C[i] * (d - p) * (d - p);
          }
        }
        return f;
      }

      @Override
      int activeSet(double[] z, int[] active) {
        int size = 0;
        for (int i = 0; i < z.length; i++) {
          double d = z[i] - y[i];
          if (d < -p) {
            z[size] = C[i] * (d + p);
            active[size++] = i;
          } else if (d > p) {
            z[size] = C[i] * (d - p);
            active[size++] = i;
          }
        }
        return size;
      }
    };
  }

  /**
   * The squared losses: the gradient and the Hessian involve only the samples with a non-zero
   * loss (the active set I): g = w + 2·X_Iᵀ·z_I, H·s = s + 2·X_Iᵀ·(C_I ∘ X_I·s).
   */
  private abstract static class ActiveSetObjective implements Tron.Objective {
    private final SparseRows x;
    private final double[] C;
    private final double[] z;
    private final int[] active;
    private int activeSize;

    ActiveSetObjective(SparseRows x, double[] C) {
      this.x = x;
      this.C = C;
      this.z = new double[x.rows()];
      this.active = new int[x.rows()];
    }

    /**
     * f plus each sample's loss in turn (as liblinear adds them), from z = X·w, which it may
     * transform in place for {@link #activeSet}.
     */
    abstract double addLoss(double f, double[] z);

    /** Writes the active samples' loss derivatives to the head of z and their indices. */
    abstract int activeSet(double[] z, int[] active);

    @Override
    public double value(double[] w) {
      times(x, w, z);
      return addLoss(halfSquaredNorm(w), z);
    }

    @Override
    public void gradient(double[] w, double[] g) {
      activeSize = activeSet(z, active);
      transposeTimes(x, z, active, activeSize, g);
      for (int j = 0; j < g.length; j++) {
        g[j] = w[j] + 2 * g[j];
      }
    }

    @Override
    public void hessianTimes(double[] s, double[] hs) {
      double[] wa = new double[activeSize];
      timesListed(s, wa);
      for (int k = 0; k < activeSize; k++) {
        wa[k] = C[active[k]] * wa[k];
      }
      transposeTimes(x, wa, active, activeSize, hs);
      for (int j = 0; j < hs.length; j++) {
        hs[j] = s[j] + 2 * hs[j];
      }
    }

    /** X_I·s over the active rows, in order; the dense kernel in parallel for dense rows. */
    private void timesListed(double[] s, double[] out) {
      double[][] dense = x.dense();
      if (dense == null) {
        for (int k = 0; k < activeSize; k++) {
          out[k] = x.dot(active[k], s);
        }
        return;
      }
      double[][] listed = new double[activeSize][];
      for (int k = 0; k < activeSize; k++) {
        listed[k] = dense[active[k]];
      }
      denseTimes(listed, x.bias(), s, out);
    }

    @Override
    public int size() {
      return x.width();
    }
  }
}
