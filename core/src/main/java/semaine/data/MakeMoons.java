package semaine.data;

import java.util.function.Supplier;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * Two interleaving half circles: scikit-learn 1.9's {@code make_moons}.
 *
 * <pre>{@code
 * LabeledSamples moons = new MakeMoons().nSamples(100).noise(0.1).randomState(0).generate();
 * }</pre>
 *
 * <p>The outer moon (label 0) is (cos t, sin t) for t = linspace(0, π, n_out); the inner one
 * (label 1) is (1 - cos t, 1 - sin t - 0.5) for t = linspace(0, π, n_in). Rows are shuffled with
 * one permutation, then {@code normal(scale=noise, size=(n, 2))} is added when a noise level is set.
 * An integer n gives n_out = n // 2 and n_in = n - n_out.
 *
 * <p>Exactness: the random draws are NumPy's; {@link Math#cos}/{@link Math#sin} may differ from
 * NumPy's vectorised cos/sin in the last bit, so coordinates agree to about 1e-15, not always ==.
 */
public final class MakeMoons {

  private int nOut;
  private int nIn;
  private boolean shuffle = true;
  private Double noise;
  private Supplier<RandomState> random = RandomState::new;

  private MakeMoons(int nOut, int nIn) {
    this.nOut = nOut;
    this.nIn = nIn;
  }

  /** {@code make_moons()}: 100 samples, no noise, shuffled. */
  public MakeMoons() {
    this(50, 50);
  }

  /** {@code make_moons(n_samples=n)}, n ≥ 1: n // 2 outer and the rest inner samples. */
  public MakeMoons nSamples(int n) {
    Checks.checkPositive("nSamples", n);
    return nSamples(n / 2, n - n / 2);
  }

  /** {@code make_moons(n_samples=(nOut, nIn))}: the size of each moon. */
  public MakeMoons nSamples(int nOut, int nIn) {
    this.nOut = Checks.checkNonNegative("nOut", nOut);
    this.nIn = Checks.checkNonNegative("nIn", nIn);
    return this;
  }

  /** {@code shuffle} (default true). */
  public MakeMoons shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /** {@code noise}: the standard deviation of Gaussian noise added to every coordinate (≥ 0). */
  public MakeMoons noise(double noise) {
    this.noise = Sampling.checkNoise(noise);
    return this;
  }

  /** {@code random_state=seed}: a fresh {@code RandomState(seed)} for each {@link #generate()}. */
  public MakeMoons randomState(long seed) {
    this.random = Sampling.seeded(seed);
    return this;
  }

  /** {@code random_state=rs}: draws from (and advances) the given shared stream. */
  public MakeMoons randomState(RandomState rs) {
    this.random = Sampling.shared(rs);
    return this;
  }

  /** Draws the moons: X of shape (n, 2), y in {0, 1}. */
  public LabeledSamples generate() {
    RandomState rs = random.get();
    double[] tOut = Sampling.linspace(0, Math.PI, nOut, true);
    double[] tIn = Sampling.linspace(0, Math.PI, nIn, true);
    double[] xs = new double[nOut + nIn];
    double[] ys = new double[nOut + nIn];
    for (int i = 0; i < nOut; i++) {
      xs[i] = Math.cos(tOut[i]);
      ys[i] = Math.sin(tOut[i]);
    }
    for (int i = 0; i < nIn; i++) {
      xs[nOut + i] = 1 - Math.cos(tIn[i]);
      ys[nOut + i] = 1 - Math.sin(tIn[i]) - 0.5;
    }
    return Sampling.twoClasses(xs, ys, nOut, shuffle, noise, rs);
  }
}
