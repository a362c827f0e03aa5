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
      double[] x0 = X[start];
      double[] x1 = X[start + 1];
      double[] x2 = X[start + 2];
      double[] x3 = X[start + 3];
      double[] x4 = X[start + 4];
      double[] x5 = X[start + 5];
      double[] x6 = X[start + 6];
      double[] x7 = X[start + 7];
      DoubleVector s0 = DoubleVector.zero(S);
      DoubleVector s1 = s0;
      DoubleVector s2 = s0;
      DoubleVector s3 = s0;
      DoubleVector s4 = s0;
      DoubleVector s5 = s0;
      DoubleVector s6 = s0;
      DoubleVector s7 = s0;
      for (int j = 0; j < end; j += 4) {
        DoubleVector w = DoubleVector.fromArray(S, coef, j);
        s0 = DoubleVector.fromArray(S, x0, j).fma(w, s0);
        s1 = DoubleVector.fromArray(S, x1, j).fma(w, s1);
        s2 = DoubleVector.fromArray(S, x2, j).fma(w, s2);
        s3 = DoubleVector.fromArray(S, x3, j).fma(w, s3);
        s4 = DoubleVector.fromArray(S, x4, j).fma(w, s4);
        s5 = DoubleVector.fromArray(S, x5, j).fma(w, s5);
        s6 = DoubleVector.fromArray(S, x6, j).fma(w, s6);
        s7 = DoubleVector.fromArray(S, x7, j).fma(w, s7);
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
      DoubleVector a0 = DoubleVector.broadcast(S, residual[0]);
      DoubleVector a1 = DoubleVector.broadcast(S, residual[1]);
      DoubleVector a2 = DoubleVector.broadcast(S, residual[2]);
      DoubleVector a3 = DoubleVector.broadcast(S, residual[3]);
      DoubleVector a4 = DoubleVector.broadcast(S, residual[4]);
      DoubleVector a5 = DoubleVector.broadcast(S, residual[5]);
      DoubleVector a6 = DoubleVector.broadcast(S, residual[6]);
      DoubleVector a7 = DoubleVector.broadcast(S, residual[7]);
      for (int j = 0; j < end; j += 4) {
        DoubleVector g = DoubleVector.fromArray(S, sums, j);
        g = DoubleVector.fromArray(S, x0, j).fma(a0, g);
        g = DoubleVector.fromArray(S, x1, j).fma(a1, g);
        g = DoubleVector.fromArray(S, x2, j).fma(a2, g);
        g = DoubleVector.fromArray(S, x3, j).fma(a3, g);
        g = DoubleVector.fromArray(S, x4, j).fma(a4, g);
        g = DoubleVector.fromArray(S, x5, j).fma(a5, g);
        g = DoubleVector.fromArray(S, x6, j).fma(a6, g);
        g = DoubleVector.fromArray(S, x7, j).fma(a7, g);
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
