package semaine.tree;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import semaine.util.Checks;

/**
 * A fitted tree as text, the rules from the root down: scikit-learn 1.9's
 * {@code sklearn.tree.export_text}, character for character.
 *
 * <pre>{@code
 * String text = TreeExport.exportText(tree, TreeExport.TextOptions.defaults()
 *     .withFeatureNames(List.of("sepal length (cm)", "sepal width (cm)", ...)));
 * // |--- petal width (cm) <= 0.80
 * // |   |--- class: 0
 * // |--- petal width (cm) >  0.80
 * // ...
 * }</pre>
 *
 * <p>Each split prints two lines, {@code name <= threshold} before its left subtree and
 * {@code name >  threshold} before its right one; a leaf prints its class (the first class of
 * largest fraction), after its weighted class counts with {@code show_weights}, or a regressor's
 * {@code value: [mean]}. Nodes deeper than {@code max_depth} + 1 are summarised as
 * {@code truncated branch of depth d} unless they are leaves. Numbers are written with
 * {@code decimals} digits as Python's {@code "{:.2f}"} does: from the exact binary value, ties
 * to even, the sign of a negative value kept ({@code -0.00}).
 */
public final class TreeExport {

  private TreeExport() {}

  /**
   * The options of {@code export_text}, scikit-learn's defaults from {@link #defaults()}.
   *
   * @param featureNames one name per feature, or null for {@code feature_0, feature_1, ...}
   * @param classNames one name per class (classifier), or null for the labels themselves
   * @param maxDepth the deepest level printed in full, the root's children at 1 ({@code >= 0})
   * @param spacing the width of one level of indentation ({@code >= 1})
   * @param decimals digits after the point of thresholds and values ({@code >= 0})
   * @param showWeights print a classifier leaf's weighted class counts
   */
  public record TextOptions(List<String> featureNames, List<String> classNames, int maxDepth,
      int spacing, int decimals, boolean showWeights) {

    /** {@code export_text(tree)}: max_depth 10, spacing 3, decimals 2, no weights. */
    public static TextOptions defaults() {
      return new TextOptions(null, null, 10, 3, 2, false);
    }

    public TextOptions withFeatureNames(List<String> names) {
      return new TextOptions(names, classNames, maxDepth, spacing, decimals, showWeights);
    }

    public TextOptions withClassNames(List<String> names) {
      return new TextOptions(featureNames, names, maxDepth, spacing, decimals, showWeights);
    }

    public TextOptions withMaxDepth(int depth) {
      return new TextOptions(featureNames, classNames, depth, spacing, decimals, showWeights);
    }

    public TextOptions withSpacing(int width) {
      return new TextOptions(featureNames, classNames, maxDepth, width, decimals, showWeights);
    }

    public TextOptions withDecimals(int digits) {
      return new TextOptions(featureNames, classNames, maxDepth, spacing, digits, showWeights);
    }

    public TextOptions withShowWeights(boolean show) {
      return new TextOptions(featureNames, classNames, maxDepth, spacing, decimals, show);
    }
  }

  /** {@code export_text(classifier, ...)}: the class names default to its labels. */
  public static String exportText(DecisionTreeClassifier tree, TextOptions options) {
    return exportText(tree.tree(), tree.nFeaturesIn(), labels(tree.classes()), options);
  }

  /** {@code export_text(regressor, ...)}: each leaf's mean target. */
  public static String exportText(DecisionTreeRegressor tree, TextOptions options) {
    return exportText(tree.tree(), tree.nFeaturesIn(), null, options);
  }

  /**
   * The text of a tree's arrays, one of a forest's trees for instance.
   *
   * @param nFeatures the number of features the tree was fitted with
   * @param classes the class labels of a classifier's value columns, in order; null for a
   *     regressor
   * @throws IllegalArgumentException for options out of range, or feature or class names of
   *     the wrong count
   */
  public static String exportText(Tree tree, int nFeatures, List<String> classes,
      TextOptions options) {
    Checks.checkArgument(options.maxDepth() >= 0,
        "max_depth must be >= 0, got " + options.maxDepth());
    Checks.checkArgument(options.spacing() >= 1,
        "spacing must be >= 1, got " + options.spacing());
    Checks.checkArgument(options.decimals() >= 0,
        "decimals must be >= 0, got " + options.decimals());
    List<String> featureNames = options.featureNames();
    Checks.checkArgument(featureNames == null || featureNames.size() == nFeatures,
        "feature_names must contain " + nFeatures + " elements, got "
            + (featureNames == null ? 0 : featureNames.size()));
    List<String> classNames = classes;
    if (classes != null && options.classNames() != null) {
      Checks.checkArgument(options.classNames().size() == classes.size(),
          "When `class_names` is an array, it should contain as many items as "
              + "`decision_tree.classes_`. Got " + options.classNames().size()
              + " while the tree was fitted with " + classes.size() + " classes.");
      classNames = options.classNames();
    }
    StringBuilder report = new StringBuilder();
    new Writer(tree, classNames, options, report).node(0, 1);
    return report.toString();
  }

  /** The labels as text, as Python's {@code str} writes integers. */
  static List<String> labels(int[] classes) {
    List<String> names = new ArrayList<>(classes.length);
    for (int label : classes) {
      names.add(Integer.toString(label));
    }
    return names;
  }

  /** {@code "{:.<decimals>f}".format(value)}: exact binary value, ties to even, sign kept. */
  static String fixed(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }
    String digits = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN)
        .toPlainString();
    boolean negative = value < 0 || (value == 0.0 && 1.0 / value < 0);
    return negative && !digits.startsWith("-") ? "-" + digits : digits;
  }

  /** The recursion of {@code print_tree_recurse}, writing into one report. */
  private record Writer(Tree tree, List<String> classNames, TextOptions options,
      StringBuilder report) {

    void node(int node, int depth) {
      int spacing = options.spacing();
      String indent = ("|" + " ".repeat(spacing)).repeat(depth);
      indent = indent.substring(0, indent.length() - spacing) + "-".repeat(spacing);
      if (depth <= options.maxDepth() + 1) {
        int feature = tree.feature()[node];
        if (feature != Tree.UNDEFINED) {
          String name = options.featureNames() == null ? "feature_" + feature
              : options.featureNames().get(feature);
          String threshold = fixed(tree.threshold()[node], options.decimals());
          report.append(indent).append(' ').append(name).append(" <= ").append(threshold)
              .append('\n');
          node(tree.childrenLeft()[node], depth + 1);
          report.append(indent).append(' ').append(name).append(" >  ").append(threshold)
              .append('\n');
          node(tree.childrenRight()[node], depth + 1);
        } else {
          leaf(node, indent);
        }
      } else if (tree.childrenLeft()[node] == Tree.LEAF) {
        leaf(node, indent);
      } else {
        report.append(indent).append(" truncated branch of depth ").append(subtreeDepth(node))
            .append('\n');
      }
    }

    /** A leaf: a classifier's weights and class, a regressor's value. */
    private void leaf(int node, String indent) {
      double[] value = tree.value()[node];
      report.append(indent);
      if (classNames == null) {
        report.append(" value: ").append(numbers(value, 1.0)).append('\n');
        return;
      }
      if (options.showWeights()) {
        report.append(" weights: ")
            .append(numbers(value, tree.weightedNNodeSamples()[node]));
      }
      int best = Tree.argmax(value);
      // scikit-learn names the class only when the tree has more than one.
      String name = value.length == 1 ? Integer.toString(best) : classNames.get(best);
      report.append(" class: ").append(name).append('\n');
    }

    /** {@code [v0, v1, ...]}, each value times scale. */
    private String numbers(double[] value, double scale) {
      StringBuilder text = new StringBuilder("[");
      for (int c = 0; c < value.length; c++) {
        text.append(c > 0 ? ", " : "").append(fixed(value[c] * scale, options.decimals()));
      }
      return text.append(']').toString();
    }

    /** {@code _compute_depth}: the levels of the subtree under node, node itself at 1. */
    private int subtreeDepth(int node) {
      int left = tree.childrenLeft()[node];
      if (left == Tree.LEAF) {
        return 1;
      }
      return 1 + Math.max(subtreeDepth(left), subtreeDepth(tree.childrenRight()[node]));
    }
  }
}
