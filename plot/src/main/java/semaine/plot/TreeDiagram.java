package semaine.plot;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import semaine.plot.Canvas.Align;
import semaine.tree.Tree;

/**
 * A fitted decision tree drawn as scikit-learn's {@code plot_tree(filled=True)} draws it: one box
 * per node holding the split ({@code petal width (cm) <= 0.8}), the impurity, the samples, the
 * value (class counts, {@code value * weighted_n_node_samples}) and the majority class, each box
 * filled with its class's colour from {@code _color_brew} faded by how pure the node is
 * ({@code alpha = (p1 - p2) / (1 - p2)} of the two largest proportions), and an edge from each
 * node to its children. Leaves are spread evenly left to right in order; a parent sits above the
 * middle of its children. Text is shrunk to fit the boxes, as {@code plot_tree}'s auto font size.
 *
 * <p>The diagram fills the unit square of its axes (x and y in [0, 1]); it has no ticks or spines.
 */
public final class TreeDiagram implements Artist {

  private static final int PRECISION = 3; // plot_tree's default precision

  private final Tree tree;
  private String[] featureNames;
  private String[] classNames;
  private String criterion = "impurity";
  private final double[] x;
  private final double[] y;
  private final double boxWidth;
  private final double boxHeight;

  TreeDiagram(Tree tree) {
    this.tree = java.util.Objects.requireNonNull(tree, "tree");
    int n = tree.nodeCount();
    this.x = new double[n];
    this.y = new double[n];
    int leaves = tree.nLeaves();
    int depth = tree.maxDepth();
    int[] next = {0};
    place(0, 0, leaves, depth, next);
    this.boxWidth = 0.92 / leaves;
    this.boxHeight = 0.8 / (depth + 1);
  }

  /** Centres of node boxes: leaves at (i + 0.5) / leaves, parents midway; rows by depth. */
  private void place(int node, int level, int leaves, int depth, int[] next) {
    y[node] = 1 - (level + 0.5) / (depth + 1);
    if (tree.childrenLeft()[node] == Tree.LEAF) {
      x[node] = (next[0]++ + 0.5) / leaves;
      return;
    }
    place(tree.childrenLeft()[node], level + 1, leaves, depth, next);
    place(tree.childrenRight()[node], level + 1, leaves, depth, next);
    x[node] = (x[tree.childrenLeft()[node]] + x[tree.childrenRight()[node]]) / 2;
  }

  /** Names the split features ({@code feature_names}); {@code x[i]} without them. */
  public TreeDiagram featureNames(String... names) {
    int needed = java.util.Arrays.stream(tree.feature()).max().orElse(-1) + 1;
    if (names.length < needed) {
      throw new IllegalArgumentException("feature_names has " + names.length
          + " names but the tree splits on feature " + (needed - 1));
    }
    this.featureNames = names.clone();
    return this;
  }

  /** Names the classes ({@code class_names}), adding a "class = " line to each box. */
  public TreeDiagram classNames(String... names) {
    if (names.length != tree.value()[0].length) {
      throw new IllegalArgumentException("class_names has " + names.length
          + " names but the tree has " + tree.value()[0].length + " classes");
    }
    this.classNames = names.clone();
    return this;
  }

  /** The impurity's name in the boxes ({@code "gini"}, {@code "entropy"}...; default "impurity"). */
  public TreeDiagram criterion(String name) {
    this.criterion = java.util.Objects.requireNonNull(name, "criterion");
    return this;
  }

  /** The centre of {@code node}'s box in data coordinates (the unit square). */
  public double[] nodeCentre(int node) {
    return new double[] {x[node], y[node]};
  }

  /** The lines of text in {@code node}'s box, as {@code plot_tree} writes them. */
  public List<String> nodeText(int node) {
    List<String> lines = new ArrayList<>();
    if (tree.childrenLeft()[node] != Tree.LEAF) {
      int f = tree.feature()[node];
      String name = featureNames != null ? featureNames[f] : "x[" + f + "]";
      lines.add(name + " <= " + round(tree.threshold()[node]));
    }
    lines.add(criterion + " = " + round(tree.impurity()[node]));
    lines.add("samples = " + tree.nNodeSamples()[node]);
    double[] counts = counts(node);
    if (counts.length == 1) {
      lines.add("value = " + round(counts[0]));
    } else {
      StringBuilder value = new StringBuilder("value = [");
      for (int k = 0; k < counts.length; k++) {
        value.append(k == 0 ? "" : ", ").append(count(counts[k]));
      }
      lines.add(value.append(']').toString());
      if (classNames != null) {
        lines.add("class = " + classNames[Tree.argmax(counts)]);
      }
    }
    return lines;
  }

  /** The fill of {@code node}'s box: its majority class's colour faded by purity. */
  public Color nodeColor(int node) {
    double[] counts = counts(node);
    if (counts.length == 1) {
      return new Color(0xe5, 0x81, 0x39); // regression trees: the first colour (by value below)
    }
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    double first = 0;
    double second = 0;
    for (double c : counts) {
      double p = c / total;
      if (p > first) {
        second = first;
        first = p;
      } else if (p > second) {
        second = p;
      }
    }
    double alpha = second == 1 ? 0 : (first - second) / (1 - second);
    int[] rgb = colorBrew(counts.length)[Tree.argmax(counts)];
    return new Color(fade(rgb[0], alpha), fade(rgb[1], alpha), fade(rgb[2], alpha));
  }

  private double[] counts(int node) {
    double[] value = tree.value()[node];
    if (value.length == 1) {
      return value.clone();
    }
    double[] counts = new double[value.length];
    for (int k = 0; k < value.length; k++) {
      counts[k] = value[k] * tree.weightedNNodeSamples()[node];
    }
    return counts;
  }

  private static int fade(int channel, double alpha) {
    return (int) Math.round(alpha * channel + (1 - alpha) * 255);
  }

  /** scikit-learn's {@code _color_brew(n)}: n hues from 25° in equal steps, s 0.75, v 0.9. */
  static int[][] colorBrew(int n) {
    double s = 0.75;
    double v = 0.9;
    double c = s * v;
    double m = v - c;
    int[][] colors = new int[n][];
    for (int i = 0; i < n; i++) {
      int h = (int) (25 + 360.0 / n * i);
      double hBar = h / 60.0;
      double xx = c * (1 - Math.abs(hBar % 2 - 1));
      double[][] rgb = {{c, xx, 0}, {xx, c, 0}, {0, c, xx}, {0, xx, c}, {xx, 0, c}, {c, 0, xx},
          {c, xx, 0}};
      double[] pick = rgb[(int) hBar];
      colors[i] = new int[] {(int) (255 * (pick[0] + m)), (int) (255 * (pick[1] + m)),
          (int) (255 * (pick[2] + m))};
    }
    return colors;
  }

  /** Python's {@code str(round(v, 3))}: the shortest text of v rounded to three decimals. */
  static String round(double v) {
    double r = new BigDecimal(v).setScale(PRECISION, RoundingMode.HALF_EVEN).doubleValue();
    return Double.toString(r == 0 ? 0 : r);
  }

  /** A class count: an integer when it is one (unweighted samples), else rounded. */
  private static String count(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : round(v);
  }

  @Override
  public Bounds bounds() {
    return Bounds.of(0, 1, 0, 1);
  }

  @Override
  public int zorder() {
    return 2;
  }

  @Override
  public boolean flat() {
    return false; // no spines or ticks, as plot_tree's axes
  }

  @Override
  public void draw(Canvas canvas, Transform t) {
    double w = Math.abs(t.x(boxWidth) - t.x(0));
    double h = Math.abs(t.y(0) - t.y(boxHeight));
    double font = fontPx(t, w, h);
    for (int node = 0; node < x.length; node++) {
      for (int child : new int[] {tree.childrenLeft()[node], tree.childrenRight()[node]}) {
        if (child != Tree.LEAF) {
          canvas.polyline(new double[] {t.x(x[node]), t.x(x[child])},
              new double[] {t.y(y[node]) + h / 2, t.y(y[child]) - h / 2}, 2, Color.BLACK,
              t.pt(1), null);
        }
      }
    }
    for (int node = 0; node < x.length; node++) {
      double cx = t.x(x[node]);
      double cy = t.y(y[node]);
      canvas.rect(cx - w / 2, cy - h / 2, w, h, nodeColor(node), Color.BLACK, t.pt(1));
      List<String> lines = nodeText(node);
      double lineHeight = font * 1.2;
      double top = cy - lineHeight * lines.size() / 2 + lineHeight / 2;
      for (int i = 0; i < lines.size(); i++) {
        canvas.text(lines.get(i), cx, top + i * lineHeight, font, false, Color.BLACK,
            Align.CENTER, Align.CENTER, 0);
      }
    }
  }

  /** The largest font (at most 10 pt) whose lines fit every box. */
  private double fontPx(Transform t, double w, double h) {
    double font = t.pt(Style.FONT);
    double widest = 0;
    int mostLines = 1;
    for (int node = 0; node < x.length; node++) {
      List<String> lines = nodeText(node);
      mostLines = Math.max(mostLines, lines.size());
      for (String line : lines) {
        widest = Math.max(widest, GraphicsCanvas.textWidth(line, font, false));
      }
    }
    double scale = Math.min(1, Math.min(0.92 * w / widest, 0.9 * h / (mostLines * font * 1.2)));
    return font * scale;
  }
}
