package semaine.decomposition;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Products}' loops with the Vector API, four columns of the small matrix per 256-bit
 * vector: entrywise the same fused multiply-adds in the same order as the scalar twins, so the
 * same bits. The columns past the last whole vector are left to the twins. Two rows (or two to
 * four features) advance together so that eight independent sums hide the latency of the
 * additions. The only class of the package that imports {@code jdk.incubator.vector}; loaded only
 * when the module is present.
 */
final class VectorProducts {

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

  /** MatrixRows of a chunk centred at a time by {@link #transposeTimes}: (p, BLOCK) values in L1. */
  private static final int BLOCK = 32;

  private VectorProducts() {}

  /** {@link Products#timesScalar} on the columns [0, w & -4) of rows [from, to). */
  static void times(MatrixRows X, double[] mean, double[] q, int w, int from, int to,
      double[] out) {
    int p = X.p();
    int end = w & -4;
    double[] c0 = new double[p];
    double[] c1 = new double[p];
    double[] spare = new double[w];
    for (int i = from; i < to; i += 2) {
      boolean pair = i + 1 < to;
      centre(X, i, mean, c0);
      centre(X, pair ? i + 1 : i, mean, c1);
      double[] o1 = pair ? out : spare;
      int s1 = pair ? (i + 1) * w : 0;
      int j = 0;
      for (; j + 16 <= end; j += 16) {
        rowsFour(c0, c1, q, w, j, out, i * w, o1, s1);
      }
      for (; j < end; j += 4) {
        rowsOne(c0, c1, q, w, j, out, i * w, o1, s1);
      }
    }
  }

  private static void centre(MatrixRows X, int i, double[] mean, double[] out) {
    double[] x = X.array(i);
    int xo = X.offset(i);
    for (int l = 0; l < out.length; l++) {
      out[l] = x[xo + l] - mean[l];
    }
  }

  /** Columns [j, j + 16) of two rows, written from o0[s0] and o1[s1]. */
  private static void rowsFour(double[] c0, double[] c1, double[] q, int w, int j, double[] o0,
      int s0, double[] o1, int s1) {
    DoubleVector a0 = DoubleVector.zero(S);
    DoubleVector a1 = a0;
    DoubleVector a2 = a0;
    DoubleVector a3 = a0;
    DoubleVector b0 = a0;
    DoubleVector b1 = a0;
    DoubleVector b2 = a0;
    DoubleVector b3 = a0;
    for (int l = 0, o = j; l < c0.length; l++, o += w) {
      DoubleVector q0 = DoubleVector.fromArray(S, q, o);
      DoubleVector q1 = DoubleVector.fromArray(S, q, o + 4);
      DoubleVector q2 = DoubleVector.fromArray(S, q, o + 8);
      DoubleVector q3 = DoubleVector.fromArray(S, q, o + 12);
      DoubleVector x = DoubleVector.broadcast(S, c0[l]);
      DoubleVector y = DoubleVector.broadcast(S, c1[l]);
      a0 = x.fma(q0, a0);
      a1 = x.fma(q1, a1);
      a2 = x.fma(q2, a2);
      a3 = x.fma(q3, a3);
      b0 = y.fma(q0, b0);
      b1 = y.fma(q1, b1);
      b2 = y.fma(q2, b2);
      b3 = y.fma(q3, b3);
    }
    a0.intoArray(o0, s0 + j);
    a1.intoArray(o0, s0 + j + 4);
    a2.intoArray(o0, s0 + j + 8);
    a3.intoArray(o0, s0 + j + 12);
    b0.intoArray(o1, s1 + j);
    b1.intoArray(o1, s1 + j + 4);
    b2.intoArray(o1, s1 + j + 8);
    b3.intoArray(o1, s1 + j + 12);
  }

  /** Columns [j, j + 4) of two rows, written from o0[s0] and o1[s1]. */
  private static void rowsOne(double[] c0, double[] c1, double[] q, int w, int j, double[] o0,
      int s0, double[] o1, int s1) {
    DoubleVector a = DoubleVector.zero(S);
    DoubleVector b = a;
    for (int l = 0, o = j; l < c0.length; l++, o += w) {
      DoubleVector ql = DoubleVector.fromArray(S, q, o);
      a = DoubleVector.broadcast(S, c0[l]).fma(ql, a);
      b = DoubleVector.broadcast(S, c1[l]).fma(ql, b);
    }
    a.intoArray(o0, s0 + j);
    b.intoArray(o1, s1 + j);
  }

  /**
   * {@link Products#transposeTimesScalar} on the columns [0, w & -4) over rows [from, to): each
   * block of rows is centred into a feature-major buffer, then two features' sums at a time (four
   * for the last vectors of a row) run down the block.
   */
  static void transposeTimes(MatrixRows X, double[] mean, double[] y, int w, int from, int to,
      double[] out) {
    int p = X.p();
    int end = w & -4;
    int whole = end & -16;
    double[] block = new double[p * BLOCK];
    for (int start = from; start < to; start += BLOCK) {
      int rows = Math.min(BLOCK, to - start);
      for (int r = 0; r < rows; r++) {
        double[] x = X.array(start + r);
        int xo = X.offset(start + r);
        for (int l = 0; l < p; l++) {
          block[l * BLOCK + r] = x[xo + l] - mean[l];
        }
      }
      // a feature past the last runs as the last one again, to the same sums
      for (int l = 0; l < p && whole > 0; l += 2) {
        for (int j = 0; j < whole; j += 16) {
          featuresFour(block, y, w, start, rows, l, Math.min(l + 1, p - 1), j, out);
        }
      }
      for (int l = 0; l < p && whole < end; l += 4) {
        for (int j = whole; j < end; j += 4) {
          featuresOne(block, y, w, start, rows, l, Math.min(p - 1, l + 1),
              Math.min(p - 1, l + 2), Math.min(p - 1, l + 3), j, out);
        }
      }
    }
  }

  /** Columns [j, j + 16) of features l and m over the block's rows (from row start of Y). */
  private static void featuresFour(double[] block, double[] y, int w, int start, int rows, int l,
      int m, int j, double[] out) {
    int ol = l * w + j;
    int om = m * w + j;
    DoubleVector a0 = DoubleVector.fromArray(S, out, ol);
    DoubleVector a1 = DoubleVector.fromArray(S, out, ol + 4);
    DoubleVector a2 = DoubleVector.fromArray(S, out, ol + 8);
    DoubleVector a3 = DoubleVector.fromArray(S, out, ol + 12);
    DoubleVector b0 = DoubleVector.fromArray(S, out, om);
    DoubleVector b1 = DoubleVector.fromArray(S, out, om + 4);
    DoubleVector b2 = DoubleVector.fromArray(S, out, om + 8);
    DoubleVector b3 = DoubleVector.fromArray(S, out, om + 12);
    for (int r = 0, yo = start * w + j; r < rows; r++, yo += w) {
      DoubleVector y0 = DoubleVector.fromArray(S, y, yo);
      DoubleVector y1 = DoubleVector.fromArray(S, y, yo + 4);
      DoubleVector y2 = DoubleVector.fromArray(S, y, yo + 8);
      DoubleVector y3 = DoubleVector.fromArray(S, y, yo + 12);
      DoubleVector u = DoubleVector.broadcast(S, block[l * BLOCK + r]);
      DoubleVector v = DoubleVector.broadcast(S, block[m * BLOCK + r]);
      a0 = u.fma(y0, a0);
      a1 = u.fma(y1, a1);
      a2 = u.fma(y2, a2);
      a3 = u.fma(y3, a3);
      b0 = v.fma(y0, b0);
      b1 = v.fma(y1, b1);
      b2 = v.fma(y2, b2);
      b3 = v.fma(y3, b3);
    }
    a0.intoArray(out, ol);
    a1.intoArray(out, ol + 4);
    a2.intoArray(out, ol + 8);
    a3.intoArray(out, ol + 12);
    b0.intoArray(out, om);
    b1.intoArray(out, om + 4);
    b2.intoArray(out, om + 8);
    b3.intoArray(out, om + 12);
  }

  /** Columns [j, j + 4) of features l, m, e and f over the block's rows (from row start of Y). */
  private static void featuresOne(double[] block, double[] y, int w, int start, int rows, int l,
      int m, int e, int f, int j, double[] out) {
    DoubleVector a = DoubleVector.fromArray(S, out, l * w + j);
    DoubleVector b = DoubleVector.fromArray(S, out, m * w + j);
    DoubleVector c = DoubleVector.fromArray(S, out, e * w + j);
    DoubleVector d = DoubleVector.fromArray(S, out, f * w + j);
    for (int r = 0, yo = start * w + j; r < rows; r++, yo += w) {
      DoubleVector yr = DoubleVector.fromArray(S, y, yo);
      a = DoubleVector.broadcast(S, block[l * BLOCK + r]).fma(yr, a);
      b = DoubleVector.broadcast(S, block[m * BLOCK + r]).fma(yr, b);
      c = DoubleVector.broadcast(S, block[e * BLOCK + r]).fma(yr, c);
      d = DoubleVector.broadcast(S, block[f * BLOCK + r]).fma(yr, d);
    }
    a.intoArray(out, l * w + j);
    b.intoArray(out, m * w + j);
    c.intoArray(out, e * w + j);
    d.intoArray(out, f * w + j);
  }
}
