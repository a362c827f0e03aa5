package semaine.selection;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import semaine.base.Classifier;
import semaine.base.Estimator;
import semaine.base.Regressor;

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

  static Scores run(Estimator estimator, List<Map<String, Object>> candidates, double[][] X,
      Object y, List<Fold> folds, List<Scoring.Scorer> scorers, boolean returnTrain, int nJobs) {
    return run(estimator, candidates, X, y, folds, scorers, returnTrain, nJobs, null);
  }

  /**
   * {@link #run}, telling {@code progress} (when not null) the number of pairs done and the total
   * after each pair; it is called from the worker threads, one call at a time.
   */
  static Scores run(Estimator estimator, List<Map<String, Object>> candidates, double[][] X,
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
        fit(model, rows(X, fold.train()), take(y, fold.train()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("fitting " + estimator.getClass().getSimpleName()
            + " with " + candidates.get(c) + " on split " + s + " failed: " + e.getMessage(), e);
      }
      long fitted = System.nanoTime();
      double[][] Xtest = rows(X, fold.test());
      Object ytest = take(y, fold.test());
      for (int m = 0; m < scorers.size(); m++) {
        test[m][c][s] = scorers.get(m).score(model, Xtest, ytest);
      }
      scoreTime[c][s] = (System.nanoTime() - fitted) / 1e9;
      fitTime[c][s] = (fitted - start) / 1e9;
      if (returnTrain) {
        double[][] Xtrain = rows(X, fold.train());
        Object ytrain = take(y, fold.train());
        for (int m = 0; m < scorers.size(); m++) {
          train[m][c][s] = scorers.get(m).score(model, Xtrain, ytrain);
        }
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
