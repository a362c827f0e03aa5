package semaine.classification;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BinomialKernel#addRows} with the Vector API, four lanes of 256 bits, on whole blocks of
 * eight rows (the rows left go to the scalar twin): lane l of a row's dot product holds the
 * features j = l mod 4, as the twin's partial sum l does, and the gradient takes each vector of
 * features from the eight rows in order, so the bits are the twin's. The only class of the package
 * that imports {@code jdk.incubator.vector}; loaded only when the module is present.
 */
final class VectorBinomialKernel {

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

  private VectorBinomialKernel() {}

  /** {@link BinomialKernel#addRows}, p >= 4. */
  static double addRows(double[][] X, int[] y, double[] weights, double[] coef,
      boolean fitIntercept, int from, int to, double[] sums, double loss) {
    int p = X[from].length;
    int end = p & -4;
    double b = fitIntercept ? coef[p] : 0;
    double[] residual = new double[BinomialKernel.ROWS];
    double[] lanes = new double[4 * BinomialKernel.ROWS];   // row t's four partial sums at 4t
    int start = from;
    for (; start + BinomialKernel.ROWS <= to; start += BinomialKernel.ROWS) {
      DoubleVector s0 = DoubleVector.zero(S);   // row start + k's four partial sums in sk
      DoubleVector s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
      for (int j = 0; j < end; j += 4) {
        DoubleVector w = DoubleVector.fromArray(S, coef, j);
        s0 = DoubleVector.fromArray(S, X[start], j).fma(w, s0);
        s1 = DoubleVector.fromArray(S, X[start + 1], j).fma(w, s1);
        s2 = DoubleVector.fromArray(S, X[start + 2], j).fma(w, s2);
        s3 = DoubleVector.fromArray(S, X[start + 3], j).fma(w, s3);
        s4 = DoubleVector.fromArray(S, X[start + 4], j).fma(w, s4);
        s5 = DoubleVector.fromArray(S, X[start + 5], j).fma(w, s5);
        s6 = DoubleVector.fromArray(S, X[start + 6], j).fma(w, s6);
        s7 = DoubleVector.fromArray(S, X[start + 7], j).fma(w, s7);
      }
      s0.intoArray(lanes, 0);
      s1.intoArray(lanes, 4);
      s2.intoArray(lanes, 8);
      s3.intoArray(lanes, 12);
      s4.intoArray(lanes, 16);
      s5.intoArray(lanes, 20);
      s6.intoArray(lanes, 24);
      s7.intoArray(lanes, 28);
      for (int t = 0; t < BinomialKernel.ROWS; t++) {
        int l = 4 * t;
        int i = start + t;
        double r = BinomialKernel.tail(X[i], coef, end, p,
            (lanes[l] + lanes[l + 1]) + (lanes[l + 2] + lanes[l + 3])) + b;
        loss = BinomialKernel.addTerms(r, y[i], weights[i], residual, t, loss);
      }
      for (int j = 0; j < end; j += 4) {
        DoubleVector g = DoubleVector.fromArray(S, sums, j);
        for (int t = 0; t < BinomialKernel.ROWS; t++) {
          g = DoubleVector.fromArray(S, X[start + t], j).fma(DoubleVector.broadcast(S, residual[t]),
              g);
        }
        g.intoArray(sums, j);
      }
      for (int t = 0; t < BinomialKernel.ROWS; t++) {
        double[] x = X[start + t];
        double a = residual[t];
        for (int j = end; j < p; j++) {
          sums[j] = Math.fma(x[j], a, sums[j]);
        }
        if (fitIntercept) {
          sums[p] += a;
        }
      }
    }
    if (start < to) {
      loss = BinomialKernel.addRowsScalar(X, y, weights, coef, fitIntercept, start, to, sums,
          loss);
    }
    return loss;
  }
}
