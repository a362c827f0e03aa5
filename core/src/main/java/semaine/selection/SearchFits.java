package semaine.selection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import semaine.base.Estimator;

/**
 * The (candidate, split) fits of a search, handed to a runner that may run them elsewhere (the
 * Spark module runs each pair as a task): the search draws the candidates and the folds and
 * gathers the answers into {@code cv_results_}; a runner only has to compute
 * {@link #fitAndScore(int)} for every pair, on any machine that holds these same pieces.
 *
 * @param estimator the unfitted estimator each pair clones
 * @param candidates the candidate settings, in the search's order
 * @param X the rows
 * @param y the labels ({@code int[]}) or targets ({@code double[]})
 * @param folds the splits, in order
 * @param scoring the metric names, in order; a single null entry for the estimator's own score
 * @param returnTrainScore whether the training rows are scored too
 */
public record SearchFits(Estimator estimator, List<Map<String, Object>> candidates,
    double[][] X, Object y, List<Fold> folds, List<String> scoring, boolean returnTrainScore) {

  /** Checks the metric names; copies the lists (the scoring list may hold one null). */
  public SearchFits {
    candidates = List.copyOf(candidates);
    folds = List.copyOf(folds);
    scoring = Collections.unmodifiableList(new ArrayList<>(scoring));
    scoring.forEach(Scoring::get);
  }

  /** The number of pairs: candidates × splits. */
  public int size() {
    return candidates.size() * folds.size();
  }

  /**
   * Fits and scores pair {@code t}: candidate {@code t / n_splits} on split
   * {@code t % n_splits}, exactly as the local search does.
   */
  public FitScores fitAndScore(int t) {
    if (t < 0 || t >= size()) {
      throw new IllegalArgumentException("pair (" + t + ") must be in [0, " + size() + ")");
    }
    List<Scoring.Scorer> scorers = scoring.stream().map(Scoring::get).toList();
    int split = t % folds.size();
    return FitAndScore.pair(estimator, candidates.get(t / folds.size()), X, y, folds.get(split),
        split, scorers, returnTrainScore);
  }
}
