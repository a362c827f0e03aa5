package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/** Labels encode as np.unique(y, return_inverse=True) does, by the table and by sorting alike. */
class EncodedLabelsTest {

  @Test
  void narrowAndWideLabelRangesEncodeAsNpUnique() {
    RandomState rs = new RandomState(5);
    int[][] cases = {
        {1, 0, 1, 1, 0},
        {3, -2, 7, 3, 3, -2},
        {Integer.MAX_VALUE, Integer.MIN_VALUE, 0, Integer.MAX_VALUE},
        {42},
        {5, 1_000_000, 5, 9},
        ints(rs.randint(-3, 4, 1000)),
        ints(rs.randint(0, 100_000, 50)),
    };
    for (int[] y : cases) {
      int[] classes = Arrays.stream(y).sorted().distinct().toArray();
      int[] encoded = new int[y.length];
      for (int i = 0; i < y.length; i++) {
        encoded[i] = Arrays.binarySearch(classes, y[i]);
      }
      var labels = EncodedLabels.of(y);
      assertArrayEquals(classes, labels.classes(), Arrays.toString(y));
      assertArrayEquals(encoded, labels.encoded(), Arrays.toString(y));
    }
  }

  private static int[] ints(long[] values) {
    return Arrays.stream(values).mapToInt(Math::toIntExact).toArray();
  }
}
