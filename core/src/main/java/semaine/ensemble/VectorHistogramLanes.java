package semaine.ensemble;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link HistogramLanes#sumRowsScalar} and {@link HistogramLanes#sumColumnsScalar} with the Vector
 * API: a sample's lanes are one vector (128 bits for two lanes, 256 for four), added to each of
 * its bins' lanes by one load, one addition and one store. Each lane is a scalar addition of the
 * twin, so the bits are its. The only class of the package that imports
 * {@code jdk.incubator.vector}; loaded only when the module is present. The vector operations are
 * written out in each loop, not called through a helper method: C2 did not always inline such a
 * helper, and its vectors then became objects (a fit with a seven-column loop written that way
 * ran four to five times slower, in every fresh JVM tried).
 */
final class VectorHistogramLanes {

  private static final VectorSpecies<Double> TWO = DoubleVector.SPECIES_128;
  private static final VectorSpecies<Double> FOUR = DoubleVector.SPECIES_256;

  private VectorHistogramLanes() {}

  /** {@link HistogramLanes#sumRowsScalar}: the same lanes, a sample's as one vector. */
  static void sumRows(byte[] source, int stride, int n, int f0, int f1, int nBins, float[] gh,
      boolean hessians, boolean counts, double[] lanes) {
    if (HistogramLanes.width(hessians, counts) == 4) {
      for (int k = 0; k < n; k++) {
        int at = k * stride;
        DoubleVector sample = DoubleVector.broadcast(FOUR, gh[2 * k])
            .withLane(1, gh[2 * k + 1]).withLane(2, 1.0).withLane(3, 0.0);
        for (int f = f0; f < f1; f++) {
          int b = (f * nBins + (source[at + f] & 0xFF)) << 2;
          DoubleVector.fromArray(FOUR, lanes, b).add(sample).intoArray(lanes, b);
        }
      }
      return;
    }
    for (int k = 0; k < n; k++) {
      int at = k * stride;
      DoubleVector sample = DoubleVector.broadcast(TWO, gh[2 * k])
          .withLane(1, HistogramLanes.second(gh, k, hessians, counts));
      for (int f = f0; f < f1; f++) {
        int b = (f * nBins + (source[at + f] & 0xFF)) << 1;
        DoubleVector.fromArray(TWO, lanes, b).add(sample).intoArray(lanes, b);
      }
    }
  }

  /**
   * {@link HistogramLanes#sumColumnsScalar}: the same lanes, a sample's as one vector, its three
   * or four bins read from the columns (unrolled: a loop over the features was measured slower).
   */
  static void sumColumns(byte[][] binned, int f, boolean four, int nBins, int[] samples,
      int from, int n, float[] gh, boolean hessians, double[] lanes) {
    byte[] c0 = binned[f];
    byte[] c1 = binned[f + 1];
    byte[] c2 = binned[f + 2];
    byte[] c3 = binned[four ? f + 3 : f];
    int o0 = f * nBins;
    int o1 = o0 + nBins;
    int o2 = o1 + nBins;
    int o3 = o2 + nBins;
    if (!hessians) {
      for (int k = 0; k < n; k++) {
        int i = samples[from + k];
        DoubleVector sample = DoubleVector.broadcast(TWO, gh[2 * k]).withLane(1, 1.0);
        int b0 = (o0 + (c0[i] & 0xFF)) << 1;
        DoubleVector.fromArray(TWO, lanes, b0).add(sample).intoArray(lanes, b0);
        int b1 = (o1 + (c1[i] & 0xFF)) << 1;
        DoubleVector.fromArray(TWO, lanes, b1).add(sample).intoArray(lanes, b1);
        int b2 = (o2 + (c2[i] & 0xFF)) << 1;
        DoubleVector.fromArray(TWO, lanes, b2).add(sample).intoArray(lanes, b2);
        if (four) {
          int b3 = (o3 + (c3[i] & 0xFF)) << 1;
          DoubleVector.fromArray(TWO, lanes, b3).add(sample).intoArray(lanes, b3);
        }
      }
      return;
    }
    for (int k = 0; k < n; k++) {
      int i = samples[from + k];
      DoubleVector sample = DoubleVector.broadcast(FOUR, gh[2 * k])
          .withLane(1, gh[2 * k + 1]).withLane(2, 1.0).withLane(3, 0.0);
      int b0 = (o0 + (c0[i] & 0xFF)) << 2;
      DoubleVector.fromArray(FOUR, lanes, b0).add(sample).intoArray(lanes, b0);
      int b1 = (o1 + (c1[i] & 0xFF)) << 2;
      DoubleVector.fromArray(FOUR, lanes, b1).add(sample).intoArray(lanes, b1);
      int b2 = (o2 + (c2[i] & 0xFF)) << 2;
      DoubleVector.fromArray(FOUR, lanes, b2).add(sample).intoArray(lanes, b2);
      if (four) {
        int b3 = (o3 + (c3[i] & 0xFF)) << 2;
        DoubleVector.fromArray(FOUR, lanes, b3).add(sample).intoArray(lanes, b3);
      }
    }
  }
}
