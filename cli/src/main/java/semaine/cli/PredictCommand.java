package semaine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.base.Classifier;
import semaine.base.Clusterer;
import semaine.base.Estimator;
import semaine.base.Models;
import semaine.base.OutlierDetector;
import semaine.base.Regressor;
import semaine.base.Transformer;
import semaine.data.CsvTable;
import semaine.data.Dataset;

/**
 * {@code semaine predict MODEL.semaine DATA.csv [--proba] [--drop A,B]}: applies a saved model to
 * the rows of a CSV file, by the model's role: class labels (as the training file wrote them) for
 * a classifier, values for a regressor, clusters for k-means, labels and scores for an outlier
 * detector, the transformed rows for a transformer.
 *
 * <p>The file must have the model's feature columns, by name and in the order the model was fitted
 * on; a missing column, or one the model does not know (leave it out with {@code --drop}), is a
 * usage error naming it. JSON: {@code predictions}, {@code probabilities} (with {@code --proba}),
 * {@code scores} (outlier detectors), {@code estimator}, {@code predict_seconds}.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Apply a model saved with --save to the rows of a CSV file.")
public final class PredictCommand extends ResultCommand {

  @Parameters(index = "0", paramLabel = "MODEL", description = "A model file (.semaine).")
  Path model;

  @Parameters(index = "1", paramLabel = "DATA", description = "CSV file with the model's features.")
  Path data;

  @Option(names = "--proba", description = "Also give each class's probability (classifiers).")
  boolean proba;

  @Option(names = "--drop", split = ",", paramLabel = "A,B",
      description = "Columns of DATA to leave out (a target column, an id...).")
  List<String> drop = new ArrayList<>();

  @Override
  protected Result compute() {
    Models.ModelInfo info = FitInput.fit(() -> Models.inspect(model));
    Estimator estimator = FitInput.fit(() -> Models.load(model));
    CsvTable table = FitInput.read(data);
    double[][] X = FitInput.fit(
        () -> table.toSamples(features(info, table), null, new LinkedHashSet<>(drop)));
    Map<String, Object> json = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    long start = System.nanoTime();
    switch (estimator) {
      case Classifier c -> {
        int[] ids = c.predict(X);
        List<Object> labels = labels(ids, info.classNames());
        json.put("predictions", labels);
        double[][] p = proba ? probabilities(c, X) : null;
        if (p != null) {
          json.put("probabilities", p);
        }
        for (int i = 0; i < ids.length; i++) {
          lines.add(labels.get(i) + (p == null ? "" : "  " + row(p[i])));
        }
      }
      case Regressor r -> {
        double[] values = r.predict(X);
        json.put("predictions", values);
        for (double v : values) {
          lines.add(semaine.util.Repr.of(v));
        }
      }
      case Clusterer c -> {
        int[] clusters = unsupported(() -> c.predict(X));
        json.put("predictions", clusters);
        for (int k : clusters) {
          lines.add(String.valueOf(k));
        }
      }
      case OutlierDetector o -> {
        int[] labels = novelty(() -> o.predict(X));
        double[] scores = o.scoreSamples(X);
        json.put("predictions", labels);
        json.put("scores", scores);
        for (int i = 0; i < labels.length; i++) {
          lines.add(labels[i] + "  " + semaine.util.Repr.of(scores[i]));
        }
      }
      case Transformer t -> {
        double[][] rows = t.transform(X);
        json.put("predictions", rows);
        for (double[] r : rows) {
          lines.add(row(r));
        }
      }
      default -> throw new UsageException(model + " holds a "
          + estimator.getClass().getSimpleName() + ", which predicts nothing");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (proba && !(estimator instanceof Classifier)) {
      throw new UsageException("--proba: " + model + " holds a "
          + estimator.getClass().getSimpleName() + ", not a classifier");
    }
    json.put("estimator", estimator.sklearnName());
    json.put("predict_seconds", seconds);
    return new Result(json, out -> lines.forEach(out::println));
  }

  /**
   * The model's feature columns, after checking that DATA has each of them and no other (besides
   * {@code --drop}); all columns when the model was saved without names.
   */
  private List<String> features(Models.ModelInfo info, CsvTable table) {
    Set<String> columns = new LinkedHashSet<>(table.header());
    for (String d : drop) {
      if (!columns.remove(d)) {
        throw new UsageException("--drop '" + d + "': no column named '" + d + "' in " + data);
      }
    }
    List<String> wanted = info.featureNames();
    if (wanted.isEmpty()) {
      return List.copyOf(columns);
    }
    for (String name : wanted) {
      if (!columns.contains(name)) {
        throw new UsageException(data + " has no column '" + name + "', a feature of the model in "
            + model + " (its features: " + String.join(", ", wanted) + ")");
      }
    }
    for (String name : columns) {
      if (!wanted.contains(name)) {
        throw new UsageException(data + " has a column '" + name + "' that the model in " + model
            + " was not fitted on: leave it out with --drop " + name);
      }
    }
    return wanted;
  }

  /** Class ids as the labels the training file wrote (numbers as numbers), ids when unknown. */
  private static List<Object> labels(int[] ids, List<String> classNames) {
    List<Object> values = classNames.isEmpty() ? null : Dataset.classValues(classNames);
    List<Object> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(values == null ? (Object) id : values.get(id));
    }
    return out;
  }

  private double[][] probabilities(Classifier c, double[][] X) {
    return unsupported(() -> c.predictProba(X));
  }

  private static <T> T unsupported(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (UnsupportedOperationException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private <T> T novelty(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalStateException e) {
      throw new UsageException(model + ": " + e.getMessage());
    }
  }

  private static String row(double[] values) {
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(s.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.4f", v));
    }
    return s.toString();
  }
}
