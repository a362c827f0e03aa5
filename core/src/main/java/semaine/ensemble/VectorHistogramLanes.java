package semaine.ensemble;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link HistogramLanes#sumRowsScalar} with the Vector API: a sample's lanes are one vector (128 bits
 * for two lanes, 256 for four), added to each of its bins' lanes by one load, one addition and
 * one store. Each lane is a scalar addition of {@link HistogramLanes#sumRowsScalar}, so the bits
 * are its. The only class of the package that imports {@code jdk.incubator.vector}; loaded only
 * when the module is present.
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
}
