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
   * The samples' panels, the layout every kernel here reads: the whole vectors of samples, one
   * after the other, each as its d feature vectors (sample i, feature f at
   * {@code (i − i mod L)·d + f·L + i mod L} for L = {@link #lanes()}). A kernel then reads one
   * sequential stream; from d columns of length n (d streams n values apart) the E-step of k = 8
   * on 10^6 x 20, one thread, took 19.1-20.0 ms against 7.7-8.1 from the panels (2026-12-07).
   * The last n mod L samples are not in the panels: the scalar twins take them from the rows.
   *
   * @param x samples, row-major, shape (n, d)
   */
  static double[] panels(double[] x, int n, int d) {
    int lanes = SPECIES.length();
    int whole = n / lanes * lanes;
    double[] out = new double[whole * d];
    Chunks.forEach(whole, chunk -> copyPanels(x, d, lanes, Chunks.start(chunk),
        Chunks.end(chunk, whole), out));
    return out;
  }

  private static void copyPanels(double[] x, int d, int lanes, int start, int end, double[] out) {
    for (int i = start; i < end; i++) {
      int lane = i % lanes;
      int panel = (i - lane) * d + lane;
      int row = i * d;
      for (int f = 0; f < d; f++) {
        out[panel + f * lanes] = x[row + f];
      }
    }
  }

  /**
   * Labels whole vectors of samples from {@code start}; returns the first sample left for the
   * scalar twin. The centres go by groups of eight, whose dot products advance together feature by
   * feature in eight registers (each sample vector is loaded once per feature for the group, and
   * eight independent FMA chains keep both FMA units busy: one E-step of k = 8 on 10^6 x 20, one
   * thread, 2026-12-06: 18.7 ms against 25.5 for the blocked scalar kernel and 19.7 for four
   * registers). A group of fewer than eight centres repeats its last one in the spare registers,
   * which are not compared.
   *
   * @param xp the samples' {@link #panels}; {@code start} a multiple of {@link #lanes()}
   * @param centersT centres transposed, shape (d, k)
   */
  static int assign(double[] xp, int d, double[] centersT, double[] cSq, int k,
      int start, int end, int[] labels) {
    int lanes = SPECIES.length();
    end = Math.min(end, xp.length / d);
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
        int panel = i * d;
        DoubleVector x0 = DoubleVector.fromArray(SPECIES, xp, panel);
        DoubleVector a0 = x0.mul(centersT[j0]);
        DoubleVector a1 = x0.mul(centersT[j1]);
        DoubleVector a2 = x0.mul(centersT[j2]);
        DoubleVector a3 = x0.mul(centersT[j3]);
        DoubleVector a4 = x0.mul(centersT[j4]);
        DoubleVector a5 = x0.mul(centersT[j5]);
        DoubleVector a6 = x0.mul(centersT[j6]);
        DoubleVector a7 = x0.mul(centersT[j7]);
        for (int f = 1; f < d; f++) {
          DoubleVector xf = DoubleVector.fromArray(SPECIES, xp, panel + f * lanes);
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
   * {@link DistanceKernels#addRows}' sums: each sample's row added to its cluster's a vector of
   * features at a time, the last features one at a time: the same additions in the same order as
   * one value at a time, so the same bits.
   */
  static void addRows(double[] x, int d, int[] labels, int start, int end, double[] sums) {
    int lanes = SPECIES.length();
    for (int i = start; i < end; i++) {
      int offset = labels[i] * d;
      int row = i * d;
      int f = 0;
      for (; f + lanes <= d; f += lanes) {
        DoubleVector.fromArray(SPECIES, sums, offset + f)
            .add(DoubleVector.fromArray(SPECIES, x, row + f)).intoArray(sums, offset + f);
      }
      for (; f < d; f++) {
        sums[offset + f] += x[row + f];
      }
    }
  }

  /**
   * {@link DistanceKernels#candidate} for whole vectors of samples from {@code start} (a multiple
   * of {@link #lanes()}) in the {@link #panels} {@code xp}; returns the first sample left for the
   * scalar twin.
   */
  static int candidate(double[] x, double[] xp, int d, double[] xSq, int s, boolean gemv,
      double[] closest, int start, int end, double[] out) {
    end = Math.min(end, xp.length / d);
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
      int panel = i * d;
      if (gemv && d > 1) {
        acc = DoubleVector.fromArray(SPECIES, xp, panel + lanes).mul(c[1]);
        acc = DoubleVector.fromArray(SPECIES, xp, panel).fma(c[0], acc);
        f = 2;
      } else {
        acc = DoubleVector.fromArray(SPECIES, xp, panel).mul(c[0]);
        f = 1;
      }
      for (; f < d; f++) {
        acc = DoubleVector.fromArray(SPECIES, xp, panel + f * lanes).fma(c[f], acc);
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
   * candidate in the spare registers, which store the same values again. Reads the {@link #panels}
   * {@code xp} from {@code start}, a multiple of {@link #lanes()}; returns the first sample left
   * for the scalar twin.
   */
  static int candidates(double[] x, double[] xp, int d, double[] xSq, int[] s,
      double[] closest, int start, int end, double[][] out) {
    end = Math.min(end, xp.length / d);
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
        int panel = i * d;
        DoubleVector x0 = DoubleVector.fromArray(SPECIES, xp, panel);
        DoubleVector a0 = x0.mul(x[r0]);
        DoubleVector a1 = x0.mul(x[r1]);
        DoubleVector a2 = x0.mul(x[r2]);
        DoubleVector a3 = x0.mul(x[r3]);
        for (int f = 1; f < d; f++) {
          DoubleVector xf = DoubleVector.fromArray(SPECIES, xp, panel + f * lanes);
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
