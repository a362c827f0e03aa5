package semaine.plot;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import semaine.util.Checks;

/**
 * One plotting area of a {@link Figure}, as matplotlib's {@code Axes}: its artists (scatter, lines,
 * bars, images, contours, decision regions, a 3-D surface, text), its title, axis labels, limits,
 * grid and legend. Artist methods return the artist so its options chain
 * ({@code ax.scatter(x, y).c(labels).cmap("bwr").label("train")}); the other setters return this
 * axes.
 *
 * <p>Limits follow matplotlib: the data's extent plus 5 % on each side, except at "sticky" edges
 * (a bar's baseline, an image's border); ticks are {@code MaxNLocator}'s; colours cycle through
 * tab10, one cycle for lines and one for filled artists (scatter, bars), as matplotlib keeps.
 */
public final class Axes {

  private final Rectangle2D box; // where the figure places this axes, in figure pixels
  private final double pxPerPt; // the figure's dpi / 72
  private final List<Artist> artists = new ArrayList<>();
  private int lineCycle;
  private int patchCycle;
  private String title = "";
  private String xlabel = "";
  private String ylabel = "";
  private double[] xlim;
  private double[] ylim;
  private boolean grid;
  private String legendLoc;
  private boolean equalAspect;

  /** An empty axes in {@code box} (figure pixels) of a figure at {@code pxPerPt} = dpi / 72. */
  Axes(Rectangle2D box, double pxPerPt) {
    this.box = box.getBounds2D();
    this.pxPerPt = pxPerPt;
  }

  /** A scatter of (x[i], y[i]); the next colour of the patch cycle unless styled. */
  public Scatter scatter(double[] x, double[] y) {
    return add(new Scatter(x, y, Colors.cycle(patchCycle++)));
  }

  /** A line through (x[i], y[i]); the next colour of the line cycle unless styled. */
  public Line plot(double[] x, double[] y) {
    return add(new Line(x, y, Colors.cycle(lineCycle++)));
  }

  /** A line through (i, y[i]), as {@code plot(y)}. */
  public Line plot(double[] y) {
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    return plot(x, y);
  }

  /** A line through (x[i], y[i]) styled by a format string such as {@code "r--"}. */
  public Line plot(double[] x, double[] y, String fmt) {
    return plot(x, y).style(fmt);
  }

  /** A horizontal line at data y across the whole axes (colour C0 unless styled). */
  public Line axhline(double y) {
    return add(new Line(new double[] {0}, new double[] {Checks.checkFinite("y", y)},
        Colors.cycle(0), Line.Span.HORIZONTAL));
  }

  /** A vertical line at data x across the whole axes. */
  public Line axvline(double x) {
    return add(new Line(new double[] {Checks.checkFinite("x", x)}, new double[] {0},
        Colors.cycle(0), Line.Span.VERTICAL));
  }

  /** Bars of {@code heights} centred at {@code x}, 0.8 wide, as {@code ax.bar(x, height)}. */
  public Bars bar(double[] x, double[] heights) {
    return add(new Bars(x, heights, 0.8, Colors.cycle(patchCycle++)));
  }

  /** Bars at 0, 1, 2... labelled by {@code categories} on the x axis. */
  public Bars bar(String[] categories, double[] heights) {
    double[] x = new double[heights.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    Checks.checkPaired("categories", categories, "heights", heights);
    return add(new Bars(x, heights, 0.8, Colors.cycle(patchCycle++)).categories(categories));
  }

  /** A histogram of {@code values} in {@code bins} equal bins over their range (NumPy's edges). */
  public Bars hist(double[] values, int bins) {
    return add(Bars.histogram(values, bins, Colors.cycle(patchCycle++)));
  }

  /**
   * An image of {@code Z} ({@code Z[row][col]}, row 0 at the top as {@code imshow}'s default
   * {@code origin="upper"}), each cell a unit square centred on its index, through a colormap;
   * it sets an equal aspect ratio as matplotlib does.
   */
  public AxesImage imshow(double[][] Z) {
    equalAspect = true;
    return add(new AxesImage(Z));
  }

  /**
   * Contour lines of {@code Z[i][j] = f(xs[j], ys[i])} (the layout of {@code np.meshgrid}) at
   * {@code levels} values chosen by MaxNLocator, coloured by the colormap.
   */
  public ContourSet contour(double[] xs, double[] ys, double[][] Z, int levels) {
    return add(ContourSet.lines(xs, ys, Z, ContourSet.autoLevels(Z, levels, false)));
  }

  /** Contour lines of Z at the given levels. */
  public ContourSet contour(double[] xs, double[] ys, double[][] Z, double[] levels) {
    return add(ContourSet.lines(xs, ys, Z, levels));
  }

  /** Filled contours: Z's range split into about {@code levels} bands, each one colour. */
  public ContourSet contourf(double[] xs, double[] ys, double[][] Z, int levels) {
    return add(ContourSet.filled(xs, ys, Z, ContourSet.autoLevels(Z, levels, true)));
  }

  /** Filled contours between the given level boundaries. */
  public ContourSet contourf(double[] xs, double[] ys, double[][] Z, double[] levels) {
    return add(ContourSet.filled(xs, ys, Z, levels));
  }

  /**
   * The plane over [xmin, xmax] x [ymin, ymax] coloured by the class a model predicts: {@code
   * predict} gets the grid's points as rows of an {@code (n, 2)} matrix ({@code model::predict}
   * fits) and returns one label per row. Drawn under everything else, so scatter the training
   * points on top.
   */
  public DecisionRegions decisionRegions(Function<double[][], int[]> predict, double xmin,
      double xmax, double ymin, double ymax) {
    return add(new DecisionRegions(predict, xmin, xmax, ymin, ymax));
  }

  /** The same, for a rule that labels one point {@code (x, y)} at a time. */
  public DecisionRegions decisionRule(ToIntFunction<double[]> rule, double xmin, double xmax,
      double ymin, double ymax) {
    return decisionRegions(DecisionRegions.pointwise(rule), xmin, xmax, ymin, ymax);
  }

  /**
   * A 3-D surface {@code Z[i][j] = f(xs[j], ys[i])} seen from an elevation and azimuth
   * (matplotlib's defaults 30° and −60°); this axes becomes a 3-D view.
   */
  public Surface3d surface3d(double[] xs, double[] ys, double[][] Z) {
    return add(new Surface3d(xs, ys, Z));
  }

  /**
   * A fitted decision tree as scikit-learn's {@code plot_tree(tree, filled=True)}: boxes with the
   * split, impurity, samples, value and class, coloured by class; name the features, classes and
   * criterion on the returned diagram. It fills the axes, which lose their ticks and spines.
   */
  public TreeDiagram plotTree(semaine.tree.Tree tree) {
    xlim(0, 1).ylim(0, 1);
    return add(new TreeDiagram(tree));
  }

  /**
   * SciPy's {@code dendrogram(Z)} of a linkage matrix (rows {@code [a, b, height, size]}, as
   * {@code scipy.cluster.hierarchy.linkage} returns): leaves along x labelled by sample index,
   * merges at their height, subtrees below 0.7 · the highest merge coloured.
   */
  public Dendrogram dendrogram(double[][] Z) {
    return add(new Dendrogram(Z));
  }

  /** Text at data (x, y), anchored at its left baseline as {@code ax.text}. */
  public Text text(double x, double y, String text) {
    return add(new Text(text, x, y, Double.NaN, Double.NaN));
  }

  /** Text at (xText, yText) with an arrow pointing at (x, y), as {@code ax.annotate}. */
  public Text annotate(String text, double x, double y, double xText, double yText) {
    return add(new Text(text, xText, yText, x, y));
  }

  /** The title above the axes. */
  public Axes title(String title) {
    this.title = title == null ? "" : title;
    return this;
  }

  /** The x axis label. */
  public Axes xlabel(String label) {
    this.xlabel = label == null ? "" : label;
    return this;
  }

  /** The y axis label. */
  public Axes ylabel(String label) {
    this.ylabel = label == null ? "" : label;
    return this;
  }

  /** Fixes the x limits (left may exceed right: the axis is then inverted). */
  public Axes xlim(double left, double right) {
    this.xlim = limits("xlim", left, right);
    return this;
  }

  /** Fixes the y limits. */
  public Axes ylim(double bottom, double top) {
    this.ylim = limits("ylim", bottom, top);
    return this;
  }

  /** Shows grid lines at the major ticks. */
  public Axes grid(boolean on) {
    this.grid = on;
    return this;
  }

  /** Shows the legend of the labelled artists at the best place (fewest points covered). */
  public Axes legend() {
    return legend("best");
  }

  /**
   * Shows the legend at {@code loc}: {@code "best"}, {@code "upper right"}, {@code "upper left"},
   * {@code "lower left"}, {@code "lower right"}, {@code "center left"}, {@code "center right"},
   * {@code "lower center"}, {@code "upper center"} or {@code "center"}.
   */
  public Axes legend(String loc) {
    Legend.checkLoc(loc);
    this.legendLoc = loc;
    return this;
  }

  /** {@code "equal"} makes one data unit as long on both axes; {@code "auto"} fills the box. */
  public Axes aspect(String aspect) {
    switch (aspect) {
      case "equal" -> equalAspect = true;
      case "auto" -> equalAspect = false;
      default -> throw new IllegalArgumentException(
          "aspect (\"" + aspect + "\") must be \"equal\" or \"auto\"");
    }
    return this;
  }

  /** The figure pixel (x right, y down) where data (x, y) is drawn, at the current limits. */
  public Point2D dataToPixel(double x, double y) {
    Transform t = transform();
    return new Point2D.Double(t.x(x), t.y(y));
  }

  /** The current x limits {left, right}: the fixed ones, or autoscaled from the artists. */
  public double[] xlim() {
    Transform t = transform();
    return new double[] {t.xmin(), t.xmax()};
  }

  /** The current y limits {bottom, top}. */
  public double[] ylim() {
    Transform t = transform();
    return new double[] {t.ymin(), t.ymax()};
  }

  // ---- package-private: read by AxesFrame, which draws this axes ----

  String titleText() {
    return title;
  }

  String xlabelText() {
    return xlabel;
  }

  String ylabelText() {
    return ylabel;
  }

  boolean gridOn() {
    return grid;
  }

  /** Where the legend goes, or null for none. */
  String legendLoc() {
    return legendLoc;
  }

  List<Artist> artists() {
    return artists;
  }

  /** The category names of a categorical bar chart on x, or null. */
  String[] categories() {
    for (Artist a : artists) {
      if (a.categories() != null) {
        return a.categories();
      }
    }
    return null;
  }

  boolean flat() {
    return artists.stream().allMatch(Artist::flat);
  }

  /** The data-to-pixel mapping: the box narrowed for an equal aspect, the current limits. */
  Transform transform() {
    Rectangle2D box = this.box.getBounds2D();
    double[] xs = xlim != null ? xlim : autoscale(true);
    double[] ys = ylim != null ? ylim : autoscale(false);
    if (ylim == null && artists.stream().anyMatch(a -> a instanceof AxesImage)) {
      ys = new double[] {ys[1], ys[0]}; // imshow's origin="upper": row 0 at the top
    }
    if (equalAspect && flat()) {
      box = equalBox(box, Math.abs(xs[1] - xs[0]), Math.abs(ys[1] - ys[0]));
    }
    return new Transform(box, xs[0], xs[1], ys[0], ys[1], pxPerPt);
  }

  private <A extends Artist> A add(A artist) {
    artists.add(artist);
    return artist;
  }

  private double[] autoscale(boolean xAxis) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    List<Double> sticky = new ArrayList<>();
    for (Artist a : artists) {
      Bounds b = a.bounds();
      if (b == null) {
        continue;
      }
      double bl = xAxis ? b.xmin() : b.ymin();
      double bh = xAxis ? b.xmax() : b.ymax();
      if (!Double.isNaN(bl)) {
        lo = Math.min(lo, bl);
        hi = Math.max(hi, bh);
      }
      for (double s : xAxis ? b.stickyX() : b.stickyY()) {
        sticky.add(s);
      }
    }
    if (lo > hi) {
      return new double[] {0, 1};
    }
    if (lo == hi) {
      // matplotlib's nonsingular(): widen a single value by 5 % of itself (or ±0.05 at zero)
      double d = lo == 0 ? 0.05 : 0.05 * Math.abs(lo);
      lo -= d;
      hi += d;
    }
    double margin = (hi - lo) * Style.MARGIN;
    double low = lo - margin;
    double high = hi + margin;
    for (double s : sticky) {
      if (s <= lo && s > low) {
        low = s;
      }
      if (s >= hi && s < high) {
        high = s;
      }
    }
    return new double[] {low, high};
  }

  private static Rectangle2D equalBox(Rectangle2D box, double dx, double dy) {
    double want = dy / dx; // box height / width for equal units
    double w = box.getWidth();
    double h = box.getHeight();
    if (h / w > want) {
      double nh = w * want;
      return new Rectangle2D.Double(box.getX(), box.getY() + (h - nh) / 2, w, nh);
    }
    double nw = h / want;
    return new Rectangle2D.Double(box.getX() + (w - nw) / 2, box.getY(), nw, h);
  }

  private static double[] limits(String name, double a, double b) {
    Checks.checkFinite(name + " low", a);
    Checks.checkFinite(name + " high", b);
    if (a == b) {
      throw new IllegalArgumentException(name + " (" + a + ", " + b + ") must not be empty");
    }
    return new double[] {a, b};
  }
}
