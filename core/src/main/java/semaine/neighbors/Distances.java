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
 * the same bits. The scalar twin finishes the lanes left over and is the oracle of the tests. The
 * dot-trick kernel is register-tiled (4 queries × 4 vectors of training points per step), which
 * brings it close to the machine's FMA throughput when the training points are packed in small
 * feature-major blocks.
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
   * <p>The training points come transposed: feature f of point j at
   * {@code Yt[base + f·stride + (j − jFrom)]} (a packed block has {@code stride = jTo − jFrom}).
   *
   * @param Q queries, shape (nq, d) flat
   * @param qNorms ‖q‖² per query, indexed by q
   * @param yNorms ‖y‖² per training point, indexed by j
   * @param out shape (qTo − qFrom, jTo − jFrom) flat
   */
  static void dotTrickBlock(double[] Q, double[] qNorms, int qFrom, int qTo, int d,
      double[] Yt, int base, int stride, double[] yNorms, int jFrom, int jTo, double[] out) {
    int start = jFrom;
    if (VECTOR) {
      start = Simd.dotTrickBlock(Q, qNorms, qFrom, qTo, d, Yt, base, stride, yNorms, jFrom, jTo,
          out);
    }
    dotTrickBlockScalar(Q, qNorms, qFrom, qTo, d, Yt, base, stride, yNorms, jFrom, jTo, start, out);
  }

  /** Scalar twin of {@link #dotTrickBlock}: fills the columns {@code start..jTo-1} of out. */
  static void dotTrickBlockScalar(double[] Q, double[] qNorms, int qFrom, int qTo, int d,
      double[] Yt, int base, int stride, double[] yNorms, int jFrom, int jTo, int start,
      double[] out) {
    int width = jTo - jFrom;
    for (int q = qFrom; q < qTo; q++) {
      int outRow = (q - qFrom) * width - jFrom;
      int row = q * d;
      int j = start;
      // eight training points at once: eight independent FMA chains, each the chain of dotTrick
      for (; j + 8 <= jTo; j += 8) {
        int at = base + j - jFrom;
        double q0 = Q[row];
        double a0 = q0 * Yt[at];
        double a1 = q0 * Yt[at + 1];
        double a2 = q0 * Yt[at + 2];
        double a3 = q0 * Yt[at + 3];
        double a4 = q0 * Yt[at + 4];
        double a5 = q0 * Yt[at + 5];
        double a6 = q0 * Yt[at + 6];
        double a7 = q0 * Yt[at + 7];
        for (int f = 1; f < d; f++) {
          double qf = Q[row + f];
          int o = at + f * stride;
          a0 = Math.fma(qf, Yt[o], a0);
          a1 = Math.fma(qf, Yt[o + 1], a1);
          a2 = Math.fma(qf, Yt[o + 2], a2);
          a3 = Math.fma(qf, Yt[o + 3], a3);
          a4 = Math.fma(qf, Yt[o + 4], a4);
          a5 = Math.fma(qf, Yt[o + 5], a5);
          a6 = Math.fma(qf, Yt[o + 6], a6);
          a7 = Math.fma(qf, Yt[o + 7], a7);
        }
        double qn = qNorms[q];
        out[outRow + j] = Math.max(0.0, (qn + -2.0 * a0) + yNorms[j]);
        out[outRow + j + 1] = Math.max(0.0, (qn + -2.0 * a1) + yNorms[j + 1]);
        out[outRow + j + 2] = Math.max(0.0, (qn + -2.0 * a2) + yNorms[j + 2]);
        out[outRow + j + 3] = Math.max(0.0, (qn + -2.0 * a3) + yNorms[j + 3]);
        out[outRow + j + 4] = Math.max(0.0, (qn + -2.0 * a4) + yNorms[j + 4]);
        out[outRow + j + 5] = Math.max(0.0, (qn + -2.0 * a5) + yNorms[j + 5]);
        out[outRow + j + 6] = Math.max(0.0, (qn + -2.0 * a6) + yNorms[j + 6]);
        out[outRow + j + 7] = Math.max(0.0, (qn + -2.0 * a7) + yNorms[j + 7]);
      }
      for (; j < jTo; j++) {
        out[outRow + j] = dotTrick(Q, row, qNorms[q], d, Yt, base + j - jFrom, stride,
            yNorms[j]);
      }
    }
  }

  /**
   * One pair of {@link #dotTrickBlock}: the query row at {@code Q[row..row+d)}, the training point
   * at {@code Y[at + f·stride]} (stride 1 for a row-major row), its norm {@code yNorm}.
   */
  static double dotTrick(double[] Q, int row, double qNorm, int d, double[] Y, int at, int stride,
      double yNorm) {
    double dot = Q[row] * Y[at];
    for (int f = 1; f < d; f++) {
      dot = Math.fma(Q[row + f], Y[at + f * stride], dot);
    }
    return Math.max(0.0, (qNorm + -2.0 * dot) + yNorm);
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
   * {@code ManhattanDistance} does, for the same blocks and layout as {@link #dotTrickBlock}.
   */
  static void manhattanBlock(double[] Q, int qFrom, int qTo, int d,
      double[] Yt, int base, int stride, int jFrom, int jTo, double[] out) {
    int start = jFrom;
    if (VECTOR) {
      start = Simd.manhattanBlock(Q, qFrom, qTo, d, Yt, base, stride, jFrom, jTo, out);
    }
    manhattanBlockScalar(Q, qFrom, qTo, d, Yt, base, stride, jFrom, jTo, start, out);
  }

  /** Scalar twin of {@link #manhattanBlock}: fills the columns {@code start..jTo-1} of out. */
  static void manhattanBlockScalar(double[] Q, int qFrom, int qTo, int d,
      double[] Yt, int base, int stride, int jFrom, int jTo, int start, double[] out) {
    int width = jTo - jFrom;
    for (int q = qFrom; q < qTo; q++) {
      int outRow = (q - qFrom) * width - jFrom;
      for (int j = start; j < jTo; j++) {
        out[outRow + j] = manhattan(Q, q * d, d, Yt, base + j - jFrom, stride);
      }
    }
  }

  /** One pair of {@link #manhattanBlock}, the training point at {@code Y[at + f·stride]}. */
  static double manhattan(double[] Q, int row, int d, double[] Y, int at, int stride) {
    double s = 0.0;
    for (int f = 0; f < d; f++) {
      s += Math.abs(Q[row + f] - Y[at + f * stride]);
    }
    return s;
  }

  /**
   * The first position i in {@code from..to-1} with {@code values[i] < bound}, or {@code to}:
   * the scan that finds the next candidate worth offering to a heap.
   */
  static int firstBelow(double[] values, int from, int to, double bound) {
    int i = from;
    if (VECTOR) {
      i = Simd.firstBelow(values, from, to, bound);
    }
    while (i < to && !(values[i] < bound)) {
      i++;
    }
    return i;
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
   *
   * @return the smallest value written (+inf when m = 0), so that a leaf none of whose points can
   *     enter the heap is passed over at once
   */
  static double reducedToLeaf(double[] q, int qOffset, int d, int p, double[] leafT,
      int leafOffset, int m, double[] out) {
    int start = 0;
    double min = Double.POSITIVE_INFINITY;
    if (VECTOR) {
      start = Simd.reducedToLeaf(q, qOffset, d, p, leafT, leafOffset, m, out);
      if (start > 0) {
        min = Simd.min(out, start);
      }
    }
    reducedToLeafScalar(q, qOffset, d, p, leafT, leafOffset, m, start, out);
    for (int j = start; j < m; j++) {
      min = Math.min(min, out[j]);
    }
    return min;
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
        double[] Yt, int base, int stride, double[] yNorms, int jFrom, int jTo, double[] out) {
      int lanes = SPECIES.length();
      int j = jFrom;
      for (; j + 4 * lanes <= jTo; j += 4 * lanes) {
        int q = qFrom;
        for (; q + 4 <= qTo; q += 4) {
          dotTrickTile(Q, qFrom, q, d, Yt, base, stride, jFrom, jTo, j, out);
        }
        for (; q < qTo; q++) {
          for (int v = 0; v < 4; v++) {
            dotTrickColumn(Q, qFrom, q, d, Yt, base, stride, jFrom, jTo, j + v * lanes, out);
          }
        }
      }
      for (; j + lanes <= jTo; j += lanes) {
        for (int q = qFrom; q < qTo; q++) {
          dotTrickColumn(Q, qFrom, q, d, Yt, base, stride, jFrom, jTo, j, out);
        }
      }
      finish(qNorms, qFrom, qTo, yNorms, jFrom, jTo, j, out);
      return j;
    }

    /**
     * The dot products of queries q..q+3 with the 4·lanes points from j, written to out: sixteen
     * accumulators, each one pair's FMA chain over the features in order, sharing the loads of
     * query values and training lanes. (Kept small enough for C2 to inline every vector operation;
     * the norms are added afterwards by {@link #finish}.)
     */
    private static void dotTrickTile(double[] Q, int qFrom, int q, int d, double[] Yt, int base,
        int stride, int jFrom, int jTo, int j, double[] out) {
      int lanes = SPECIES.length();
      int r0 = q * d;
      int r1 = r0 + d;
      int r2 = r1 + d;
      int r3 = r2 + d;
      int at = base + j - jFrom;
      DoubleVector y0 = DoubleVector.fromArray(SPECIES, Yt, at);
      DoubleVector y1 = DoubleVector.fromArray(SPECIES, Yt, at + lanes);
      DoubleVector y2 = DoubleVector.fromArray(SPECIES, Yt, at + 2 * lanes);
      DoubleVector y3 = DoubleVector.fromArray(SPECIES, Yt, at + 3 * lanes);
      DoubleVector b = DoubleVector.broadcast(SPECIES, Q[r0]);
      DoubleVector a00 = y0.mul(b);
      DoubleVector a01 = y1.mul(b);
      DoubleVector a02 = y2.mul(b);
      DoubleVector a03 = y3.mul(b);
      b = DoubleVector.broadcast(SPECIES, Q[r1]);
      DoubleVector a10 = y0.mul(b);
      DoubleVector a11 = y1.mul(b);
      DoubleVector a12 = y2.mul(b);
      DoubleVector a13 = y3.mul(b);
      b = DoubleVector.broadcast(SPECIES, Q[r2]);
      DoubleVector a20 = y0.mul(b);
      DoubleVector a21 = y1.mul(b);
      DoubleVector a22 = y2.mul(b);
      DoubleVector a23 = y3.mul(b);
      b = DoubleVector.broadcast(SPECIES, Q[r3]);
      DoubleVector a30 = y0.mul(b);
      DoubleVector a31 = y1.mul(b);
      DoubleVector a32 = y2.mul(b);
      DoubleVector a33 = y3.mul(b);
      for (int f = 1; f < d; f++) {
        at += stride;
        y0 = DoubleVector.fromArray(SPECIES, Yt, at);
        y1 = DoubleVector.fromArray(SPECIES, Yt, at + lanes);
        y2 = DoubleVector.fromArray(SPECIES, Yt, at + 2 * lanes);
        y3 = DoubleVector.fromArray(SPECIES, Yt, at + 3 * lanes);
        b = DoubleVector.broadcast(SPECIES, Q[r0 + f]);
        a00 = y0.fma(b, a00);
        a01 = y1.fma(b, a01);
        a02 = y2.fma(b, a02);
        a03 = y3.fma(b, a03);
        b = DoubleVector.broadcast(SPECIES, Q[r1 + f]);
        a10 = y0.fma(b, a10);
        a11 = y1.fma(b, a11);
        a12 = y2.fma(b, a12);
        a13 = y3.fma(b, a13);
        b = DoubleVector.broadcast(SPECIES, Q[r2 + f]);
        a20 = y0.fma(b, a20);
        a21 = y1.fma(b, a21);
        a22 = y2.fma(b, a22);
        a23 = y3.fma(b, a23);
        b = DoubleVector.broadcast(SPECIES, Q[r3 + f]);
        a30 = y0.fma(b, a30);
        a31 = y1.fma(b, a31);
        a32 = y2.fma(b, a32);
        a33 = y3.fma(b, a33);
      }
      int width = jTo - jFrom;
      int o = (q - qFrom) * width + j - jFrom;
      a00.intoArray(out, o);
      a01.intoArray(out, o + lanes);
      a02.intoArray(out, o + 2 * lanes);
      a03.intoArray(out, o + 3 * lanes);
      o += width;
      a10.intoArray(out, o);
      a11.intoArray(out, o + lanes);
      a12.intoArray(out, o + 2 * lanes);
      a13.intoArray(out, o + 3 * lanes);
      o += width;
      a20.intoArray(out, o);
      a21.intoArray(out, o + lanes);
      a22.intoArray(out, o + 2 * lanes);
      a23.intoArray(out, o + 3 * lanes);
      o += width;
      a30.intoArray(out, o);
      a31.intoArray(out, o + lanes);
      a32.intoArray(out, o + 2 * lanes);
      a33.intoArray(out, o + 3 * lanes);
    }

    /**
     * Turns the dot products of columns jFrom..jEnd-1 of out into {@code max(0, (‖q‖² − 2·dot) +
     * ‖y‖²)}, the same operations as the scalar twin.
     */
    private static void finish(double[] qNorms, int qFrom, int qTo, double[] yNorms, int jFrom,
        int jTo, int jEnd, double[] out) {
      int lanes = SPECIES.length();
      int width = jTo - jFrom;
      for (int q = qFrom; q < qTo; q++) {
        double qNorm = qNorms[q];
        int o = (q - qFrom) * width - jFrom;
        for (int j = jFrom; j < jEnd; j += lanes) {
          DoubleVector.fromArray(SPECIES, out, o + j).mul(-2.0).add(qNorm)
              .add(DoubleVector.fromArray(SPECIES, yNorms, j)).max(0.0).intoArray(out, o + j);
        }
      }
    }

    /** The dot products of query q with the lanes points from j, written to out. */
    private static void dotTrickColumn(double[] Q, int qFrom, int q, int d, double[] Yt, int base,
        int stride, int jFrom, int jTo, int j, double[] out) {
      int row = q * d;
      int at = base + j - jFrom;
      DoubleVector dot = DoubleVector.fromArray(SPECIES, Yt, at).mul(Q[row]);
      for (int f = 1; f < d; f++) {
        at += stride;
        dot = DoubleVector.fromArray(SPECIES, Yt, at)
            .fma(DoubleVector.broadcast(SPECIES, Q[row + f]), dot);
      }
      dot.intoArray(out, (q - qFrom) * (jTo - jFrom) + j - jFrom);
    }

    static int manhattanBlock(double[] Q, int qFrom, int qTo, int d,
        double[] Yt, int base, int stride, int jFrom, int jTo, double[] out) {
      int lanes = SPECIES.length();
      int width = jTo - jFrom;
      int bound = jFrom + SPECIES.loopBound(width);
      for (int j = jFrom; j < bound; j += lanes) {
        for (int q = qFrom; q < qTo; q++) {
          int row = q * d;
          int at = base + j - jFrom;
          DoubleVector s = DoubleVector.zero(SPECIES);
          for (int f = 0; f < d; f++) {
            s = s.add(DoubleVector.fromArray(SPECIES, Yt, at + f * stride).sub(Q[row + f])
                .lanewise(VectorOperators.ABS));
          }
          s.intoArray(out, (q - qFrom) * width + j - jFrom);
        }
      }
      return bound;
    }

    /** Skips whole vectors of values none of which is below the bound. */
    static int firstBelow(double[] values, int from, int to, double bound) {
      int lanes = SPECIES.length();
      DoubleVector b = DoubleVector.broadcast(SPECIES, bound);
      int i = from;
      for (; i + lanes <= to; i += lanes) {
        if (DoubleVector.fromArray(SPECIES, values, i).compare(VectorOperators.LT, b).anyTrue()) {
          return i;
        }
      }
      return i;
    }

    /** The smallest of {@code values[0..count)}, count a positive multiple of the lanes. */
    static double min(double[] values, int count) {
      DoubleVector min = DoubleVector.fromArray(SPECIES, values, 0);
      for (int j = SPECIES.length(); j < count; j += SPECIES.length()) {
        min = min.min(DoubleVector.fromArray(SPECIES, values, j));
      }
      return min.reduceLanes(VectorOperators.MIN);
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
