package semaine.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import semaine.base.Classifier;
import semaine.base.Estimator;
import semaine.util.Checks;
import semaine.util.Sums;

/**
 * What {@link GridSearchCV} and {@link RandomizedSearchCV} share, as scikit-learn 1.9's
 * {@code BaseSearchCV}: each candidate setting is cross-validated on the same folds
 * ({@link FitAndScore}), {@code cv_results_} gathers the scores under scikit-learn's keys, the
 * best candidate is the first of rank 1, and with {@code refit} a clone with its parameters is
 * fitted on all the data ({@code best_estimator_}).
 *
 * <p>{@code cv_results_} keys, in scikit-learn's order: {@code mean_fit_time}, {@code std_fit_time},
 * {@code mean_score_time}, {@code std_score_time}, {@code param_NAME} (an {@code Object[]}, null
 * where a candidate does not set NAME), {@code params}, then per metric M ({@code score} for a
 * single one) {@code splitK_test_M}, {@code mean_test_M}, {@code std_test_M} (population),
 * {@code rank_test_M} ({@code rankdata(-mean, method='min')}), and with
 * {@code returnTrainScore} {@code splitK_train_M}, {@code mean_train_M}, {@code std_train_M}.
 *
 * <p>Differences from scikit-learn 1.9: a fit that fails stops the search with a message naming
 * the candidate and the split ({@code error_score='raise'}), where scikit-learn scores it NaN and
 * warns; the search is not itself an estimator on the contract (its {@code bestEstimator()} is,
 * and is what a model file keeps).
 *
 * @param <S> the search class, returned by the chained setters
 */
public abstract sealed class BaseSearchCV<S extends BaseSearchCV<S>>
    permits GridSearchCV, RandomizedSearchCV {

  private final Estimator estimator;
  private List<String> scoring = null;
  private boolean multimetric = false;
  private Object cv = 5;
  private int nJobs = 1;
  private Object refit = true;
  private boolean returnTrainScore = false;
  private java.util.function.BiConsumer<Integer, Integer> progress;
  private java.util.function.Function<SearchFits, List<FitScores>> runner;

  private Map<String, Object> cvResults;
  private int bestIndex = -1;
  private double bestScore = Double.NaN;
  private Estimator bestEstimator;
  private double refitTime;
  private int nSplits;

  BaseSearchCV(Estimator estimator) {
    Checks.checkArgument(estimator != null, "estimator must not be null");
    this.estimator = estimator;
  }

  /** The candidate settings, in order (drawn afresh for each fit when random). */
  abstract List<Map<String, Object>> candidates();

  /**
   * Tells {@code progress} the number of (candidate, split) fits done and their total after each
   * one, as scikit-learn's {@code verbose} prints them; called from the worker threads, one call
   * at a time. Not a parameter: it changes no result.
   */
  @SuppressWarnings("unchecked")
  public S onProgress(java.util.function.BiConsumer<Integer, Integer> progress) {
    this.progress = progress;
    return (S) this;
  }

  /**
   * Runs the (candidate, split) fits with {@code runner} instead of this machine's threads: it
   * receives every pair to fit ({@link SearchFits}) and answers each pair's scores in pair order;
   * the search still draws the folds, gathers {@code cv_results_} and refits here. The Spark
   * module's {@code DistributedSearch} runs each pair as a Spark task. Null restores the threads.
   */
  @SuppressWarnings("unchecked")
  public S runner(java.util.function.Function<SearchFits, List<FitScores>> runner) {
    this.runner = runner;
    return (S) this;
  }

  /** One metric by name ({@code scoring="f1_macro"}); null for the estimator's own score. */
  public S scoring(String name) {
    Scoring.get(name);   // an unknown name fails here, listing the known ones
    this.scoring = name == null ? null : List.of(name);
    this.multimetric = false;
    return self();
  }

  /** Several metrics ({@code scoring=["accuracy", "f1_macro"]}); refit must then name one. */
  public S scoring(List<String> names) {
    Checks.checkArgument(names != null && !names.isEmpty(),
        "scoring ([]) must name at least one metric");
    names.forEach(Scoring::get);
    this.scoring = List.copyOf(names);
    this.multimetric = true;
    return self();
  }

  /**
   * The number of folds ({@code cv=5}): StratifiedKFold for a classifier, KFold otherwise, both
   * without shuffling.
   */
  public S cv(int nSplits) {
    this.cv = nSplits;
    return self();
  }

  /** The splitter ({@code cv=KFold(5, shuffle=True, random_state=0)}). */
  public S cv(CrossValidator splitter) {
    Checks.checkArgument(splitter != null, "cv must not be null");
    this.cv = splitter;
    return self();
  }

  /** Threads for the fits: 1 (the default, as scikit-learn's None), -1 for every core, or n. */
  public S nJobs(int nJobs) {
    Checks.checkArgument(nJobs == -1 || nJobs >= 1, "n_jobs (" + nJobs + ") must be -1 or >= 1");
    this.nJobs = nJobs;
    return self();
  }

  /** Whether to fit the best candidate on all the data ({@code refit}, default true). */
  public S refit(boolean refit) {
    this.refit = refit;
    return self();
  }

  /** The metric that picks the best candidate and is refitted, with several metrics. */
  public S refit(String metric) {
    this.refit = metric;
    return self();
  }

  /** Whether to score the training folds too ({@code return_train_score}, default false). */
  public S returnTrainScore(boolean returnTrainScore) {
    this.returnTrainScore = returnTrainScore;
    return self();
  }

  /**
   * Cross-validates every candidate on X and the labels y, then refits the best one.
   *
   * @return this search
   */
  public S fit(double[][] X, int[] y) {
    return search(X, y);
  }

  /** Cross-validates every candidate on X and the targets y, then refits the best one. */
  public S fit(double[][] X, double[] y) {
    return search(X, y);
  }

  /**
   * Cross-validates every candidate on text samples (a CSV's fields, {@code columns} their names)
   * and the labels y, then refits the best one: the estimator is a pipeline whose first step, a
   * {@code ColumnTransformer}, reads the text (scikit-learn's search on a DataFrame).
   */
  public S fit(String[][] X, List<String> columns, int[] y) {
    return search(fields(X, columns), y);
  }

  /** {@link #fit(String[][], List, int[])} with real targets y. */
  public S fit(String[][] X, List<String> columns, double[] y) {
    return search(fields(X, columns), y);
  }

  private static FitAndScore.Fields fields(String[][] X, List<String> columns) {
    Checks.checkArgument(X != null && X.length > 0, "X must have at least one row");
    Checks.checkArgument(columns != null, "columns must not be null");
    return new FitAndScore.Fields(X, columns);
  }

  /** The results by scikit-learn's keys ({@code cv_results_}). */
  public Map<String, Object> cvResults() {
    return java.util.Collections.unmodifiableMap(checkFitted());
  }

  /** The index of the best candidate in {@code cvResults} ({@code best_index_}). */
  public int bestIndex() {
    checkFitted();
    return bestIndex;
  }

  /** The best candidate's parameters ({@code best_params_}). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> bestParams() {
    return ((List<Map<String, Object>>) checkFitted().get("params")).get(bestIndex);
  }

  /** The best candidate's mean test score of the refit metric ({@code best_score_}). */
  public double bestScore() {
    checkFitted();
    return bestScore;
  }

  /**
   * The best candidate fitted on all the data ({@code best_estimator_}).
   *
   * @throws IllegalStateException before fit, or when refit is false
   */
  public Estimator bestEstimator() {
    checkFitted();
    if (bestEstimator == null) {
      throw new IllegalStateException("refit is false: there is no best_estimator_");
    }
    return bestEstimator;
  }

  /** Seconds spent refitting the best candidate ({@code refit_time_}). */
  public double refitTime() {
    checkFitted();
    return refitTime;
  }

  /** The number of cross-validation splits ({@code n_splits_}). */
  public int nSplits() {
    checkFitted();
    return nSplits;
  }

  private S search(Object X, Object y) {
    if (runner != null && !(X instanceof double[][])) {
      throw new IllegalArgumentException("a search runner fits numeric samples only; search text"
          + " samples (a pipeline reading a CSV's fields) without a runner");
    }
    int n = X instanceof FitAndScore.Fields fields ? fields.X().length
        : Checks.checkMatrix("X", (double[][]) X).length;
    Checks.checkSameLength("X", n, "y", y instanceof int[] a ? a.length : ((double[]) y).length);
    List<Map<String, Object>> candidates = candidates();
    for (Map<String, Object> candidate : candidates) {
      try {
        estimator.clone().setParams(candidate).validateParams();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the search's candidate " + candidate + " is invalid: "
            + e.getMessage(), e);
      }
    }
    List<String> names = multimetric ? scoring : List.of("score");
    String refitMetric = refitMetric(names);
    List<Scoring.Scorer> scorers = new ArrayList<>();
    for (String name : scoring == null ? java.util.Collections.<String>singletonList(null)
        : scoring) {
      scorers.add(Scoring.get(name));
    }
    List<Fold> folds = folds(y);
    FitAndScore.Scores scores = runner == null
        ? FitAndScore.run(estimator, candidates, X, y, folds, scorers, returnTrainScore, nJobs,
            progress)
        : FitAndScore.gather(runner.apply(new SearchFits(estimator, candidates, (double[][]) X,
            y, folds, scoring == null ? java.util.Collections.singletonList(null) : scoring,
            returnTrainScore)), candidates.size(), folds.size(), scorers.size(), returnTrainScore);
    Map<String, Object> results = results(candidates, names, scores, folds.size());
    int[] rank = (int[]) results.get("rank_test_" + refitMetric);
    bestIndex = 0;
    for (int c = 1; c < rank.length; c++) {
      if (rank[c] < rank[bestIndex]) {
        bestIndex = c;
      }
    }
    bestScore = ((double[]) results.get("mean_test_" + refitMetric))[bestIndex];
    bestEstimator = null;
    if (!Boolean.FALSE.equals(refit)) {
      long start = System.nanoTime();
      Estimator best = estimator.clone().setParams(candidates.get(bestIndex));
      FitAndScore.fit(best, X, y);
      refitTime = (System.nanoTime() - start) / 1e9;
      bestEstimator = best;
    }
    nSplits = folds.size();
    cvResults = results;
    return self();
  }

  private String refitMetric(List<String> names) {
    if (!multimetric) {
      if (refit instanceof String metric) {
        throw new IllegalArgumentException("refit (\"" + metric + "\") must be true or false"
            + " with a single scoring");
      }
      return "score";
    }
    if (refit instanceof String metric && names.contains(metric)) {
      return metric;
    }
    if (Boolean.FALSE.equals(refit)) {
      return names.get(0);
    }
    throw new IllegalArgumentException("refit (" + refit + ") must name one of the metrics ("
        + String.join(", ", names) + ") or be false when scoring has several");
  }

  private List<Fold> folds(Object y) {
    return CrossValidation.folds(estimator, cv, y);
  }

  private static Map<String, Object> results(List<Map<String, Object>> candidates,
      List<String> names, FitAndScore.Scores scores, int nSplits) {
    Map<String, Object> out = new LinkedHashMap<>();
    store(out, "fit_time", scores.fitTime(), false, false);
    store(out, "score_time", scores.scoreTime(), false, false);
    List<String> params = candidates.stream().flatMap(c -> c.keySet().stream()).distinct()
        .sorted().toList();
    for (String name : params) {
      out.put("param_" + name, candidates.stream().map(c -> c.get(name)).toArray());
    }
    out.put("params", List.copyOf(candidates));
    for (int m = 0; m < names.size(); m++) {
      store(out, "test_" + names.get(m), scores.test()[m], true, true);
      if (scores.train() != null) {
        store(out, "train_" + names.get(m), scores.train()[m], true, false);
      }
    }
    return out;
  }

  /** scikit-learn's {@code _store}: splits, mean, population std and rank of one quantity. */
  private static void store(Map<String, Object> out, String key, double[][] values,
      boolean splits, boolean rank) {
    int nCandidates = values.length;
    int nSplits = nCandidates == 0 ? 0 : values[0].length;
    if (splits) {
      for (int s = 0; s < nSplits; s++) {
        double[] column = new double[nCandidates];
        for (int c = 0; c < nCandidates; c++) {
          column[c] = values[c][s];
        }
        out.put("split" + s + "_" + key, column);
      }
    }
    double[] mean = new double[nCandidates];
    double[] std = new double[nCandidates];
    for (int c = 0; c < nCandidates; c++) {
      mean[c] = Sums.pairwise(values[c]) / nSplits;
      double[] squares = new double[nSplits];
      for (int s = 0; s < nSplits; s++) {
        squares[s] = (values[c][s] - mean[c]) * (values[c][s] - mean[c]);
      }
      std[c] = Math.sqrt(Sums.pairwise(squares) / nSplits);
    }
    out.put("mean_" + key, mean);
    out.put("std_" + key, std);
    if (rank) {
      out.put("rank_" + key, rank(mean));
    }
  }

  /** {@code rankdata(-mean, method='min')}, NaN ranked last, all ones if every mean is NaN. */
  static int[] rank(double[] mean) {
    double min = Arrays.stream(mean).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
    int[] out = new int[mean.length];
    for (int c = 0; c < mean.length; c++) {
      double v = Double.isNaN(mean[c]) ? min - 1 : mean[c];
      int above = 0;
      for (double w : mean) {
        if ((Double.isNaN(w) ? min - 1 : w) > v) {
          above++;
        }
      }
      out[c] = Double.isNaN(min) ? 1 : above + 1;
    }
    return out;
  }

  private Map<String, Object> checkFitted() {
    if (cvResults == null) {
      throw new IllegalStateException("This " + getClass().getSimpleName() + " is not fitted yet:"
          + " call fit(X, y) before using it");
    }
    return cvResults;
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }
}
