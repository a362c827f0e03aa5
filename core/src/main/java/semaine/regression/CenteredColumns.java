package semaine.regression;

import semaine.util.Checks;
import semaine.util.DenseKernels;
import semaine.util.Parallel;
import semaine.util.Sums;

/**
 * The centring scikit-learn's regularised linear models start with ({@code _preprocess_data}):
 * X as columns (the Fortran order they ask for), each minus its mean, y minus its mean; the
 * intercept is recovered at the end as {@code ȳ − x̄ · w}. Without an intercept nothing is
 * centred and the offsets are 0. Means are NumPy's on contiguous columns: pairwise sums.
 *
 * <p>Two passes over the rows, both cores sharing chunks of {@value #CHUNK} rows whose sums are
 * added in order (the answer does not depend on the number of cores): the column sums (which
 * also prove every value finite when they are), then the centred columns written out; then
 * their squared norms {@code ‖X_j‖²} ({@link DenseKernels#dot}), which coordinate descent needs. The columns lie one after the
 * other in one array (column j at {@code j · n}): one large allocation that the garbage collector
 * never copies, where a hundred arrays of a few hundred kilobytes would be copied at each young
 * collection during the fit.
 *
 * @param values (p · n) the centred features, column after column
 * @param norms (p,) the squared norms of the centred columns
 * @param y (n,) the centred target
 * @param xOffset (p,) the column means (0 without intercept)
 * @param yOffset the mean of y (0 without intercept)
 */
record CenteredColumns(double[] values, double[] norms, double[] y, double[] xOffset,
    double yOffset) implements CoordinateDescent.CentredData {

  private static final int CHUNK = 8192;
  private static final int BLOCK = 128;

  /** Checks X and y (finite, same length) and centres them when {@code fitIntercept}. */
  static CenteredColumns of(double[][] X, double[] y, boolean fitIntercept) {
    checkXy(X, y, false);   // X's values: by their sums below
    int n = X.length;
    int p = X[0].length;
    Checks.checkArgument((long) n * p <= Integer.MAX_VALUE - 8, "X (" + n + " x " + p + ") has"
        + " more than 2^31 values, more than the centred copy of one array can hold: fit on a"
        + " sample of the rows, or on fewer features");
    double[] xOffset = means(X, fitIntercept);
    int chunks = (n + CHUNK - 1) / CHUNK;
    double[] values = new double[n * p];
    Parallel.forRange(chunks, 1, (from, to) -> {
      for (int c = from; c < to; c++) {
        int end = Math.min(n, (c + 1) * CHUNK);
        for (int start = c * CHUNK; start < end; start += BLOCK) {
          centreBlock(X, start, Math.min(end, start + BLOCK), xOffset, values);
        }
      }
    });
    double[] norms = new double[p];
    Parallel.forRange(p, 1 + (1 << 16) / n, (from, to) -> {
      for (int j = from; j < to; j++) {
        norms[j] = DenseKernels.dot(values, j * n, values, j * n, n);
      }
    });
    double yOffset = fitIntercept ? Sums.pairwise(y) / n : 0;
    double[] yc = y.clone();
    for (int i = 0; i < n; i++) {
      yc[i] -= yOffset;
    }
    return new CenteredColumns(values, norms, yc, xOffset, yOffset);
  }

  /**
   * The column means of X as NumPy sums a Fortran-ordered X (chunks of {@value #CHUNK} rows
   * summed pairwise, both cores sharing them, added in order), zeros without intercept. The sums
   * prove every value of X finite when they are; otherwise the first non-finite value is named.
   */
  static double[] means(double[][] X, boolean fitIntercept) {
    int n = X.length;
    int p = X[0].length;
    int chunks = (n + CHUNK - 1) / CHUNK;
    double[][] sums = new double[chunks][p];
    Parallel.forRange(chunks, 1, (from, to) -> {
      for (int c = from; c < to; c++) {
        Sums.pairwiseColumns(X, c * CHUNK, Math.min(CHUNK, n - c * CHUNK), sums[c]);
      }
    });
    double[] xOffset = sumInOrder(sums);   // NumPy's column sums: chunks of 8192 pairwise
    if (!DenseKernels.allFinite(xOffset)) {
      Checks.checkMatrix("X", X);   // names the non-finite value (finite values may overflow)
    }
    for (int j = 0; j < p; j++) {
      xOffset[j] = fitIntercept ? xOffset[j] / n : 0;
    }
    return xOffset;
  }

  /**
   * The entrywise sum of the chunks' sums, added to 0.0 in chunk order: the same answer however
   * many cores shared the chunks.
   */
  static double[] sumInOrder(double[][] parts) {
    double[] total = new double[parts[0].length];
    for (double[] part : parts) {
      for (int e = 0; e < total.length; e++) {
        total[e] += part[e];
      }
    }
    return total;
  }

  /**
   * Checks X (its values too when {@code values}; shape only otherwise) and y (finite) and that
   * they have the same length.
   */
  static void checkXy(double[][] X, double[] y, boolean values) {
    if (values) {
      Checks.checkMatrix("X", X);
    } else {
      Checks.checkMatrixShape("X", X);
    }
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
  }

  /**
   * Writes rows [from, to) minus the means into their columns: a block's rows stay in cache while
   * each column is written in order.
   */
  private static void centreBlock(double[][] X, int from, int to, double[] mean, double[] values) {
    int n = values.length / mean.length;
    for (int j = 0; j < mean.length; j++) {
      int at = j * n;
      double m = mean[j];
      for (int i = from; i < to; i++) {
        values[at + i] = X[i][j] - m;
      }
    }
  }

  @Override
  public double yNorm2() {
    return DenseKernels.dot(y, y, y.length);
  }

  @Override
  public CoordinateDescent.Residual residual(double[] w) {
    return new ColumnResidual(w);
  }

  /**
   * R itself, as scikit-learn's sweeps keep it: each correlation a {@link DenseKernels#dot} of a
   * column with R (sixteen interleaved partial sums, as BLAS ddot sums; a plain loop's order
   * would differ from scikit-learn's as well: the answers agree to rounding), each update an axpy.
   */
  private final class ColumnResidual implements CoordinateDescent.Residual {
    private final double[] R = y.clone();
    private final int n = y.length;

    ColumnResidual(double[] w) {
      for (int j = 0; j < w.length; j++) {
        if (w[j] != 0) {
          add(j, -w[j]);
        }
      }
    }

    @Override
    public double correlation(int j) {
      return DenseKernels.dot(values, j * n, R, 0, n);
    }

    /** {@code R += delta X_j}, a product then an addition per entry (the JIT vectorises it). */
    @Override
    public void add(int j, double delta) {
      int at = j * n;
      for (int i = 0; i < n; i++) {
        R[i] += delta * values[at + i];
      }
    }

    /** Every {@link #correlation}, the features split between the cores (2^16 products each). */
    @Override
    public void correlations(double[] out) {
      Parallel.forRange(out.length, 1 + (1 << 16) / n, (from, to) -> {
        for (int j = from; j < to; j++) {
          out[j] = correlation(j);
        }
      });
    }

    @Override
    public double norm2() {
      return DenseKernels.dot(R, R, n);
    }

    @Override
    public double dotY() {
      return DenseKernels.dot(R, y, n);
    }
  }

  /** {@code ȳ − x̄ · w}. */
  @Override
  public double intercept(double[] w) {
    return intercept(yOffset, xOffset, w);
  }

  /** {@code ȳ − x̄ · w} from the offsets. */
  static double intercept(double yOffset, double[] xOffset, double[] w) {
    double shift = 0;
    for (int j = 0; j < w.length; j++) {
      shift += xOffset[j] * w[j];
    }
    return yOffset - shift;
  }

  /**
   * {@code X · w + b} for the rows of X, shape (n_samples,).
   *
   * @throws IllegalArgumentException when X is not finite or has another number of features than
   *     the model, naming the model
   */
  static double[] predict(double[][] X, double[] w, double b, String model) {
    Checks.checkMatrix("X", X);
    Checks.checkArgument(X[0].length == w.length, "X has " + X[0].length + " features, but "
        + model + " is expecting " + w.length + " features as input");
    double[] out = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += X[i][j] * w[j];
      }
      out[i] = s + b;
    }
    return out;
  }
}
