package semaine.util;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernels}' loops with the Vector API, four lanes of 256 bits: the same partial sums,
 * FMAs and folds as the scalar twins, so the same bits. The only class of the package that imports
 * {@code jdk.incubator.vector}; loaded only when the module is present.
 */
final class VectorDenseKernels {

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

  private VectorDenseKernels() {}

  /** {@link DenseKernels#dot}: partial sum l of the scalar twin is lane l mod 4 of vector l / 4. */
  static double dot(double[] a, int aFrom, double[] b, int bFrom, int n) {
    int blocked = n & -16;
    DoubleVector p0 = DoubleVector.zero(S);
    DoubleVector p1 = p0;
    DoubleVector p2 = p0;
    DoubleVector p3 = p0;
    for (int i = 0; i < blocked; i += 16) {
      int ai = aFrom + i;
      int bi = bFrom + i;
      p0 = DoubleVector.fromArray(S, a, ai).fma(DoubleVector.fromArray(S, b, bi), p0);
      p1 = DoubleVector.fromArray(S, a, ai + 4).fma(DoubleVector.fromArray(S, b, bi + 4), p1);
      p2 = DoubleVector.fromArray(S, a, ai + 8).fma(DoubleVector.fromArray(S, b, bi + 8), p2);
      p3 = DoubleVector.fromArray(S, a, ai + 12).fma(DoubleVector.fromArray(S, b, bi + 12), p3);
    }
    DoubleVector lanes = p0.add(p1).add(p2.add(p3));
    double sum = (lanes.lane(0) + lanes.lane(1)) + (lanes.lane(2) + lanes.lane(3));
    return DenseKernels.dotTail(a, aFrom, b, bFrom, blocked, n, sum);
  }

  /** {@link DenseKernels#axpy} on whole vectors; returns the first entry left to the scalar loop. */
  static int axpy(double alpha, double[] x, int xFrom, double[] y, int yFrom, int n) {
    DoubleVector a = DoubleVector.broadcast(S, alpha);
    int blocked = n & -4;
    for (int i = 0; i < blocked; i += 4) {
      a.fma(DoubleVector.fromArray(S, x, xFrom + i), DoubleVector.fromArray(S, y, yFrom + i))
          .intoArray(y, yFrom + i);
    }
    return blocked;
  }

  /**
   * {@link DenseKernels#rowDots} (row i into out[shift + i]) four rows at a time: four
   * independent accumulators, w loaded once for the four; returns the first row left to the
   * scalar twin.
   */
  static int rowDots(double[][] X, int from, int to, double[] w, int wFrom, double[] out,
      int shift) {
    int p = X[from].length;
    int blocked = p & -4;
    int i = from;
    for (; i + 4 <= to; i += 4) {
      double[] x0 = X[i];
      double[] x1 = X[i + 1];
      double[] x2 = X[i + 2];
      double[] x3 = X[i + 3];
      DoubleVector a0 = DoubleVector.zero(S);
      DoubleVector a1 = a0;
      DoubleVector a2 = a0;
      DoubleVector a3 = a0;
      for (int j = 0; j < blocked; j += 4) {
        DoubleVector wj = DoubleVector.fromArray(S, w, wFrom + j);
        a0 = DoubleVector.fromArray(S, x0, j).fma(wj, a0);
        a1 = DoubleVector.fromArray(S, x1, j).fma(wj, a1);
        a2 = DoubleVector.fromArray(S, x2, j).fma(wj, a2);
        a3 = DoubleVector.fromArray(S, x3, j).fma(wj, a3);
      }
      out[shift + i] = DenseKernels.dotTail(x0, 0, w, wFrom, blocked, p, fold(a0));
      out[shift + i + 1] = DenseKernels.dotTail(x1, 0, w, wFrom, blocked, p, fold(a1));
      out[shift + i + 2] = DenseKernels.dotTail(x2, 0, w, wFrom, blocked, p, fold(a2));
      out[shift + i + 3] = DenseKernels.dotTail(x3, 0, w, wFrom, blocked, p, fold(a3));
    }
    return i;
  }

  private static double fold(DoubleVector v) {
    return (v.lane(0) + v.lane(1)) + (v.lane(2) + v.lane(3));
  }

  /**
   * {@link DenseKernels#addRows} (row i's factor v[shift + i]) four rows at a time: each vector
   * of out takes the four rows' FMAs in row order, as the scalar twin does entry by entry;
   * returns the first row left to it.
   */
  static int addRows(double[][] X, int from, int to, double[] v, int shift, double[] out,
      int outFrom) {
    int p = X[from].length;
    int blocked = p & -4;
    int i = from;
    for (; i + 4 <= to; i += 4) {
      double[] x0 = X[i];
      double[] x1 = X[i + 1];
      double[] x2 = X[i + 2];
      double[] x3 = X[i + 3];
      if (v == null) {
        for (int j = 0; j < blocked; j += 4) {
          DoubleVector.fromArray(S, out, outFrom + j).add(DoubleVector.fromArray(S, x0, j))
              .add(DoubleVector.fromArray(S, x1, j)).add(DoubleVector.fromArray(S, x2, j))
              .add(DoubleVector.fromArray(S, x3, j)).intoArray(out, outFrom + j);
        }
        for (int j = blocked; j < p; j++) {
          out[outFrom + j] = (((out[outFrom + j] + x0[j]) + x1[j]) + x2[j]) + x3[j];
        }
        continue;
      }
      double v0 = v[shift + i];
      double v1 = v[shift + i + 1];
      double v2 = v[shift + i + 2];
      double v3 = v[shift + i + 3];
      DoubleVector b0 = DoubleVector.broadcast(S, v0);
      DoubleVector b1 = DoubleVector.broadcast(S, v1);
      DoubleVector b2 = DoubleVector.broadcast(S, v2);
      DoubleVector b3 = DoubleVector.broadcast(S, v3);
      for (int j = 0; j < blocked; j += 4) {
        DoubleVector o = DoubleVector.fromArray(S, out, outFrom + j);
        o = b0.fma(DoubleVector.fromArray(S, x0, j), o);
        o = b1.fma(DoubleVector.fromArray(S, x1, j), o);
        o = b2.fma(DoubleVector.fromArray(S, x2, j), o);
        o = b3.fma(DoubleVector.fromArray(S, x3, j), o);
        o.intoArray(out, outFrom + j);
      }
      for (int j = blocked; j < p; j++) {
        double o = out[outFrom + j];
        o = Math.fma(v0, x0[j], o);
        o = Math.fma(v1, x1[j], o);
        o = Math.fma(v2, x2[j], o);
        o = Math.fma(v3, x3[j], o);
        out[outFrom + j] = o;
      }
    }
    return i;
  }

  /**
   * {@link DenseKernels#addRowsInOrder} on whole vectors of features from colFrom, row after row
   * (a product, then an addition, per lane), the last features of each row as the scalar twin.
   */
  static void addRowsInOrder(double[][] X, int from, int to, double[] v, int shift, double[] out,
      int colFrom, int colTo) {
    int end = colFrom + ((colTo - colFrom) & -4);
    for (int i = from; i < to; i++) {
      double[] x = X[i];
      double vi = v[shift + i];
      DoubleVector a = DoubleVector.broadcast(S, vi);
      for (int j = colFrom; j < end; j += 4) {
        DoubleVector.fromArray(S, out, j).add(DoubleVector.fromArray(S, x, j).mul(a))
            .intoArray(out, j);
      }
      for (int j = end; j < colTo; j++) {
        out[j] += vi * x[j];
      }
    }
  }

  /** Σ (v − v) over a[0, n), n a multiple of 16: 0 when all are finite, NaN otherwise. */
  static double zeroWhenFinite(double[] a, int n) {
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    for (int i = 0; i < n; i += 16) {
      DoubleVector v0 = DoubleVector.fromArray(S, a, i);
      DoubleVector v1 = DoubleVector.fromArray(S, a, i + 4);
      DoubleVector v2 = DoubleVector.fromArray(S, a, i + 8);
      DoubleVector v3 = DoubleVector.fromArray(S, a, i + 12);
      s0 = s0.add(v0.sub(v0));
      s1 = s1.add(v1.sub(v1));
      s2 = s2.add(v2.sub(v2));
      s3 = s3.add(v3.sub(v3));
    }
    DoubleVector s = s0.add(s1).add(s2.add(s3));
    return (s.lane(0) + s.lane(1)) + (s.lane(2) + s.lane(3));
  }
}
