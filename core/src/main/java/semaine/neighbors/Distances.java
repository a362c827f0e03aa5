package semaine.neighbors;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Distance kernels over flat row-major arrays: the only class of semaine core that uses the Vector
 * API ({@code jdk.incubator.vector}).
 *
 * <p>Each block kernel computes one value per (query, training point) pair. The vector path puts
 * consecutive training points in the lanes, never the features, so every pair keeps the exact
 * operation order of its scalar twin (the same FMA chain over the features) and both paths give
 * the same bits. The scalar twin finishes the lanes left over and is the oracle of the tests.
 *
 * <p>When the JVM was started without {@code --add-modules jdk.incubator.vector} the vector classes
 * are never touched (the module is looked up before the nested {@code Simd} class is loaded) and
 * every kernel runs its scalar twin.
 */
final class Distances {

  /** True when the incubator module is present; {@code -Dsemaine.vector=false} turns it off. */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("semaine.vector"));

  private Distances() {}

  /**
   * The squared Euclidean norm of each row, {@code ‖x‖² = x0·x0 + x1·x1 + ...} as an FMA chain
   * (what BLAS {@code ddot} does for the short rows scikit-learn's brute search sees).
   *
   * @param X rows, shape (n, d) flat
   */
  static double[] squaredNorms(double[] X, int n, int d) {
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      norms[i] = squaredNorm(X, i * d, d);
    }
    return norms;
  }

  /**
   * Squared Euclidean distances by scikit-learn's "dot trick" ({@code EuclideanArgKmin}):
   * {@code max(0, (‖q‖² + (−2·q·y)) + ‖y‖²)}, with {@code q·y} an FMA chain over the features,
   * for queries {@code qFrom..qTo-1} against training points {@code jFrom..jTo-1}.
   *
   * @param Q queries, shape (nq, d) flat
   * @param qNorms ‖q‖² of queries qFrom..qTo-1, shape (qTo − qFrom,)
   * @param Yt training points transposed, shape (d, n) flat: feature f of point j at f·n + j
   * @param yNorms ‖y‖² per training point, shape (n,)
   * @param out shape (qTo − qFrom, jTo − jFrom) flat
   */
  static void dotTrickBlock(double[] Q, double[] qNorms, int qFrom, int qTo, int d,
      double[] Yt, double[] yNorms, int n, int jFrom, int jTo, double[] out) {
    int start = jFrom;
    if (VECTOR) {
      start = Simd.dotTrickBlock(Q, qNorms, qFrom, qTo, d, Yt, yNorms, n, jFrom, jTo, out);
    }
    dotTrickBlockScalar(Q, qNorms, qFrom, qTo, d, Yt, yNorms, n, jFrom, jTo, start, out);
  }

  /** Scalar twin of {@link #dotTrickBlock}: fills the columns {@code start..jTo-1} of out. */
  static void dotTrickBlockScalar(double[] Q, double[] qNorms, int qFrom, int qTo, int d,
      double[] Yt, double[] yNorms, int n, int jFrom, int jTo, int start, double[] out) {
    int width = jTo - jFrom;
    for (int q = qFrom; q < qTo; q++) {
      int outRow = (q - qFrom) * width - jFrom;
      for (int j = start; j < jTo; j++) {
        out[outRow + j] = dotTrick(Q, q * d, qNorms[q - qFrom], d, Yt, yNorms, n, j);
      }
    }
  }

  /** One pair of {@link #dotTrickBlock}: query row at {@code Q[row..row+d)}, training point j. */
  static double dotTrick(double[] Q, int row, double qNorm, int d, double[] Yt, double[] yNorms,
      int n, int j) {
    double dot = Q[row] * Yt[j];
    for (int f = 1; f < d; f++) {
      dot = Math.fma(Q[row + f], Yt[f * n + j], dot);
    }
    return Math.max(0.0, (qNorm + -2.0 * dot) + yNorms[j]);
  }

  /** ‖x‖² of the row at {@code X[row..row+d)} as an FMA chain, as {@link #squaredNorms}. */
  static double squaredNorm(double[] X, int row, int d) {
    double s = X[row] * X[row];
    for (int f = 1; f < d; f++) {
      s = Math.fma(X[row + f], X[row + f], s);
    }
    return s;
  }

  /**
   * Manhattan distances {@code Σ_f |q_f − y_f|}, summed in feature order as scikit-learn's
   * {@code ManhattanDistance} does, for the same blocks as {@link #dotTrickBlock}.
   */
  static void manhattanBlock(double[] Q, int qFrom, int qTo, int d,
      double[] Yt, int n, int jFrom, int jTo, double[] out) {
    int start = jFrom;
    if (VECTOR) {
      start = Simd.manhattanBlock(Q, qFrom, qTo, d, Yt, n, jFrom, jTo, out);
    }
    manhattanBlockScalar(Q, qFrom, qTo, d, Yt, n, jFrom, jTo, start, out);
  }

  /** Scalar twin of {@link #manhattanBlock}: fills the columns {@code start..jTo-1} of out. */
  static void manhattanBlockScalar(double[] Q, int qFrom, int qTo, int d,
      double[] Yt, int n, int jFrom, int jTo, int start, double[] out) {
    int width = jTo - jFrom;
    for (int q = qFrom; q < qTo; q++) {
      int outRow = (q - qFrom) * width - jFrom;
      for (int j = start; j < jTo; j++) {
        out[outRow + j] = manhattan(Q, q * d, d, Yt, n, j);
      }
    }
  }

  /** One pair of {@link #manhattanBlock}. */
  static double manhattan(double[] Q, int row, int d, double[] Yt, int n, int j) {
    double s = 0.0;
    for (int f = 0; f < d; f++) {
      s += Math.abs(Q[row + f] - Yt[f * n + j]);
    }
    return s;
  }

  /**
   * The "reduced" distance between two rows as scikit-learn's trees compute it: the squared
   * Euclidean distance {@code Σ (a_f − b_f)²} (p = 2) or the Manhattan distance (p = 1), summed in
   * feature order without FMA.
   */
  static double reduced(double[] a, int aOffset, double[] b, int bOffset, int d, int p) {
    double s = 0.0;
    if (p == 2) {
      for (int f = 0; f < d; f++) {
        double diff = a[aOffset + f] - b[bOffset + f];
        s += diff * diff;
      }
    } else {
      for (int f = 0; f < d; f++) {
        s += Math.abs(a[aOffset + f] - b[bOffset + f]);
      }
    }
    return s;
  }

  /**
   * {@link #reduced} from one query to the consecutive points of a transposed leaf, shape (d, m)
   * flat with stride {@code m}, into {@code out[0..m)}: the tree's leaf scan.
   */
  static void reducedToLeaf(double[] q, int qOffset, int d, int p, double[] leafT, int leafOffset,
      int m, double[] out) {
    int start = 0;
    if (VECTOR) {
      start = Simd.reducedToLeaf(q, qOffset, d, p, leafT, leafOffset, m, out);
    }
    reducedToLeafScalar(q, qOffset, d, p, leafT, leafOffset, m, start, out);
  }

  /** Scalar twin of {@link #reducedToLeaf}, for points {@code start..m-1}. */
  static void reducedToLeafScalar(double[] q, int qOffset, int d, int p, double[] leafT,
      int leafOffset, int m, int start, double[] out) {
    for (int j = start; j < m; j++) {
      double s = 0.0;
      for (int f = 0; f < d; f++) {
        double diff = q[qOffset + f] - leafT[leafOffset + f * m + j];
        s += p == 2 ? diff * diff : Math.abs(diff);
      }
      out[j] = s;
    }
  }

  /** Number of lanes of the vector path, 1 when it is off (for tests). */
  static int lanes() {
    return VECTOR ? Simd.SPECIES.length() : 1;
  }

  /** The vector routines; loaded only when {@link #VECTOR} is true. */
  private static final class Simd {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Returns the first column left for the scalar twin. */
    static int dotTrickBlock(double[] Q, double[] qNorms, int qFrom, int qTo, int d,
        double[] Yt, double[] yNorms, int n, int jFrom, int jTo, double[] out) {
      int lanes = SPECIES.length();
      int width = jTo - jFrom;
      int bound = jFrom + SPECIES.loopBound(width);
      for (int j = jFrom; j < bound; j += lanes) {
        DoubleVector yNorm = DoubleVector.fromArray(SPECIES, yNorms, j);
        int q = qFrom;
        // four queries share each load of a training column (same FMA chain per pair)
        for (; q + 4 <= qTo; q += 4) {
          int r0 = q * d;
          int r1 = r0 + d;
          int r2 = r1 + d;
          int r3 = r2 + d;
          DoubleVector y = DoubleVector.fromArray(SPECIES, Yt, j);
          DoubleVector a0 = y.mul(Q[r0]);
          DoubleVector a1 = y.mul(Q[r1]);
          DoubleVector a2 = y.mul(Q[r2]);
          DoubleVector a3 = y.mul(Q[r3]);
          for (int f = 1; f < d; f++) {
            y = DoubleVector.fromArray(SPECIES, Yt, f * n + j);
            a0 = y.fma(DoubleVector.broadcast(SPECIES, Q[r0 + f]), a0);
            a1 = y.fma(DoubleVector.broadcast(SPECIES, Q[r1 + f]), a1);
            a2 = y.fma(DoubleVector.broadcast(SPECIES, Q[r2 + f]), a2);
            a3 = y.fma(DoubleVector.broadcast(SPECIES, Q[r3 + f]), a3);
          }
          int out0 = (q - qFrom) * width + j - jFrom;
          a0.mul(-2.0).add(qNorms[q - qFrom]).add(yNorm).max(0.0).intoArray(out, out0);
          a1.mul(-2.0).add(qNorms[q + 1 - qFrom]).add(yNorm).max(0.0).intoArray(out, out0 + width);
          a2.mul(-2.0).add(qNorms[q + 2 - qFrom]).add(yNorm).max(0.0)
              .intoArray(out, out0 + 2 * width);
          a3.mul(-2.0).add(qNorms[q + 3 - qFrom]).add(yNorm).max(0.0)
              .intoArray(out, out0 + 3 * width);
        }
        for (; q < qTo; q++) {
          int row = q * d;
          DoubleVector dot = DoubleVector.fromArray(SPECIES, Yt, j).mul(Q[row]);
          for (int f = 1; f < d; f++) {
            dot = DoubleVector.fromArray(SPECIES, Yt, f * n + j)
                .fma(DoubleVector.broadcast(SPECIES, Q[row + f]), dot);
          }
          dot.mul(-2.0).add(qNorms[q - qFrom]).add(yNorm).max(0.0)
              .intoArray(out, (q - qFrom) * width + j - jFrom);
        }
      }
      return bound;
    }

    static int manhattanBlock(double[] Q, int qFrom, int qTo, int d,
        double[] Yt, int n, int jFrom, int jTo, double[] out) {
      int lanes = SPECIES.length();
      int width = jTo - jFrom;
      int bound = jFrom + SPECIES.loopBound(width);
      for (int j = jFrom; j < bound; j += lanes) {
        for (int q = qFrom; q < qTo; q++) {
          int row = q * d;
          DoubleVector s = DoubleVector.zero(SPECIES);
          for (int f = 0; f < d; f++) {
            s = s.add(DoubleVector.fromArray(SPECIES, Yt, f * n + j).sub(Q[row + f])
                .lanewise(VectorOperators.ABS));
          }
          s.intoArray(out, (q - qFrom) * width + j - jFrom);
        }
      }
      return bound;
    }

    static int reducedToLeaf(double[] q, int qOffset, int d, int p, double[] leafT,
        int leafOffset, int m, double[] out) {
      int lanes = SPECIES.length();
      int bound = SPECIES.loopBound(m);
      for (int j = 0; j < bound; j += lanes) {
        DoubleVector s = DoubleVector.zero(SPECIES);
        for (int f = 0; f < d; f++) {
          // q − y, negated relative to the scalar twin: the square and |·| are the same bits
          DoubleVector diff = DoubleVector.fromArray(SPECIES, leafT, leafOffset + f * m + j)
              .sub(q[qOffset + f]);
          s = p == 2 ? s.add(diff.mul(diff)) : s.add(diff.lanewise(VectorOperators.ABS));
        }
        s.intoArray(out, j);
      }
      return bound;
    }
  }
}
