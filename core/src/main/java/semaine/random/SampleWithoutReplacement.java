package semaine.random;

import java.util.HashSet;
import java.util.Set;

/**
 * scikit-learn's {@code sklearn.utils.random.sample_without_replacement(n_population, n_samples,
 * method="auto")}, the subsample of each bagged tree: the method follows the ratio
 * r = n_samples / n_population, and each draws from the RandomState as scikit-learn does.
 * <ul>
 *   <li>0.01 &lt; r &lt; 0.99: the first n_samples of {@code permutation(n_population)};</li>
 *   <li>r ≤ 0.01: tracking selection, {@code randint(n_population)} redrawn while already chosen;</li>
 *   <li>r ≥ 0.99: reservoir sampling, {@code 0..n_samples−1} then, for i from n_samples on,
 *       j = {@code randint(0, i + 1)} replaces entry j when j &lt; n_samples (no draw when equal).</li>
 * </ul>
 */
public final class SampleWithoutReplacement {

  private SampleWithoutReplacement() {}

  /** n_samples distinct indices in [0, n_population), in scikit-learn's order. */
  public static int[] sample(RandomState rs, int nPopulation, int nSamples) {
    double ratio = nPopulation != 0 ? (double) nSamples / nPopulation : 1.0;
    if (ratio > 0.01 && ratio < 0.99) {
      int[] permutation = rs.permutation(nPopulation);
      return java.util.Arrays.copyOf(permutation, nSamples);
    }
    int[] out = new int[nSamples];
    if (ratio < 0.2) {
      Set<Integer> selected = new HashSet<>();
      for (int i = 0; i < nSamples; i++) {
        int j;
        do {
          j = (int) rs.randint(0, nPopulation);
        } while (!selected.add(j));
        out[i] = j;
      }
      return out;
    }
    for (int i = 0; i < nSamples; i++) {
      out[i] = i;
    }
    for (int i = nSamples; i < nPopulation; i++) {
      int j = (int) rs.randint(0, i + 1L);
      if (j < nSamples) {
        out[j] = i;
      }
    }
    return out;
  }
}
