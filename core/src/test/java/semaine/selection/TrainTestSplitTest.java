package semaine.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static semaine.testsupport.ReferenceAssert.assertExact;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import semaine.testsupport.ReferenceVectors;

/** train_test_split against scikit-learn 1.9 ({@code reference/datasets.py}), compared with ==. */
class TrainTestSplitTest {

  private static final Map<String, Supplier<TrainTestSplit.Split<?>>> CALLS = Map.of(
      "train_test_split(np.arange(20.).reshape(10, 2), np.arange(10), random_state=42)",
      () -> TrainTestSplit.of(arange(10, 2), ints(10)).randomState(42).split(),
      "train_test_split(np.arange(30.).reshape(15, 2), np.arange(15) * 0.5, test_size=0.3, "
          + "random_state=0)",
      () -> TrainTestSplit.of(arange(15, 2), halves(15)).testSize(0.3).randomState(0).split(),
      "train_test_split(np.arange(16.).reshape(8, 2), np.arange(8), test_size=3, train_size=4, "
          + "random_state=5)",
      () -> TrainTestSplit.of(arange(8, 2), ints(8)).testSize(3).trainSize(4).randomState(5)
          .split(),
      "train_test_split(np.arange(12.).reshape(6, 2), np.arange(6), train_size=0.5, random_state=1)",
      () -> TrainTestSplit.of(arange(6, 2), ints(6)).trainSize(0.5).randomState(1).split(),
      "train_test_split(np.arange(14.).reshape(7, 2), np.arange(7), shuffle=False, test_size=0.4)",
      () -> TrainTestSplit.of(arange(7, 2), ints(7)).shuffle(false).testSize(0.4).split());

  @TestFactory
  Stream<DynamicTest> everySplitMatchesScikitLearnExactly() {
    List<Map<String, Object>> cases = ReferenceVectors.cases("generators.json").stream()
        .filter(c -> CALLS.containsKey((String) c.get("call"))).toList();
    assertEquals(CALLS.size(), cases.size());
    return cases.stream().map(c -> {
      String call = (String) c.get("call");
      List<?> out = (List<?>) c.get("outputs");
      Executable check = () -> {
        TrainTestSplit.Split<?> s = CALLS.get(call).get();
        assertExact(out.get(0), s.XTrain(), "X_train");
        assertExact(out.get(1), s.XTest(), "X_test");
        assertExact(out.get(2), s.yTrain(), "y_train");
        assertExact(out.get(3), s.yTest(), "y_test");
      };
      return dynamicTest(call, check);
    });
  }

  @Test
  void defaultTestSizeIsAQuarterRoundedUp() {
    TrainTestSplit.Indices ind = TrainTestSplit.of(arange(10, 1), ints(10)).randomState(0).indices();
    assertEquals(3, ind.test().length); // ceil(0.25 * 10)
    assertEquals(7, ind.train().length);
  }

  @Test
  void unshuffledSplitKeepsOrder() {
    TrainTestSplit.Indices ind = TrainTestSplit.of(arange(5, 1), ints(5)).shuffle(false)
        .testSize(2).indices();
    assertArrayEquals(new int[] {0, 1, 2}, ind.train());
    assertArrayEquals(new int[] {3, 4}, ind.test());
  }

  @Test
  void badSizesAreRejectedNamingTheArgument() {
    assertMessage(() -> TrainTestSplit.of(arange(5, 1), ints(5)).testSize(1.5).split(),
        "testSize (1.5) must be in (0, 1)");
    assertMessage(() -> TrainTestSplit.of(arange(5, 1), ints(5)).testSize(5).split(),
        "testSize (5) must be in [1, 4]");
    assertMessage(() -> TrainTestSplit.of(arange(5, 1), ints(5)).trainSize(0).split(),
        "trainSize (0)");
    assertMessage(() -> TrainTestSplit.of(arange(5, 1), ints(5)).testSize(0.6).trainSize(0.6)
        .split(), "testSize + trainSize (1.2)");
    assertMessage(() -> TrainTestSplit.of(arange(5, 1), ints(5)).testSize(3).trainSize(3).split(),
        "must be <= the number of samples (5)");
    assertMessage(() -> TrainTestSplit.of(arange(2, 1), ints(2)).testSize(0.9).split(),
        "empty train set");
    assertMessage(() -> TrainTestSplit.of(arange(5, 1), ints(4)), "X has 5 rows but y has 4");
  }

  private static void assertMessage(Executable call, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), "message: " + e.getMessage());
  }

  private static double[][] arange(int rows, int cols) {
    double[][] X = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        X[r][c] = r * cols + c;
      }
    }
    return X;
  }

  private static int[] ints(int n) {
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i;
    }
    return y;
  }

  private static double[] halves(int n) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i * 0.5;
    }
    return y;
  }
}
