package semaine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import semaine.base.Regressor;
import semaine.data.Csv;
import semaine.data.CsvReader;
import semaine.data.CsvTable;
import semaine.data.Dataset;
import semaine.data.Float32Dataset;
import semaine.metrics.RegressionMetrics;
import semaine.pipeline.Pipeline;
import semaine.pipeline.RegressorPipeline;
import semaine.pipeline.Step;
import semaine.preprocessing.StandardScaler;
import semaine.regression.GradientDescentRegressor;
import semaine.regression.KNeighborsRegressor;
import semaine.regression.LinearRegression;
import semaine.regression.MLPRegressor;

/**
 * {@code semaine regress FILE --target C [--model NAME] [--predict F2]}: a regression of column C
 * on the other columns.
 *
 * <p>{@code --model ols} (default) is {@link LinearRegression}, scikit-learn's numbers.
 * {@code --model gd} is the book's {@link GradientDescentRegressor} from (0, 0), run on
 * standardised features (mean 0, variance 1, so one learning rate suits every column) and mapped
 * back: {@code coef_j = w_j / scale_j}, {@code intercept = b - Σ_j w_j mean_j / scale_j}; its
 * {@code attributes} are those of the descent, in standardised units. {@code knn} and {@code mlp}
 * are {@link KNeighborsRegressor} and {@link MLPRegressor} on the features as they are.
 * {@code --method ols|gd} is the older spelling of {@code --model}.
 *
 * <p>JSON: {@code coef}, {@code intercept} (linear models), {@code predictions} (with
 * {@code --predict}), {@code r2} (on the training data, or on F2 when F2 holds the target),
 * {@code fit_seconds} (the fit alone, after reading the CSV), for gd {@code n_iter} and
 * {@code loss}, then {@code params} and {@code attributes}.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
    description = "Fit a regression to a CSV file (least squares, gradient descent, k nearest "
        + "neighbours or a multi-layer perceptron) and print the equation and R².")
public final class RegressCommand extends ResultCommand {

  @Mixin
  FitInput input;

  @Mixin
  Preprocessing preprocessing;

  @Mixin
  Dtype dtype;

  @Option(names = "--model", paramLabel = "NAME",
      description = "ols (least squares, as scikit-learn; default), gd (gradient descent on "
          + "standardised features), linear, ridge, lasso, elasticnet, ridge-cv, lasso-cv, knn,"
          + " svr, nu-svr, linear-svr, mlp, tree, forest, extra-trees or hist-gb.")
  String model;

  @Option(names = "--method", paramLabel = "NAME", description = "The same as --model.")
  String method;

  @Option(names = "--learning-rate", converter = Options.PositiveDouble.class,
      description = "gd: learning_rate, the step size η (default: 0.1).")
  Double learningRate;

  @Option(names = "--max-iter", converter = Options.PositiveInt.class,
      description = "gd: max_iter, the most updates (default: 10000).")
  Integer maxIter;

  @Option(names = "--tol", converter = Options.NonNegativeDouble.class,
      description = "gd: tol, stop when an update lowers the loss by less than this "
          + "(default: 1e-12).")
  Double tol;

  @Option(names = "--stream", description = "Fit ols from the file block by block, in the memory"
      + " of one block (two passes over the file; the same coefficients). Chosen by itself when"
      + " the file would not fit in memory.")
  boolean stream;

  @Option(names = "--predict", paramLabel = "F2",
      description = "CSV file to predict; with the target column, R² is measured on it.")
  Path predict;

  @Override
  protected Result compute() {
    if (model != null && method != null) {
      throw new UsageException("give --model or --method, not both");
    }
    String option = method != null ? "--method" : "--model";
    String name = method != null ? method : model != null ? model : "ols";
    Regressor model = input.configure(ModelRegistry.REGRESSORS.get(option, name).get(),
        new FitInput.Shorthand("--learning-rate", "learning_rate", learningRate),
        new FitInput.Shorthand("--max-iter", "max_iter", maxIter),
        new FitInput.Shorthand("--tol", "tol", tol));
    Regressor regressor = preprocessing.regressor(model, name);
    if (dtype.require(model, option + " " + name)) {
      dtype.refuseWith("--stream", stream, "ols fits float64 blocks");
      dtype.refuseWith("--encode", preprocessing.encode != null, "the encoders' columns are"
          + " float64");
      dtype.refuseWith("--scale", preprocessing.scale != null, "the scalers fit float64 data");
      return float32(model);
    }
    boolean canStream = regressor instanceof LinearRegression && preprocessing.encode == null;
    String keeps = name + (preprocessing.encode != null ? " with --encode" : "");
    if (input.streams(stream, canStream,
        keeps + " keeps every row in memory (ols fits block by block)")) {
      return streamed((LinearRegression) regressor);
    }
    if (preprocessing.encodes(input, false)) {
      return encoded(model, name);
    }
    CsvTable.Samples data = input.dataset();
    if (!data.targetNames().isEmpty()) {
      throw new UsageException("--target '" + input.target() + "' of " + input.file()
          + " holds class names (" + Options.some(data.targetNames())
          + "): regress needs numbers (classify predicts classes)");
    }
    double[][] X = data.X();
    double[] y = data.y();
    input.requireAtMostSamples(model, new FitInput.Shorthand("", "n_neighbors", null),
        X.length);
    boolean gd = regressor instanceof GradientDescentRegressor;
    // gd learns standardised features: the pipeline (scaler, descent) is what is fitted and saved
    Regressor fitted = gd ? Pipeline.regressor(Step.step("scaler", new StandardScaler()),
        Step.step("gd", regressor)) : regressor;
    long start = System.nanoTime();
    Fit fit = FitInput.fit(() -> gd ? standardised((RegressorPipeline) fitted.fit(X, y))
        : Fit.of(regressor.fit(X, y)));
    double seconds = (System.nanoTime() - start) / 1e9;
    ModelRegistry.warnings(model).forEach(w -> log().println("semaine: warning: " + w));
    input.save(fitted, data.featureNames(), List.of());

    Map<String, Object> json = new LinkedHashMap<>();
    preprocessing.describe(json);
    if (fit.linear()) {
      json.put("coef", fit.coef());
      json.put("intercept", fit.intercept());
    }
    Predicted predicted = predicted(queries -> fit.predict(input.samples(queries,
        data.featureNames())), json,
        RegressionMetrics.r2Score(y, fit.predict(X)));
    double[] predictions = predicted.values();
    Double r2 = predicted.r2();
    json.put("fit_seconds", seconds);
    Map<String, Object> attributes = model.attributes();
    if (gd) {
      int nIter = (Integer) attributes.get("n_iter_");
      json.put("n_iter", nIter);
      json.put("loss", attributes.get("loss_"));
      if (nIter == (Integer) regressor.getParam("max_iter")) {
        log().println("semaine: warning: gradient descent stopped at --max-iter " + nIter
            + " while the loss was still falling by more than --tol " + regressor.getParam("tol")
            + "; raise --max-iter or --learning-rate");
      }
    }
    json.put("params", ModelRegistry.params(model));
    json.put("attributes", attributes);
    return new Result(json, human(regressor, data.featureNames(), fit, predictions, r2));
  }

  /**
   * With {@code --encode}: the pipeline (column transformer, model) fitted on the file's fields,
   * saved whole; predictions for {@code --predict F2} (R² when it holds the target) or R² on the
   * training rows. gd's own scaler is left out: give {@code --scale standard}.
   */
  private Result encoded(Regressor model, String name) {
    CsvTable.Fields fields = input.fields();
    double[] y = input.targetValues(input.table());
    Features train = Features.of(fields.X(), fields.names());
    input.requireAtMostSamples(model, new FitInput.Shorthand("", "n_neighbors", null),
        train.nSamples());
    Regressor fitted = preprocessing.regressor(model, name, train.names());
    long start = System.nanoTime();
    FitInput.fit(() -> {
      train.fit(fitted, y);
      return null;
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    ModelRegistry.warnings(model).forEach(w -> log().println("semaine: warning: " + w));
    input.save(fitted, train.names(), List.of());
    Map<String, Object> json = new LinkedHashMap<>();
    preprocessing.describe(json);
    double[] predictions = null;
    Double r2 = FitInput.fit(() -> RegressionMetrics.r2Score(y, train.predict(fitted)));
    if (predict != null) {
      CsvTable queries = input.queries(predict);
      Features Q = Features.of(input.fields(queries, train.names()), train.names());
      double[] values = FitInput.fit(() -> Q.predict(fitted));
      double[] truth = input.targetValues(queries);
      predictions = values;
      json.put("predictions", values);
      r2 = truth == null ? null : RegressionMetrics.r2Score(truth, values);
    }
    if (r2 != null) {
      json.put("r2", r2);
    }
    json.put("fit_seconds", seconds);
    json.put("params", ModelRegistry.params(model));
    json.put("attributes", model.attributes());
    double[] shown = predictions;
    Double shownR2 = r2;
    return new Result(json, out -> {
      if (shown != null) {
        for (double p : shown) {
          out.println(Csv.formatDouble(p));
        }
        if (shownR2 != null) {
          out.println("r2 = " + shownR2);
        }
      } else {
        out.printf(Locale.ROOT, "%s: R² = %.4f on the training data%n", fitted, shownR2);
      }
    });
  }

  /**
   * Least squares from the file block by block ({@link LinearRegression#fit(semaine.data.RowBlocks,
   * int, int)}): the same coefficients as the in-memory fit; R² on the training rows would take
   * two more passes and is left out, R² on {@code --predict F2} is given.
   */
  private Result streamed(LinearRegression ols) {
    List<String> header = input.header();
    input.requireColumns(header);
    List<String> columns = header.stream().filter(c -> !input.dropped().contains(c)).toList();
    int target = columns.indexOf(input.target());
    List<String> features = columns.stream().filter(c -> !c.equals(input.target())).toList();
    long start = System.nanoTime();
    FitInput.fit(() -> ols.fit(CsvReader.blocks(input.file(), input.dropped()), columns.size(),
        target));
    double seconds = (System.nanoTime() - start) / 1e9;
    input.save(ols, features, List.of());
    Fit fit = Fit.of(ols);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("coef", fit.coef());
    json.put("intercept", fit.intercept());
    Predicted predicted = predicted(queries -> fit.predict(input.samples(queries, features)), json,
        null);
    json.put("fit_seconds", seconds);
    json.put("streamed", true);
    json.put("params", ModelRegistry.params(ols));
    json.put("attributes", ols.attributes());
    return new Result(json, out -> {
      if (predicted.values() != null) {
        human(ols, features, fit, predicted.values(), predicted.r2()).accept(out);
      } else {
        out.println(equation(input.target(), features, fit.coef(), fit.intercept())
            + "   (fitted block by block: R² on the training rows not computed)");
      }
    });
  }

  /**
   * {@code --dtype float32}: a tree, forest or k-NN fitted on the file's features as float32
   * ({@link Dtype}); the same JSON as a float64 fit but for a linear model's coefficients.
   */
  private Result float32(Regressor model) {
    input.float32(true);
    Float32Dataset data = input.float32Dataset(false);
    if (!data.targetNames().isEmpty()) {
      throw new UsageException("--target '" + input.target() + "' of " + input.file()
          + " holds class names (" + Options.some(data.targetNames())
          + "): regress needs numbers (classify predicts classes)");
    }
    Features X = Features.of(data.X(), data.featureNames());
    double[] y = data.y();
    long start = System.nanoTime();
    FitInput.fit(() -> {
      X.fit(model, y);
      return null;
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    ModelRegistry.warnings(model).forEach(w -> log().println("semaine: warning: " + w));
    input.save(model, data.featureNames(), List.of());
    Map<String, Object> json = new LinkedHashMap<>();
    double trainR2 = RegressionMetrics.r2Score(y, X.predict(model));
    Predicted predicted = predicted(queries -> Features.of(
        input.float32Samples(queries, data.featureNames()), data.featureNames()).predict(model),
        json, trainR2);
    json.put("dtype", "float32");
    json.put("fit_seconds", seconds);
    json.put("params", ModelRegistry.params(model));
    json.put("attributes", model.attributes());
    return new Result(json, human(model, data.featureNames(), Fit.of(model), predicted.values(),
        predicted.r2()));
  }

  /** The predictions for {@code --predict F2} (null without it) and the R² reported. */
  private record Predicted(double[] values, Double r2) {}

  /**
   * With {@code --predict F2}, its predictions and, when F2 holds the target, the R² on it;
   * without, {@code trainR2}. Both go into {@code json}.
   */
  private Predicted predicted(java.util.function.Function<CsvTable, double[]> predictions,
      Map<String, Object> json, Double trainR2) {
    Predicted predicted = new Predicted(null, trainR2);
    if (predict != null) {
      CsvTable queries = input.queries(predict);
      double[] values = predictions.apply(queries);
      json.put("predictions", values);
      double[] truth = input.targetValues(queries);
      predicted = new Predicted(values,
          truth == null ? null : RegressionMetrics.r2Score(truth, values));
    }
    if (predicted.r2() != null) {
      json.put("r2", predicted.r2());
    }
    return predicted;
  }

  private Consumer<PrintWriter> human(Regressor regressor, List<String> names, Fit fit,
      double[] predictions, Double r2) {
    String target = input.target();
    return out -> {
      if (predictions != null) {
        for (double p : predictions) {
          out.println(Csv.formatDouble(p));
        }
        if (r2 != null) {
          out.println("r2 = " + r2);
        }
        return;
      }
      String score = String.format(Locale.ROOT, "(R² = %.4f)", r2);
      out.println(fit.linear()
          ? equation(target, names, fit.coef(), fit.intercept()) + "   " + score
          : regressor + ": " + score.substring(1, score.length() - 1) + " on the training data");
      if (regressor.attributes().get("loss_") instanceof Double loss) {
        out.printf(Locale.ROOT, "gradient descent: %d iterations, final loss %.6g%n",
            (Integer) regressor.attributes().get("n_iter_"), loss);
      }
    };
  }

  /**
   * A fitted model and, for a linear one, its coefficients in the file's units (the printed
   * equation); predictions are the model's own, so a saved model gives the same ones.
   */
  private record Fit(double[] coef, double intercept, Regressor model) {

    static Fit of(Regressor model) {
      Map<String, Object> attributes = model.attributes();
      if (attributes.get("coef_") instanceof double[] coef
          && attributes.get("intercept_") instanceof Double intercept) {
        return new Fit(coef, intercept, model);
      }
      return new Fit(null, 0, model);
    }

    boolean linear() {
      return coef != null;
    }

    double[] predict(double[][] X) {
      return model.predict(X);
    }
  }

  /**
   * Gradient descent fitted on standardised features (from (0, 0), or at random with a
   * random_state): its coefficients mapped back to the file's units, for the printed equation;
   * predictions come from the pipeline, as from its model file.
   */
  private static Fit standardised(RegressorPipeline pipeline) {
    var scaler = (StandardScaler) pipeline.namedSteps().get("scaler");
    var descent = (GradientDescentRegressor) pipeline.namedSteps().get("gd");
    double[] w = descent.coef();
    double[] mean = scaler.mean();
    double[] scale = scaler.scale();
    double[] coef = new double[w.length];
    double intercept = descent.intercept();
    for (int j = 0; j < w.length; j++) {
      coef[j] = w[j] / scale[j];
      intercept -= coef[j] * mean[j];
    }
    return new Fit(coef, intercept, pipeline);
  }

  /** {@code target = 1.4544 * x - 0.25 * z + 2.9855}, five significant digits. */
  static String equation(String target, List<String> names, double[] coef, double intercept) {
    StringBuilder s = new StringBuilder(target).append(" = ");
    for (int j = 0; j < coef.length; j++) {
      String value = number(Math.abs(coef[j]));
      if (j == 0) {
        s.append(coef[j] < 0 ? "-" : "").append(value);
      } else {
        s.append(coef[j] < 0 ? " - " : " + ").append(value);
      }
      s.append(" * ").append(names.get(j));
    }
    return s.append(intercept < 0 ? " - " : " + ").append(number(Math.abs(intercept))).toString();
  }

  private static String number(double x) {
    return String.format(Locale.ROOT, "%.5g", x).replaceFirst("(\\.\\d*?)0+($|e)", "$1$2")
        .replaceFirst("\\.($|e)", "$1");
  }
}
