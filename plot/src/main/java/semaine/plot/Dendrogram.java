package semaine.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import semaine.util.Checks;

/**
 * A hierarchical clustering drawn as SciPy's {@code dendrogram(Z)}: each merge of the linkage
 * matrix {@code Z} (rows {@code [a, b, height, size]}, clusters numbered as SciPy numbers them) is
 * a ∪-shaped link from its two children up to its height. Leaves are placed left to right in the
 * order of a depth-first walk taking {@code a} before {@code b} (SciPy's {@code leaves}), one per
 * category on the x axis, labelled by the sample index. As SciPy's {@code color_threshold}
 * (default 0.7 · the highest merge), each subtree whose root merges below the threshold takes the
 * next colour of C1, C2, ... and the links above it are C0.
 */
public final class Dendrogram implements Artist {

  private final double[][] Z;
  private final int n;
  private final int[] leaves;
  private final double[] position; // x of cluster i (leaves and merges), in leaf units
  private double threshold;
  private double linewidth = 1.5;

  Dendrogram(double[][] Z) {
    Checks.checkMatrix("Z", Z);
    for (double[] row : Z) {
      if (row.length != 4) {
        throw new IllegalArgumentException("Z must have 4 columns [a, b, height, size] as SciPy's "
            + "linkage matrix, got " + row.length);
      }
    }
    this.Z = Arrays.stream(Z).map(double[]::clone).toArray(double[][]::new);
    this.n = Z.length + 1;
    this.position = new double[2 * n - 1];
    List<Integer> order = new ArrayList<>();
    walk(2 * n - 2, order);
    this.leaves = order.stream().mapToInt(Integer::intValue).toArray();
    this.threshold = 0.7 * Arrays.stream(Z).mapToDouble(r -> r[2]).max().orElseThrow();
  }

  private void walk(int cluster, List<Integer> order) {
    if (cluster < n) {
      position[cluster] = order.size();
      order.add(cluster);
      return;
    }
    double[] row = Z[cluster - n];
    int a = child(row[0]);
    int b = child(row[1]);
    walk(a, order);
    walk(b, order);
    position[cluster] = (position[a] + position[b]) / 2;
  }

  private int child(double id) {
    if (id != Math.rint(id) || id < 0 || id >= 2 * n - 1) {
      throw new IllegalArgumentException("Z holds a cluster id (" + id + ") that is not an "
          + "integer in [0, " + (2 * n - 2) + "]");
    }
    return (int) id;
  }

  /** Colours the subtrees that merge below {@code height} (SciPy's {@code color_threshold}). */
  public Dendrogram colorThreshold(double height) {
    this.threshold = Checks.checkFinite("color_threshold", height);
    return this;
  }

  /** The link width in points (default 1.5, matplotlib's lines.linewidth). */
  public Dendrogram linewidth(double points) {
    this.linewidth = Checks.checkPositive("linewidth", points);
    return this;
  }

  /** The samples in left-to-right order, as SciPy's {@code dendrogram(Z)["leaves"]}. */
  public int[] leaves() {
    return leaves.clone();
  }

  /**
   * The colour of each merge's link (row {@code i} of Z), as SciPy's {@code color_list} in row
   * order: C1, C2... by subtree below the threshold, left to right, C0 above.
   */
  public Color[] linkColors() {
    Color[] colors = new Color[Z.length];
    int[] next = {0};
    paint(2 * n - 2, null, colors, next);
    return colors;
  }

  private void paint(int cluster, Color inherited, Color[] colors, int[] next) {
    if (cluster < n) {
      return;
    }
    double[] row = Z[cluster - n];
    Color color = inherited;
    if (color == null && row[2] < threshold) {
      color = Colors.cycle(1 + next[0]++ % 9); // SciPy's palette: C1 ... C9
    }
    colors[cluster - n] = color == null ? Colors.cycle(0) : color;
    paint(child(row[0]), color, colors, next);
    paint(child(row[1]), color, colors, next);
  }

  @Override
  public Bounds bounds() {
    double top = Arrays.stream(Z).mapToDouble(r -> r[2]).max().orElseThrow();
    return new Bounds(-0.5, n - 0.5, 0, top, new double[] {-0.5, n - 0.5}, new double[] {0});
  }

  @Override
  public int zorder() {
    return 2;
  }

  @Override
  public String[] categories() {
    return Arrays.stream(leaves).mapToObj(Integer::toString).toArray(String[]::new);
  }

  @Override
  public void draw(Canvas canvas, Transform t) {
    Color[] colors = linkColors();
    for (int i = 0; i < Z.length; i++) {
      int a = child(Z[i][0]);
      int b = child(Z[i][1]);
      double[] xs = {t.x(position[a]), t.x(position[a]), t.x(position[b]), t.x(position[b])};
      double[] ys = {t.y(height(a)), t.y(Z[i][2]), t.y(Z[i][2]), t.y(height(b))};
      canvas.polyline(xs, ys, 4, colors[i], t.pt(linewidth), null);
    }
  }

  private double height(int cluster) {
    return cluster < n ? 0 : Z[cluster - n][2];
  }
}
