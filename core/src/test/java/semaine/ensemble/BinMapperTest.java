package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bins' table search against its definition (the first threshold at least x), on thresholds
 * spread evenly, crowded in a corner (the fallback to halving a bucket's range), few or none, and
 * on the thresholds themselves and their neighbouring doubles.
 */
class BinMapperTest {

  /** The definition: the first i with {@code x <= t[i]}, t.length when none. */
  private static int plain(double[] t, double x) {
    int i = 0;
    while (i < t.length && t[i] < x) {
      i++;
    }
    return i;
  }

  @Test
  void tableSearchFindsTheFirstThresholdAtLeastX() {
    Random random = new Random(3);
    double[] normal = new double[254];
    double[] skewed = new double[254];
    for (int i = 0; i < normal.length; i++) {
      normal[i] = random.nextGaussian();
      skewed[i] = Math.exp(4 * random.nextGaussian());
    }
    double[][] cases = {distinct(normal), distinct(skewed), {}, {0.5}, {-1, 1e300},
        {-0.0, 1, 2, 3}, {1, 1 + Math.ulp(1.0), 1 + 2 * Math.ulp(1.0), 7}};
    for (double[] t : cases) {
      BinMapper.Search search = new BinMapper.Search(t);
      double[] xs = new double[4 * t.length + 2000];
      int k = 0;
      for (double threshold : t) {
        xs[k++] = threshold;
        xs[k++] = Math.nextUp(threshold);
        xs[k++] = Math.nextDown(threshold);
        xs[k++] = -threshold;
      }
      while (k < xs.length) {
        xs[k++] = random.nextInt(4) == 0 ? Math.exp(6 * random.nextGaussian())
            : 3 * random.nextGaussian();
      }
      xs[0] = t.length == 0 ? 0.0 : xs[0];
      for (double x : xs) {
        assertEquals(plain(t, x), search.firstAtLeast(x), Arrays.toString(t) + " x=" + x);
      }
      assertEquals(plain(t, 0.0), search.firstAtLeast(-0.0), "x=-0.0");
      assertEquals(plain(t, -1e300), search.firstAtLeast(-1e300));
      assertEquals(t.length, search.firstAtLeast(1.7e308));
    }
  }

  private static double[] distinct(double[] values) {
    return Arrays.stream(values).sorted().distinct().toArray();
  }
}
