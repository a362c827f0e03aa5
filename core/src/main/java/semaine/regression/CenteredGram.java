package semaine.regression;

import java.util.Arrays;
import semaine.util.Parallel;

/**
 * The normal equations of centred data, {@code XcᵀXc} and {@code Xcᵀyc} with
 * {@code Xc = X − x̄} and {@code yc = y − ȳ}, formed from the rows of X without a centred copy
 * (scikit-learn's {@code _preprocess_data} makes one, then BLAS forms {@code XᵀX}). One pass over
 * the rows: they are shifted by a {@link ProvisionalCentre} block by block (128 rows at a time,
 * in cache), their products accumulated four by four features ({@link #addTiles}) and their sums
 * alongside, which give the means and correct
 * the products ({@code − S_j S_l / n}). A second pass, centred on the means, runs only when the
 * first rows were far from the rest. The rows are cut into chunks of 8192 whose sums are added in
 * order at the end, so the answer does not depend on how many cores share the chunks. X's values
 * are proved finite by the sums, not by a pass of their own: a NaN or an infinity makes one of
 * them non-finite, and only then is X searched for it.
 *
 * @param gram (p, p) {@code XcᵀXc}
 * @param xy (p,) {@code Xcᵀyc}
 * @param xOffset (p,) the column means (0 without intercept)
 * @param yOffset the mean of y (0 without intercept)
 */
record CenteredGram(double[][] gram, double[] xy, double[] xOffset, double yOffset) {

  /** The largest number of features this route takes (p²/2 products a row). */
  static final int MAX_FEATURES = 127;

  private static final int BLOCK = 128;
  private static final int CHUNK = 8192;

  /**
   * Checks X and y (finite, same length) and forms the products, centred when fitIntercept.
   *
   * @throws IllegalArgumentException naming a non-finite value of X or y, or when X's finite
   *     values are so large that their products overflow
   */
  static CenteredGram of(double[][] X, double[] y, boolean fitIntercept) {
    CenteredColumns.checkXy(X, y, false);   // X's values: by the sums
    Pass pass = Pass.around(X, y, ProvisionalCentre.of(X, y, fitIntercept));
    ProvisionalCentre.checkSums(X, pass.sums());
    if (fitIntercept && pass.tooFar()) {
      pass = Pass.around(X, y, pass.means(true));
    }
    return pass.normalEquations(fitIntercept);
  }

  /**
   * The products and sums of the rows of {@code [X y]} shifted by {@code centre}: each chunk's
   * (mp, mp) products (m = p + 1 columns and zeros up to mp, a multiple of four; the upper
   * four-by-four tiles), and the total of each column.
   */
  private record Pass(double[] centre, double[][] acc, double[] sums, int n) {

    static Pass around(double[][] X, double[] y, double[] centre) {
      int n = X.length;
      int p = X[0].length;
      int m = p + 1;   // y rides along as one more column
      int mp = (m + 3) & -4;
      int chunks = (n + CHUNK - 1) / CHUNK;
      double[][] acc = new double[chunks][];
      double[][] shifted = new double[chunks][m];   // Σ of the shifted values, per chunk
      Parallel.forRange(chunks, 1, (from, to) -> {
        double[] block = new double[mp * BLOCK];   // the columns past m stay zero
        for (int c = from; c < to; c++) {
          double[] a = new double[mp * mp];
          double[] s = shifted[c];
          int end = Math.min(n, (c + 1) * CHUNK);
          for (int start = c * CHUNK; start < end; start += BLOCK) {
            int rows = Math.min(BLOCK, end - start);
            for (int k = 0; k < rows; k++) {
              double[] x = X[start + k];
              for (int j = 0; j < p; j++) {
                double v = x[j] - centre[j];
                block[j * BLOCK + k] = v;
                s[j] += v;
              }
              double v = y[start + k] - centre[p];
              block[p * BLOCK + k] = v;
              s[p] += v;
            }
            if (rows < BLOCK) {   // the last block: zeros add nothing
              for (int j = 0; j < m; j++) {
                Arrays.fill(block, j * BLOCK + rows, (j + 1) * BLOCK, 0);
              }
            }
            addTiles(block, mp, a);
          }
          acc[c] = a;
        }
      });
      return new Pass(centre, acc, CenteredColumns.sumInOrder(shifted), n);
    }

    /** Entry (j, l), j <= l, of the shifted products, its chunks' sums added in order. */
    double shifted(int j, int l) {
      int mp = (centre.length + 3) & -4;
      double g = 0;
      for (double[] a : acc) {
        g += a[j * mp + l];
      }
      return g;
    }

    /** Whether a column's shift was too far from its mean ({@link ProvisionalCentre#tooFar}). */
    boolean tooFar() {
      for (int j = 0; j < centre.length; j++) {
        double shifted = shifted(j, j);
        if (ProvisionalCentre.tooFar(shifted, shifted - sums[j] * sums[j] / n)) {
          return true;
        }
      }
      return false;
    }

    double[] means(boolean fitIntercept) {
      return ProvisionalCentre.means(centre, sums, n, fitIntercept);
    }

    /** The centred products ({@code − S_j S_l / n} when centred) and the means. */
    CenteredGram normalEquations(boolean fitIntercept) {
      int p = centre.length - 1;
      double[][] gram = new double[p][p];
      double[] xy = new double[p];
      for (int j = 0; j < p; j++) {
        for (int l = j; l <= p; l++) {
          double g = shifted(j, l);
          if (fitIntercept) {
            g -= sums[j] * sums[l] / n;
          }
          if (!Double.isFinite(g)) {
            throw ProvisionalCentre.tooLarge();
          }
          if (l < p) {
            gram[j][l] = g;
            gram[l][j] = g;
          } else {
            xy[j] = g;
          }
        }
      }
      double[] means = means(fitIntercept);
      return new CenteredGram(gram, xy, Arrays.copyOf(means, p), means[p]);
    }
  }

  /**
   * {@code a[j·mp + l] += Σ_k block[j·BLOCK + k] · block[l·BLOCK + k]} for the four-by-four tiles
   * of features on and above the diagonal (the tiles on it also fill a few entries below it,
   * never read): each entry one chain of fused multiply-adds over the block's rows, sixteen chains
   * in flight, and eight values read for sixteen products. Plain Java, which C1 and C2 compile
   * quickly (a Vector API kernel runs interpreted until C2 compiles it).
   */
  private static void addTiles(double[] block, int mp, double[] a) {
    for (int j = 0; j < mp; j += 4) {
      for (int l = j; l < mp; l += 4) {
        addTile(block, j * BLOCK, l * BLOCK, a, j * mp + l, mp);
      }
    }
  }

  /** One tile: features j..j+3 (their values from x) against l..l+3 (from z), into a at t. */
  private static void addTile(double[] block, int x, int z, double[] a, int t, int mp) {
    double s00 = 0;
    double s01 = 0;
    double s02 = 0;
    double s03 = 0;
    double s10 = 0;
    double s11 = 0;
    double s12 = 0;
    double s13 = 0;
    double s20 = 0;
    double s21 = 0;
    double s22 = 0;
    double s23 = 0;
    double s30 = 0;
    double s31 = 0;
    double s32 = 0;
    double s33 = 0;
    for (int k = 0; k < BLOCK; k++) {
      double x0 = block[x + k];
      double x1 = block[x + BLOCK + k];
      double x2 = block[x + 2 * BLOCK + k];
      double x3 = block[x + 3 * BLOCK + k];
      double z0 = block[z + k];
      double z1 = block[z + BLOCK + k];
      double z2 = block[z + 2 * BLOCK + k];
      double z3 = block[z + 3 * BLOCK + k];
      s00 = Math.fma(x0, z0, s00);
      s01 = Math.fma(x0, z1, s01);
      s02 = Math.fma(x0, z2, s02);
      s03 = Math.fma(x0, z3, s03);
      s10 = Math.fma(x1, z0, s10);
      s11 = Math.fma(x1, z1, s11);
      s12 = Math.fma(x1, z2, s12);
      s13 = Math.fma(x1, z3, s13);
      s20 = Math.fma(x2, z0, s20);
      s21 = Math.fma(x2, z1, s21);
      s22 = Math.fma(x2, z2, s22);
      s23 = Math.fma(x2, z3, s23);
      s30 = Math.fma(x3, z0, s30);
      s31 = Math.fma(x3, z1, s31);
      s32 = Math.fma(x3, z2, s32);
      s33 = Math.fma(x3, z3, s33);
    }
    a[t] += s00;
    a[t + 1] += s01;
    a[t + 2] += s02;
    a[t + 3] += s03;
    a[t + mp] += s10;
    a[t + mp + 1] += s11;
    a[t + mp + 2] += s12;
    a[t + mp + 3] += s13;
    a[t + 2 * mp] += s20;
    a[t + 2 * mp + 1] += s21;
    a[t + 2 * mp + 2] += s22;
    a[t + 2 * mp + 3] += s23;
    a[t + 3 * mp] += s30;
    a[t + 3 * mp + 1] += s31;
    a[t + 3 * mp + 2] += s32;
    a[t + 3 * mp + 3] += s33;
  }

  /** {@code ȳ − x̄ · w}. */
  double intercept(double[] w) {
    return CenteredColumns.intercept(yOffset, xOffset, w);
  }
}
