package semaine.svm;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FeatureMajor}'s rbf loops with the Vector API, one lane per sample, the same operations
 * per lane as the scalar loops (a product, then an addition, feature after feature), so the same bits.
 * The only class of the package that imports {@code jdk.incubator.vector}; loaded only when the
 * module is present.
 */
final class VectorKernelRows {

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  private VectorKernelRows() {}

  /**
   * For the samples j in [from, from + n·lanes):
   * {@code arg[j − from] = −γ(‖x‖² + ‖z_j‖² − 2 x·z_j)} and {@code value[j − from] = exp(arg)} by
   * the vector exponential, which may differ from Math.exp in the last bit (the caller rounds to
   * float and checks the ties); returns the first j left for the scalar loop.
   */
  static int rbfTraining(double[][] t, double[] x, double xSquare, double[] squares, double gamma,
      int from, int to, double[] arg, double[] value) {
    int lanes = S.length();
    int d = t.length;
    DoubleVector minusGamma = DoubleVector.broadcast(S, -gamma);
    DoubleVector xs = DoubleVector.broadcast(S, xSquare);
    int j = from;
    for (; j + lanes <= to; j += lanes) {
      DoubleVector dot = DoubleVector.zero(S);
      for (int f = 0; f < d; f++) {
        dot = dot.add(DoubleVector.fromArray(S, t[f], j).mul(x[f]));
      }
      DoubleVector a = minusGamma.mul(xs.add(DoubleVector.fromArray(S, squares, j))
          .sub(dot.mul(2.0)));
      a.intoArray(arg, j - from);
      a.lanewise(VectorOperators.EXP).intoArray(value, j - from);
    }
    return j;
  }

  /**
   * {@code a[j] = exp(scale·a[j])} by the vector exponential for the whole vectors of a[0, n);
   * returns the first j left for the scalar loop.
   */
  static int expScaled(double[] a, int n, double scale) {
    int j = 0;
    for (; j + S.length() <= n; j += S.length()) {
      DoubleVector.fromArray(S, a, j).mul(scale).lanewise(VectorOperators.EXP).intoArray(a, j);
    }
    return j;
  }

  /**
   * {@code out[q][j − from] = Σ_f (x_q[f] − row_j[f])²} for four queries x_0..x_3 at once and the
   * samples j in whole vectors from {@code from}; returns the first j left for the scalar loop.
   */
  static int squaredDistances4(double[][] t, double[] x0, double[] x1, double[] x2, double[] x3,
      int from, int to, double[][] out) {
    int lanes = S.length();
    int d = t.length;
    int j = from;
    for (; j + lanes <= to; j += lanes) {
      DoubleVector s0 = DoubleVector.zero(S);
      DoubleVector s1 = DoubleVector.zero(S);
      DoubleVector s2 = DoubleVector.zero(S);
      DoubleVector s3 = DoubleVector.zero(S);
      for (int f = 0; f < d; f++) {
        DoubleVector z = DoubleVector.fromArray(S, t[f], j);
        DoubleVector d0 = DoubleVector.broadcast(S, x0[f]).sub(z);
        DoubleVector d1 = DoubleVector.broadcast(S, x1[f]).sub(z);
        DoubleVector d2 = DoubleVector.broadcast(S, x2[f]).sub(z);
        DoubleVector d3 = DoubleVector.broadcast(S, x3[f]).sub(z);
        s0 = s0.add(d0.mul(d0));
        s1 = s1.add(d1.mul(d1));
        s2 = s2.add(d2.mul(d2));
        s3 = s3.add(d3.mul(d3));
      }
      s0.intoArray(out[0], j - from);
      s1.intoArray(out[1], j - from);
      s2.intoArray(out[2], j - from);
      s3.intoArray(out[3], j - from);
    }
    return j;
  }
}
