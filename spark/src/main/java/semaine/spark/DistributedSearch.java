package semaine.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import semaine.base.Estimator;
import semaine.selection.FitScores;
import semaine.selection.Fold;
import semaine.selection.SearchFits;

/**
 * A search's (candidate, split) fits run as Spark tasks, one task per pair: give it to
 * {@code GridSearchCV.runner} (or {@code RandomizedSearchCV}'s). The rows, targets, folds and
 * candidates are broadcast once; each task rebuilds the estimator from its class and parameters,
 * fits and scores its pair exactly as the local search does ({@link SearchFits#fitAndScore}), and
 * the scores come back to the driver in pair order, where the search gathers
 * {@code cv_results_} and refits the best candidate. Folds are drawn by the search itself, so
 * {@code cv_results_} (scores, means, standard deviations, ranks, {@code best_params_}) are the
 * local ones; only the timings differ.
 *
 * <pre>{@code
 * var search = new GridSearchCV(new RandomForestClassifier(), grid).cv(5)
 *     .runner(DistributedSearch.on(spark)).fit(X, y);
 * }</pre>
 *
 * <p>The estimator travels as its class and parameters: a parameter that is itself an estimator
 * (a pipeline's steps) or a value that is not serializable is refused, naming it.
 */
public final class DistributedSearch implements Function<SearchFits, List<FitScores>> {

  private final SparkSession spark;

  private DistributedSearch(SparkSession spark) {
    this.spark = spark;
  }

  /** A runner on {@code spark}'s cluster. */
  public static DistributedSearch on(SparkSession spark) {
    if (spark == null) {
      throw new IllegalArgumentException("spark must not be null");
    }
    return new DistributedSearch(spark);
  }

  @Override
  public List<FitScores> apply(SearchFits fits) {
    Shipped shipped = Shipped.of(fits);
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Shipped> shared = sc.broadcast(shipped);
    try {
      int n = fits.size();
      return sc.parallelize(IntStream.range(0, n).boxed().toList(), Math.max(1, n))
          .map(t -> shared.value().fits().fitAndScore(t))
          .collect();
    } finally {
      shared.destroy();
    }
  }

  /**
   * What the executors need to rebuild a {@link SearchFits}: the estimator's class and own
   * parameters, the candidates, rows, targets, folds (as index arrays) and metric names.
   */
  private static final class Shipped implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String estimatorClass;
    private final LinkedHashMap<String, Object> params;
    private final ArrayList<LinkedHashMap<String, Object>> candidates;
    private final double[][] X;
    private final Object y;
    private final int[][] trains;
    private final int[][] tests;
    private final ArrayList<String> scoring;
    private final boolean returnTrainScore;
    private transient SearchFits fits;

    private Shipped(SearchFits fits) {
      Estimator estimator = fits.estimator();
      estimatorClass = estimator.getClass().getName();
      params = new LinkedHashMap<>();
      estimator.getParams().forEach((name, value) -> {
        check(value, "the estimator's parameter '" + name + "'");
        params.put(name, value);
      });
      candidates = new ArrayList<>();
      for (Map<String, Object> candidate : fits.candidates()) {
        candidate.forEach((name, value) -> check(value, "the candidate " + candidate + "'s '"
            + name + "'"));
        candidates.add(new LinkedHashMap<>(candidate));
      }
      X = fits.X();
      y = fits.y();
      trains = fits.folds().stream().map(Fold::train).toArray(int[][]::new);
      tests = fits.folds().stream().map(Fold::test).toArray(int[][]::new);
      scoring = new ArrayList<>(fits.scoring());
      returnTrainScore = fits.returnTrainScore();
    }

    static Shipped of(SearchFits fits) {
      return new Shipped(fits);
    }

    private static void check(Object value, String what) {
      if (value instanceof Estimator) {
        throw new IllegalArgumentException(what + " is an estimator ("
            + value.getClass().getSimpleName() + "): a distributed search ships the estimator as"
            + " its class and plain parameters; search a single estimator, not a composite");
      }
      if (value != null && !(value instanceof Serializable)) {
        throw new IllegalArgumentException(what + " holds a " + value.getClass().getName()
            + ", which cannot travel to the executors (not Serializable)");
      }
    }

    /** The pairs, rebuilt once per executor from the shipped pieces. */
    synchronized SearchFits fits() {
      if (fits == null) {
        Estimator estimator = SemaineEstimator.lookUp(estimatorClass);
        estimator.setParams(params);
        List<Fold> folds = new ArrayList<>();
        for (int s = 0; s < trains.length; s++) {
          folds.add(new Fold(trains[s], tests[s]));
        }
        fits = new SearchFits(estimator, new ArrayList<Map<String, Object>>(candidates), X, y, folds, scoring,
            returnTrainScore);
      }
      return fits;
    }
  }
}
