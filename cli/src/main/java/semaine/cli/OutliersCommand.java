package semaine.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import semaine.anomaly.IsolationForest;
import semaine.anomaly.LocalOutlierFactor;
import semaine.base.OutlierDetector;

/**
 * {@code semaine outliers FILE [--method lof|iforest] [--neighbors K] [--contamination auto|F]}:
 * anomaly detection on the rows of a CSV file, the book's day 5.
 *
 * <p>Every column is a feature unless named in {@code --drop} or {@code --target}. With the
 * default method, lof, {@code scores} are LOF's {@code negative_outlier_factor_} (about −1 for
 * inliers, lower for outliers); with iforest they are the Isolation Forest's
 * {@code score_samples} (in [−1, 0)). A row is an outlier (label −1) when its score is below
 * {@code offset}. scikit-learn's warnings (too many neighbours, duplicates) go to stderr. JSON:
 * {@code n_neighbors} and {@code algorithm} (lof) or {@code seed} (iforest), {@code method,
 * labels, scores, offset, n_outliers, fit_seconds, params, attributes}.
 */
@Command(name = "outliers", mixinStandardHelpOptions = true,
    description = "Anomaly detection on a CSV file (scikit-learn's LocalOutlierFactor or "
        + "IsolationForest).")
public final class OutliersCommand extends ResultCommand {

  @Mixin
  FitInput input;

  @Mixin
  Dtype dtype;

  @Option(names = "--method", defaultValue = "lof", paramLabel = "lof|iforest",
      description = "lof (Local Outlier Factor, default) or iforest (Isolation Forest, seeded with "
          + "0 unless --seed).")
  String method;

  @Option(names = "--neighbors", converter = Options.PositiveInt.class, paramLabel = "K",
      description = "lof: n_neighbors, the number of neighbours (default: 20).")
  Integer neighbors;

  @Option(names = "--contamination", paramLabel = "auto|F",
      description = "contamination: the expected fraction of outliers, in (0, 0.5], or auto "
          + "(default).")
  String contamination;

  @Override
  protected Result compute() {
    ModelRegistry.Detector detector = ModelRegistry.DETECTORS.get("--method", method);
    OutlierDetector model = input.configure(detector.factory().get(),
        new FitInput.Shorthand("--neighbors", "n_neighbors", neighbors),
        new FitInput.Shorthand("--contamination", "contamination", contamination));
    boolean float32 = dtype.require(model, "--method " + method);
    input.float32(float32);
    double[][] X = float32 ? null : input.features();
    float[][] X32 = float32 ? input.float32Features() : null;
    int n = float32 ? X32.length : X.length;
    if (n < 2) {
      throw new UsageException(input.file() + " has " + n
          + " row: outlier detection needs at least 2");
    }
    long t0 = System.nanoTime();
    // float32: IsolationForest on the float32 rows, labelled as predict labels (score < offset)
    int[] fitted = FitInput.fit(() -> float32 ? null : model.fitPredict(X));
    if (float32) {
      FitInput.fit(() -> ((IsolationForest) model).fit(X32));
    }
    input.save(model, input.featureNames(), List.of());
    double fitSeconds = (System.nanoTime() - t0) / 1e9;
    double[] scores = float32 ? ((IsolationForest) model).scoreSamples(X32)
        : detector.trainingScores().apply(model, X);
    double offset = model.offset();
    int[] labels = fitted != null ? fitted : new int[n];
    for (int i = 0; fitted == null && i < n; i++) {
      labels[i] = scores[i] - offset < 0 ? -1 : 1;
    }
    ModelRegistry.warnings(model).forEach(w -> log().println("semaine: warning: " + w));
    Map<String, Object> attributes = model.attributes();
    Map<String, Object> json = new LinkedHashMap<>();
    if (model instanceof LocalOutlierFactor lof) {
      json.put("n_neighbors", attributes.get("n_neighbors_"));
      json.put("algorithm", lof.fitMethod());
    }
    if (model.paramNames().contains("random_state")) {
      json.put("seed", ModelRegistry.params(model).get("random_state"));
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
    json.put("params", ModelRegistry.params(model));
    json.put("attributes", attributes);
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
