package semaine.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import semaine.base.Models;

/**
 * {@code semaine inspect MODEL.semaine}: what a model file holds (estimator, parameters, feature
 * columns, classes, fitted attributes, versions), read from its description without building the
 * model. JSON: {@code estimator}, {@code class}, {@code format_version}, {@code semaine_version},
 * {@code params}, {@code feature_names}, {@code classes}, {@code attributes}.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Describe a model file saved with --save (estimator, parameters, features).")
public final class InspectCommand extends ResultCommand {

  @Parameters(index = "0", paramLabel = "MODEL", description = "A model file (.semaine).")
  Path model;

  @Override
  protected Result compute() {
    Models.ModelInfo info;
    try {
      info = Models.inspect(model);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("estimator", info.estimator());
    json.put("class", info.className());
    json.put("format_version", info.formatVersion());
    json.put("semaine_version", info.semaineVersion());
    json.put("params", info.params());
    json.put("feature_names", info.featureNames());
    json.put("classes", info.classNames());
    json.put("attributes", info.attributes());
    Models.ModelInfo shown = info;
    return new Result(json, out -> {
      out.println(shown.estimator() + " (" + shown.className() + "), model file format "
          + shown.formatVersion() + ", written by semaine " + shown.semaineVersion());
      shown.params().forEach((k, v) -> out.println("  " + k + " = " + v));
      if (!shown.featureNames().isEmpty()) {
        out.println("features: " + String.join(", ", shown.featureNames()));
      }
      if (!shown.classNames().isEmpty()) {
        out.println("classes: " + String.join(", ", shown.classNames()));
      }
      out.println("attributes: " + String.join(", ", shown.attributes()));
    });
  }
}
