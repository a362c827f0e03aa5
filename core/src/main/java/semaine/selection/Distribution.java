package semaine.selection;

import semaine.random.RandomState;

/**
 * A parameter distribution for {@link RandomizedSearchCV}: scipy.stats' frozen distributions,
 * drawn from the search's {@code RandomState} as their {@code rvs(random_state=rng)} draws.
 */
public interface Distribution {

  /** One value, drawn from {@code random}. */
  Object rvs(RandomState random);

  /**
   * {@code scipy.stats.uniform(loc, scale)}: {@code loc + scale u} with u from
   * {@code random.uniform(0, 1)} (one double of 53 random bits), on [loc, loc + scale).
   *
   * @throws IllegalArgumentException for a negative or non-finite scale or a non-finite loc
   */
  static Distribution uniform(double loc, double scale) {
    if (!Double.isFinite(loc) || !(scale >= 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("uniform(loc=" + loc + ", scale=" + scale + ") needs a"
          + " finite loc and a finite scale >= 0");
    }
    return new Distribution() {
      @Override
      public Object rvs(RandomState random) {
        return random.uniform(0.0, 1.0) * scale + loc;
      }

      @Override
      public String toString() {
        return "uniform(loc=" + loc + ", scale=" + scale + ")";
      }
    };
  }

  /**
   * {@code scipy.stats.randint(low, high)}: an integer in [low, high) from
   * {@code random.randint(low, high)}.
   *
   * @throws IllegalArgumentException unless low < high
   */
  static Distribution randint(long low, long high) {
    if (low >= high) {
      throw new IllegalArgumentException("randint(low=" + low + ", high=" + high + ") needs"
          + " low < high");
    }
    return new Distribution() {
      @Override
      public Object rvs(RandomState random) {
        return random.randint(low, high);
      }

      @Override
      public String toString() {
        return "randint(low=" + low + ", high=" + high + ")";
      }
    };
  }
}
