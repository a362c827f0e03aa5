package semaine.data;

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
public final class MakeMoons extends TwoCurves<MakeMoons> {

  /** {@code make_moons()}: 100 samples, no noise, shuffled. */
  public MakeMoons() {}

  /** {@code make_moons(n_samples=n)}, n ≥ 1: n // 2 outer and the rest inner samples. */
  public MakeMoons nSamples(int n) {
    Checks.checkPositive("nSamples", n);
    return nSamples(n / 2, n - n / 2);
  }

  @Override
  void place(int nOut, int nIn, double[] xs, double[] ys) {
    double[] tOut = Sampling.linspace(0, Math.PI, nOut, true);
    double[] tIn = Sampling.linspace(0, Math.PI, nIn, true);
    for (int i = 0; i < nOut; i++) {
      xs[i] = Math.cos(tOut[i]);
      ys[i] = Math.sin(tOut[i]);
    }
    for (int i = 0; i < nIn; i++) {
      xs[nOut + i] = 1 - Math.cos(tIn[i]);
      ys[nOut + i] = 1 - Math.sin(tIn[i]) - 0.5;
    }
  }
}
