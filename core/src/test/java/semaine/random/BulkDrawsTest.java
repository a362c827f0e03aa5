package semaine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The bulk draws ({@link BulkDraws}: blocks twisted apart and converted on several cores,
 * Gaussians by rounds of kept attempts) against one draw per value: the same values, and the
 * generator left in the same state (the draws after them agree too), from every kind of start: a
 * fresh block, the middle of one, an odd word position, a cached Gaussian.
 */
class BulkDrawsTest {

  /** Sizes below, at and above the bulk threshold, across segments and not multiples of a block. */
  private static final int[] SIZES = {0, 1, 7, 4095, 4096, 4097, 100_003, 400_001};

  /** Ways to move a generator before the draws: none, into a block, to an odd word, cache a value. */
  private static final List<Consumer<RandomState>> STARTS = List.of(
      rs -> { },
      rs -> rs.randomSample(5),
      RandomState::nextUint32,
      RandomState::randn,
      rs -> rs.randomSample(312));

  @Test
  void randomSampleIsOneDrawPerValue() {
    assertBulkIsOneDrawPerValue(RandomState::randomSample, RandomState::randomSample);
  }

  @Test
  void randnIsOneDrawPerValue() {
    assertBulkIsOneDrawPerValue(RandomState::randn, RandomState::randn);
  }

  /** bulk(rs, n) against n calls of single(rs), from every start and of every size. */
  private static void assertBulkIsOneDrawPerValue(BiFunction<RandomState, Integer, double[]> bulk,
      ToDoubleFunction<RandomState> single) {
    for (int n : SIZES) {
      for (Consumer<RandomState> start : STARTS) {
        RandomState bulkState = started(start);
        RandomState singleState = started(start);
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
          expected[i] = single.applyAsDouble(singleState);
        }
        assertArrayEquals(expected, bulk.apply(bulkState, n), "n = " + n);
        assertSameAfter(singleState, bulkState, n);
      }
    }
  }

  @Test
  void matricesAndShiftedDrawsAreOneDrawPerElement() {
    int rows = 100_001;   // 300,003 values: two buffers of fillRows, one scratch
    int cols = 3;
    double[] loc = {1.0, -2.0, 5.0};
    RandomState bulk = started(RandomState::randn);
    RandomState single = started(RandomState::randn);
    double[][] normal = bulk.normal(loc, 2.5, rows);
    double[][] gaussian = bulk.randn(rows, cols);
    double[][] uniform = bulk.uniform(-3.0, 4.0, rows, cols);
    double[] flatUniform = bulk.uniform(-1.0, 1.0, 50_001);
    double[] flatNormal = bulk.normal(3.0, 0.5, 50_001);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        assertEquals(loc[c] + 2.5 * single.randn(), normal[r][c], "normal " + r + ", " + c);
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        assertEquals(single.randn(), gaussian[r][c], "randn " + r + ", " + c);
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        assertEquals(single.uniform(-3.0, 4.0), uniform[r][c], "uniform " + r + ", " + c);
      }
    }
    for (double v : flatUniform) {
      assertEquals(single.uniform(-1.0, 1.0), v);
    }
    for (double v : flatNormal) {
      assertEquals(single.normal(3.0, 0.5), v);
    }
    assertSameAfter(single, bulk, rows);
  }

  private static RandomState started(Consumer<RandomState> start) {
    RandomState rs = new RandomState(12345);
    start.accept(rs);
    return rs;
  }

  /** The next draws of both generators: 32-bit words, a Gaussian (cached or not), doubles. */
  private static void assertSameAfter(RandomState expected, RandomState actual, int n) {
    assertEquals(expected.randn(), actual.randn(), "first Gaussian after n = " + n);
    assertEquals(expected.randn(), actual.randn(), "second Gaussian after n = " + n);
    for (int i = 0; i < 700; i++) {
      assertEquals(expected.nextUint32(), actual.nextUint32(), "word " + i + " after n = " + n);
    }
  }
}
