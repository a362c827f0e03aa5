package semaine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import semaine.base.Classifier;
import semaine.classification.KNeighborsClassifier;
import semaine.data.CsvTable;
import semaine.data.Dataset;
import semaine.data.Float32Dataset;
import semaine.metrics.ClassificationMetrics;

/**
 * {@code semaine classify TRAIN --target C [--model knn|mlp] [--k K] [--predict F2]}:
 * classification of a CSV file, the book's day 3 (k nearest neighbours by default).
 *
 * <p>Labels are the target column's fields as written ({@link CsvTable#toClassDataset}). They are
 * ordered as scikit-learn orders {@code np.unique(y)}: numerically when every label is a number,
 * else as strings; that order decides vote ties and the columns of {@code probabilities}.
 * Predictions print as the labels appear in TRAIN (numbers as JSON numbers). Without
 * {@code --predict}, the training file itself is predicted (each point counts as its own
 * neighbour, as in scikit-learn's {@code predict(X_train)}). JSON: {@code predictions},
 * {@code accuracy} (when the predicted file holds the target), {@code probabilities} (with
 * {@code --proba}), {@code k} and {@code algorithm} (k-NN), {@code fit_seconds},
 * {@code predict_seconds}, {@code params}, {@code attributes} ({@code classes_} as the labels).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Classification of a CSV file: k nearest neighbours (scikit-learn's "
        + "KNeighborsClassifier) or a multi-layer perceptron.")
public final class ClassifyCommand extends ResultCommand {

  @Mixin
  FitInput input;

  @Mixin
  Preprocessing preprocessing;

  @Mixin
  Dtype dtype;

  @Option(names = "--model", defaultValue = "knn", paramLabel = "NAME",
      description = "knn (default), logistic, gaussian-nb, svc, nu-svc, linear-svc, mlp, tree,"
          + " forest, extra-trees or hist-gb.")
  String model;

  @Option(names = "--k", converter = Options.PositiveInt.class, paramLabel = "K",
      description = "knn: n_neighbors, the number of neighbours (default: 5).")
  Integer k;

  @Option(names = "--weights", paramLabel = "W",
      description = "knn: weights, uniform (default) or distance.")
  String weights;

  @Option(names = "--predict", paramLabel = "F2",
      description = "CSV file to classify; with the target column, accuracy is reported.")
  Path predict;

  @Option(names = "--proba", description = "Also give each class's probability (classes_ order).")
  boolean proba;

  @Override
  protected Result compute() {
    FitInput.Shorthand neighbours = new FitInput.Shorthand("--k", "n_neighbors", k);
    Classifier classifier = input.configure(ModelRegistry.CLASSIFIERS.get("--model", model).get(),
        neighbours, new FitInput.Shorthand("--weights", "weights", weights));
    boolean float32 = dtype.require(classifier, "--model " + model);
    boolean encoded = preprocessing.encodes(input, true);
    dtype.refuseWith("--encode", encoded, "the encoders' columns are float64");
    dtype.refuseWith("--scale", preprocessing.scale != null, "the scalers fit float64 data");
    input.float32(float32);
    Features train;
    int[] labels;
    List<String> targetNames;
    if (float32) {
      Float32Dataset data = input.float32Dataset(true);
      train = Features.of(data.X(), data.featureNames());
      labels = data.labels();
      targetNames = data.targetNames();
    } else if (encoded) {
      CsvTable.Fields fields = input.fields();
      CsvTable.Classes target = input.classes();
      train = Features.of(fields.X(), fields.names());
      labels = target.labels();
      targetNames = target.names();
    } else {
      CsvTable.Samples data = input.classDataset();
      train = Features.of(data.X(), data.featureNames());
      labels = data.labels();
      targetNames = data.targetNames();
    }
    input.requireAtMostSamples(classifier, neighbours, train.nSamples());
    if (targetNames.size() < 2) {
      throw new UsageException("the target column '" + input.target() + "' of " + input.file()
          + " has a single class (" + targetNames.get(0) + "): classification needs 2 or more");
    }
    Classifier fitted = preprocessing.classifier(classifier, model, train.names());
    long t0 = System.nanoTime();
    FitInput.fit(() -> {
      train.fit(fitted, labels);
      return null;
    });
    ModelRegistry.warnings(classifier).forEach(w -> log().println("semaine: warning: " + w));
    double fitSeconds = (System.nanoTime() - t0) / 1e9;
    input.save(fitted, train.names(), targetNames);

    CsvTable queries = predict == null ? input.table() : input.queries(predict);
    Features Q = encoded ? Features.of(input.fields(queries, train.names()), train.names())
        : float32 ? Features.of(input.float32Samples(queries, train.names()), train.names())
        : Features.of(input.samples(queries, train.names()), train.names());
    long t1 = System.nanoTime();
    int[] predicted = FitInput.fit(() -> Q.predict(fitted));
    double[][] probabilities = proba ? probabilities(fitted, Q) : null;
    double predictSeconds = (System.nanoTime() - t1) / 1e9;

    List<Object> classes = Dataset.classValues(targetNames);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("predictions", predicted(predicted, classes));
    Double accuracy = null;
    List<String> truth = input.targetFields(queries);
    if (truth != null) {
      accuracy = ClassificationMetrics.accuracyScore(ids(truth, targetNames), predicted);
      json.put("accuracy", accuracy);
    }
    if (probabilities != null) {
      json.put("probabilities", probabilities);
    }
    if (classifier.paramNames().contains("n_neighbors")) {
      json.put("k", classifier.getParam("n_neighbors"));
    }
    if (classifier instanceof KNeighborsClassifier knn) {
      json.put("algorithm", knn.fitMethod());
    }
    json.put("fit_seconds", fitSeconds);
    json.put("predict_seconds", predictSeconds);
    preprocessing.describe(json);
    json.put("params", ModelRegistry.params(classifier));
    Map<String, Object> attributes = new LinkedHashMap<>(classifier.attributes());
    attributes.put("classes_", classes); // the labels of the file, not their class ids
    json.put("attributes", attributes);
    Double shownAccuracy = accuracy;
    return new Result(json, out -> {
      for (int i = 0; i < predicted.length; i++) {
        String label = targetNames.get(predicted[i]);
        out.println(probabilities == null ? label : label + "  " + row(probabilities[i]));
      }
      if (shownAccuracy != null) {
        out.println("accuracy = " + shownAccuracy);
      }
    });
  }

  private static double[][] probabilities(Classifier classifier, Features Q) {
    try {
      return Q.predictProba(classifier);
    } catch (UnsupportedOperationException e) {
      throw new UsageException("--proba: " + e.getMessage());
    }
  }

  private static List<Object> predicted(int[] ids, List<Object> classes) {
    List<Object> labels = new ArrayList<>(ids.length);
    for (int id : ids) {
      labels.add(classes.get(id));
    }
    return labels;
  }

  /** The class id of each row's label in the training classes; -1 for a label never seen. */
  private static int[] ids(List<String> truth, List<String> targetNames) {
    int[] ids = new int[truth.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = targetNames.indexOf(truth.get(i));
    }
    return ids;
  }

  private static String row(double[] p) {
    StringBuilder s = new StringBuilder();
    for (double v : p) {
      s.append(s.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.4f", v));
    }
    return s.toString();
  }
}
