package semaine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import semaine.base.Classifier;
import semaine.base.Estimator;
import semaine.base.Regressor;
import semaine.data.CsvTable;
import semaine.data.Dataset;
import semaine.selection.BaseSearchCV;
import semaine.selection.GridSearchCV;
import semaine.selection.RandomizedSearchCV;

/**
 * {@code semaine search TRAIN --target COL --model M --grid 'a=1,2;b=x,y' [--cv K] [--scoring S]
 * [--random N] [--regress]}: the cross-validated score of each setting of a grid (scikit-learn's
 * GridSearchCV, or RandomizedSearchCV over the same lists with {@code --random N}), the book's
 * day 3.
 *
 * <p>{@code --model} is a {@code classify --model} name (or a {@code regress --model} name with
 * {@code --regress}); the grid names its parameters by their scikit-learn names, each value read
 * as the parameter reads text. With {@code --scale} or {@code --encode onehot} (text columns) the
 * pipeline of {@code classify} is searched and a grid name without {@code __} is its model's
 * ({@code n_neighbors} is {@code knn__n_neighbors}). Every fit runs on all cores
 * ({@code n_jobs=-1}); {@code --save} keeps the best setting refitted on all the rows. JSON: {@code cv_results} (params,
 * mean_test_score, std_test_score, rank_test_score), {@code best_params}, {@code best_score},
 * {@code n_splits}, {@code fit_seconds}.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Cross-validated search of a model's parameters on a CSV file (scikit-learn's"
        + " GridSearchCV / RandomizedSearchCV).")
public final class SearchCommand extends ResultCommand {

  @Mixin
  FitInput input;

  @Mixin
  Preprocessing preprocessing;

  @Option(names = "--model", defaultValue = "knn", paramLabel = "M",
      description = "The model, by its classify (or, with --regress, regress) name (default:"
          + " knn).")
  String model;

  @Option(names = "--grid", required = true, paramLabel = "'a=1,2;b=x,y'",
      description = "The grid: parameters separated by ';', each NAME=V1,V2,...")
  String grid;

  @Option(names = "--cv", defaultValue = "5", converter = Options.PositiveInt.class,
      paramLabel = "K", description = "The number of folds (stratified for classifiers;"
          + " default: 5).")
  int cv;

  @Option(names = "--scoring", paramLabel = "S",
      description = "The metric (accuracy, f1_macro, r2, neg_mean_squared_error...; default: the"
          + " model's score).")
  String scoring;

  @Option(names = "--random", converter = Options.PositiveInt.class, paramLabel = "N",
      description = "Draw N settings of the grid at random (RandomizedSearchCV, seeded by"
          + " --seed) instead of trying them all.")
  Integer random;

  @Option(names = "--regress", description = "Search a regressor (a numeric target).")
  boolean regress;

  @Override
  protected Result compute() {
    Estimator alone = regress ? ModelRegistry.REGRESSORS.get("--model", model).get()
        : ModelRegistry.CLASSIFIERS.get("--model", model).get();
    input.configure(alone);
    boolean encoded = preprocessing.encodes(input, !regress);
    CsvTable.Fields fields = encoded ? input.fields() : null;
    CsvTable.Samples data = encoded ? null : regress ? input.dataset() : input.classDataset();
    List<String> features = encoded ? fields.names() : data.featureNames();
    // with --scale or --encode the pipeline is searched, the grid naming its model's parameters
    Estimator estimator = regress ? preprocessing.regressor((Regressor) alone, model, features)
        : preprocessing.classifier((Classifier) alone, model, features);
    String prefix = estimator == alone ? "" : model + "__";
    Map<String, List<?>> values = parseGrid(estimator, prefix);
    BaseSearchCV<?> search = random == null ? new GridSearchCV(estimator, values)
        : new RandomizedSearchCV(estimator, values).nIter(random)
            .randomState(input.seed == null ? 0L : input.seed);
    if (scoring != null) {
      try {
        search.scoring(scoring);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--scoring: " + e.getMessage());
      }
    }
    search.cv(cv).nJobs(-1);
    List<String> targetNames = !regress && encoded ? input.classes().names()
        : encoded ? List.of() : data.targetNames();
    long t0 = System.nanoTime();
    Progress[] bar = new Progress[1];   // drawn on a terminal only, made when the total is known
    search.onProgress((done, total) -> {
      if (bar[0] == null) {
        bar[0] = new Progress(log(), total, "fits");
      }
      bar[0].update(done, "elapsed s", (System.nanoTime() - t0) / 1e9);
    });
    FitInput.fit(() -> {
      if (encoded) {
        return regress ? search.fit(fields.X(), features, input.targetValues(input.table()))
            : search.fit(fields.X(), features, input.classes().labels());
      }
      return regress ? search.fit(data.X(), data.y()) : search.fit(data.X(), data.labels());
    });
    if (bar[0] != null) {
      bar[0].finish();
    }
    double fitSeconds = (System.nanoTime() - t0) / 1e9;
    input.save(search.bestEstimator(), features, regress ? List.of() : targetNames);
    Map<String, Object> results = search.cvResults();
    Map<String, Object> cvResults = new LinkedHashMap<>();
    for (String key : List.of("params", "mean_test_score", "std_test_score", "rank_test_score")) {
      cvResults.put(key, results.get(key));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cv_results", cvResults);
    json.put("best_params", search.bestParams());
    json.put("best_score", search.bestScore());
    json.put("n_splits", search.nSplits());
    json.put("fit_seconds", fitSeconds);
    preprocessing.describe(json);
    return new Result(json, text -> {
      @SuppressWarnings("unchecked")
      var params = (List<Map<String, Object>>) results.get("params");
      double[] mean = (double[]) results.get("mean_test_score");
      double[] std = (double[]) results.get("std_test_score");
      int[] rank = (int[]) results.get("rank_test_score");
      text.println("rank  mean     std      params");
      for (int c = 0; c < params.size(); c++) {
        text.printf(Locale.ROOT, "%4d  %.6f %.6f %s%n", rank[c], mean[c], std[c], params.get(c));
      }
      text.printf(Locale.ROOT, "best: %s  score %.6f (%d folds)%n", search.bestParams(),
          search.bestScore(), search.nSplits());
    });
  }

  /** 'a=1,2;b=x,y' as typed values, each read and checked by the estimator's own parameter. */
  private Map<String, List<?>> parseGrid(Estimator estimator, String prefix) {
    Map<String, List<?>> out = new LinkedHashMap<>();
    for (String entry : grid.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new UsageException("--grid (" + entry.strip() + ") must be NAME=V1,V2,...");
      }
      String name = entry.substring(0, eq).strip();
      name = name.contains("__") ? name : prefix + name;
      List<Object> typed = new ArrayList<>();
      for (String text : entry.substring(eq + 1).split(",")) {
        try {
          Estimator probe = estimator.clone().setParam(name, text.strip());
          probe.validateParams();
          typed.add(probe.getParam(name));
        } catch (IllegalArgumentException e) {
          throw new UsageException("--grid: " + e.getMessage());
        }
      }
      out.put(name, typed);
    }
    if (out.isEmpty()) {
      throw new UsageException("--grid is empty: give NAME=V1,V2,... (parameters separated by"
          + " ';')");
    }
    return out;
  }
}
