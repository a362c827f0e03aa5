package semaine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import semaine.base.Estimator;
import semaine.base.Models;
import semaine.ensemble.BaseForest;
import semaine.ensemble.ForestClassifier;
import semaine.tree.DecisionTreeClassifier;
import semaine.tree.DecisionTreeRegressor;
import semaine.tree.Tree;
import semaine.tree.TreeExport;

/**
 * {@code inspect MODEL --tree}: one decision tree of a model file as scikit-learn's
 * {@code export_text} prints it, named with the file's feature columns and class names (a
 * forest's tree chosen by its index).
 */
final class TreeText {

  private TreeText() {}

  /**
   * The text of the tree, or a usage error naming the model when it holds no tree.
   *
   * @param treeIndex the forest's tree ({@code estimators_[i]}), or null for the first
   */
  static String of(Path model, Models.ModelInfo info, Integer treeIndex,
      TreeExport.TextOptions options) {
    Estimator estimator = FitInput.fit(() -> Models.load(model));
    TreeExport.TextOptions named = info.featureNames().isEmpty() ? options
        : options.withFeatureNames(info.featureNames());
    if (estimator instanceof DecisionTreeClassifier clf) {
      requireSingle(treeIndex, info);
      return export(clf.tree(), clf.featureImportances().length, clf.classes(), info, named);
    }
    if (estimator instanceof DecisionTreeRegressor reg) {
      requireSingle(treeIndex, info);
      return export(reg.tree(), reg.featureImportances().length, null, info, named);
    }
    if (estimator instanceof BaseForest<?> forest) {
      Tree[] trees = forest.estimators();
      int index = treeIndex == null ? 0 : treeIndex;
      if (index < 0 || index >= trees.length) {
        throw new UsageException("--tree-index " + index + ": the " + info.estimator() + " in "
            + model + " has " + trees.length + " trees (0 to " + (trees.length - 1) + ")");
      }
      int[] classes = forest instanceof ForestClassifier<?> clf ? clf.classes() : null;
      return export(trees[index], forest.featureImportances().length, classes, info, named);
    }
    throw new UsageException("--tree: " + model + " holds a " + info.estimator()
        + ", not a decision tree or a forest of trees");
  }

  private static void requireSingle(Integer treeIndex, Models.ModelInfo info) {
    if (treeIndex != null && treeIndex != 0) {
      throw new UsageException("--tree-index " + treeIndex + ": a " + info.estimator()
          + " is a single tree (index 0)");
    }
  }

  /** The labels of a classifier's columns, by the file's class names when it has them. */
  private static String export(Tree tree, int nFeatures, int[] classes, Models.ModelInfo info,
      TreeExport.TextOptions options) {
    List<String> labels = null;
    if (classes != null) {
      labels = new ArrayList<>(classes.length);
      for (int label : classes) {
        boolean named = label >= 0 && label < info.classNames().size();
        labels.add(named ? info.classNames().get(label) : Integer.toString(label));
      }
    }
    List<String> classNames = labels;
    return FitInput.fit(() -> TreeExport.exportText(tree, nFeatures, classNames, options));
  }
}
