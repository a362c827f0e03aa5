package semaine.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.base.Models;
import semaine.tree.TreeExport;

/**
 * {@code semaine inspect MODEL.semaine}: what a model file holds (estimator, parameters, feature
 * columns, classes, fitted attributes, versions), read from its description without building the
 * model. JSON: {@code estimator}, {@code class}, {@code format_version}, {@code semaine_version},
 * {@code params}, {@code feature_names}, {@code classes}, {@code attributes}. With {@code --tree},
 * a decision tree (a forest's tree {@code --tree-index I}) as scikit-learn's {@code export_text}
 * prints it; JSON: {@code estimator}, {@code tree_index}, {@code text}.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Describe a model file saved with --save (estimator, parameters, features).")
public final class InspectCommand extends ResultCommand {

  @Parameters(index = "0", paramLabel = "MODEL", description = "A model file (.semaine).")
  Path model;

  @Option(names = "--tree", description = "Print the decision tree as scikit-learn's export_text.")
  boolean tree;

  @Option(names = "--tree-index", paramLabel = "I",
      description = "With --tree, the forest's tree to print (default: 0).")
  Integer treeIndex;

  @Option(names = "--max-depth", paramLabel = "D",
      description = "With --tree, the levels printed in full (default: 10).")
  int maxDepth = 10;

  @Option(names = "--decimals", paramLabel = "N",
      description = "With --tree, digits after the point (default: 2).")
  int decimals = 2;

  @Option(names = "--spacing", paramLabel = "N",
      description = "With --tree, the width of one level (default: 3).")
  int spacing = 3;

  @Option(names = "--show-weights", description = "With --tree, a leaf's weighted class counts.")
  boolean showWeights;

  @Override
  protected Result compute() {
    Models.ModelInfo info = FitInput.fit(() -> Models.inspect(model));
    if (tree) {
      return treeText(info);
    }
    if (treeIndex != null) {
      throw new UsageException("--tree-index applies with --tree");
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

  private Result treeText(Models.ModelInfo info) {
    TreeExport.TextOptions options = TreeExport.TextOptions.defaults().withMaxDepth(maxDepth)
        .withDecimals(decimals).withSpacing(spacing).withShowWeights(showWeights);
    String text = TreeText.of(model, info, treeIndex, options);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("estimator", info.estimator());
    json.put("tree_index", treeIndex == null ? 0 : treeIndex);
    json.put("text", text);
    return new Result(json, out -> out.print(text));
  }
}
