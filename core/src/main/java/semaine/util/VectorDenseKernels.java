package semaine.util;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernels}' loops with the Vector API, four lanes of 256 bits (eight of 512 for the
 * tiled Gram kernel, used where they are native): entrywise the same
 * operations as the scalar twins, so the same bits. The only class of the package that imports
 * {@code jdk.incubator.vector}; loaded only when the module is present.
 */
final class VectorDenseKernels {

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
  private static final VectorSpecies<Double> W = DoubleVector.SPECIES_512;

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

  /** {@link DenseKernels#addBlockGram} with four vectors of partial sums per entry. */
  static void addBlockGram(double[] block, int rows, int m, double[] acc) {
    for (int j = 0; j < m; j++) {
      int x = j * rows;
      for (int l = j; l < m; l++) {
        int z = l * rows;
        int at = (j * m + l) * 16;
        DoubleVector s0 = DoubleVector.fromArray(S, acc, at);
        DoubleVector s1 = DoubleVector.fromArray(S, acc, at + 4);
        DoubleVector s2 = DoubleVector.fromArray(S, acc, at + 8);
        DoubleVector s3 = DoubleVector.fromArray(S, acc, at + 12);
        for (int k = 0; k < rows; k += 16) {
          s0 = s0.add(DoubleVector.fromArray(S, block, x + k)
              .mul(DoubleVector.fromArray(S, block, z + k)));
          s1 = s1.add(DoubleVector.fromArray(S, block, x + k + 4)
              .mul(DoubleVector.fromArray(S, block, z + k + 4)));
          s2 = s2.add(DoubleVector.fromArray(S, block, x + k + 8)
              .mul(DoubleVector.fromArray(S, block, z + k + 8)));
          s3 = s3.add(DoubleVector.fromArray(S, block, x + k + 12)
              .mul(DoubleVector.fromArray(S, block, z + k + 12)));
        }
        s0.intoArray(acc, at);
        s1.intoArray(acc, at + 4);
        s2.intoArray(acc, at + 8);
        s3.intoArray(acc, at + 12);
      }
    }
  }

  /** Whether the preferred vectors hold eight doubles or more (512-bit registers). */
  static boolean wide() {
    return DoubleVector.SPECIES_PREFERRED.length() >= 8;
  }

  /**
   * {@link DenseKernels#addBlockGramTiled}: per tile, sixteen 512-bit sums (one per entry, lane
   * k mod 8) and eight loads per eight rows.
   */
  static void addBlockGramTiled(double[] block, int rows, int m, double[] acc) {
    for (int t = 0; t < m / 4; t++) {
      int x0 = 4 * t * rows;
      int x1 = x0 + rows;
      int x2 = x1 + rows;
      int x3 = x2 + rows;
      for (int u = 0; u <= t; u++) {
        int z0 = 4 * u * rows;
        int z1 = z0 + rows;
        int z2 = z1 + rows;
        int z3 = z2 + rows;
        int at = (t * (t + 1) / 2 + u) * 128;
        DoubleVector c00 = DoubleVector.fromArray(W, acc, at);
        DoubleVector c01 = DoubleVector.fromArray(W, acc, at + 8);
        DoubleVector c02 = DoubleVector.fromArray(W, acc, at + 16);
        DoubleVector c03 = DoubleVector.fromArray(W, acc, at + 24);
        DoubleVector c10 = DoubleVector.fromArray(W, acc, at + 32);
        DoubleVector c11 = DoubleVector.fromArray(W, acc, at + 40);
        DoubleVector c12 = DoubleVector.fromArray(W, acc, at + 48);
        DoubleVector c13 = DoubleVector.fromArray(W, acc, at + 56);
        DoubleVector c20 = DoubleVector.fromArray(W, acc, at + 64);
        DoubleVector c21 = DoubleVector.fromArray(W, acc, at + 72);
        DoubleVector c22 = DoubleVector.fromArray(W, acc, at + 80);
        DoubleVector c23 = DoubleVector.fromArray(W, acc, at + 88);
        DoubleVector c30 = DoubleVector.fromArray(W, acc, at + 96);
        DoubleVector c31 = DoubleVector.fromArray(W, acc, at + 104);
        DoubleVector c32 = DoubleVector.fromArray(W, acc, at + 112);
        DoubleVector c33 = DoubleVector.fromArray(W, acc, at + 120);
        for (int k = 0; k < rows; k += 8) {
          DoubleVector a0 = DoubleVector.fromArray(W, block, x0 + k);
          DoubleVector a1 = DoubleVector.fromArray(W, block, x1 + k);
          DoubleVector a2 = DoubleVector.fromArray(W, block, x2 + k);
          DoubleVector a3 = DoubleVector.fromArray(W, block, x3 + k);
          DoubleVector b0 = DoubleVector.fromArray(W, block, z0 + k);
          DoubleVector b1 = DoubleVector.fromArray(W, block, z1 + k);
          DoubleVector b2 = DoubleVector.fromArray(W, block, z2 + k);
          DoubleVector b3 = DoubleVector.fromArray(W, block, z3 + k);
          c00 = a0.fma(b0, c00);
          c01 = a0.fma(b1, c01);
          c02 = a0.fma(b2, c02);
          c03 = a0.fma(b3, c03);
          c10 = a1.fma(b0, c10);
          c11 = a1.fma(b1, c11);
          c12 = a1.fma(b2, c12);
          c13 = a1.fma(b3, c13);
          c20 = a2.fma(b0, c20);
          c21 = a2.fma(b1, c21);
          c22 = a2.fma(b2, c22);
          c23 = a2.fma(b3, c23);
          c30 = a3.fma(b0, c30);
          c31 = a3.fma(b1, c31);
          c32 = a3.fma(b2, c32);
          c33 = a3.fma(b3, c33);
        }
        store(acc, at, c00, c01, c02, c03);
        store(acc, at + 32, c10, c11, c12, c13);
        store(acc, at + 64, c20, c21, c22, c23);
        store(acc, at + 96, c30, c31, c32, c33);
      }
    }
  }

  /** Writes four 512-bit vectors one after the other from {@code acc[at]}. */
  private static void store(double[] acc, int at, DoubleVector v0, DoubleVector v1,
      DoubleVector v2, DoubleVector v3) {
    v0.intoArray(acc, at);
    v1.intoArray(acc, at + 8);
    v2.intoArray(acc, at + 16);
    v3.intoArray(acc, at + 24);
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
