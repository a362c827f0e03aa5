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
   * scalar twin. The centres go by groups of eight, whose dot products advance together feature by
   * feature in eight registers (each sample vector is loaded once per feature for the group, and
   * eight independent FMA chains keep both FMA units busy: one E-step of k = 8 on 10^6 x 20, one
   * thread, 2026-12-06: 18.7 ms against 25.5 for the blocked scalar kernel and 19.7 for four
   * registers). A group of fewer than eight centres repeats its last one in the spare registers,
   * which are not compared.
   *
   * @param xT samples column-major, shape (d, n)
   * @param centersT centres transposed, shape (d, k)
   */
  static int assign(double[] xT, int n, int d, double[] centersT, double[] cSq, int k,
      int start, int end, int[] labels) {
    int lanes = SPECIES.length();
    double[] chosen = new double[lanes];
    DoubleVector infinity = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
    int i = start;
    for (; i + lanes <= end; i += lanes) {
      // from +inf (not null, which made C2 box the vector at every sample): the first centre
      // below it is taken first, and centre 0 stays when none is, as in the scalar scan
      DoubleVector best = infinity;
      DoubleVector label = DoubleVector.zero(SPECIES);
      for (int j0 = 0; j0 < k; j0 += 8) {
        int last = Math.min(k, j0 + 8) - 1;
        int j1 = Math.min(j0 + 1, last);
        int j2 = Math.min(j0 + 2, last);
        int j3 = Math.min(j0 + 3, last);
        int j4 = Math.min(j0 + 4, last);
        int j5 = Math.min(j0 + 5, last);
        int j6 = Math.min(j0 + 6, last);
        int j7 = Math.min(j0 + 7, last);
        DoubleVector x0 = DoubleVector.fromArray(SPECIES, xT, i);
        DoubleVector a0 = x0.mul(centersT[j0]);
        DoubleVector a1 = x0.mul(centersT[j1]);
        DoubleVector a2 = x0.mul(centersT[j2]);
        DoubleVector a3 = x0.mul(centersT[j3]);
        DoubleVector a4 = x0.mul(centersT[j4]);
        DoubleVector a5 = x0.mul(centersT[j5]);
        DoubleVector a6 = x0.mul(centersT[j6]);
        DoubleVector a7 = x0.mul(centersT[j7]);
        for (int f = 1; f < d; f++) {
          DoubleVector xf = DoubleVector.fromArray(SPECIES, xT, f * n + i);
          int row = f * k;
          a0 = xf.fma(DoubleVector.broadcast(SPECIES, centersT[row + j0]), a0);
          a1 = xf.fma(DoubleVector.broadcast(SPECIES, centersT[row + j1]), a1);
          a2 = xf.fma(DoubleVector.broadcast(SPECIES, centersT[row + j2]), a2);
          a3 = xf.fma(DoubleVector.broadcast(SPECIES, centersT[row + j3]), a3);
          a4 = xf.fma(DoubleVector.broadcast(SPECIES, centersT[row + j4]), a4);
          a5 = xf.fma(DoubleVector.broadcast(SPECIES, centersT[row + j5]), a5);
          a6 = xf.fma(DoubleVector.broadcast(SPECIES, centersT[row + j6]), a6);
          a7 = xf.fma(DoubleVector.broadcast(SPECIES, centersT[row + j7]), a7);
        }
        // written out, not looped over an array of vectors: C2 would box them
        DoubleVector dist = DoubleVector.broadcast(SPECIES, cSq[j0]).sub(a0.mul(2.0));
        VectorMask<Double> first = dist.lt(best); // strict: the first centre wins ties
        best = best.blend(dist, first);
        label = label.blend(j0, first);
        if (j1 > j0) {
          dist = DoubleVector.broadcast(SPECIES, cSq[j1]).sub(a1.mul(2.0));
          VectorMask<Double> closer = dist.lt(best);
          best = best.blend(dist, closer);
          label = label.blend(j1, closer);
        }
        if (j2 > j1) {
          dist = DoubleVector.broadcast(SPECIES, cSq[j2]).sub(a2.mul(2.0));
          VectorMask<Double> closer = dist.lt(best);
          best = best.blend(dist, closer);
          label = label.blend(j2, closer);
        }
        if (j3 > j2) {
          dist = DoubleVector.broadcast(SPECIES, cSq[j3]).sub(a3.mul(2.0));
          VectorMask<Double> closer = dist.lt(best);
          best = best.blend(dist, closer);
          label = label.blend(j3, closer);
        }
        if (j4 > j3) {
          dist = DoubleVector.broadcast(SPECIES, cSq[j4]).sub(a4.mul(2.0));
          VectorMask<Double> closer = dist.lt(best);
          best = best.blend(dist, closer);
          label = label.blend(j4, closer);
        }
        if (j5 > j4) {
          dist = DoubleVector.broadcast(SPECIES, cSq[j5]).sub(a5.mul(2.0));
          VectorMask<Double> closer = dist.lt(best);
          best = best.blend(dist, closer);
          label = label.blend(j5, closer);
        }
        if (j6 > j5) {
          dist = DoubleVector.broadcast(SPECIES, cSq[j6]).sub(a6.mul(2.0));
          VectorMask<Double> closer = dist.lt(best);
          best = best.blend(dist, closer);
          label = label.blend(j6, closer);
        }
        if (j7 > j6) {
          dist = DoubleVector.broadcast(SPECIES, cSq[j7]).sub(a7.mul(2.0));
          VectorMask<Double> closer = dist.lt(best);
          best = best.blend(dist, closer);
          label = label.blend(j7, closer);
        }
      }
      label.intoArray(chosen, 0);
      for (int lane = 0; lane < lanes; lane++) {
        labels[i + lane] = (int) chosen[lane];
      }
    }
    return i;
  }

  /**
   * The M-step's running sums of clusters {@code j0 ..} (one lane each, as many as a vector
   * holds) over features {@code [f0, f1)}, carried on over samples {@code [i0, i1)}: feature f's
   * lanes at {@code acc[(f − f0)·lanes ..]} gain x_if in the lane of sample i's cluster, sample
   * after sample, as {@link Lloyd}'s scalar loop adds them from +0.0, so the same bits. Up to
   * eight features advance together, each in its own register (a masked add: the other lanes keep
   * their sums). The samples come a chunk per call so that C2 compiles this method after a few
   * hundred calls: a single call over all samples ran as C1's code, which boxes every vector, for
   * the first five M-steps of a fit of 10^6 x 20 (100-540 ms each against 5 ms).
   *
   * @param xT samples column-major, shape (d, n)
   */
  static void clusterSums(double[] xT, int n, int[] labels, int j0, int f0, int f1, int i0,
      int i1, double[] acc) {
    int lanes = SPECIES.length();
    DoubleVector iota = DoubleVector.zero(SPECIES).addIndex(1);
    for (int f = f0; f < f1; f += 8) {
      // a group of fewer than eight features repeats its last one: the spare registers add the
      // same values to the same loaded sums, and store them again unchanged
      int last = Math.min(f1, f + 8) - 1;
      int g1 = Math.min(f + 1, last);
      int g2 = Math.min(f + 2, last);
      int g3 = Math.min(f + 3, last);
      int g4 = Math.min(f + 4, last);
      int g5 = Math.min(f + 5, last);
      int g6 = Math.min(f + 6, last);
      int g7 = Math.min(f + 7, last);
      // feature g's running sums at (g − f0)·lanes in acc, its column at g·n in xT
      int r0 = (f - f0) * lanes;
      int r1 = (g1 - f0) * lanes;
      int r2 = (g2 - f0) * lanes;
      int r3 = (g3 - f0) * lanes;
      int r4 = (g4 - f0) * lanes;
      int r5 = (g5 - f0) * lanes;
      int r6 = (g6 - f0) * lanes;
      int r7 = (g7 - f0) * lanes;
      int c0 = f * n;
      int c1 = g1 * n;
      int c2 = g2 * n;
      int c3 = g3 * n;
      int c4 = g4 * n;
      int c5 = g5 * n;
      int c6 = g6 * n;
      int c7 = g7 * n;
      DoubleVector a0 = DoubleVector.fromArray(SPECIES, acc, r0);
      DoubleVector a1 = DoubleVector.fromArray(SPECIES, acc, r1);
      DoubleVector a2 = DoubleVector.fromArray(SPECIES, acc, r2);
      DoubleVector a3 = DoubleVector.fromArray(SPECIES, acc, r3);
      DoubleVector a4 = DoubleVector.fromArray(SPECIES, acc, r4);
      DoubleVector a5 = DoubleVector.fromArray(SPECIES, acc, r5);
      DoubleVector a6 = DoubleVector.fromArray(SPECIES, acc, r6);
      DoubleVector a7 = DoubleVector.fromArray(SPECIES, acc, r7);
      for (int i = i0; i < i1; i++) {
        VectorMask<Double> own = iota.eq(labels[i] - j0);
        a0 = a0.add(DoubleVector.broadcast(SPECIES, xT[c0 + i]), own);
        a1 = a1.add(DoubleVector.broadcast(SPECIES, xT[c1 + i]), own);
        a2 = a2.add(DoubleVector.broadcast(SPECIES, xT[c2 + i]), own);
        a3 = a3.add(DoubleVector.broadcast(SPECIES, xT[c3 + i]), own);
        a4 = a4.add(DoubleVector.broadcast(SPECIES, xT[c4 + i]), own);
        a5 = a5.add(DoubleVector.broadcast(SPECIES, xT[c5 + i]), own);
        a6 = a6.add(DoubleVector.broadcast(SPECIES, xT[c6 + i]), own);
        a7 = a7.add(DoubleVector.broadcast(SPECIES, xT[c7 + i]), own);
      }
      a0.intoArray(acc, r0);
      a1.intoArray(acc, r1);
      a2.intoArray(acc, r2);
      a3.intoArray(acc, r3);
      a4.intoArray(acc, r4);
      a5.intoArray(acc, r5);
      a6.intoArray(acc, r6);
      a7.intoArray(acc, r7);
    }
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
   * vector of samples is read once a feature for four candidates at a time, whose dot products
   * advance together in four registers (a candidate's FMA chain alone waits on each FMA's latency:
   * k-means++ on 2·10^5 x 16, k = 16, spent 55 ms in this step with one candidate at a time, its
   * candidates held as an array of broadcast vectors); a group of fewer than four repeats its last
   * candidate in the spare registers, which store the same values again. Returns the first sample
   * left for the scalar twin.
   */
  static int candidates(double[] x, double[] xT, int n, int d, double[] xSq, int[] s,
      double[] closest, int start, int end, double[][] out) {
    int trials = s.length;
    double[] norms = new double[trials];
    for (int t = 0; t < trials; t++) {
      norms[t] = ClusterDistances.rowNormSquared(x, s[t] * d, d);
    }
    int lanes = SPECIES.length();
    int i = start;
    for (; i + lanes <= end; i += lanes) {
      DoubleVector sq = DoubleVector.fromArray(SPECIES, xSq, i);
      DoubleVector near = DoubleVector.fromArray(SPECIES, closest, i);
      for (int t0 = 0; t0 < trials; t0 += 4) {
        int last = Math.min(trials, t0 + 4) - 1;
        int t1 = Math.min(t0 + 1, last);
        int t2 = Math.min(t0 + 2, last);
        int t3 = Math.min(t0 + 3, last);
        int r0 = s[t0] * d;
        int r1 = s[t1] * d;
        int r2 = s[t2] * d;
        int r3 = s[t3] * d;
        DoubleVector x0 = DoubleVector.fromArray(SPECIES, xT, i);
        DoubleVector a0 = x0.mul(x[r0]);
        DoubleVector a1 = x0.mul(x[r1]);
        DoubleVector a2 = x0.mul(x[r2]);
        DoubleVector a3 = x0.mul(x[r3]);
        for (int f = 1; f < d; f++) {
          DoubleVector xf = DoubleVector.fromArray(SPECIES, xT, f * n + i);
          a0 = xf.fma(DoubleVector.broadcast(SPECIES, x[r0 + f]), a0);
          a1 = xf.fma(DoubleVector.broadcast(SPECIES, x[r1 + f]), a1);
          a2 = xf.fma(DoubleVector.broadcast(SPECIES, x[r2 + f]), a2);
          a3 = xf.fma(DoubleVector.broadcast(SPECIES, x[r3 + f]), a3);
        }
        near.min(a0.mul(-2.0).add(norms[t0]).add(sq).max(0.0)).intoArray(out[t0], i);
        near.min(a1.mul(-2.0).add(norms[t1]).add(sq).max(0.0)).intoArray(out[t1], i);
        near.min(a2.mul(-2.0).add(norms[t2]).add(sq).max(0.0)).intoArray(out[t2], i);
        near.min(a3.mul(-2.0).add(norms[t3]).add(sq).max(0.0)).intoArray(out[t3], i);
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
