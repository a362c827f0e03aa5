package semaine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.anomaly.IsolationForest;
import semaine.anomaly.LocalOutlierFactor;
import semaine.data.Csv;
import semaine.data.CsvTable;

/**
 * {@code semaine outliers FILE [--neighbors K] [--contamination auto|F] [--method lof|iforest]}:
 * anomaly detection on the rows of a CSV file, the book's day 5.
 *
 * <p>Every column is a feature unless named in {@code --drop}. With the default method, lof,
 * {@code scores} are LOF's {@code negative_outlier_factor_} (about −1 for inliers, lower for
 * outliers); with iforest they are the Isolation Forest's {@code score_samples} (in [−1, 0)). A
 * row is an outlier (label −1) when its score is below {@code offset}. scikit-learn's warnings
 * (too many neighbours, duplicates) go to stderr.
 */
@Command(name = "outliers", mixinStandardHelpOptions = true,
    description = "Anomaly detection on a CSV file (scikit-learn's LocalOutlierFactor or "
        + "IsolationForest).")
public final class OutliersCommand extends ResultCommand {

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV file (header row).")
  Path file;

  @Option(names = "--neighbors", converter = Options.PositiveInt.class, defaultValue = "20",
      paramLabel = "K", description = "LOF's number of neighbours (default: ${DEFAULT-VALUE}).")
  int neighbors;

  @Option(names = "--contamination", defaultValue = "auto", paramLabel = "auto|F",
      description = "Expected fraction of outliers, in (0, 0.5], or auto (default).")
  String contamination;

  @Option(names = "--method", defaultValue = "lof", paramLabel = "lof|iforest",
      description = "lof (Local Outlier Factor, default) or iforest (Isolation Forest).")
  String method;

  @Option(names = "--seed", converter = Options.Seed.class, defaultValue = "0", paramLabel = "S",
      description = "iforest's random_state (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--drop", split = ",", paramLabel = "A,B", description = "Columns to ignore.")
  List<String> drop = new ArrayList<>();

  @Override
  protected Result compute() {
    if (!method.equals("lof") && !method.equals("iforest")) {
      throw new UsageException("--method (" + method + ") must be lof or iforest");
    }
    CsvTable table = Csv.read(file);
    for (String column : drop) {
      if (!table.header().contains(column)) {
        throw new UsageException("--drop '" + column + "' is not a column of " + file
            + " (columns: " + String.join(", ", table.header()) + ")");
      }
    }
    double[][] X = table.toMatrix(new LinkedHashSet<>(drop));
    Map<String, Object> json = new LinkedHashMap<>();
    int[] labels;
    double[] scores;
    double offset;
    double fitSeconds;
    if (method.equals("lof")) {
      var model = new LocalOutlierFactor(neighbors).contamination(contamination);
      if (X.length < 2) {
        throw new UsageException(file + " has " + X.length
            + " row: the Local Outlier Factor needs at least 2");
      }
      long t0 = System.nanoTime();
      labels = model.fitPredict(X);
      fitSeconds = (System.nanoTime() - t0) / 1e9;
      scores = model.negativeOutlierFactor();
      offset = model.offset();
      model.warnings().forEach(w -> log().println("semaine: warning: " + w));
      json.put("n_neighbors", model.nNeighbors());
      json.put("algorithm", model.fitMethod());
    } else {
      var model = new IsolationForest().contamination(contamination).randomState(seed);
      long t0 = System.nanoTime();
      labels = model.fitPredict(X);
      fitSeconds = (System.nanoTime() - t0) / 1e9;
      scores = model.scoreSamples(X);
      offset = model.offset();
      json.put("seed", seed);
    }
    int outliers = 0;
    for (int label : labels) {
      outliers += label == -1 ? 1 : 0;
    }
    json.put("method", method);
    json.put("labels", labels);
    json.put("scores", scores);
    json.put("offset", offset);
    json.put("n_outliers", outliers);
    json.put("fit_seconds", fitSeconds);
    int nOutliers = outliers;
    return new Result(json, out -> {
      out.println(nOutliers + " outlier(s) among " + labels.length + " rows (" + method
          + ", score < offset " + offset + ")");
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == -1) {
          out.println("row " + i + "  score " + scores[i]);
        }
      }
    });
  }
}
