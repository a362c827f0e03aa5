package semaine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** choiceWith draws the same indices as repeated choice(n, size, p) calls. */
class ChoiceWithTest {

  @Test
  void repeatedDrawsEqualChoiceCalledEachTime() {
    double[] p = new double[37];
    double total = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = 1.0 + i % 5;
      total += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= total;
    }
    RandomState a = new RandomState(4);
    RandomState b = new RandomState(4);
    IntFunction<int[]> draws = b.choiceWith(p.length, p);
    for (int size : new int[] {1, 10, 0, 64}) {
      assertArrayEquals(a.choice(p.length, size, p), draws.apply(size));
    }
    assertArrayEquals(a.randint(0, 100, 5), b.randint(0, 100, 5));
  }

  @Test
  void badProbabilitiesAreRejectedUpFront() {
    assertThrows(IllegalArgumentException.class,
        () -> new RandomState(0).choiceWith(3, new double[] {0.5, 0.6, -0.1}));
  }
}
