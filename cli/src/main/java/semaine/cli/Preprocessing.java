package semaine.cli;

import java.util.List;
import picocli.CommandLine.Option;
import semaine.base.Classifier;
import semaine.base.Estimator;
import semaine.base.Regressor;
import semaine.base.Transformer;
import semaine.pipeline.ColumnGroup;
import semaine.pipeline.ColumnTransformer;
import semaine.pipeline.Pipeline;
import semaine.pipeline.Step;
import semaine.preprocessing.OneHotEncoder;
import semaine.preprocessing.MinMaxScaler;
import semaine.preprocessing.RobustScaler;
import semaine.preprocessing.StandardScaler;

/**
 * The options that put a scaler or an encoder in front of the model of {@code classify},
 * {@code regress} and {@code search}, mixed in with {@code @Mixin Preprocessing preprocessing}:
 * the model becomes a pipeline, fitted, saved by {@code --save} and applied by {@code predict} as
 * one model. {@code --scale} alone is scikit-learn's {@code make_pipeline(StandardScaler(),
 * model)}; {@code --encode onehot} is {@code make_pipeline(make_column_transformer((OneHotEncoder(),
 * text_columns), remainder="passthrough"), model)}, and with {@code --scale} the scaler takes the
 * number columns' place: {@code make_column_transformer((StandardScaler(), number_columns),
 * (OneHotEncoder(), text_columns))}.
 */
public final class Preprocessing {

  @Option(names = "--scale", paramLabel = "KIND",
      description = "Scale the features before the model: standard (StandardScaler), minmax "
          + "(MinMaxScaler) or robust (RobustScaler); saved with the model by --save.")
  String scale;

  @Option(names = "--encode", paramLabel = "KIND",
      description = "Encode the text (category) columns before the model: onehot (OneHotEncoder,"
          + " one 0/1 column per category; the other columns as they are, or scaled by --scale);"
          + " saved with the model by --save.")
  String encode;

  private List<String> textColumns = List.of(); // the columns --encode encodes

  /**
   * Whether the fit reads the file's fields ({@code --encode}) rather than numbers, after checking
   * the file's text feature columns against the option.
   *
   * @throws UsageException for text columns without {@code --encode} (naming them and the
   *     option), an unknown kind, or {@code --encode} on a file without text columns
   */
  boolean encodes(FitInput input, boolean classes) {
    List<String> text = input.textFeatures(classes);
    if (encode == null) {
      if (!text.isEmpty()) {
        String which = text.size() == 1 ? "column '" + text.get(0) + "' of " + input.file()
            + " holds" : "columns '" + String.join("', '", text) + "' of " + input.file() + " hold";
        throw new UsageException(which + " text (category names), not numbers ("
            + firstProblem(input, text.get(0)) + "): encode them with --encode onehot, or leave"
            + " them out with --drop " + String.join(",", text));
      }
      return false;
    }
    if (!encode.equals("onehot")) {
      throw new UsageException("--encode (" + encode + ") must be onehot");
    }
    if (text.isEmpty()) {
      throw new UsageException("--encode onehot: " + input.file() + " has no text feature column"
          + " to encode (every feature is a number)");
    }
    textColumns = text;
    return true;
  }

  /** The reader's words for the first field of {@code column} that is not a number (its line). */
  private static String firstProblem(FitInput input, String column) {
    try {
      input.table().toVector(column);
      return "";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** The model alone, or the pipeline before it with {@code --scale} or {@code --encode}. */
  Classifier classifier(Classifier model, String name, List<String> features) {
    List<Step> steps = steps(features);
    return steps.isEmpty() ? model : Pipeline.classifier(with(steps, name, model));
  }

  /** The model alone, or the pipeline before it with {@code --scale} or {@code --encode}. */
  Regressor regressor(Regressor model, String name, List<String> features) {
    List<Step> steps = steps(features);
    return steps.isEmpty() ? model : Pipeline.regressor(with(steps, name, model));
  }

  /** The model alone, or the pipeline scaler then model with {@code --scale} (no encoding). */
  Classifier classifier(Classifier model, String name) {
    return classifier(model, name, List.of());
  }

  /** The model alone, or the pipeline scaler then model with {@code --scale} (no encoding). */
  Regressor regressor(Regressor model, String name) {
    return regressor(model, name, List.of());
  }

  /** What the JSON reports as the preprocessing: the scaler's kind, the encoding's. */
  void describe(java.util.Map<String, Object> json) {
    if (scale != null) {
      json.put("scaler", scale);
    }
    if (encode != null) {
      json.put("encode", encode);
      json.put("encoded_columns", textColumns);
    }
  }

  /** The steps before the model: none, the scaler, or the column transformer of the encoding. */
  private List<Step> steps(List<String> features) {
    Transformer scaler = scaler();
    if (encode == null || textColumns.isEmpty()) { // no encoding, or not yet checked by encodes
      return scaler == null ? List.of() : List.of(Step.step("scaler", scaler));
    }
    ColumnGroup onehot = new ColumnGroup("onehotencoder", new OneHotEncoder(), textColumns);
    List<String> numbers = features.stream().filter(c -> !textColumns.contains(c)).toList();
    ColumnTransformer columns = scaler == null || numbers.isEmpty()
        ? ColumnTransformer.of(onehot).remainder("passthrough")
        : ColumnTransformer.of(new ColumnGroup(
            scaler.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), scaler, numbers),
            onehot);
    return List.of(Step.step("columntransformer", columns));
  }

  private static Step[] with(List<Step> steps, String name, Estimator model) {
    List<Step> all = new java.util.ArrayList<>(steps);
    all.add(Step.step(name, model));
    return all.toArray(Step[]::new);
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
