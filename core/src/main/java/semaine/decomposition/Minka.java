package semaine.decomposition;

/**
 * Minka's choice of the number of components ({@code n_components='mle'}), as scikit-learn 1.9's
 * {@code _infer_dimension} and {@code _assess_dimension}: the rank whose probabilistic-PCA model
 * gives the spectrum the highest Laplace-approximated evidence.
 *
 * <h2>References</h2>
 * <ol><li>T. P. Minka, Automatic choice of dimensionality for PCA, NIPS 2000, 598-604.</li></ol>
 */
final class Minka {

  private static final double EPS = 1e-15;

  private Minka() {}

  /** The rank in [1, n_features - 1] of highest log-likelihood (the first one on ties). */
  static int inferDimension(double[] spectrum, int nSamples) {
    int best = 0;
    double bestLl = Double.NEGATIVE_INFINITY;
    for (int rank = 1; rank < spectrum.length; rank++) {
      double ll = assessDimension(spectrum, rank, nSamples);
      if (ll > bestLl) {
        bestLl = ll;
        best = rank;
      }
    }
    return best;
  }

  /** The log-likelihood of a rank-{@code rank} model of the spectrum (equation 30 of the paper). */
  static double assessDimension(double[] spectrum, int rank, int nSamples) {
    int p = spectrum.length;
    if (spectrum[rank - 1] < EPS) {
      return Double.NEGATIVE_INFINITY;
    }
    double pu = -rank * Math.log(2.0);
    for (int i = 1; i <= rank; i++) {
      pu += logGammaHalf(p - i + 1) - Math.log(Math.PI) * (p - i + 1) / 2.0;
    }
    double pl = 0;
    for (int i = 0; i < rank; i++) {
      pl += Math.log(spectrum[i]);
    }
    pl = -pl * nSamples / 2.0;
    double rest = 0;
    for (int i = rank; i < p; i++) {
      rest += spectrum[i];
    }
    double v = Math.max(EPS, rest / (p - rank));
    double pv = -Math.log(v) * nSamples * (p - rank) / 2.0;
    double m = p * rank - rank * (rank + 1.0) / 2.0;
    double pp = Math.log(2.0 * Math.PI) * (m + rank) / 2.0;
    double pa = 0;
    for (int i = 0; i < rank; i++) {
      for (int j = i + 1; j < p; j++) {
        double sj = j < rank ? spectrum[j] : v;
        pa += Math.log((spectrum[i] - spectrum[j]) * (1.0 / sj - 1.0 / spectrum[i]))
            + Math.log(nSamples);
      }
    }
    return pu + pl + pv + pp - pa / 2.0 - rank * Math.log(nSamples) / 2.0;
  }

  /**
   * log Γ(k / 2) for an integer k >= 1, from Γ(1/2) = √π, Γ(1) = 1 and Γ(x + 1) = x Γ(x): the only
   * arguments Minka's formula takes.
   */
  static double logGammaHalf(int k) {
    double sum = k % 2 == 0 ? 0 : 0.5 * Math.log(Math.PI);
    for (int twice = k % 2 == 0 ? 2 : 1; twice < k; twice += 2) {
      sum += Math.log(twice / 2.0);
    }
    return sum;
  }
}
