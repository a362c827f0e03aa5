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
    Models.ModelInfo info = FitInput.fit(() -> Models.inspect(model));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("estimator", info.estimator());
    json.put("class", info.className());
    json.put("format_version", info.formatVersion());
    json.put("semaine_version", info.semaineVersion());
    json.put("params", info.params());
    json.put("feature_names", info.featureNames());
    json.put("classes", info.classNames());
    json.put("attributes", info.attributes());
    return new Result(json, out -> {
      out.println(info.estimator() + " (" + info.className() + "), model file format "
          + info.formatVersion() + ", written by semaine " + info.semaineVersion());
      info.params().forEach((k, v) -> out.println("  " + k + " = " + v));
      if (!info.featureNames().isEmpty()) {
        out.println("features: " + String.join(", ", info.featureNames()));
      }
      if (!info.classNames().isEmpty()) {
        out.println("classes: " + String.join(", ", info.classNames()));
      }
      out.println("attributes: " + String.join(", ", info.attributes()));
    });
  }
}
