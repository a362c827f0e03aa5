package semaine.data;

import java.util.function.Supplier;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * What {@code make_moons} and {@code make_circles} share: two curves of n_out and n_in points
 * (labels 0 and 1), the rows shuffled with one permutation, then {@code normal(scale=noise,
 * size=(n, 2))} added when a noise level is set. Subclasses only place the points.
 *
 * @param <G> the generator type, so that chained setters keep it
 */
abstract class TwoCurves<G extends TwoCurves<G>> {

  private int nOut = 50;
  private int nIn = 50;
  private boolean shuffle = true;
  private Double noise;
  private Supplier<RandomState> random = RandomState::new;

  /** {@code n_samples=(nOut, nIn)}: the size of each curve. */
  public G nSamples(int nOut, int nIn) {
    this.nOut = Checks.checkNonNegative("nOut", nOut);
    this.nIn = Checks.checkNonNegative("nIn", nIn);
    return self();
  }

  /** {@code shuffle} (default true). */
  public G shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return self();
  }

  /** {@code noise}: the standard deviation of Gaussian noise added to every coordinate (≥ 0). */
  public G noise(double noise) {
    this.noise = Sampling.checkNoise(noise);
    return self();
  }

  /** {@code random_state=seed}: a fresh {@code RandomState(seed)} for each {@link #generate()}. */
  public G randomState(long seed) {
    this.random = Sampling.seeded(seed);
    return self();
  }

  /** {@code random_state=rs}: draws from (and advances) the given shared stream. */
  public G randomState(RandomState rs) {
    this.random = Sampling.shared(rs);
    return self();
  }

  /** Draws the two curves: X of shape (n, 2), y in {0, 1}. */
  public LabeledSamples generate() {
    RandomState rs = random.get();
    double[] xs = new double[nOut + nIn];
    double[] ys = new double[nOut + nIn];
    place(nOut, nIn, xs, ys);
    return Sampling.twoClasses(xs, ys, nOut, shuffle, noise, rs);
  }

  /** Writes the outer curve's points at [0, nOut) and the inner one's at [nOut, nOut + nIn). */
  abstract void place(int nOut, int nIn, double[] xs, double[] ys);

  @SuppressWarnings("unchecked")
  private G self() {
    return (G) this;
  }
}
