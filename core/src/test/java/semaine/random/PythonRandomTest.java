package semaine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceVectors;

/** PythonRandom against CPython's {@code random.Random(seed).random()} (reference/python_random.py). */
class PythonRandomTest {

  @Test
  void randomEqualsCpythonsForEverySeed() {
    for (Map<String, Object> c : ReferenceVectors.cases("python_random.json")) {
      long seed = ((Number) c.get("seed")).longValue();
      double[] expected = ReferenceVectors.doubles(c.get("random"));
      var random = new PythonRandom(seed);
      double[] actual = new double[expected.length];
      for (int i = 0; i < actual.length; i++) {
        actual[i] = random.random();
      }
      assertArrayEquals(expected, actual, "seed " + seed);
    }
  }

  /** random.seed(0) and np.random.seed(0) seed MT19937 differently: the first draws differ. */
  @Test
  void seedingDiffersFromNumpysForTheSameSeed() {
    assertEquals(0.8444218515250481, new PythonRandom(0).random());
    assertEquals(0.5488135039273248, new RandomState(0).randomSample());
  }

  @Test
  void unseededGeneratorsStartFromDifferentStates() {
    assertNotEquals(new PythonRandom().random(), new PythonRandom().random());
  }
}
