package semaine.cli;

import picocli.CommandLine.Option;
import semaine.base.Classifier;
import semaine.base.Regressor;
import semaine.base.Transformer;
import semaine.pipeline.Pipeline;
import semaine.pipeline.Step;
import semaine.preprocessing.MinMaxScaler;
import semaine.preprocessing.RobustScaler;
import semaine.preprocessing.StandardScaler;

/**
 * The options that put a scaler in front of the model of {@code classify} and {@code regress},
 * mixed in with {@code @Mixin Preprocessing preprocessing}: the model becomes a pipeline
 * (scikit-learn's {@code make_pipeline(StandardScaler(), model)}), fitted, saved by
 * {@code --save} and applied by {@code predict} as one model.
 */
public final class Preprocessing {

  @Option(names = "--scale", paramLabel = "KIND",
      description = "Scale the features before the model: standard (StandardScaler), minmax "
          + "(MinMaxScaler) or robust (RobustScaler); saved with the model by --save.")
  String scale;

  /** The model alone, or the pipeline scaler then model when {@code --scale} was given. */
  Classifier classifier(Classifier model, String name) {
    Transformer scaler = scaler();
    return scaler == null ? model
        : Pipeline.classifier(Step.step("scaler", scaler), Step.step(name, model));
  }

  /** The model alone, or the pipeline scaler then model when {@code --scale} was given. */
  Regressor regressor(Regressor model, String name) {
    Transformer scaler = scaler();
    return scaler == null ? model
        : Pipeline.regressor(Step.step("scaler", scaler), Step.step(name, model));
  }

  private Transformer scaler() {
    if (scale == null) {
      return null;
    }
    return switch (scale) {
      case "standard" -> new StandardScaler();
      case "minmax" -> new MinMaxScaler();
      case "robust" -> new RobustScaler();
      default -> throw new UsageException("--scale (" + scale + ") must be standard, minmax or"
          + " robust");
    };
  }
}
