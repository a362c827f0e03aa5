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
      Fold fold = folds.get(s);
      Estimator model = estimator.clone();
      model.setParams(candidates.get(c));
      long start = System.nanoTime();
      try {
        fit(model, sample(X, fold.train()), take(y, fold.train()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("fitting " + estimator.getClass().getSimpleName()
            + " with " + candidates.get(c) + " on split " + s + " failed: " + e.getMessage(), e);
      }
      long fitted = System.nanoTime();
      score(model, sample(X, fold.test()), take(y, fold.test()), scorers, test, c, s);
      scoreTime[c][s] = (System.nanoTime() - fitted) / 1e9;
      fitTime[c][s] = (fitted - start) / 1e9;
      if (returnTrain) {
        score(model, sample(X, fold.train()), take(y, fold.train()), scorers, train, c, s);
      }
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
   * Scores a fitted model on rows X with every scorer into {@code out[metric][c][s]}. Text samples
   * ({@link Fields}) go through the pipeline's steps but the last once ({@code pipe[:-1]}), and the
   * last step is scored on the result: the same predictions, and so the same scores, as the
   * pipeline's own.
   */
  private static void score(Estimator model, Object X, Object y, List<Scoring.Scorer> scorers,
      double[][][] out, int c, int s) {
    Estimator scored = model;
    double[][] numbers;
    if (X instanceof Fields fields) {
      Pipeline<?> pipeline = (Pipeline<?>) model;
      numbers = pipeline.transformBeforeLast(fields.X());
      scored = pipeline.steps().getLast().estimator();
    } else {
      numbers = (double[][]) X;
    }
    for (int m = 0; m < scorers.size(); m++) {
      out[m][c][s] = scorers.get(m).score(scored, numbers, y);
    }
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
