package semaine.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import semaine.classification.MLPClassifier;
import semaine.data.Dataset;
import semaine.nn.BaseMultilayerPerceptron;
import semaine.nn.MultiLayerPerceptron;
import semaine.pipeline.ClassifierPipeline;
import semaine.pipeline.Pipeline;
import semaine.pipeline.RegressorPipeline;
import semaine.pipeline.Step;
import semaine.pipeline.TransformedTargetRegressor;
import semaine.preprocessing.StandardScaler;
import semaine.regression.MLPRegressor;

/**
 * {@code semaine nn}: neural networks, the book's day 7. {@code semaine nn train FILE --target C}
 * trains a multi-layer perceptron ({@link MLPClassifier} or {@link MLPRegressor}, Adam, ReLU) on a
 * CSV file.
 */
@Command(
    name = "nn",
    mixinStandardHelpOptions = true,
    description = "Neural networks: train a multi-layer perceptron on a CSV file (nn train).",
    subcommands = {NnCommand.Train.class, TrainGpt2Command.class})
public final class NnCommand extends ResultCommand {

  @Override
  protected Result compute() {
    List<String> names = new ArrayList<>(spec.subcommands().keySet());
    return new Result(Map.of("subcommands", names), out -> spec.commandLine().usage(out));
  }

  /**
   * {@code semaine nn train FILE --target C [--hidden 64,32] [--epochs N]}: a multi-layer
   * perceptron fitted to every other column.
   *
   * <p>The task follows the target, as scikit-learn's {@code type_of_target} would read it, with
   * one difference: class names (text) are classification; numbers are classification when all
   * are integers and there are at most {@value #MAX_CLASSES} distinct values (iris' 0/1/2, digits'
   * 0..9); other numbers are regression. scikit-learn calls any integer target "multiclass", which
   * would make a price column in whole euros a thousand-class problem. {@code --task} overrides.
   *
   * <p>Features are standardised (mean 0, variance 1, as {@link StandardScaler}) before training,
   * and a regression target too, so one learning rate suits every file; the loss curve of a
   * regression is therefore in units of the target's variance. {@code accuracy} and {@code r2}
   * are measured on the training file. JSON: {@code task}, {@code hidden}, {@code n_iter},
   * {@code loss_curve}, {@code accuracy} or {@code r2}, {@code fit_seconds} (training alone),
   * {@code params} and {@code attributes}. The options --hidden, --epochs, --learning-rate and
   * --batch-size set the parameters of the same scikit-learn names; --seed is random_state (0 by
   * default, so that runs repeat). A
   * progress bar (one line, redrawn per epoch) goes to stderr when stderr is a terminal.
   */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Train a multi-layer perceptron (Adam, ReLU) on a CSV file and print its "
          + "training accuracy (classification) or R² (regression).")
  static final class Train extends ResultCommand {

    /** The most distinct integer values a numeric target may have to count as classes. */
    static final int MAX_CLASSES = 20;

    /** What the network predicts. */
    enum Task { auto, classification, regression }

    @Mixin
    FitInput input;

    @Option(names = "--hidden", split = ",", converter = Options.PositiveInt.class,
        paramLabel = "H1,H2",
        description = "hidden_layer_sizes: sizes of the hidden layers (default: 100, "
            + "scikit-learn's).")
    List<Integer> hidden;

    @Option(names = "--epochs", converter = Options.PositiveInt.class, paramLabel = "N",
        description = "max_iter: the most passes over the data (default: 200).")
    Integer epochs;

    @Option(names = "--learning-rate", converter = Options.PositiveDouble.class,
        description = "learning_rate_init: Adam's step size (default: 0.001).")
    Double learningRate;

    @Option(names = "--batch-size", converter = Options.PositiveInt.class,
        description = "batch_size: samples per step (default: min(200, rows), as scikit-learn).")
    Integer batchSize;

    @Option(names = "--task", defaultValue = "auto",
        description = "auto, classification or regression (default: ${DEFAULT-VALUE}).")
    Task task;

    @Override
    protected Result compute() {
      // the parameters are checked before the data is read, on the model the task implies
      configure(task == Task.regression ? new MLPRegressor() : new MLPClassifier());
      Dataset data = input.dataset().toDataset();
      boolean classify = switch (task) {
        case classification -> true;
        case regression -> false;
        case auto -> isClassification(data);
      };
      if (classify && data.targetNames().isEmpty() && !integers(data.y())) {
        throw new UsageException("--task classification needs class names or integer labels in '"
            + input.target() + "' of " + input.file() + ", but it holds non-integer numbers");
      }
      if (!classify && !data.targetNames().isEmpty()) {
        throw new UsageException("--task regression needs numbers in '" + input.target() + "' of "
            + input.file() + ", but it holds class names ("
            + Options.some(data.targetNames()) + ")");
      }
      double[][] raw = data.X();
      StandardScaler scaler = new StandardScaler();
      BaseMultilayerPerceptron<?> model = configure(classify ? new MLPClassifier()
          : new MLPRegressor());
      // the command trains the model a file keeps: the scaler, then the network; a regression
      // network learns the target standardised, inside the model (TransformedTargetRegressor)
      ClassifierPipeline pipeline = classify
          ? Pipeline.classifier(Step.step("scaler", scaler), Step.step("mlp", model)) : null;
      TransformedTargetRegressor regressor = classify ? null : new TransformedTargetRegressor(
          Pipeline.regressor(Step.step("scaler", scaler), Step.step("mlp", model)),
          new StandardScaler());
      int[] hiddenSizes = (int[]) model.getParam("hidden_layer_sizes");
      ProgressBar bar = new ProgressBar(log(), (Integer) model.getParam("max_iter"));
      model.epochListener(bar::update);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("task", classify ? "classification" : "regression");
      json.put("hidden", hiddenSizes);
      long start = System.nanoTime();
      Fitted fitted;
      try {
        fitted = classify ? classify(pipeline, (MLPClassifier) model, raw, data.labels())
            : regress(regressor, raw, data.y());
      } catch (MultiLayerPerceptron.Diverged e) {
        throw new UsageException("--learning-rate (" + model.getParam("learning_rate_init")
            + ") is too large: " + e.getMessage().replace("learningRateInit", "learning rate"));
      } finally {
        bar.finish();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      input.save(classify ? pipeline : regressor, data.featureNames(), data.targetNames());
      json.put("n_iter", fitted.lossCurve().length);
      json.put("loss_curve", fitted.lossCurve());
      json.put(fitted.metric(), fitted.score());
      json.put("fit_seconds", seconds);
      json.put("params", ModelRegistry.params(model));
      json.put("attributes", fitted.network().attributes());
      String layers = data.nFeatures() + "-" + String.join("-", Arrays.stream(hiddenSizes)
          .mapToObj(String::valueOf).toList()) + "-" + fitted.outputs();
      return new Result(json, out -> {
        double[] curve = fitted.lossCurve();
        out.printf(Locale.ROOT, "%s of '%s': network %s, %d epochs, final loss %.4g%n",
            classify ? "classification" : "regression", input.target(), layers, curve.length,
            curve[curve.length - 1]);
        out.printf(Locale.ROOT, "%s = %.4f (training data), %.2f s%n", fitted.metric(),
            fitted.score(), seconds);
      });
    }

    /**
     * The fitted network, its loss per epoch, the metric's name and value, and the number of
     * outputs.
     */
    private record Fitted(BaseMultilayerPerceptron<?> network, String metric, double score,
        int outputs) {

      double[] lossCurve() {
        return network.lossCurve();
      }
    }

    /** Accuracy of the whole model (the scaler, then the network) on the training rows. */
    private Fitted classify(ClassifierPipeline pipeline, MLPClassifier model, double[][] raw,
        int[] y) {
      FitInput.fit(() -> pipeline.fit(raw, y));
      return new Fitted(model, "accuracy", pipeline.score(raw, y), model.classes().length);
    }

    /** R² of the whole model (standardised target mapped back) on the training rows. */
    private Fitted regress(TransformedTargetRegressor regressor, double[][] raw, double[] y) {
      FitInput.fit(() -> regressor.fit(raw, y));
      var network = (MLPRegressor) ((RegressorPipeline) regressor.regressor()).namedSteps()
          .get("mlp");
      return new Fitted(network, "r2", regressor.score(raw, y), 1);
    }

    /** The network with seed 0 (so that runs repeat), then the options and --param settings. */
    private BaseMultilayerPerceptron<?> configure(BaseMultilayerPerceptron<?> model) {
      model.randomState(0);
      int[] sizes = hidden == null ? null : hidden.stream().mapToInt(Integer::intValue).toArray();
      return input.configure(model,
          new FitInput.Shorthand("--hidden", "hidden_layer_sizes", sizes),
          new FitInput.Shorthand("--epochs", "max_iter", epochs),
          new FitInput.Shorthand("--learning-rate", "learning_rate_init", learningRate),
          new FitInput.Shorthand("--batch-size", "batch_size", batchSize));
    }

    /** Class names, or at most {@value #MAX_CLASSES} distinct integers: classification. */
    static boolean isClassification(Dataset data) {
      if (!data.targetNames().isEmpty()) {
        return true;
      }
      return integers(data.y()) && Arrays.stream(data.y()).distinct().count() <= MAX_CLASSES;
    }

    private static boolean integers(double[] y) {
      return Arrays.stream(y).allMatch(v -> v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE);
    }
  }
}
