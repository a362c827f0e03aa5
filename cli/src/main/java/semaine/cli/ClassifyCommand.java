package semaine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Csv;
import semaine.data.CsvTable;

/**
 * {@code semaine classify TRAIN --target C --k K [--predict F2]}: k-nearest-neighbours
 * classification of a CSV file, the book's day 3.
 *
 * <p>Labels are the target column's fields as written. They are ordered as scikit-learn orders
 * {@code np.unique(y)}: numerically when every label is a number, else as strings; that order only
 * decides vote ties. Predictions print as the labels appear in TRAIN (numbers as JSON numbers).
 * Without {@code --predict}, the training file itself is predicted (each point counts as its own
 * neighbour, as in scikit-learn's {@code predict(X_train)}).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "k-nearest-neighbours classification of a CSV file (scikit-learn's "
        + "KNeighborsClassifier).")
public final class ClassifyCommand extends ResultCommand {

  @Parameters(index = "0", paramLabel = "TRAIN", description = "Training CSV file (header row).")
  Path train;

  @Option(names = "--target", required = true, paramLabel = "COLUMN",
      description = "The label column (numbers or names).")
  String target;

  @Option(names = "--k", converter = Options.PositiveInt.class, defaultValue = "5",
      paramLabel = "K", description = "Number of neighbours (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--predict", paramLabel = "F2",
      description = "CSV file to classify; with the target column, accuracy is reported.")
  Path predict;

  @Option(names = "--weights", defaultValue = "uniform", paramLabel = "W",
      description = "uniform or distance (default: ${DEFAULT-VALUE}).")
  String weights;

  @Option(names = "--drop", split = ",", paramLabel = "A,B", description = "Columns to ignore.")
  List<String> drop = new ArrayList<>();

  @Override
  protected Result compute() {
    CsvTable trainTable = Csv.read(train);
    requireColumn(trainTable, target, train);
    Set<String> excluded = new LinkedHashSet<>(drop);
    excluded.add(target);
    List<String> features = featureNames(trainTable, excluded);
    double[][] X = trainTable.toMatrix(excluded);
    List<String> labels = column(trainTable, target);
    Labels encoding = Labels.of(labels);
    if (k > X.length) {
      throw new UsageException("--k (" + k + ") must be <= the number of training rows ("
          + X.length + ") in " + train);
    }
    if (encoding.names.size() < 2) {
      throw new UsageException("the target column '" + target + "' of " + train
          + " has a single class (" + encoding.names.get(0) + "): classification needs 2 or more");
    }
    var model = new KNeighborsClassifier(k).weights(weights);
    long t0 = System.nanoTime();
    model.fit(X, encoding.encode(labels));
    double fitSeconds = (System.nanoTime() - t0) / 1e9;

    CsvTable queries = predict == null ? trainTable : Csv.read(predict);
    Path queriesPath = predict == null ? train : predict;
    Set<String> queryExcluded = new HashSet<>(drop);
    boolean hasTarget = queries.header().contains(target);
    if (hasTarget) {
      queryExcluded.add(target);
    }
    List<String> queryFeatures = featureNames(queries, queryExcluded);
    if (!queryFeatures.equals(features)) {
      throw new UsageException(queriesPath + " has feature columns " + queryFeatures
          + " but " + train + " has " + features + ": they must be the same, in the same order");
    }
    double[][] Q = queries.toMatrix(queryExcluded);
    long t1 = System.nanoTime();
    int[] predicted = model.predict(Q);
    double predictSeconds = (System.nanoTime() - t1) / 1e9;

    List<String> predictedLabels = new ArrayList<>();
    for (int p : predicted) {
      predictedLabels.add(encoding.names.get(p));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    List<Object> jsonPredictions = new ArrayList<>();
    for (String label : predictedLabels) {
      jsonPredictions.add(encoding.jsonValue(label));
    }
    json.put("predictions", jsonPredictions);
    Double accuracy = null;
    if (hasTarget) {
      List<String> truth = column(queries, target);
      int right = 0;
      for (int i = 0; i < truth.size(); i++) {
        right += truth.get(i).equals(predictedLabels.get(i)) ? 1 : 0;
      }
      accuracy = (double) right / truth.size();
      json.put("accuracy", accuracy);
    }
    json.put("k", k);
    json.put("algorithm", model.fitMethod());
    json.put("fit_seconds", fitSeconds);
    json.put("predict_seconds", predictSeconds);
    Double shownAccuracy = accuracy;
    return new Result(json, out -> {
      for (String label : predictedLabels) {
        out.println(label);
      }
      if (shownAccuracy != null) {
        out.println("accuracy = " + shownAccuracy);
      }
    });
  }

  private static void requireColumn(CsvTable table, String column, Path file) {
    if (!table.header().contains(column)) {
      throw new UsageException("--target '" + column + "' is not a column of " + file
          + " (columns: " + String.join(", ", table.header()) + ")");
    }
  }

  private static List<String> featureNames(CsvTable table, Set<String> excluded) {
    List<String> names = new ArrayList<>(table.header());
    names.removeAll(excluded);
    return names;
  }

  private static List<String> column(CsvTable table, String name) {
    int j = table.header().indexOf(name);
    List<String> values = new ArrayList<>();
    for (List<String> row : table.rows()) {
      values.add(row.get(j).strip());
    }
    return values;
  }

  /** The distinct labels in np.unique order, and their class ids. */
  private record Labels(List<String> names, Map<String, Integer> ids, boolean numeric) {

    static Labels of(List<String> labels) {
      boolean numeric = true;
      for (String label : labels) {
        numeric &= isNumber(label);
      }
      Map<Object, String> sorted = new TreeMap<>();
      for (String label : labels) {
        sorted.putIfAbsent(numeric ? (Object) Double.parseDouble(label) : label, label);
      }
      List<String> names = new ArrayList<>(sorted.values());
      Map<String, Integer> ids = new LinkedHashMap<>();
      for (String label : labels) {
        Object key = numeric ? (Object) Double.parseDouble(label) : label;
        ids.put(label, names.indexOf(sorted.get(key)));
      }
      return new Labels(names, ids, numeric);
    }

    int[] encode(List<String> labels) {
      int[] y = new int[labels.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = ids.get(labels.get(i));
      }
      return y;
    }

    Object jsonValue(String label) {
      if (!numeric) {
        return label;
      }
      try {
        return Long.parseLong(label);
      } catch (NumberFormatException notAnInteger) {
        return Double.parseDouble(label);
      }
    }

    private static boolean isNumber(String text) {
      try {
        return Double.isFinite(Double.parseDouble(text));
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }
}
