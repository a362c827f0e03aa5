package semaine.util;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernels}' loops with the Vector API, four lanes of 256 bits: entrywise the same
 * operations as the scalar twins, so the same bits. The only class of the package that imports
 * {@code jdk.incubator.vector}; loaded only when the module is present.
 */
final class VectorDenseKernels {

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

  private VectorDenseKernels() {}

  /**
   * {@link DenseKernels#addRowsInOrder} on whole vectors of features from colFrom, row after row
   * (a product, then an addition, per lane), the last features of each row as the scalar twin.
   */
  static void addRowsInOrder(double[][] X, int from, int to, double[] v, int shift, double[] out,
      int outShift, int colFrom, int colTo) {
    int end = colFrom + ((colTo - colFrom) & -4);
    for (int i = from; i < to; i++) {
      double[] x = X[i];
      double vi = v[shift + i];
      DoubleVector a = DoubleVector.broadcast(S, vi);
      for (int j = colFrom; j < end; j += 4) {
        DoubleVector.fromArray(S, out, outShift + j).add(DoubleVector.fromArray(S, x, j).mul(a))
            .intoArray(out, outShift + j);
      }
      for (int j = end; j < colTo; j++) {
        out[outShift + j] += vi * x[j];
      }
    }
  }

  /** {@link DenseKernels#dot} over {@code [0, end)}, end a multiple of 16: four vectors of sums. */
  static double dot(double[] a, int aFrom, double[] b, int bFrom, int end) {
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    for (int i = 0; i < end; i += 16) {
      int x = aFrom + i;
      int z = bFrom + i;
      s0 = s0.add(DoubleVector.fromArray(S, a, x).mul(DoubleVector.fromArray(S, b, z)));
      s1 = s1.add(DoubleVector.fromArray(S, a, x + 4).mul(DoubleVector.fromArray(S, b, z + 4)));
      s2 = s2.add(DoubleVector.fromArray(S, a, x + 8).mul(DoubleVector.fromArray(S, b, z + 8)));
      s3 = s3.add(DoubleVector.fromArray(S, a, x + 12).mul(DoubleVector.fromArray(S, b, z + 12)));
    }
    DoubleVector s = s0.add(s1).add(s2.add(s3));
    return (s.lane(0) + s.lane(1)) + (s.lane(2) + s.lane(3));
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
