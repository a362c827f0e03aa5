package semaine.rl.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.util.Json;

/** Against reference/discretize.py (NumPy's linspace, digitize and ravel_multi_index). */
class DiscretizerTest {

  @Test
  void linspaceAndDigitizeMatchNumPy() throws IOException {
    List<?> cases = (List<?>) reference().get("cases");
    for (Object c : cases) {
      Map<?, ?> one = (Map<?, ?>) c;
      double[] bins = Discretizer.linspace(number(one.get("low")), number(one.get("high")),
          (int) number(one.get("num")));
      assertArrayEquals(doubles(one.get("bins")), bins, 0.0, "linspace " + one.get("num"));
      double[] x = doubles(one.get("x"));
      double[] expected = doubles(one.get("digitize"));
      for (int i = 0; i < x.length; i++) {
        assertEquals((int) expected[i], Discretizer.digitize(x[i], bins), "x = " + x[i]);
      }
    }
  }

  @Test
  void lunarLanderStatesMatchRavelMultiIndexOfDigitize() throws IOException {
    Map<?, ?> lander = (Map<?, ?>) reference().get("lander");
    Discretizer discretizer = Discretizer.uniform(-1, 1, 10, 8);
    assertEquals((long) number(lander.get("n_states")), discretizer.nStates());
    List<?> observations = (List<?>) lander.get("observations");
    double[] states = doubles(lander.get("states"));
    for (int i = 0; i < observations.size(); i++) {
      assertEquals((long) states[i], discretizer.state(doubles(observations.get(i))));
    }
  }

  @Test
  void nanGoesToTheLastBinAsInNumPy() {
    assertEquals(3, Discretizer.digitize(Double.NaN, new double[] {0, 1, 2}));
  }

  @Test
  void badInputIsRefusedWithTheArgumentNamed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Discretizer(new double[][] {{0, 1, 1}}));
    assertTrue(e.getMessage().startsWith("bins[0] must be strictly increasing"), e.getMessage());
    var length = assertThrows(IllegalArgumentException.class,
        () -> Discretizer.uniform(-1, 1, 10, 8).state(new double[3]));
    assertEquals("x has 3 values but the discretizer has 8 dimensions", length.getMessage());
  }

  private static Map<?, ?> reference() throws IOException {
    try (InputStream in = DiscretizerTest.class.getResourceAsStream("/reference/discretize.json")) {
      return (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  private static double[] doubles(Object list) {
    return ((List<?>) list).stream().mapToDouble(DiscretizerTest::number).toArray();
  }
}
