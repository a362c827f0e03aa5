package semaine.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * K folds that keep each class's share: scikit-learn 1.9's {@code StratifiedKFold}, same folds.
 *
 * <p>Classes are numbered in order of first appearance in y. The labels sorted by that number are
 * dealt round-robin to the folds ({@code y_order[i::n_splits]}), which fixes how many samples of
 * each class every fold gets; each class's samples then take their fold numbers in index order
 * from the run {@code 0,0,..,1,1,..} (shuffled by {@code RandomState.shuffle} per class when
 * {@code shuffle(true)}, one stream for all classes).
 */
public final class StratifiedKFold implements CrossValidator {

  private final int nSplits;
  private boolean shuffle;
  private Long seed;

  /** {@code StratifiedKFold(n_splits=nSplits)}; at least 2. */
  public StratifiedKFold(int nSplits) {
    this.nSplits = Checks.checkInRange("nSplits", nSplits, 2, Integer.MAX_VALUE);
  }

  /** {@code shuffle}: shuffle each class's fold numbers (default false). */
  public StratifiedKFold shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /** {@code random_state} of the shuffle. */
  public StratifiedKFold randomState(long seed) {
    this.seed = seed;
    return this;
  }

  @Override
  public List<Fold> split(int[] y) {
    int n = y.length;
    // classes numbered by first appearance
    int[] sortedLabels = Arrays.stream(y).sorted().distinct().toArray();
    int[] firstSeen = new int[sortedLabels.length];
    Arrays.fill(firstSeen, Integer.MAX_VALUE);
    for (int i = 0; i < n; i++) {
      int c = Arrays.binarySearch(sortedLabels, y[i]);
      firstSeen[c] = Math.min(firstSeen[c], i);
    }
    Integer[] byAppearance = new Integer[sortedLabels.length];
    for (int c = 0; c < byAppearance.length; c++) {
      byAppearance[c] = c;
    }
    Arrays.sort(byAppearance, (a, b) -> Integer.compare(firstSeen[a], firstSeen[b]));
    int nClasses = sortedLabels.length;
    int[] rank = new int[nClasses];
    for (int r = 0; r < nClasses; r++) {
      rank[byAppearance[r]] = r;
    }
    int[] encoded = new int[n];
    int[] counts = new int[nClasses];
    for (int i = 0; i < n; i++) {
      encoded[i] = rank[Arrays.binarySearch(sortedLabels, y[i])];
      counts[encoded[i]]++;
    }
    boolean everyClassTooSmall = true;
    for (int count : counts) {
      everyClassTooSmall &= nSplits > count;
    }
    if (everyClassTooSmall) {
      throw new IllegalArgumentException("nSplits (" + nSplits
          + ") must be <= the number of members of at least one class");
    }
    int[] yOrder = encoded.clone();
    Arrays.sort(yOrder);
    int[][] allocation = new int[nSplits][nClasses];
    for (int i = 0; i < n; i++) {
      allocation[i % nSplits][yOrder[i]]++;
    }
    RandomState rng = shuffle ? (seed == null ? new RandomState() : new RandomState(seed)) : null;
    int[] testFold = new int[n];
    for (int c = 0; c < nClasses; c++) {
      int[] folds = new int[counts[c]];
      int at = 0;
      for (int f = 0; f < nSplits; f++) {
        for (int r = 0; r < allocation[f][c]; r++) {
          folds[at++] = f;
        }
      }
      if (rng != null) {
        rng.shuffle(folds);
      }
      at = 0;
      for (int i = 0; i < n; i++) {
        if (encoded[i] == c) {
          testFold[i] = folds[at++];
        }
      }
    }
    List<Fold> result = new ArrayList<>();
    for (int f = 0; f < nSplits; f++) {
      boolean[] test = new boolean[n];
      for (int i = 0; i < n; i++) {
        test[i] = testFold[i] == f;
      }
      result.add(CrossValidator.fromTestMask(test));
    }
    return result;
  }
}
