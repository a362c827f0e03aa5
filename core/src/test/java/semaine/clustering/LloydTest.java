package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/** Lloyd's runs give the same bits whichever copies of the samples the E-step reads. */
class LloydTest {

  @Test
  void aLongRunThatMakesTheColumnMajorCopyMidwayEndsAsOneThatHadItFromTheStart() {
    // uniform samples have no clusters to find: the run takes well over COPY_COLUMNS_AFTER
    // iterations, so the run started without the copy makes it midway
    int n = 3000;
    int d = 9;
    int k = 6;
    double[] x = new RandomState(0).rand(n * d);
    double[] initial = new double[k * d];
    System.arraycopy(x, 0, initial, 0, k * d); // the first k samples
    Lloyd.Run without = new Lloyd(x, null, n, d).run(initial, k, 300, 0.0, null);
    Lloyd.Run with = new Lloyd(x, ClusterDistances.columnMajor(x, n, d), n, d)
        .run(initial, k, 300, 0.0, null);
    assertTrue(without.nIter() > Lloyd.COPY_COLUMNS_AFTER + 1, "iterations " + without.nIter());
    assertEquals(with.nIter(), without.nIter());
    assertArrayEquals(with.labels(), without.labels());
    assertArrayEquals(with.centers(), without.centers()); // bit for bit
    assertEquals(Double.doubleToLongBits(with.inertia()), Double.doubleToLongBits(without.inertia()));
  }
}
