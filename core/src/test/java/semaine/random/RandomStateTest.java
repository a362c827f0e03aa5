package semaine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import semaine.testsupport.ReferenceVectors;

/**
 * Compares RandomState with NumPy's legacy RandomState on the vectors written by
 * {@code reference/rng.py}: every case of {@code rng.json} and {@code rng_extra.json} must match
 * with {@code ==}, including the long randn stream (Gaussians use glibc's logarithm, see GlibcLog).
 */
class RandomStateTest {

  /** The call of each case, by its name in the JSON (the name is the Python call). */
  private static final Map<String, Function<RandomState, Object>> CALLS = Map.ofEntries(
      Map.entry("random_sample(10)", rs -> rs.randomSample(10)),
      Map.entry("randn(10)", rs -> rs.randn(10)),
      Map.entry("randn(11)", rs -> rs.randn(11)),
      Map.entry("randn(3,4)", rs -> rs.randn(3, 4)),
      Map.entry("uniform(-3,5,10)", rs -> rs.uniform(-3, 5, 10)),
      Map.entry("normal(5,2,6)", rs -> rs.normal(5, 2, 6)),
      Map.entry("randint(0,10,20)", rs -> rs.randint(0, 10, 20)),
      Map.entry("randint(-5,17,12)", rs -> rs.randint(-5, 17, 12)),
      Map.entry("randint(0,2**40,4)", rs -> rs.randint(0, 1L << 40, 4)),
      Map.entry("permutation(10)", rs -> rs.permutation(10)),
      Map.entry("choice([2,3,4,5,6,7,8]) x8 scalar calls", rs -> {
        int[] a = {2, 3, 4, 5, 6, 7, 8};
        return repeat(8, () -> rs.choice(a));
      }),
      Map.entry("choice(10,4,replace=False)", rs -> rs.choice(10, 4, false)),
      Map.entry("choice(4,6,p=[0.1,0.2,0.3,0.4])",
          rs -> rs.choice(4, 6, new double[] {0.1, 0.2, 0.3, 0.4})),
      Map.entry("mixed: randn(3), rand(2), randn(1), randint(0,100,3), randn(2)", rs -> concat(
          rs.randn(3), rs.rand(2), rs.randn(1), toDoubles(rs.randint(0, 100, 3)), rs.randn(2))),
      Map.entry("shuffle(arange(20))", rs -> {
        long[] a = LongStream.range(0, 20).toArray();
        rs.shuffle(a);
        return a;
      }),
      // rng_extra.json
      Map.entry("randint(0,2**40,50)", rs -> rs.randint(0, 1L << 40, 50)),
      Map.entry("randint(-2**62,2**62,20)", rs -> rs.randint(-(1L << 62), 1L << 62, 20)),
      Map.entry("randint(0,2**32,20)", rs -> rs.randint(0, 1L << 32, 20)),
      Map.entry("randint(-2**31,2**31,10)", rs -> rs.randint(-(1L << 31), 1L << 31, 10)),
      Map.entry("randint(0,2**32+1,10)", rs -> rs.randint(0, (1L << 32) + 1, 10)),
      Map.entry("randint(4,5,5) then randint(0,1000,3)",
          rs -> LongStream.concat(Arrays.stream(rs.randint(4, 5, 5)),
              Arrays.stream(rs.randint(0, 1000, 3))).toArray()),
      Map.entry("choice(12,12,replace=False)", rs -> rs.choice(12, 12, false)),
      Map.entry("choice(5,0,replace=False)", rs -> rs.choice(5, 0, false)),
      Map.entry("choice(7,size=10)", rs -> rs.choice(7, 10)),
      Map.entry("choice(3,p=[0.5,0,0.5]) x10 scalar calls",
          rs -> repeat(10, () -> rs.choice(3, new double[] {0.5, 0.0, 0.5}))),
      Map.entry("shuffle(arange(18.).reshape(6,3))", rs -> {
        double[][] a = arangeMatrix(6, 3);
        rs.shuffle(a);
        return a;
      }),
      Map.entry("permutation(arange(12.).reshape(4,3))", rs -> rs.permutation(arangeMatrix(4, 3))),
      Map.entry("permutation(1000)", rs -> rs.permutation(1000)),
      Map.entry("interleave: normal(1,2,3), uniform(0,1,2), randn(1), standard_normal(2), "
          + "uniform(-1,1,1), normal(-3,0.5,1), randn(2,2)", rs -> concat(
              rs.normal(1, 2, 3), rs.uniform(0, 1, 2), rs.randn(1), rs.standardNormal(2),
              new double[] {rs.uniform(-1, 1)}, new double[] {rs.normal(-3, 0.5)},
              concat(rs.randn(2, 2)))),
      Map.entry("reseed clears cache: randn(1), seed(17), randn(2)", rs -> {
        double first = rs.randn();
        rs.seed(17);
        return concat(new double[] {first}, rs.randn(2));
      }),
      Map.entry("normal(loc=[0,10,-5],scale=2,size=(4,3))",
          rs -> rs.normal(new double[] {0, 10, -5}, 2, 4)),
      Map.entry("uniform(-10,10,(3,2))", rs -> rs.uniform(-10, 10, 3, 2)),
      Map.entry("raw uint32 via randint(0,2**32,dtype=uint64) x10",
          rs -> LongStream.range(0, 10).map(i -> rs.nextUint32()).toArray()));

  @TestFactory
  Stream<DynamicTest> everyNumpyCaseMatchesExactly() {
    return dynamicTests("rng.json");
  }

  @TestFactory
  Stream<DynamicTest> everyExtraNumpyCaseMatchesExactly() {
    return dynamicTests("rng_extra.json");
  }

  @Test
  void longRandnStreamMatchesNumpyExactly() {
    // exact with glibc's log; Math.log would first differ at index 662 (and about 1 in 2,500 after)
    double[] expected = longRandnReference();
    assertArrayEquals(expected, new RandomState(0).randn(expected.length));
  }

  @Test
  void firstWordsOfSeedZeroAreTheKnownMt19937Outputs() {
    RandomState rs = new RandomState(0);
    // Matsumoto-Nishimura init_genrand(0), also NumPy's randint(0, 2**32, dtype=uint64) at seed 0
    assertEquals(2357136044L, rs.nextUint32());
    assertEquals(2546248239L, rs.nextUint32());
  }

  @Test
  void gaussCacheIsNotUsedByUniformDraws() {
    RandomState a = new RandomState(5);
    double g1 = a.randn();
    double u = a.randomSample();
    double g2 = a.randn();
    RandomState b = new RandomState(5);
    double[] pair = b.randn(2);
    assertEquals(pair[0], g1);
    assertEquals(pair[1], g2);
    RandomState c = new RandomState(5);
    c.randomSample();
    c.randomSample();
    assertEquals(c.randomSample(), u);
  }

  @Test
  void sameSeedGivesSameStreamAndEntropySeedingWorks() {
    assertArrayEquals(new RandomState(99).randn(7), new RandomState(99).randn(7));
    double v = new RandomState().randomSample();
    assertTrue(v >= 0 && v < 1);
  }

  @Test
  void seedOutsideUnsigned32BitsIsRejected() {
    assertMessage(() -> new RandomState(4294967296L), "seed (4294967296) must be in [0, 4294967295]");
    assertMessage(() -> new RandomState(-1), "seed (-1)");
    assertMessage(() -> new RandomState(0).seed(1L << 40), "seed (");
  }

  @Test
  void negativeSizesAreRejectedNamingTheArgument() {
    RandomState rs = new RandomState(0);
    assertMessage(() -> rs.randn(-1), "n (-1) must be >= 0");
    assertMessage(() -> rs.randomSample(-2), "n (-2)");
    assertMessage(() -> rs.randn(2, -3), "cols (-3)");
    assertMessage(() -> rs.uniform(0, 1, -1, 2), "rows (-1)");
    assertMessage(() -> rs.randint(0, 5, -1), "n (-1)");
    assertMessage(() -> rs.permutation(-4), "n (-4)");
    assertMessage(() -> rs.choice(5, -1), "size (-1)");
    assertMessage(() -> rs.choice(-5), "n (-5)");
    assertMessage(() -> rs.choice(0), "n (0)");
    assertMessage(() -> rs.choice(new int[0]), "n (0)");
    assertMessage(() -> rs.choice(3, 4, false), "size (4) must be <= n (3)");
  }

  @Test
  void badRangesAreRejected() {
    RandomState rs = new RandomState(0);
    assertMessage(() -> rs.randint(5, 5), "low (5) must be < high (5)");
    assertMessage(() -> rs.normal(0, -1), "scale (-1.0) must be >= 0");
    assertMessage(() -> rs.uniform(0, Double.POSITIVE_INFINITY), "high - low");
  }

  @Test
  void badProbabilitiesAreRejectedNamingP() {
    RandomState rs = new RandomState(0);
    assertMessage(() -> rs.choice(3, new double[] {0.5, 0.5}), "p has 2 values but n is 3");
    assertMessage(() -> rs.choice(3, new double[] {0.5, 0.6, -0.1}), "p has a negative value");
    assertMessage(() -> rs.choice(3, new double[] {0.5, 0.5, 0.1}), "probabilities do not sum to 1");
    assertMessage(() -> rs.choice(3, new double[] {0.5, Double.NaN, 0.5}), "p has a non-finite");
    assertMessage(() -> rs.choice(2, 3, (double[]) null), "p must not be null");
    // within sqrt(eps) of 1 is accepted, as in NumPy
    assertNotNull(rs.choice(2, 3, new double[] {0.5, 0.5 + 1e-9}));
  }

  // ---------------------------------------------------------------- helpers

  private static double[] longRandnReference() {
    Map<String, Object> reference = ReferenceVectors.cases("rng_extra.json").stream()
        .filter(c -> c.get("name").equals("randn(2000)")).findFirst().orElseThrow();
    return ReferenceVectors.doubles(reference.get("value"));
  }

  private static Stream<DynamicTest> dynamicTests(String file) {
    List<Map<String, Object>> cases = ReferenceVectors.cases(file);
    return cases.stream()
        .filter(c -> !c.get("name").equals("randn(2000)"))
        .map(c -> {
          String name = (String) c.get("name");
          long seed = (Long) c.get("seed");
          Executable check = () -> {
            Function<RandomState, Object> call = CALLS.get(name);
            if (call == null) {
              fail("no Java call for reference case " + name);
            }
            assertSame(c.get("value"), call.apply(new RandomState(seed)), name);
          };
          return dynamicTest(name + " seed=" + seed, check);
        });
  }

  private static void assertSame(Object expected, Object actual, String name) {
    switch (actual) {
      case double[] d -> assertArrayEquals(ReferenceVectors.doubles(expected), d, name);
      case long[] l -> assertArrayEquals(ReferenceVectors.longs(expected), l, name);
      case int[] i -> assertArrayEquals(ReferenceVectors.ints(expected), i, name);
      case double[][] m -> {
        double[][] e = ReferenceVectors.matrix(expected);
        assertEquals(e.length, m.length, name);
        for (int r = 0; r < e.length; r++) {
          assertArrayEquals(e[r], m[r], name + " row " + r);
        }
      }
      default -> fail("unexpected result type " + actual.getClass());
    }
  }

  private static void assertMessage(Executable call, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), "message: " + e.getMessage());
  }

  private static int[] repeat(int n, java.util.function.IntSupplier draw) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = draw.getAsInt();
    }
    return out;
  }

  private static double[] toDoubles(long[] values) {
    return Arrays.stream(values).asDoubleStream().toArray();
  }

  private static double[] concat(double[]... parts) {
    return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
  }

  private static double[][] arangeMatrix(int rows, int cols) {
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r][c] = r * cols + c;
      }
    }
    return out;
  }

  @Test
  void choiceUniformDrawsAsChoiceWithEqualProbabilities() {
    for (int n : new int[] {1, 2, 3, 7, 10, 1000, 99_991}) {
      double[] p = new double[n];
      Arrays.fill(p, 1.0 / n);
      RandomState a = new RandomState(n);
      RandomState b = new RandomState(n);
      for (int draw = 0; draw < 20; draw++) {
        assertEquals(a.choice(n, p), b.choiceUniform(n), "n=" + n + " draw " + draw);
      }
      assertEquals(a.randomSample(), b.randomSample(), "same stream after the draws, n=" + n);
    }
  }
}
