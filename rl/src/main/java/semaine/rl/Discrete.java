package semaine.rl;

import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * The integers {@code 0, 1, ..., n - 1}, as Gymnasium's {@code spaces.Discrete(n)}.
 *
 * @param n the number of elements, at least 1
 */
public record Discrete(int n) implements Space<Integer> {

  public Discrete {
    Checks.checkPositive("n", n);
  }

  @Override
  public boolean contains(Integer x) {
    return x != null && x >= 0 && x < n;
  }

  /** A uniform integer in [0, n): {@code random.randint(0, n)}. */
  @Override
  public Integer sample(RandomState random) {
    return (int) random.randint(0, n);
  }

  @Override
  public String toString() {
    return "Discrete(" + n + ")";
  }
}
