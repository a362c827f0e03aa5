package semaine.selection;

import java.util.ArrayList;
import java.util.List;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * K consecutive folds, each used once as the test set: scikit-learn 1.9's {@code KFold}.
 *
 * <p>Indices 0..n-1 (shuffled first by {@code RandomState.shuffle} when {@code shuffle(true)}) are cut
 * into {@code nSplits} runs; the first {@code n % nSplits} runs have one more sample. Train and test
 * indices of each fold come out ascending, as scikit-learn's masks give them.
 */
public final class KFold implements CrossValidator {

  private final int nSplits;
  private boolean shuffle;
  private Long seed;

  /** {@code KFold(n_splits=nSplits)}; at least 2. */
  public KFold(int nSplits) {
    this.nSplits = Checks.checkInRange("nSplits", nSplits, 2, Integer.MAX_VALUE);
  }

  /** {@code shuffle}: shuffle the indices before cutting (default false). */
  public KFold shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /** {@code random_state} of the shuffle. */
  public KFold randomState(long seed) {
    this.seed = seed;
    return this;
  }

  @Override
  public List<Fold> split(int[] y) {
    int n = y.length;
    if (nSplits > n) {
      throw new IllegalArgumentException(
          "nSplits (" + nSplits + ") must be <= the number of samples (" + n + ")");
    }
    int[] indices = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = i;
    }
    if (shuffle) {
      (seed == null ? new RandomState() : new RandomState(seed)).shuffle(indices);
    }
    List<Fold> folds = new ArrayList<>();
    int current = 0;
    for (int f = 0; f < nSplits; f++) {
      int size = n / nSplits + (f < n % nSplits ? 1 : 0);
      boolean[] test = new boolean[n];
      for (int i = current; i < current + size; i++) {
        test[indices[i]] = true;
      }
      folds.add(CrossValidator.fromTestMask(test));
      current += size;
    }
    return folds;
  }
}
