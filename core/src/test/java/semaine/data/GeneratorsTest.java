package semaine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static semaine.testsupport.ReferenceAssert.assertClose;
import static semaine.testsupport.ReferenceAssert.assertExact;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import semaine.random.RandomState;
import semaine.selection.TrainTestSplit;
import semaine.testsupport.ReferenceVectors;

/**
 * make_moons, make_circles and make_regression against scikit-learn 1.9
 * ({@code reference/datasets.py}, generators.json): labels and regression inputs and coefficients
 * exactly; coordinates built from cos/sin and targets built from a BLAS dot product within 1e-12.
 */
class GeneratorsTest {

  private static final double TOL = 1e-12;

  private static final Map<String, Supplier<LabeledSamples>> LABELED = Map.of(
      "make_moons(n_samples=100, noise=0.1, random_state=0)",
      () -> new MakeMoons().nSamples(100).noise(0.1).randomState(0).generate(),
      "make_moons(n_samples=15, random_state=3)",
      () -> new MakeMoons().nSamples(15).randomState(3).generate(),
      "make_moons(n_samples=(4, 7), noise=0.3, shuffle=False, random_state=1)",
      () -> new MakeMoons().nSamples(4, 7).noise(0.3).shuffle(false).randomState(1).generate(),
      "make_moons(n_samples=1, noise=0.05, random_state=8)",
      () -> new MakeMoons().nSamples(1).noise(0.05).randomState(8).generate(),
      "make_circles(n_samples=100, noise=0.05, factor=0.5, random_state=0)",
      () -> new MakeCircles().nSamples(100).noise(0.05).factor(0.5).randomState(0).generate(),
      "make_circles(n_samples=11, random_state=4)",
      () -> new MakeCircles().nSamples(11).randomState(4).generate(),
      "make_circles(n_samples=(6, 3), noise=0.2, factor=0.3, shuffle=False, random_state=2)",
      () -> new MakeCircles().nSamples(6, 3).noise(0.2).factor(0.3).shuffle(false).randomState(2)
          .generate());

  private static final Map<String, Supplier<RegressionSamples>> REGRESSION = Map.of(
      "make_regression(n_samples=20, n_features=5, n_informative=3, noise=1.0, bias=2.5, coef=True, "
          + "random_state=0)",
      () -> new MakeRegression().nSamples(20).nFeatures(5).nInformative(3).noise(1.0).bias(2.5)
          .randomState(0).generate(),
      "make_regression(n_samples=30, n_features=3, coef=True, random_state=42)",
      () -> new MakeRegression().nSamples(30).nFeatures(3).randomState(42).generate(),
      "make_regression(n_samples=8, n_features=4, n_informative=2, n_targets=3, noise=0.5, "
          + "coef=True, random_state=7)",
      () -> new MakeRegression().nSamples(8).nFeatures(4).nInformative(2).nTargets(3).noise(0.5)
          .randomState(7).generate(),
      "make_regression(n_samples=10, n_features=2, shuffle=False, noise=2.0, coef=True, "
          + "random_state=1)",
      () -> new MakeRegression().nSamples(10).nFeatures(2).shuffle(false).noise(2.0).randomState(1)
          .generate());

  @TestFactory
  Stream<DynamicTest> moonsAndCirclesMatchScikitLearn() {
    return cases(LABELED.keySet()).map(c -> {
      String call = (String) c.get("call");
      List<?> out = (List<?>) c.get("outputs");
      Executable check = () -> {
        LabeledSamples s = LABELED.get(call).get();
        assertExact(out.get(1), s.y(), call + " y");
        int inexact = assertClose(out.get(0), s.X(), TOL, call + " X");
        System.out.println(call + ": " + inexact + " of " + 2 * s.y().length
            + " coordinates not bit-identical");
      };
      return dynamicTest(call, check);
    });
  }

  @TestFactory
  Stream<DynamicTest> regressionMatchesScikitLearn() {
    return cases(REGRESSION.keySet()).map(c -> {
      String call = (String) c.get("call");
      List<?> out = (List<?>) c.get("outputs");
      Executable check = () -> {
        RegressionSamples r = REGRESSION.get(call).get();
        assertExact(out.get(0), r.X(), call + " X");
        boolean single = r.targets()[0].length == 1;
        assertExact(out.get(2), single ? r.coef() : r.coefs(), call + " coef");
        int inexact = assertClose(out.get(1), single ? r.y() : r.targets(), TOL, call + " y");
        System.out.println(call + ": " + inexact + " targets not bit-identical");
      };
      return dynamicTest(call, check);
    });
  }

  @Test
  void generatorsSharingOneRandomStateContinueOneStream() {
    Map<String, Object> c = ReferenceVectors.cases("generators.json").stream()
        .filter(x -> ((String) x.get("call")).startsWith("rs = RandomState(0)"))
        .findFirst().orElseThrow();
    List<?> out = (List<?>) c.get("outputs");
    RandomState rs = new RandomState(0);
    Blobs blobs = new MakeBlobs().nSamples(6).centers(2).randomState(rs).generate();
    LabeledSamples moons = new MakeMoons().nSamples(6).noise(0.1).randomState(rs).generate();
    TrainTestSplit.Split<int[]> split =
        TrainTestSplit.of(blobs.X(), blobs.y()).testSize(0.5).randomState(rs).split();
    assertExact(out.get(0), blobs.X(), "blobs X");
    assertExact(out.get(1), blobs.y(), "blobs y");
    assertClose(out.get(2), moons.X(), TOL, "moons X");
    assertExact(out.get(3), moons.y(), "moons y");
    assertExact(out.get(4), split.XTrain(), "X_train");
    assertExact(out.get(5), split.XTest(), "X_test");
    assertExact(out.get(6), split.yTrain(), "y_train");
    assertExact(out.get(7), split.yTest(), "y_test");
  }

  @Test
  void singleTargetAccessorsRefuseSeveralTargets() {
    RegressionSamples r = new MakeRegression().nSamples(3).nFeatures(2).nTargets(2).randomState(0)
        .generate();
    IllegalStateException e = assertThrows(IllegalStateException.class, r::y);
    assertTrue(e.getMessage().contains("targets()"), e.getMessage());
    assertEquals(2, r.coefs()[0].length);
  }

  @Test
  void badArgumentsAreRejectedNamingTheArgument() {
    assertMessage(() -> new MakeMoons().nSamples(0), "nSamples (0) must be >= 1");
    assertMessage(() -> new MakeMoons().nSamples(-1, 3), "nOut (-1) must be >= 0");
    assertMessage(() -> new MakeMoons().noise(-0.1), "noise (-0.1) must be >= 0");
    assertMessage(() -> new MakeCircles().nSamples(-2), "nSamples (-2) must be >= 0");
    assertMessage(() -> new MakeCircles().factor(1.0), "factor (1.0) must be in [0, 1)");
    assertMessage(() -> new MakeCircles().noise(Double.NaN), "noise (NaN) must be finite");
    assertMessage(() -> new MakeRegression().nSamples(0), "nSamples (0) must be >= 1");
    assertMessage(() -> new MakeRegression().nFeatures(0), "nFeatures (0) must be >= 1");
    assertMessage(() -> new MakeRegression().nInformative(-1), "nInformative (-1) must be >= 0");
    assertMessage(() -> new MakeRegression().nTargets(0), "nTargets (0) must be >= 1");
    assertMessage(() -> new MakeRegression().noise(-1), "noise (-1.0) must be >= 0");
    assertMessage(() -> new MakeRegression().randomState(1L << 32), "seed (4294967296)");
    assertMessage(() -> new MakeMoons().randomState(null), "randomState must not be null");
  }

  private static Stream<Map<String, Object>> cases(java.util.Set<String> calls) {
    List<Map<String, Object>> all = ReferenceVectors.cases("generators.json");
    List<Map<String, Object>> picked =
        all.stream().filter(c -> calls.contains((String) c.get("call"))).toList();
    assertEquals(calls.size(), picked.size(), "every Java call has a reference case");
    return picked.stream();
  }

  private static void assertMessage(Executable call, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), "message: " + e.getMessage());
  }
}
