package semaine.clustering;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DistanceKernels}' loops with the Vector API: one lane per sample, the same operations per
 * lane as the scalar twins (product, FMAs, {@code ‖c‖² − 2·dot}, strict compare, max and min with
 * Math's semantics), so the same bits. The only class that imports {@code jdk.incubator.vector};
 * loaded only when the module is present.
 */
final class VectorDistanceKernels {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  private VectorDistanceKernels() {}

  /**
   * Labels whole vectors of samples from {@code start}; returns the first sample left for the
   * scalar twin.
   *
   * @param xT samples column-major, shape (d, n)
   * @param centersT centres transposed, shape (d, k)
   */
  static int assign(double[] xT, int n, int d, double[] centersT, double[] cSq, int k,
      int start, int end, int[] labels) {
    int lanes = SPECIES.length();
    double[] chosen = new double[lanes];
    DoubleVector[] c = new DoubleVector[d * k]; // centresT broadcast, shape (d, k)
    for (int m = 0; m < d * k; m++) {
      c[m] = DoubleVector.broadcast(SPECIES, centersT[m]);
    }
    DoubleVector[] norms = new DoubleVector[k]; // ‖c_j‖² broadcast, shape (k,)
    for (int j = 0; j < k; j++) {
      norms[j] = DoubleVector.broadcast(SPECIES, cSq[j]);
    }
    int i = start;
    for (; i + lanes <= end; i += lanes) {
      DoubleVector best = distance(xT, n, d, c, norms, k, 0, i);
      DoubleVector label = DoubleVector.zero(SPECIES);
      for (int j = 1; j < k; j++) {
        DoubleVector dist = distance(xT, n, d, c, norms, k, j, i);
        VectorMask<Double> closer = dist.lt(best); // strict: the first centre wins ties
        best = best.blend(dist, closer);
        label = label.blend(j, closer);
      }
      label.intoArray(chosen, 0);
      for (int lane = 0; lane < lanes; lane++) {
        labels[i + lane] = (int) chosen[lane];
      }
    }
    return i;
  }

  /** ‖c_j‖² − 2 x·c_j for the samples i .. i + lanes − 1. */
  private static DoubleVector distance(
      double[] xT, int n, int d, DoubleVector[] c, DoubleVector[] norms, int k, int j, int i) {
    DoubleVector acc = DoubleVector.fromArray(SPECIES, xT, i).mul(c[j]);
    for (int f = 1; f < d; f++) {
      acc = DoubleVector.fromArray(SPECIES, xT, f * n + i).fma(c[f * k + j], acc);
    }
    return norms[j].sub(acc.mul(2.0));
  }

  /**
   * {@link DistanceKernels#candidate} for whole vectors of samples from {@code start}; returns the
   * first sample left for the scalar twin.
   */
  static int candidate(double[] x, double[] xT, int n, int d, double[] xSq, int s, boolean gemv,
      double[] closest, int start, int end, double[] out) {
    int offset = s * d;
    double cSq = ClusterDistances.rowNormSquared(x, offset, d);
    DoubleVector norm = DoubleVector.broadcast(SPECIES, cSq);
    DoubleVector[] c = new DoubleVector[d]; // the candidate, broadcast, shape (d,)
    for (int f = 0; f < d; f++) {
      c[f] = DoubleVector.broadcast(SPECIES, x[offset + f]);
    }
    int lanes = SPECIES.length();
    int i = start;
    for (; i + lanes <= end; i += lanes) {
      DoubleVector acc;
      int f;
      if (gemv && d > 1) {
        acc = DoubleVector.fromArray(SPECIES, xT, n + i).mul(c[1]);
        acc = DoubleVector.fromArray(SPECIES, xT, i).fma(c[0], acc);
        f = 2;
      } else {
        acc = DoubleVector.fromArray(SPECIES, xT, i).mul(c[0]);
        f = 1;
      }
      for (; f < d; f++) {
        acc = DoubleVector.fromArray(SPECIES, xT, f * n + i).fma(c[f], acc);
      }
      DoubleVector dist = acc.mul(-2.0).add(norm).add(DoubleVector.fromArray(SPECIES, xSq, i))
          .max(0.0);
      if (closest != null) {
        dist = DoubleVector.fromArray(SPECIES, closest, i).min(dist);
      }
      dist.intoArray(out, i);
    }
    return i;
  }

  /**
   * {@link DistanceKernels#candidates} for whole vectors of samples from {@code start}: each
   * vector of samples is read once for all candidates; returns the first sample left for the
   * scalar twin.
   */
  static int candidates(double[] x, double[] xT, int n, int d, double[] xSq, int[] s,
      double[] closest, int start, int end, double[][] out) {
    int trials = s.length;
    DoubleVector[] c = new DoubleVector[trials * d]; // the candidates, broadcast, shape (trials, d)
    DoubleVector[] norms = new DoubleVector[trials];
    for (int t = 0; t < trials; t++) {
      int offset = s[t] * d;
      norms[t] = DoubleVector.broadcast(SPECIES, ClusterDistances.rowNormSquared(x, offset, d));
      for (int f = 0; f < d; f++) {
        c[t * d + f] = DoubleVector.broadcast(SPECIES, x[offset + f]);
      }
    }
    int lanes = SPECIES.length();
    int i = start;
    for (; i + lanes <= end; i += lanes) {
      DoubleVector sq = DoubleVector.fromArray(SPECIES, xSq, i);
      DoubleVector near = DoubleVector.fromArray(SPECIES, closest, i);
      for (int t = 0; t < trials; t++) {
        int row = t * d;
        DoubleVector acc = DoubleVector.fromArray(SPECIES, xT, i).mul(c[row]);
        for (int f = 1; f < d; f++) {
          acc = DoubleVector.fromArray(SPECIES, xT, f * n + i).fma(c[row + f], acc);
        }
        DoubleVector dist = acc.mul(-2.0).add(norms[t]).add(sq).max(0.0);
        near.min(dist).intoArray(out[t], i);
      }
    }
    return i;
  }

  /**
   * {@link EuclideanPrim}'s relaxation for whole vectors of positions from {@code start}: the
   * reachability max(core(current), core(p), sqrt(Σ (a_f − x_f)²) / alpha) replaces reach[p] when
   * strictly smaller, and source[p] becomes {@code current}; returns the first position left for
   * the scalar twin.
   */
  static int relax(double[][] columns, double[] a, double coreCur, double alpha, double[] core,
      double[] reach, int[] source, int current, int start, int end) {
    int d = a.length;
    int lanes = SPECIES.length();
    DoubleVector coreA = DoubleVector.broadcast(SPECIES, coreCur);
    DoubleVector[] c = new DoubleVector[d];
    for (int f = 0; f < d; f++) {
      c[f] = DoubleVector.broadcast(SPECIES, a[f]);
    }
    int p = start;
    for (; p + lanes <= end; p += lanes) {
      DoubleVector gap = c[0].sub(DoubleVector.fromArray(SPECIES, columns[0], p));
      DoubleVector s = gap.mul(gap);
      for (int f = 1; f < d; f++) {
        gap = c[f].sub(DoubleVector.fromArray(SPECIES, columns[f], p));
        s = s.add(gap.mul(gap));
      }
      DoubleVector dist = s.sqrt();
      if (alpha != 1.0) {
        dist = dist.div(alpha);
      }
      DoubleVector r = coreA.max(DoubleVector.fromArray(SPECIES, core, p)).max(dist);
      DoubleVector old = DoubleVector.fromArray(SPECIES, reach, p);
      VectorMask<Double> closer = r.lt(old);
      if (closer.anyTrue()) {
        old.blend(r, closer).intoArray(reach, p);
        for (int lane = 0; lane < lanes; lane++) {
          if (closer.laneIsSet(lane)) {
            source[p + lane] = current;
          }
        }
      }
    }
    return p;
  }

  /** Doubles per vector. */
  static int lanes() {
    return SPECIES.length();
  }

  /**
   * {@link DistanceKernels#nearestWard} over the whole vectors of positions from {@code start}:
   * each lane keeps its own two smallest values and the first position of the smallest, then the
   * lanes agree on the smallest value and, among equals, the lowest position, and on the
   * runner-up, as one scan in order would.
   */
  static int nearestWard(double[] cols, int stride, int d, double[] sizes, double[] cx, double nx,
      int start, int end, double[] best) {
    int lanes = SPECIES.length();
    DoubleVector[] c = new DoubleVector[d];
    for (int f = 0; f < d; f++) {
      c[f] = DoubleVector.broadcast(SPECIES, cx[f]);
    }
    DoubleVector size = DoubleVector.broadcast(SPECIES, nx);
    DoubleVector bestV = DoubleVector.broadcast(SPECIES, best[0]);
    DoubleVector secondV = DoubleVector.broadcast(SPECIES, best[1]);
    DoubleVector at = DoubleVector.broadcast(SPECIES, -1.0);
    DoubleVector position = DoubleVector.zero(SPECIES).addIndex(1).add(start);
    int half = d >= 4 ? d / 2 : d;
    for (int i = start; i + lanes <= end; i += lanes, position = position.add(lanes)) {
      DoubleVector ni = DoubleVector.fromArray(SPECIES, sizes, i);
      // n_i·n_x / (n_i + n_x) >= min(n_i, n_x) / 2, rounded too, and the sum only grows: a lower
      // bound of w that skips the rest of the features, and the division, for most lanes
      DoubleVector low = ni.min(size).mul(0.5);
      DoubleVector gap = DoubleVector.fromArray(SPECIES, cols, i).sub(c[0]);
      DoubleVector s = gap.mul(gap);
      for (int f = 1; f < half; f++) {
        gap = DoubleVector.fromArray(SPECIES, cols, f * stride + i).sub(c[f]);
        s = gap.fma(gap, s);
      }
      if (half < d && !low.mul(s).lt(secondV).anyTrue()) {
        continue;
      }
      for (int f = half; f < d; f++) {
        gap = DoubleVector.fromArray(SPECIES, cols, f * stride + i).sub(c[f]);
        s = gap.fma(gap, s);
      }
      if (low.mul(s).lt(secondV).anyTrue()) {
        DoubleVector w = ni.mul(size).div(ni.add(size)).mul(s);
        VectorMask<Double> closer = w.lt(bestV);
        secondV = secondV.min(w.blend(bestV, closer));  // the value that lost
        bestV = bestV.blend(w, closer);
        at = at.blend(position, closer);
      }
    }
    double[] values = bestV.toArray();
    double[] seconds = secondV.toArray();
    double[] positions = at.toArray();
    int found = -1;
    int winner = -1;
    for (int lane = 0; lane < lanes; lane++) {
      if (positions[lane] < 0) {
        continue;
      }
      if (values[lane] < best[0] || (values[lane] == best[0] && positions[lane] < found)) {
        best[0] = values[lane];
        found = (int) positions[lane];
        winner = lane;
      }
    }
    double second = best[1];
    for (int lane = 0; lane < lanes; lane++) {
      second = Math.min(second, seconds[lane]);
      if (winner >= 0 && lane != winner) {
        second = Math.min(second, values[lane]);
      }
    }
    best[1] = second;
    return found;
  }
}
