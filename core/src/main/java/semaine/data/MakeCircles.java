package semaine.data;

import semaine.util.Checks;

/**
 * A large circle containing a smaller one: scikit-learn 1.9's {@code make_circles}.
 *
 * <pre>{@code
 * LabeledSamples circles = new MakeCircles().nSamples(100).noise(0.05).factor(0.5).randomState(0).generate();
 * }</pre>
 *
 * <p>The outer circle (label 0) is (cos t, sin t) for t = linspace(0, 2π, n_out, endpoint=False), so
 * the first point is not repeated; the inner one (label 1) is factor·(cos t, sin t) on its own
 * n_in angles. Rows are shuffled with one permutation, then {@code normal(scale=noise, size=(n, 2))}
 * is added when a noise level is set. An integer n gives n_out = n // 2 and n_in = n - n_out.
 *
 * <p>Exactness: the random draws are NumPy's; {@link Math#cos}/{@link Math#sin} may differ from
 * NumPy's vectorised cos/sin in the last bit, so coordinates agree to about 1e-15, not always ==.
 */
public final class MakeCircles extends TwoCurves<MakeCircles> {

  private double factor = 0.8;

  /** {@code make_circles()}: 100 samples, factor 0.8, no noise, shuffled. */
  public MakeCircles() {}

  /** {@code make_circles(n_samples=n)}, n ≥ 0: n // 2 outer and the rest inner samples. */
  public MakeCircles nSamples(int n) {
    Checks.checkNonNegative("nSamples", n);
    return nSamples(n / 2, n - n / 2);
  }

  /** {@code factor}: the inner radius relative to the outer one, in [0, 1) (default 0.8). */
  public MakeCircles factor(double factor) {
    if (!(factor >= 0 && factor < 1)) {
      throw new IllegalArgumentException("factor (" + factor + ") must be in [0, 1)");
    }
    this.factor = factor;
    return this;
  }

  @Override
  void place(int nOut, int nIn, double[] xs, double[] ys) {
    double[] tOut = Sampling.linspace(0, 2 * Math.PI, nOut, false);
    double[] tIn = Sampling.linspace(0, 2 * Math.PI, nIn, false);
    for (int i = 0; i < nOut; i++) {
      xs[i] = Math.cos(tOut[i]);
      ys[i] = Math.sin(tOut[i]);
    }
    for (int i = 0; i < nIn; i++) {
      xs[nOut + i] = Math.cos(tIn[i]) * factor;
      ys[nOut + i] = Math.sin(tIn[i]) * factor;
    }
  }
}
