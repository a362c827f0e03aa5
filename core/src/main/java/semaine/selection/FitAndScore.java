package semaine.selection;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import semaine.base.Classifier;
import semaine.base.Estimator;
import semaine.base.Regressor;
import semaine.pipeline.ClassifierPipeline;
import semaine.pipeline.Pipeline;
import semaine.pipeline.RegressorPipeline;

/**
 * scikit-learn's {@code _fit_and_score} over every (candidate, split) pair: a clone of the
 * estimator with the candidate's parameters is fitted on the split's training rows and scored on
 * its test rows (and training rows on request). Pairs run in parallel on {@code n_jobs} threads;
 * each writes only its own cells, so the scores do not depend on the number of threads.
 */
final class FitAndScore {

  /**
   * Scores by metric, candidate and split, and timings by candidate and split.
   *
   * @param test test scores, [metric][candidate][split]
   * @param train training scores, [metric][candidate][split], or null
   */
  record Scores(double[][][] test, double[][][] train, double[][] fitTime, double[][] scoreTime) {}

  private FitAndScore() {}

  static Scores run(Estimator estimator, List<Map<String, Object>> candidates, Object X,
      Object y, List<Fold> folds, List<Scoring.Scorer> scorers, boolean returnTrain, int nJobs) {
    return run(estimator, candidates, X, y, folds, scorers, returnTrain, nJobs, null);
  }

  /**
   * {@link #run}, telling {@code progress} (when not null) the number of pairs done and the total
   * after each pair; it is called from the worker threads, one call at a time.
   */
  static Scores run(Estimator estimator, List<Map<String, Object>> candidates, Object X,
      Object y, List<Fold> folds, List<Scoring.Scorer> scorers, boolean returnTrain, int nJobs,
      java.util.function.BiConsumer<Integer, Integer> progress) {
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    int nCandidates = candidates.size();
    int nSplits = folds.size();
    double[][][] test = new double[scorers.size()][nCandidates][nSplits];
    double[][][] train = returnTrain ? new double[scorers.size()][nCandidates][nSplits] : null;
    double[][] fitTime = new double[nCandidates][nSplits];
    double[][] scoreTime = new double[nCandidates][nSplits];
    IntStream tasks = IntStream.range(0, nCandidates * nSplits);
    Runnable all = () -> (nJobs == 1 ? tasks : tasks.parallel()).forEach(t -> {
      int c = t / nSplits;
      int s = t % nSplits;
      store(pair(estimator, candidates.get(c), X, y, folds.get(s), s, scorers, returnTrain),
          c, s, test, train, fitTime, scoreTime);
      if (progress != null) {
        synchronized (progress) {
          progress.accept(done.incrementAndGet(), nCandidates * nSplits);
        }
      }
    });
    if (nJobs == 1 || nJobs == -1) {
      all.run();
    } else {
      ForkJoinPool pool = new ForkJoinPool(nJobs);
      try {
        pool.submit(all).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("the search was interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdown();
      }
    }
    return new Scores(test, train, fitTime, scoreTime);
  }

  /**
   * Scores a fitted model on rows X with every scorer, in the scorers' order. Text samples
   * ({@link Fields}) go through the pipeline's steps but the last once ({@code pipe[:-1]}), and the
   * last step is scored on the result: the same predictions, and so the same scores, as the
   * pipeline's own.
   */
  static double[] scores(Estimator model, Object X, Object y,
      List<Scoring.Scorer> scorers) {
    Estimator scored = model;
    double[][] numbers;
    if (X instanceof Fields fields) {
      Pipeline<?> pipeline = (Pipeline<?>) model;
      numbers = pipeline.transformBeforeLast(fields.X());
      scored = pipeline.steps().getLast().estimator();
    } else {
      numbers = (double[][]) X;
    }
    double[] out = new double[scorers.size()];
    for (int m = 0; m < scorers.size(); m++) {
      out[m] = scorers.get(m).score(scored, numbers, y);
    }
    return out;
  }

  /**
   * Text samples (a CSV's fields) and their column names, for a pipeline whose first step is a
   * {@code ColumnTransformer}: what {@link BaseSearchCV#fit(String[][], List, int[])} searches on.
   */
  record Fields(String[][] X, List<String> columns) {}

  /** The rows {@code indices} of numbers or of {@link Fields}. */
  static Object sample(Object X, int[] indices) {
    if (X instanceof Fields fields) {
      String[][] out = new String[indices.length][];
      for (int i = 0; i < indices.length; i++) {
        out[i] = fields.X()[indices[i]];
      }
      return new Fields(out, fields.columns());
    }
    return rows((double[][]) X, indices);
  }

  /** Fits by role on numbers or on {@link Fields} (a pipeline that reads text). */
  static void fit(Estimator model, Object X, Object y) {
    if (X instanceof double[][] numbers) {
      fit(model, numbers, y);
      return;
    }
    Fields fields = (Fields) X;
    switch (model) {
      case ClassifierPipeline c when y instanceof int[] labels ->
          c.fit(fields.X(), fields.columns(), labels);
      case RegressorPipeline r when y instanceof double[] values ->
          r.fit(fields.X(), fields.columns(), values);
      default -> throw new IllegalArgumentException(model.getClass().getSimpleName()
          + " cannot be fitted on text samples: a search on text needs a pipeline whose first"
          + " step is a ColumnTransformer");
    }
  }

  /**
   * One (candidate, split) pair: a clone of {@code estimator} with the candidate's parameters,
   * fitted on the split's training rows, scored on its test rows by each scorer (and on its
   * training rows when {@code returnTrain}), with the seconds each part took.
   */
  static FitScores pair(Estimator estimator, Map<String, Object> candidate, Object X,
      Object y, Fold fold, int split, List<Scoring.Scorer> scorers, boolean returnTrain) {
    Estimator model = estimator.clone();
    model.setParams(candidate);
    long start = System.nanoTime();
    try {
      fit(model, sample(X, fold.train()), take(y, fold.train()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fitting " + estimator.getClass().getSimpleName()
          + " with " + candidate + " on split " + split + " failed: " + e.getMessage(), e);
    }
    long fitted = System.nanoTime();
    double[] test = scores(model, sample(X, fold.test()), take(y, fold.test()), scorers);
    double scoreTime = (System.nanoTime() - fitted) / 1e9;
    double[] train = null;
    if (returnTrain) {
      train = scores(model, sample(X, fold.train()), take(y, fold.train()), scorers);
    }
    return new FitScores(test, train, (fitted - start) / 1e9, scoreTime);
  }

  /**
   * The scores of every pair, pair t being (candidate t / nSplits, split t % nSplits), gathered
   * by metric, candidate and split as {@link #run} gathers them.
   */
  static Scores gather(List<FitScores> pairs, int nCandidates, int nSplits, int nMetrics,
      boolean returnTrain) {
    if (pairs == null || pairs.size() != nCandidates * nSplits) {
      throw new IllegalStateException("the search's runner must answer every one of the "
          + nCandidates * nSplits + " (candidate, split) pairs, got "
          + (pairs == null ? "null" : pairs.size()));
    }
    double[][][] test = new double[nMetrics][nCandidates][nSplits];
    double[][][] train = returnTrain ? new double[nMetrics][nCandidates][nSplits] : null;
    double[][] fitTime = new double[nCandidates][nSplits];
    double[][] scoreTime = new double[nCandidates][nSplits];
    for (int t = 0; t < pairs.size(); t++) {
      FitScores pair = pairs.get(t);
      if (pair == null || pair.test().length != nMetrics
          || (returnTrain && (pair.train() == null || pair.train().length != nMetrics))) {
        throw new IllegalStateException("the search's runner answered pair " + t + " with "
            + pair + ": " + nMetrics + " test scores" + (returnTrain ? " and train scores" : "")
            + " expected");
      }
      store(pair, t / nSplits, t % nSplits, test, train, fitTime, scoreTime);
    }
    return new Scores(test, train, fitTime, scoreTime);
  }

  private static void store(FitScores pair, int c, int s, double[][][] test, double[][][] train,
      double[][] fitTime, double[][] scoreTime) {
    for (int m = 0; m < test.length; m++) {
      test[m][c][s] = pair.test()[m];
      if (train != null) {
        train[m][c][s] = pair.train()[m];
      }
    }
    fitTime[c][s] = pair.fitTime();
    scoreTime[c][s] = pair.scoreTime();
  }

  /** Fits by role: labels for a classifier, values for a regressor. */
  static void fit(Estimator model, double[][] X, Object y) {
    switch (model) {
      case Classifier c when y instanceof int[] labels -> c.fit(X, labels);
      case Regressor r when y instanceof double[] values -> r.fit(X, values);
      default -> throw new IllegalArgumentException(model.getClass().getSimpleName()
          + " cannot be fitted on " + (y instanceof int[] ? "integer labels" : "real targets")
          + ": a search needs a classifier with int[] y or a regressor with double[] y");
    }
  }

  static double[][] rows(double[][] X, int[] indices) {
    double[][] out = new double[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      out[i] = X[indices[i]];
    }
    return out;
  }

  static Object take(Object y, int[] indices) {
    if (y instanceof int[] labels) {
      int[] out = new int[indices.length];
      for (int i = 0; i < indices.length; i++) {
        out[i] = labels[indices[i]];
      }
      return out;
    }
    double[] values = (double[]) y;
    double[] out = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = values[indices[i]];
    }
    return out;
  }
}
